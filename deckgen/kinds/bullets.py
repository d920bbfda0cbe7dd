"""Bullets: up to six points a slide (more continue on balanced "(cont.)" slides before
any is set smaller), each with optional sub-points, and an optional picture beside them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, FlowBlock
from ..layout.flow import Flow, flow_pages
from ..layout.frames import Item, Paragraph
from ..layout.geometry import Rect
from ..layout.text import ParaStyle
from ..limits import MAX_BULLETS, MAX_SUB_BULLETS
from ..nodes import Image, Name, SelectableText, SlideBase, Text
from .base import SlideKind


class Bullet(SelectableText):
    sub: list[Text] = Field(
        default_factory=list, max_length=MAX_SUB_BULLETS, description="Second-level bullets."
    )


class BulletsSlide(SlideBase):
    kind: Literal["bullets"]
    title: Text
    bullets: list[Bullet] = Field(min_length=1, max_length=MAX_BULLETS)
    concept: Name | None = Field(default=None, description="A key of `concepts`.")
    image: Image | None = None


def compose(slide: BulletsSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    accent = ctx.accent(slide.concept)
    area, side = _areas(slide, ctx)
    blocks = [_block(ctx, bullet, accent) for bullet in slide.bullets]
    # one idea per slide: more than `most` points continue on a new slide, in
    # balanced groups, before any of them is set in smaller type
    most = design.bullets.most
    groups = -(-len(blocks) // most)
    if groups > 1:
        ctx.report.warn(
            f"{len(blocks)} bullets; continued on {groups - 1} '(cont.)' slide(s), at most "
            f"{most} a slide",
            "move detail to the notes, or split the slide in the outline",
        )
    per_group = -(-len(blocks) // groups)
    scale = design.scale
    rule = FitRule(
        scale.body,
        scale.floor,
        scale.step,
        shrink_hint="fewer or shorter points keep the type scale",
        continue_message=f"too much to fit even at {scale.floor:g} pt",
        continue_hint="one idea per slide: split the content or move detail to the notes",
        failure=f"a point of '{slide.title}' does not fit on a slide",
    )
    pages: list[Page] = []
    for i in range(groups):
        flow = Flow(
            slide.title,
            slide.notes,
            accent,
            area,
            rule,
            side_items=side,
            continued=i > 0,
            roomy=groups == 1,
        )
        group = blocks[i * per_group : (i + 1) * per_group]
        pages += flow_pages(ctx, flow, group, len(pages))
    return pages


def _areas(slide: BulletsSlide, ctx: SlideContext):
    """The text's area, and the picture beside it (on the first slide only)."""
    design = ctx.design
    area = design.grid.body_box
    if slide.image is None:
        return area, None
    box = design.bullets
    width = max(box.picture_width, round(area.w * box.picture_share))
    text = Rect(area.x, area.y, area.w - width - box.picture_gap, area.h)
    x = design.grid.right - width
    rect = Rect(x, area.y + box.picture_drop, width, area.h - box.picture_drop)

    def side() -> list[Item]:
        return [ctx.picture(slide.image, rect, "Picture", top=True)]  # level with the points

    return text, side


def _block(ctx: SlideContext, bullet: Bullet, accent: str) -> FlowBlock:
    design = ctx.design
    scale, spacing, box = design.scale, design.spacing, design.bullets
    text, muted = design.palette.text, design.palette.muted

    def make(size: float, width: int) -> list[Paragraph]:
        # sub-points shrink with the points, by the same factor; they stay at their step
        # of the scale when the points take the larger one (issue 23 item 4)
        shrunk = min(size, scale.body) / scale.body
        sub_size = max(scale.floor, round(scale.sub_body * shrunk * 2) / 2)
        least = box.least(ctx.text.width(box.marker, size), size)
        margin, hanging = box.point(size / scale.body, least)
        sub_least = box.least(ctx.text.width(box.sub_marker, sub_size), sub_size)
        sub_margin, sub_hanging = box.sub(sub_size / scale.sub_body, sub_least)
        point = ParaStyle(
            size,
            text,
            space_before=size * spacing.bullet_before,
            bullet=box.marker,
            bullet_color=accent,
            margin_left=margin,
            hanging=hanging,
        )
        sub = ParaStyle(
            sub_size,
            text,
            space_before=sub_size * spacing.sub_before,
            level=1,
            bullet=box.sub_marker,
            bullet_color=muted,
            margin_left=sub_margin,
            hanging=sub_hanging,
        )
        return [ctx.text.set(bullet.text, width, point)] + [
            ctx.text.set(s, width, sub) for s in bullet.sub
        ]

    return FlowBlock(make)


def select(slide: BulletsSlide, audience: str | None) -> tuple[dict, list[str]]:
    """The bullets meant for ``audience`` (the first, if none is)."""
    kept = [b for b in slide.bullets if b.kept_for(audience)]
    dropped = len(slide.bullets) - len(kept)
    said = [f"{dropped} bullet(s) left out"] if dropped else []
    return {"bullets": kept or slide.bullets[:1]}, said


KIND = SlideKind("bullets", BulletsSlide, compose, select=select)
