"""An analogy: two panels side by side, a heading (and icon) each, and the mapping
between them spelled out row by row, an arrow between each pair.

Each panel's heading and its side of the pairs are the paragraphs of one placeholder
(the left the layout's body, the right its second body: a two-content layout), each
row starting at the same height on both sides; the panels, icons and arrows are
decoration around them. On a template the panels stand in its two-content layout's
bodies; where it has none they keep deckgen's places, the left side in the body
placeholder. The summary spans both panels, which no placeholder does: a text box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit, group_rows
from ..layout.flow import continued_page
from ..layout.frames import (
    Align,
    Item,
    Paragraph,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
)
from ..layout.geometry import Rect
from ..layout.stack import placed_at
from ..layout.text import ParaStyle, height
from ..limits import MAX_PAIRS
from ..nodes import Image, Name, Node, SlideBase, Text
from .base import SlideKind


class AnalogyPanel(Node):
    heading: Text
    image: Image | None = None


class AnalogyPair(Node):
    left: Text
    right: Text


class AnalogySlide(SlideBase):
    """Two panels side by side, the mapping between them spelled out row by row."""

    kind: Literal["analogy"]
    title: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")
    left: AnalogyPanel
    right: AnalogyPanel
    pairs: list[AnalogyPair] = Field(min_length=1, max_length=MAX_PAIRS)
    summary: Text | None = None


@dataclass(frozen=True)
class _Row:
    left: Paragraph
    right: Paragraph
    height: int


@dataclass(frozen=True)
class _Frame:
    """Where the panels and their rows go on this slide."""

    left: Rect  # the left panel's column: its x, width and top
    right: Rect
    span: Rect  # under both panels: the summary's width
    panels_h: int  # the panels' most height, above the summary
    rows_h: int  # the rows' room inside the panels
    summary: Paragraph | None  # set for the span
    pad: int  # the text's inset in its panel

    @property
    def widths(self) -> tuple[int, int]:
        """The text's width in each panel."""
        return self.left.w - 2 * self.pad, self.right.w - 2 * self.pad


def compose(slide: AnalogySlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, scale = design.analogy, design.scale
    accent = ctx.accent(slide.concept)
    frame = _placed(ctx, slide, accent)

    def attempt(size: float):
        rows = _rows_at(ctx, slide, frame, size)
        return rows if sum(r.height + box.row_gap for r in rows) <= frame.rows_h else None

    def paginate(floor: float):
        rows = _rows_at(ctx, slide, frame, floor)
        pages = group_rows([r.height for r in rows], frame.rows_h, box.row_gap)
        return [[rows[i] for i in page] for page in pages]

    rule = FitRule(
        scale.analogy,
        scale.floor,
        scale.step,
        continue_message="too many pairs to fit",
        continue_hint="keep three or four pairs per analogy",
        failure=f"a pair of the analogy '{slide.title}' does not fit on a slide",
        failure_hint="keep each side of a pair to a line or two",
    )
    pages = fit(ctx.report, rule, attempt, paginate).pages
    # the second body on a layout that has one: a template without takes it as a text box
    two = len(design.grid.columns) == 2
    layout = SlideLayout.TWO_CONTENT if two else SlideLayout.CONTENT

    def items(i: int, rows) -> list[Item]:
        content, panel_h = _panels_and_rows(ctx, slide, frame, rows, accent)
        if frame.summary is not None and i == len(pages) - 1:
            top = frame.span.y + panel_h + box.summary_gap
            rect = Rect(frame.span.x, top, frame.span.w, height([frame.summary]))
            content.append(ctx.text.box(rect, [frame.summary], Role.CAPTION, "Summary"))
        return content

    return [
        continued_page(
            ctx,
            i,
            (slide.title, slide.notes, accent),
            lambda i=i, rows=rows: items(i, rows),
            layout,
            continued=i > 0,
        )  # fmt: skip
        for i, rows in enumerate(pages)
    ]


def _rows_at(ctx: SlideContext, slide: AnalogySlide, frame: _Frame, size: float) -> list[_Row]:
    text = ParaStyle(size, ctx.design.palette.text)
    rows = []
    for pair in slide.pairs:
        one = ctx.text.set(pair.left, frame.widths[0], text)
        other = ctx.text.set(pair.right, frame.widths[1], text)
        rows.append(_Row(one, other, max(height([one]), height([other]))))
    return rows


def _placed(ctx: SlideContext, slide: AnalogySlide, accent: str) -> _Frame:
    """Where the panels stand: in a template's two-content layout's bodies where each
    pair fits them at the smallest size (else, said, where deckgen puts them)."""
    grid = ctx.design.grid
    if grid.two_content is None or len(grid.columns) < 2:
        return _frame(ctx, slide, accent, _own_columns(ctx))
    frame = _frame(ctx, slide, accent, _template_columns(ctx))
    rows = _rows_at(ctx, slide, frame, ctx.design.scale.floor)
    if all(row.height <= frame.rows_h for row in rows):
        return frame
    ctx.report.warn(
        "the template's two-content boxes are too small for the analogy's pairs, so "
        "its panels stand where deckgen puts them",
        "give the template's two-content layout taller boxes",
        topic="template",
    )
    return _frame(ctx, slide, accent, _own_columns(ctx))


def _own_columns(ctx: SlideContext) -> tuple[Rect, Rect, Rect]:
    """The left and right panels' columns (x, width, top and most height) and the span
    under both, as deckgen sets them: the body box split by the arrows' gap."""
    body, gap = ctx.design.grid.body_box, ctx.design.analogy.gap
    width = (body.w - gap) // 2
    left = Rect(body.x, body.y, width, body.h)
    return left, Rect(body.x + width + gap, body.y, width, body.h), body


def _template_columns(ctx: SlideContext) -> tuple[Rect, Rect, Rect]:
    """The columns in a template's two-content layout's bodies: their top and bottom in
    common, drawn apart where they stand too close for the arrows."""
    first, second = ctx.design.grid.columns
    gap = ctx.design.analogy.gap
    top, bottom = max(first.y, second.y), min(first.bottom, second.bottom)
    pull = max(0, gap - (second.x - first.right) + 1) // 2
    left = Rect(first.x, top, first.w - pull, bottom - top)
    right = Rect(second.x + pull, top, second.w - pull, bottom - top)
    return left, right, Rect(left.x, top, right.right - left.x, bottom - top)


def _frame(
    ctx: SlideContext, slide: AnalogySlide, accent: str, columns: tuple[Rect, Rect, Rect]
) -> _Frame:
    design = ctx.design
    box = design.analogy
    left, right, span = columns
    summary = None
    if slide.summary:
        ink = design.palette.readable(accent, large=True)
        style = ParaStyle(design.scale.caption, ink, italic=True, balance=True)
        summary = ctx.text.set(slide.summary, span.w, style)
    # the summary keeps clear of the footer below it
    summary_h = height([summary]) + box.summary_clearance if summary is not None else 0
    panels_h = span.h - summary_h
    rows_h = panels_h - box.heading_height - 2 * box.pad + box.row_gap
    return _Frame(left, right, span, panels_h, rows_h, summary, box.pad)


def _panels_and_rows(
    ctx: SlideContext, slide: AnalogySlide, frame: _Frame, rows: list[_Row], accent: str
) -> tuple[list[Item], int]:
    """The panels, sized to their rows, their text and the arrows; and the panels' height."""
    box = ctx.design.analogy
    used = sum(r.height for r in rows)
    # spread the rows over the panels' height, within reason
    spacing = min(box.most_spacing, (frame.rows_h - used) // max(1, len(rows)))
    used += spacing * len(rows) - spacing
    panel_h = min(frame.panels_h, box.heading_height + box.pad + used + box.pad + spacing // 2)
    tops, y = [], frame.span.y + box.heading_height + box.pad
    for row in rows:
        tops.append(y)
        y += row.height + spacing
    items: list[Item] = []
    texts: list[Item] = []
    for side in _sides(ctx, slide, frame, accent):
        items += _panel(ctx, side, panel_h)
        texts.append(_side_text(ctx, side, rows, tops))
    items += texts
    for j, (row, top) in enumerate(zip(rows, tops, strict=True), 1):
        items.append(_arrow(ctx, frame, row, j, top, accent))
    return items, panel_h


@dataclass(frozen=True)
class _Side:
    """One panel: where it stands, what it holds, its colours and its placeholder."""

    name: str  # "Left", "Right"
    index: int  # 0 left, 1 right: which side of each pair
    column: Rect
    panel: AnalogyPanel
    fill: str
    ink: str  # the heading's
    placeholder: Placeholder


def _sides(ctx: SlideContext, slide: AnalogySlide, frame: _Frame, accent: str) -> tuple:
    palette = ctx.design.palette
    tint = palette.tint(accent, palette.panel_tint)
    return (
        _Side(
            "Left", 0, frame.left, slide.left, palette.surface, palette.primary, Placeholder.BODY
        ),
        _Side(
            "Right",
            1,
            frame.right,
            slide.right,
            tint,
            palette.readable(accent, tint, large=True),
            Placeholder.SECOND_BODY,
        ),
    )


def _panel(ctx: SlideContext, side: _Side, panel_h: int) -> list[Item]:
    """The panel's shape and its icon: decoration."""
    design = ctx.design
    box = design.analogy
    rect = Rect(side.column.x, side.column.y, side.column.w, panel_h)
    items: list[Item] = [
        Shape(
            rect, ShapeKind.ROUND_RECT, side.fill, f"{side.name} panel", corner=design.shapes.corner
        )
    ]
    if side.panel.image is not None:
        icon = Rect(rect.x + box.pad, rect.y + box.heading_top, box.icon, box.icon)
        items.append(ctx.picture(side.panel.image, icon, f"{side.name} icon"))
    return items


def _side_text(ctx: SlideContext, side: _Side, rows: list[_Row], tops: list[int]) -> Item:
    """The panel's heading (beside its icon, centred on the icon's height as a box
    anchored in the middle was) and its side of each row at the row's top, as the
    paragraphs of the side's placeholder."""
    design = ctx.design
    box = design.analogy
    width = side.column.w - 2 * box.pad
    indent = box.icon_advance if side.panel.image is not None else 0
    style = ParaStyle(design.scale.analogy_heading, side.ink, bold=True, margin_left=indent)
    heading = ctx.text.set(side.panel.heading, width, style)
    top = side.column.y + box.heading_top + (box.heading_box - height([heading])) // 2
    paras = placed_at([heading, *((row.left, row.right)[side.index] for row in rows)], [top, *tops])
    rect = Rect(side.column.x + box.pad, top, width, height(paras))
    return ctx.text.box(rect, paras, Role.BODY, f"{side.name} side", placeholder=side.placeholder)


def _arrow(ctx: SlideContext, frame: _Frame, row: _Row, j: int, top: int, accent: str) -> Item:
    """The arrow between a pair's sides, in the gap between the panels: decoration."""
    design = ctx.design
    style = ParaStyle(
        design.scale.arrow,
        design.palette.readable(accent, large=True),
        bold=True,
        align=Align.CENTER,
        pitch=design.spacing.tight_pitch,
    )
    gap = frame.right.x - frame.left.right
    arrow = ctx.text.set("→", gap, style)
    rect = Rect(frame.left.right, top, gap, max(row.height, height([arrow])))
    return ctx.text.box(rect, [arrow], Role.DECORATION, f"Pair {j} arrow")


KIND = SlideKind("analogy", AnalogySlide, compose, slide_layout=SlideLayout.TWO_CONTENT)
