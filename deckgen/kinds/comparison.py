"""A comparison: a native table, a header row in the concepts' colours, banded rows;
rows that do not fit continue on "(cont.)" slides with the header repeated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import SourcePos, quoted_short
from ..inline import plain
from ..layout.context import Page, SlideContext
from ..layout.design import Palette
from ..layout.fit import FitRule, SlideFailed, even_rows, fit
from ..layout.flow import continued_page
from ..layout.frames import Anchor, SlideLayout, Table, TableCell
from ..layout.geometry import Rect
from ..layout.handout_blocks import HandoutContext, Heading, ReadingTable, sourced
from ..layout.text import ParaStyle, height, prose_of
from ..limits import MAX_COLUMNS, MAX_ROWS
from ..nodes import Cell, Name, Node, SlideBase, Text, text_shorthand, with_places
from .base import SlideKind


class Column(Node):
    label: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return text_shorthand(data, "label")


class ComparisonSlide(SlideBase):
    """A native table: a header row and one column per concept."""

    kind: Literal["comparison"]
    title: Text
    columns: list[Column] = Field(min_length=2, max_length=MAX_COLUMNS)
    rows: list[list[Cell]] = Field(min_length=1, max_length=MAX_ROWS)
    # where each row starts in the outline, for messages about it
    row_pos: SkipJsonSchema[list[SourcePos]] = Field(
        default_factory=list, alias="__row_pos__", exclude=True, repr=False
    )

    @model_validator(mode="before")
    @classmethod
    def _row_places(cls, data):
        return with_places(data, "rows", "__row_pos__", "item_pos")

    @model_validator(mode="after")
    def _rows_match_header(self):
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "row_length",
                    "row {number} has {cells} cells but the table has {columns} columns",
                    {"row": i, "number": i + 1, "cells": len(row), "columns": len(self.columns)},
                )
        return self


Row = tuple[TableCell, ...]


def column_widths(ctx: SlideContext, columns: int, width: int) -> tuple[int, ...]:
    """The first column (the aspect compared) takes the design's share; the rest share
    what is left equally, the last taking the remainder."""
    first = round(width * ctx.design.comparison.first_share(columns))
    rest = (width - first) // (columns - 1)
    return (first,) + (rest,) * (columns - 2) + (width - first - rest * (columns - 2),)


def header_fills(palette: Palette, slide: ComparisonSlide) -> tuple[str, ...]:
    """Each column's header colour: its concept's, else the primary colour."""
    return tuple(
        palette.concept(c.concept) if c.concept else palette.primary for c in slide.columns
    )


def names_rows(slide: ComparisonSlide) -> bool:
    """Whether the first column holds the rows' labels (row headers for screen readers):
    its header cell names them (has text), it is no concept's column, and every column
    after it is a concept's, as in ``Aspect | AI Security | AI Safety``. Otherwise the
    first column may be a thing compared like the others, and is left as data."""
    first, *others = slide.columns
    return (
        bool(plain(first.label).strip())
        and first.concept is None
        and all(c.concept for c in others)
    )


def compose(slide: ComparisonSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    scale, insets = design.scale, design.comparison.insets
    body = design.grid.body_box
    widths = column_widths(ctx, len(slide.columns), body.w)
    cell = _cell_maker(ctx, slide, widths)

    def head_at(size: float) -> Row:
        return tuple(cell(c.label, size, i, None) for i, c in enumerate(slide.columns))

    head = head_at(scale.table_header)

    def row_height(cells: Sequence[TableCell]) -> int:
        return max(height(c.paragraphs) for c in cells) + insets.top + insets.bottom

    def rows_at(size: float) -> list[Row]:
        return [
            _centred_if_unsure(tuple(cell(v, size, i, row) for i, v in enumerate(r)))
            for row, r in enumerate(slide.rows)
        ]

    def attempt(size: float):
        rows = rows_at(size)
        return rows if row_height(head) + sum(row_height(r) for r in rows) <= body.h else None

    def paginate(floor: float):
        rows = rows_at(floor)
        heights, room = [row_height(r) for r in rows], body.h - row_height(head)
        tall = next((i for i, h in enumerate(heights) if h > room), None)
        if tall is not None:
            _row_too_tall(ctx, slide, tall, floor)
        pages = even_rows(heights, room)
        return [[rows[i] for i in page] for page in pages]

    fitted = fit(ctx.report, _rule(slide, scale), attempt, paginate)
    pages = fitted.pages

    def set_at(size: float) -> tuple[Row, list[Row]]:  # the header at the larger step too
        return head_at(size if size > scale.table else scale.table_header), rows_at(size)

    roomy = _roomy(ctx, fitted, set_at, row_height)

    def items(rows) -> list:
        if roomy is not None:
            all_rows, heights = [roomy[0][0], *_banded(ctx, roomy[0][1:])], roomy[1]
            return [_table(ctx, slide, widths, all_rows, heights, Anchor.MIDDLE)]
        all_rows = [head, *_banded(ctx, rows)]
        return [_table(ctx, slide, widths, all_rows, tuple(row_height(r) for r in all_rows))]

    said = (slide.title, slide.notes, design.palette.primary)
    return [
        continued_page(
            ctx, i, said, lambda rows=rows: items(rows), SlideLayout.TITLE_ONLY, continued=i > 0
        )
        for i, rows in enumerate(pages)
    ]


def _rule(slide: ComparisonSlide, scale) -> FitRule:
    """The table's sizes: the table size down to the floor, then "(cont.)" slides."""
    return FitRule(
        scale.table,
        scale.floor,
        scale.step,
        what="table text",
        continue_message="the table does not fit",
        continue_note=" with the header repeated",
        continue_hint="shorten the cells; the full wording can go in the notes",
        failure=f"a row of the table '{slide.title}' does not fit on the slide even at "
        f"{scale.floor:g} pt",
        failure_hint="shorten this row; a single table row must fit on one slide",
    )


def _roomy(
    ctx: SlideContext, fitted, set_at, row_height
) -> tuple[list[Row], tuple[int, ...]] | None:
    """A short table uses the room: set at the scale's larger table step where it still
    spans at most the design's fill of the body (else at the table size), then its body
    rows taller, each by an even share of what is left below that fill, at most to the
    design's stretch of its set height (their cells are centred in them). The rows (the
    header first) and their heights; None for a table that fills more than that share of
    its slide, shrank or continues: it is laid out as it always was."""
    design = ctx.design
    scale, box = design.scale, design.comparison
    if len(fitted.pages) > 1 or fitted.size != scale.table:
        return None
    room = round(design.grid.body_box.h * box.fill)
    steps = int((scale.table_lead - scale.table) // scale.step)
    sizes = [scale.table_lead - k * scale.step for k in range(steps)] + [scale.table]
    for size in sizes:  # the larger step first, down to the table size
        head, rows = set_at(size)
        heights = [row_height(r) for r in (head, *rows)]
        if sum(heights) <= room:
            break
    else:
        return None
    spare = room - sum(heights)
    if spare <= 0:
        return None
    share = spare // len(rows)
    grown = [min(share, round(h * (box.row_stretch - 1))) for h in heights[1:]]
    return [head, *rows], (heights[0], *(h + g for h, g in zip(heights[1:], grown, strict=True)))


def _row_too_tall(ctx: SlideContext, slide: ComparisonSlide, row: int, floor: float) -> None:
    """Name the row that no slide can hold, at its own line: its number and first cell."""
    ctx.report.fail(
        f"row {row + 1} ({quoted_short(slide.rows[row][0])}) of the table '{slide.title}' "
        f"does not fit on the slide even at {floor:g} pt",
        "shorten this row; a single table row must fit on one slide",
        slide.row_pos[row] if row < len(slide.row_pos) else None,
    )
    raise SlideFailed


def _table(
    ctx: SlideContext,
    slide: ComparisonSlide,
    widths,
    rows: list[Row],
    heights,
    anchor: Anchor = Anchor.TOP,
) -> Table:
    design, body = ctx.design, ctx.design.grid.body_box
    return Table(
        rect=Rect(body.x, body.y, body.w, sum(heights)),
        col_widths=widths,
        row_heights=heights,
        cells=tuple(rows),
        font=design.font,
        name="Comparison table",
        insets=design.comparison.insets,
        row_headers=names_rows(slide),
        border=design.palette.table_rule,
        border_width=design.comparison.rule_width,
        pos=slide.pos,
        anchor=anchor,
    )


def _cell_maker(ctx: SlideContext, slide: ComparisonSlide, widths: tuple[int, ...]):
    design = ctx.design
    palette, insets = design.palette, design.comparison.insets
    fills = header_fills(palette, slide)

    def cell(text: str, size: float, col: int, row: int | None) -> TableCell:
        """A header cell (``row`` None) in its column's colour, or a body cell."""
        width = widths[col] - insets.left - insets.right
        if row is None:
            style = ParaStyle(size, palette.on(fills[col]), bold=True)
            return TableCell((ctx.text.set(text, width, style),), fills[col])
        # the first column names the aspect: bold, in the primary colour
        style = ParaStyle(size, palette.text if col else palette.primary, bold=col == 0)
        para = ctx.text.set(text, width, style)
        # a line that fits the cell's full width but not the share the layout breaks at
        # (wrap_safety): PowerPoint may set one line fewer than the row is tall for
        full = ctx.text.set(text, round(width / ctx.text.safety), style)
        unsure = len(full.lines) < len(para.lines)
        return TableCell((para,), None, Anchor.MIDDLE if unsure else None)

    return cell


def _centred_if_unsure(row: Row) -> Row:
    """A row whose tallest cells a renderer may each set a line shorter than the layout
    did (so the row may show a blank line at its foot) has all its cells centred: what
    is left over is shared above and below. Other rows keep their cells at the top."""
    tallest = max(height(c.paragraphs) for c in row)
    if all(c.anchor is Anchor.MIDDLE for c in row if height(c.paragraphs) == tallest):
        return tuple(replace(c, anchor=Anchor.MIDDLE) for c in row)
    return tuple(replace(c, anchor=None) for c in row)


def _banded(ctx: SlideContext, rows: list[Row]) -> list[Row]:
    palette = ctx.design.palette
    return [
        tuple(replace(c, fill=palette.surface if j % 2 == 0 else palette.background) for c in row)
        for j, row in enumerate(rows)
    ]


def to_handout(slide: ComparisonSlide, ctx: HandoutContext) -> list[ReadingTable]:
    """The table again, at reading size, in the handout's appendix: across the page in
    the slide's proportions, its header in the slide's colours, its rows banded."""
    design, pos = ctx.design, slide.pos
    palette, columns, width = design.palette, len(slide.columns), ctx.page.frame_width
    first = width * design.comparison.first_share(columns)
    rest = (width - first) / (columns - 1)
    fills = header_fills(palette, slide)
    heading = Heading(sourced(slide.title, pos), "table", keep=design.handout.table_keep)
    return [
        ReadingTable(
            heading,
            prose_of(ctx.labels("reading_table", number=ctx.number)),
            tuple(sourced(c.label, pos) for c in slide.columns),
            tuple(tuple(sourced(cell, pos) for cell in row) for row in slide.rows),
            fills,
            tuple(palette.on(fill) for fill in fills),
            (first,) + (rest,) * (columns - 1),
            palette.surface,
            row_headers=names_rows(slide),
        )
    ]


KIND = SlideKind(
    "comparison",
    ComparisonSlide,
    compose,
    handout=to_handout,
    slide_layout=SlideLayout.TITLE_ONLY,
)
