"""Flowing text onto slides: an outline slide's blocks into one or more columns, shrunk
towards the floor, then continued on as many "(cont.)" slides as it takes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .chrome import title_items
from .context import Page
from .fit import FitRule, FlowBlock, TextColumn, continued_notes, continued_title, fit, paginate
from .frames import Item, Paragraph, Placeholder, Role, SlideLayout
from .geometry import Rect

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
    rects = _columns(ctx, flow)
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
    return [
        _page(ctx, flow, [(rects[j], col) for j, col in enumerate(cols) if col], i > 0, page + i)
        for i, cols in enumerate(fitted.pages)
    ]


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
