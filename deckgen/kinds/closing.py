"""The closing slide: full-bleed primary colour, a big title, the concepts' bars, a
message, the presenter and the disclosure line."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import Field

from ..layout.chrome import concept_bars, display_style, title_box, title_items
from ..layout.colors import readable
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit_paragraph
from ..layout.frames import Anchor, Item, Placeholder, Role, SlideLayout, TextBox
from ..layout.geometry import Rect
from ..layout.stack import stacked
from ..layout.text import ParaStyle, height
from ..nodes import SlideBase, Text, spliced_join
from .base import SlideKind


class ClosingSlide(SlideBase):
    kind: Literal["closing"]
    title: Text | None = Field(
        default=None, description="Default: the label 'closing' ('Thank you' in English)."
    )
    message: Text | None = None
    show_disclosure: bool = Field(default=True, description="Print meta.disclosure.")


def compose(slide: ClosingSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, palette = design.closing, design.palette
    background = design.stage(palette.primary)
    ink = palette.on(background)
    if design.plain:  # on a template: its title box and colours; no bars of ours
        items: list[Item] = title_items(ctx, slide.title, palette.primary)
    else:
        bars = concept_bars(design, design.grid.margin, box.bars_top)
        items = [_title(ctx, slide.title, ink), *bars]
    logo = _logo(ctx)
    items += _below_title(ctx, slide, ink, background, logo.rect if logo else None)
    if logo is not None:
        items.append(logo)
    return [
        Page(
            slide.title,
            items,
            slide.notes or "",
            SlideLayout.CONTENT,
            background=background,
            chrome=False,
        )
    ]


def _below_title(
    ctx: SlideContext, slide: ClosingSlide, ink: str, background: str, logo: Rect | None
) -> list[Item]:
    """The message and the presenter as paragraphs of the layout's body placeholder,
    where each stands as in a box of its own (else in their boxes, and the engine says
    what does not fit), and the disclosure in the footer placeholder (clear of the logo
    where it stands beside it)."""
    blocks = [_message(ctx, slide.message, ink)] if slide.message else []
    blocks += _presenter(ctx, ink)
    drop = _under_the_title(ctx)
    blocks = [replace(block, rect=replace(block.rect, y=block.rect.y + drop)) for block in blocks]
    one = stacked(blocks, "Message", Role.BODY, Placeholder.BODY)
    items: list[Item] = blocks if one is None else [one]
    if slide.show_disclosure and ctx.talk.meta.disclosure:
        items.append(_disclosure(ctx, ink, background, logo))
    return items


def _logo(ctx: SlideContext) -> Item | None:
    """The theme's logo: where the title slide has it on deckgen's own design (the deck
    ends as it began), where the content slides have it on a template's (the closing
    slide is one of its content slides)."""
    design = ctx.design
    if design.plain:
        return ctx.logo(design.logo_box())
    box = design.closing.logo
    return ctx.logo(Rect(design.grid.right + box.x, box.y, box.w, box.h))


def _under_the_title(ctx: SlideContext) -> int:
    """How far the message and presenter move down to stand under a template's title box
    (a tall one, as a portrait template's), as far below it as deckgen's own design
    leaves them below its closing title; 0 where they already do."""
    design = ctx.design
    if not design.plain:
        return 0
    box = design.closing
    gap = box.message_top - (box.title_top + box.title_height)
    return max(0, design.grid.title_box.bottom + gap - box.message_top)


def _presenter(ctx: SlideContext, ink: str) -> list[TextBox]:
    design, meta = ctx.design, ctx.talk.meta
    # each in its language (a fallback's in the outline's)
    who = spliced_join(" · ", [s for s in (meta.presenter, meta.organisation) if s])
    if not who:
        return []
    width = design.grid.content_width
    para = ctx.text.set(who, width, ParaStyle(design.scale.caption, ink, bold=True))
    rect = Rect(
        design.grid.margin, design.closing.presenter_top, width, design.closing.presenter_height
    )
    return [ctx.text.box(rect, [para], Role.CAPTION, "Presenter")]


def _disclosure(ctx: SlideContext, ink: str, background: str, logo: Rect | None) -> TextBox:
    """The small print, as a footer is (read as such, not as the slide's content), in the
    footer placeholder the closing slide leaves free, up to the logo where it stands
    beside it (on a template, where its content slides have it)."""
    design, palette = ctx.design, ctx.design.palette
    width = design.grid.content_width
    box = design.closing
    rect = Rect(design.grid.margin, box.disclosure_top, width, box.disclosure_height)
    ground = design.ground_at(SlideLayout.CONTENT, rect, background)
    faint = palette.tint(ink, palette.disclosure_tint)
    small = ParaStyle(design.scale.disclosure, readable(faint, ground))
    para = ctx.text.set(ctx.talk.meta.disclosure, width, small)
    if logo is not None and logo.overlaps(rect) and logo.x > rect.x:
        # narrower, and as much taller (upward: it stands on the bottom) as its lines take
        width = logo.x - design.chrome.gap - rect.x
        para = ctx.text.set(ctx.talk.meta.disclosure, width, small)
        tall = max(rect.h, height([para]))
        rect = Rect(rect.x, rect.bottom - tall, width, tall)
    return ctx.text.box(
        rect,
        [para],
        Role.FOOTER,
        "Disclosure",
        anchor=Anchor.BOTTOM,
        placeholder=Placeholder.FOOTER,
    )


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


def _message(ctx: SlideContext, message: str, ink: str) -> TextBox:
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
    slide_layout=SlideLayout.CONTENT,
    staged=True,
    title_label="closing",
)
