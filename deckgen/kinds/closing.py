"""The closing slide: full-bleed primary colour, a big title, the concepts' bars, a
message, the presenter and the disclosure line."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.chrome import concept_bars
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit
from ..layout.frames import Anchor, Item, Placeholder, Role, SlideLayout
from ..layout.geometry import Rect
from ..layout.text import ParaStyle, height
from ..outline.nodes import SlideBase, Text
from .base import SlideKind


class ClosingSlide(SlideBase):
    kind: Literal["closing"]
    title: Text = "Thank you"
    message: Text | None = None
    show_disclosure: bool = Field(default=True, description="Print meta.disclosure.")


def compose(slide: ClosingSlide, ctx: SlideContext) -> list[Page]:
    design, meta = ctx.design, ctx.talk.meta
    box, palette = design.closing, design.palette
    background = palette.primary
    ink = palette.on(background)
    left, width = design.grid.margin, design.grid.content_width
    items: list[Item] = [_title(ctx, slide.title, ink)]
    items += concept_bars(design, left, box.bars_top)
    if slide.message:
        items.append(_message(ctx, slide.message, ink))
    who = " · ".join(s for s in (meta.presenter, meta.organisation) if s)
    if who:
        para = ctx.text.set(who, width, ParaStyle(design.scale.caption, ink, bold=True))
        rect = Rect(left, box.presenter_top, width, box.presenter_height)
        items.append(ctx.text.box(rect, [para], Role.CAPTION, "Presenter"))
    if slide.show_disclosure and meta.disclosure:
        small = ParaStyle(design.scale.disclosure, palette.tint(ink, palette.disclosure_tint))
        rect = Rect(left, box.disclosure_top, width, box.disclosure_height)
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
    style = ParaStyle(scale.closing, ink, bold=True, pitch=design.spacing.title_pitch, balance=True)

    def attempt(size: float):
        para = ctx.text.set(title, rect.w, style.at(size))
        return para if height([para]) <= rect.h else None

    rule = FitRule(
        scale.closing,
        scale.title_floor,
        scale.step,
        warn_shrink=False,
        failure=f"the closing title '{title}' does not fit on its slide",
        failure_hint="a closing title is a few words: 'Thank you', 'Questions?'",
    )
    para = fit(ctx.report, rule, attempt).pages[0]
    return ctx.text.box(
        rect,
        [para],
        Role.TITLE,
        "Title",
        anchor=Anchor.BOTTOM,
        placeholder=Placeholder.TITLE,
        pos=ctx.report.pos,
    )


def _message(ctx: SlideContext, message: str, ink: str) -> Item:
    design = ctx.design
    box, scale = design.closing, design.scale
    style = ParaStyle(scale.message, ink, balance=True)

    def attempt(size: float):
        para = ctx.text.set(message, box.message_width, style.at(size))
        return para if height([para]) <= box.message_height else None

    rule = FitRule(
        scale.message,
        scale.message_floor,
        scale.step,
        warn_shrink=False,
        failure="the closing message does not fit on its slide",
        failure_hint="keep the message to two or three lines",
    )
    para = fit(ctx.report, rule, attempt).pages[0]
    rect = Rect(design.grid.margin, box.message_top, box.message_width, box.message_height)
    return ctx.text.box(rect, [para], Role.SUBTITLE, "Message")


KIND = SlideKind("closing", ClosingSlide, compose)
