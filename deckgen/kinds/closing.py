"""The closing slide: full-bleed primary colour, a big title, the concepts' bars, a
message, the presenter and the disclosure line."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.chrome import concept_bars, display_style, title_box, title_items
from ..layout.colors import readable
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit_paragraph
from ..layout.frames import Anchor, Item, Role, SlideLayout
from ..layout.geometry import Rect
from ..layout.text import ParaStyle
from ..outline.nodes import SlideBase, Text
from .base import SlideKind


class ClosingSlide(SlideBase):
    kind: Literal["closing"]
    title: Text | None = Field(
        default=None, description="Default: the label 'closing' ('Thank you' in English)."
    )
    message: Text | None = None
    show_disclosure: bool = Field(default=True, description="Print meta.disclosure.")


def compose(slide: ClosingSlide, ctx: SlideContext) -> list[Page]:
    design, meta = ctx.design, ctx.talk.meta
    box, palette = design.closing, design.palette
    background = design.stage(palette.primary)
    ink = palette.on(background)
    left, width = design.grid.margin, design.grid.content_width
    if design.plain:  # on a template: its title box and colours; no bars of ours
        items: list[Item] = title_items(ctx, slide.title, palette.primary)
    else:
        items = [_title(ctx, slide.title, ink), *concept_bars(design, left, box.bars_top)]
    if slide.message:
        items.append(_message(ctx, slide.message, ink))
    who = " · ".join(s for s in (meta.presenter, meta.organisation) if s)
    if who:
        para = ctx.text.set(who, width, ParaStyle(design.scale.caption, ink, bold=True))
        rect = Rect(left, box.presenter_top, width, box.presenter_height)
        items.append(ctx.text.box(rect, [para], Role.CAPTION, "Presenter"))
    if slide.show_disclosure and meta.disclosure:
        rect = Rect(left, box.disclosure_top, width, box.disclosure_height)
        ground = design.ground_at(SlideLayout.TITLE_ONLY, rect, background)
        faint = palette.tint(ink, palette.disclosure_tint)
        small = ParaStyle(design.scale.disclosure, readable(faint, ground))
        items.append(
            ctx.text.box(
                rect,
                [ctx.text.set(meta.disclosure, width, small)],
                Role.FOOTER,
                "Disclosure",
                anchor=Anchor.BOTTOM,
            )
        )
    return [
        Page(
            slide.title,
            items,
            slide.notes or "",
            SlideLayout.TITLE_ONLY,
            background=background,
            chrome=False,
        )
    ]


def _title(ctx: SlideContext, title: str, ink: str) -> Item:
    design = ctx.design
    box, scale = design.closing, design.scale
    rect = Rect(design.grid.margin, box.title_top, design.grid.content_width, box.title_height)
    rule = FitRule(
        scale.closing,
        scale.title_floor,
        scale.step,
        warn_shrink=False,
        failure=f"the closing title '{title}' does not fit on its slide",
        failure_hint="a closing title is a few words: 'Thank you', 'Questions?'",
    )
    style = display_style(design, scale.closing, ink)
    return title_box(ctx, rect, fit_paragraph(ctx, title, rect.w, style, rule, room=rect.h))


def _message(ctx: SlideContext, message: str, ink: str) -> Item:
    design = ctx.design
    box, scale = design.closing, design.scale
    rule = FitRule(
        scale.message,
        scale.message_floor,
        scale.step,
        warn_shrink=False,
        failure="the closing message does not fit on its slide",
        failure_hint="keep the message to two or three lines",
    )
    style = ParaStyle(scale.message, ink, balance=True)
    width = box.message_width
    para = fit_paragraph(ctx, message, width, style, rule, room=box.message_height)
    rect = Rect(design.grid.margin, box.message_top, width, box.message_height)
    return ctx.text.box(rect, [para], Role.SUBTITLE, "Message")


KIND = SlideKind(
    "closing",
    ClosingSlide,
    compose,
    slide_layout=SlideLayout.TITLE_ONLY,
    staged=True,
    title_label="closing",
)
