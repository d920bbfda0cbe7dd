"""Picture: a screenshot or a photo as large as the slide allows under its title, with
an optional caption. Never enlarged past the picture's own pixels at a 96 dpi
projection (a small screenshot blown up only blurs); the handout shows it full width."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.chrome import title_items
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit
from ..layout.frames import Align, Role, SlideLayout
from ..layout.geometry import Rect
from ..layout.text import ParaStyle, height
from ..nodes import Image, SlideBase, Text
from .base import InHandout, SlideKind


class PictureSlide(SlideBase):
    kind: Literal["picture"]
    title: Text
    image: Image = Field(description="The picture (PNG or JPEG) and its required alt text.")
    caption: Text | None = Field(
        default=None, description="A line under the picture: what to look at, or its source."
    )


def compose(slide: PictureSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    body = design.grid.body_box
    items = title_items(ctx, slide.title, design.palette.primary)
    area, caption = body, None
    if slide.caption:
        style = ParaStyle(design.scale.caption, design.palette.muted, align=Align.CENTER)
        rule = FitRule(
            design.scale.caption,
            design.scale.floor,
            design.scale.step,
            failure=f"the caption of '{slide.title}' does not fit",
            failure_hint="keep a caption to a line or two",
        )

        def attempt(size: float):
            para = ctx.text.set(slide.caption, body.w, style.at(size))
            return para if height([para]) <= body.h * design.picture.caption_share else None

        caption = fit(ctx.report, rule, attempt).pages[0]
        gap = design.picture.caption_gap
        area = Rect(body.x, body.y, body.w, body.h - height([caption]) - gap)
    picture = ctx.picture(slide.image, area, "Picture", native=True)
    items.append(picture)
    if caption is not None:
        top = picture.rect.bottom + design.picture.caption_gap
        rect = Rect(body.x, top, body.w, height([caption]))
        items.append(ctx.text.box(rect, [caption], Role.CAPTION, "Caption"))
    return [Page(slide.title, items, slide.notes or "", SlideLayout.TITLE_ONLY)]


KIND = SlideKind(
    "picture",
    PictureSlide,
    compose,
    in_handout=InHandout.LARGE,
    slide_layout=SlideLayout.TITLE_ONLY,
)
