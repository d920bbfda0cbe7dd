"""Flowing text onto slides: an outline slide's blocks into one or more columns, shrunk
towards the floor, then continued on as many "(cont.)" slides as it takes; or, where they
leave much of one slide empty, spread over its room (:func:`roomy`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .chrome import title_items
from .context import Page
from .fit import (
    FitRule,
    FlowBlock,
    NoRoom,
    TextColumn,
    continued_notes,
    continued_title,
    fit,
    paginate,
)
from .frames import Item, Paragraph, Placeholder, Role, SlideLayout
from .geometry import EMU_PER_PT, Rect
from .text import height, without_space_before
from .wrap import TooNarrow

if TYPE_CHECKING:
    from .context import SlideContext


@dataclass(frozen=True)
class Flow:
    """What to pour and where: the slide's title, notes and accent, and its text area."""

    title: str
    notes: str | None
    accent: str
    area: Rect
    rule: FitRule
    columns: int = 1
    # items beside the text on the first slide only (a picture)
    side_items: Callable[[], list[Item]] | None = None
    # the outline slide was split before its text was poured: every slide is "(cont.)"
    continued: bool = False
    # a slide with room to spare may use it (False: an outline slide split in groups,
    # whose slides stay alike)
    roomy: bool = True


def listing_rule(ctx: SlideContext, preferred: float, title: str) -> FitRule:
    """Agenda, glossary and references are made from the whole outline: they shrink and
    continue as a matter of course, without warnings."""
    scale = ctx.design.scale
    return FitRule(
        preferred,
        scale.floor,
        scale.step,
        warn_shrink=False,
        warn_continue=False,
        failure=f"an entry of '{title}' does not fit on a slide",
    )


def flow_pages(
    ctx: SlideContext, flow: Flow, blocks: Sequence[FlowBlock], page: int = 0
) -> list[Page]:
    """The slides ``blocks`` take; ``page`` is how many slides of this outline slide came
    before (for the slide numbers in warnings)."""
    rects = _one_column(flow, blocks) or _columns(ctx, flow)
    columns = len(rects)
    width, depth = min(r.w for r in rects), min(r.h for r in rects)
    if not blocks:
        return [_page(ctx, flow, [(rects[0], [])], False, page)]

    def attempt(size: float):
        pages = paginate(blocks, size, width, depth, columns)
        return pages[0] if len(pages) == 1 else None

    fitted = fit(
        ctx.report.at(page),
        flow.rule,
        attempt,
        lambda floor: paginate(blocks, floor, width, depth, columns),
    )
    pages = fitted.pages
    if len(pages) == 1 and columns == 1 and fitted.size == flow.rule.preferred:
        pages = [[roomy(ctx, flow, blocks, rects[0]) or pages[0][0]]]
    return [
        _page(ctx, flow, [(rects[j], col) for j, col in enumerate(cols) if col], i > 0, page + i)
        for i, cols in enumerate(pages)
    ]


def _one_column(flow: Flow, blocks: Sequence[FlowBlock]) -> tuple[Rect, ...] | None:
    """Text meant for two columns (a glossary, references) that one column across the
    whole area holds at its preferred size: that column (a short list reads across, not
    in a narrow column with its addresses broken over many lines); else None."""
    if flow.columns != 2 or flow.continued or not blocks:
        return None
    area = flow.area
    try:
        pages = paginate(blocks, flow.rule.preferred, area.w, area.h, 1)
    except (NoRoom, TooNarrow):
        return None
    return (area,) if len(pages) == 1 and len(pages[0]) == 1 else None


def roomy(
    ctx: SlideContext, flow: Flow, blocks: Sequence[FlowBlock], rect: Rect
) -> TextColumn | None:
    """One column of ``blocks`` laid out to use the room of a slide they leave mostly
    empty (issue 23 item 4): the scale's larger step where the text still fits
    comfortably at it, then more space above each block after the first, evenly, up to
    the design's bounds (``Spacing.fill_target``, ``lead_within``, ``most_between``).
    None where the text already spans the target (it stays as it is), or continues."""
    if not flow.roomy or flow.continued:
        return None
    spacing, depth = ctx.design.spacing, rect.h
    size = flow.rule.preferred
    poured = _poured(blocks, size, rect.w)
    if poured is None or _tall(poured) >= spacing.fill_target * depth:
        return None
    lead = ctx.design.scale.lead_for(size)
    larger = _poured(blocks, lead, rect.w) if lead is not None else None
    if larger is not None and _tall(larger) <= spacing.lead_within * depth:
        poured, size = larger, lead
    return _spread(poured, size, ctx.design.spacing, depth)


def _poured(blocks: Sequence[FlowBlock], size: float, width: int) -> list[TextColumn] | None:
    """Each block's paragraphs at ``size``, the first opening the column without space
    above (as :func:`paginate` pours them); None where a word does not fit the width."""
    try:
        poured = [block.make(size, width) for block in blocks]
    except TooNarrow:
        return None
    first = poured[0]
    return [[without_space_before(first[0]), *first[1:]], *poured[1:]]


def _tall(poured: list[TextColumn]) -> int:
    return height([para for block in poured for para in block])


def _spread(poured: list[TextColumn], size: float, spacing, depth: int) -> TextColumn:
    """The blocks in one column, the space above each after the first grown by one
    amount (half points), so the column spans ``spacing.fill_target`` of ``depth``, but
    no space beyond ``spacing.most_between`` of ``size`` (nor smaller than it was)."""
    gaps = len(poured) - 1
    spare = spacing.fill_target * depth - _tall(poured)
    extra = spare / EMU_PER_PT / gaps if gaps else 0.0
    most = spacing.most_between * size
    column = list(poured[0])
    for block in poured[1:]:
        before = block[0].space_before
        grown = math.floor(min(before + extra, most) * 2) / 2
        column += [replace(block[0], space_before=max(before, grown)), *block[1:]]
    return column


def _columns(ctx: SlideContext, flow: Flow) -> tuple[Rect, ...]:
    """The columns text flows into: over the body, the grid's (a template's two-content
    layout's bodies, or the body alone where it has none, which is said); elsewhere the
    area split evenly."""
    grid, area = ctx.design.grid, flow.area
    if flow.columns == 2 and area == grid.body_box:
        rects = grid.columns
        if len(rects) == 1:
            ctx.report.warn(
                f"'{flow.title}': the template has no two-content layout, so its columns "
                "are set one below the other",
                "add a layout with a title and two content placeholders side by side",
                topic="template",
            )
        return rects
    gap, columns = grid.column_gap, flow.columns
    width = (area.w - gap * (columns - 1)) // columns
    return tuple(Rect(area.x + i * (width + gap), area.y, width, area.h) for i in range(columns))


def continued_page(
    ctx: SlideContext,
    page: int,
    slide: tuple[str, str | None, str],
    body: Callable[[], list[Item]],
    layout: SlideLayout = SlideLayout.CONTENT,
    continued: bool = False,
) -> Page:
    """One slide of an outline slide that may take several: ``slide`` its (title, notes,
    accent), ``page`` how many slides of it came before (for the warnings), ``body`` its
    items after the title placeholder and rule. A continued slide is titled "TITLE
    (cont.)" in the talk's language, and its notes say the speaker notes are on the first."""
    title, notes, accent = slide
    labels = ctx.talk.labels
    shown = continued_title(labels, title, continued)
    items = title_items(ctx.at(page), shown, accent)
    items += body()
    return Page(
        shown, items, continued_notes(labels, title, notes, continued), layout, continued=continued
    )


def _page(
    ctx: SlideContext,
    flow: Flow,
    cols: list[tuple[Rect, TextColumn]],
    continued: bool,
    page: int,
) -> Page:
    continued = continued or flow.continued

    def body() -> list[Item]:
        items = [_body(ctx, rect, paras, i) for i, (rect, paras) in enumerate(cols)]
        if flow.side_items and not continued:
            items.extend(flow.side_items())
        return items

    layout = SlideLayout.TWO_CONTENT if len(cols) == 2 else SlideLayout.CONTENT
    return continued_page(
        ctx, page, (flow.title, flow.notes, flow.accent), body, layout, continued=continued
    )


def _body(ctx: SlideContext, rect: Rect, paras: list[Paragraph], column: int):
    first = column == 0
    return ctx.text.box(
        rect,
        paras,
        Role.BODY,
        "Body" if first else f"Body {column + 1}",
        placeholder=(Placeholder.BODY, Placeholder.SECOND_BODY)[column] if column < 2 else None,
        pos=ctx.report.pos,
    )
