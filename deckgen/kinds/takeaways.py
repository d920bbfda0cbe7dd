"""Takeaways: two to four statements, large, each marked by its concept's icon (or
both concepts' icons, or a number in a disc where icons are missing).

The statements are the paragraphs of the body placeholder, each centred on its badge's
row by the space before it; the badges are decoration beside them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.chrome import title_items
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit
from ..layout.frames import (
    Align,
    Anchor,
    Item,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
)
from ..layout.geometry import Rect
from ..layout.stack import one_measure, placed_at
from ..layout.text import ParaStyle, height
from ..nodes import Name, SelectableText, SlideBase, Text
from .base import SlideKind


class Takeaway(SelectableText):
    concept: Name | None = Field(default=None, description="A key of `concepts`.")


class TakeawaysSlide(SlideBase):
    kind: Literal["takeaways"]
    title: Text
    points: list[Takeaway] = Field(min_length=1, max_length=4)


def compose(slide: TakeawaysSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, body = design.takeaways, design.grid.body_box
    text_x = body.x + box.badge + box.text_gap
    text_w = body.right - text_x
    style = ParaStyle(design.scale.takeaway, design.palette.text, balance=True)

    def rows(paras) -> list[int]:
        return [max(height([p]), box.badge) for p in paras]

    gaps = len(slide.points) - 1
    # the design's gap, closed up (never below the least) only as far as the badges need
    room = (body.h - box.badge * len(slide.points)) // gaps if gaps else box.gap
    gap = max(box.least_gap, min(box.gap, room))

    def attempt(size: float):
        paras = [ctx.text.set(p.text, text_w, style.at(size)) for p in slide.points]
        total = sum(rows(paras)) + gap * gaps
        return paras if total <= body.h else None

    rule = FitRule(
        design.scale.takeaway,
        design.scale.takeaway_floor,
        design.scale.step,
        failure=f"the takeaways of '{slide.title}' do not fit on one slide",
        failure_hint="keep each takeaway to one or two lines",
    )
    paras = fit(ctx.report, rule, attempt).pages[0]
    paras = one_measure(ctx.text, [p.text for p in slide.points], paras, text_w, style)
    items = title_items(ctx, slide.title, design.palette.primary)
    heights = rows(paras)
    if gaps:  # set apart by up to the design's most where the body has room (never closer)
        gap = max(gap, min(box.most_gap, (body.h - sum(heights)) // gaps))
    y = body.y + max(0, (body.h - sum(heights) - gap * gaps) // 2)
    icons = _use_icons(slide, ctx)
    tops = []
    for i, (point, para, row) in enumerate(zip(slide.points, paras, heights, strict=True), 1):
        badge = Rect(body.x, y + (row - box.badge) // 2, box.badge, box.badge)
        items += _icons(ctx, point, i, badge) if icons else _number(ctx, point, i, badge)
        tops.append(y + (row - height([para])) // 2)  # centred on its badge
        y += row + gap
    placed = placed_at(paras, tops)
    rect = Rect(text_x, tops[0], text_w, height(placed))
    items.append(ctx.text.box(rect, placed, Role.BODY, "Takeaways", placeholder=Placeholder.BODY))
    return [Page(slide.title, items, slide.notes or "", SlideLayout.CONTENT)]


def _use_icons(slide: TakeawaysSlide, ctx: SlideContext) -> bool:
    """A concept's icon marks its takeaway; a takeaway about no one concept is marked by
    all of them; where icons are missing, every takeaway is numbered."""
    concepts = ctx.talk.concepts
    return any(c.icon is not None for c in concepts.values()) and all(
        p.concept is None or concepts[p.concept].icon is not None for p in slide.points
    )


def _number(ctx: SlideContext, point: Takeaway, i: int, rect: Rect) -> list[Item]:
    design = ctx.design
    palette = design.palette
    color = palette.concept(point.concept)
    style = ParaStyle(
        design.scale.marker,
        palette.on(color),
        bold=True,
        align=Align.CENTER,
        pitch=design.spacing.tight_pitch,
    )
    number = ctx.text.set(str(i), rect.w, style)
    return [
        Shape(rect, ShapeKind.ELLIPSE, color, f"Takeaway {i} disc"),
        ctx.text.box(rect, [number], Role.DECORATION, f"Takeaway {i} number", anchor=Anchor.MIDDLE),
    ]


def _icons(ctx: SlideContext, point: Takeaway, i: int, rect: Rect) -> list[Item]:
    design = ctx.design
    box, palette = design.takeaways, design.palette
    concepts = [(k, c) for k, c in ctx.talk.concepts.items() if c.icon is not None]
    if point.concept is not None:
        concepts = [(point.concept, ctx.talk.concepts[point.concept])]
    else:
        concepts = concepts[:2]
    if len(concepts) == 1:
        ((key, concept),) = concepts
        fill = palette.tint(palette.concept(key), palette.disc_tint)
        return [
            Shape(rect, ShapeKind.ELLIPSE, fill, f"Takeaway {i} disc"),
            ctx.picture(concept.icon, rect.inset(box.icon_inset), f"Takeaway {i} icon"),
        ]
    # two smaller discs side by side: this point is about both
    size = round(rect.w * box.pair_disc)
    out: list[Item] = []
    for j, (key, concept) in enumerate(concepts):
        disc = Rect(rect.x + j * (rect.w - size), rect.y + (rect.h - size) // 2, size, size)
        fill = palette.tint(palette.concept(key), palette.disc_tint)
        inset = round(size * box.pair_icon_inset)
        out.append(Shape(disc, ShapeKind.ELLIPSE, fill, f"Takeaway {i} disc {j + 1}"))
        out.append(ctx.picture(concept.icon, disc.inset(inset), f"Takeaway {i} icon {j + 1}"))
    return out


def select(slide: TakeawaysSlide, audience: str | None) -> tuple[dict, list[str]]:
    """The takeaways meant for ``audience`` (the first, if none is)."""
    kept = [p for p in slide.points if p.kept_for(audience)]
    return {"points": kept or slide.points[:1]}, []


KIND = SlideKind(
    "takeaways",
    TakeawaysSlide,
    compose,
    select=select,
    slide_layout=SlideLayout.CONTENT,
)
