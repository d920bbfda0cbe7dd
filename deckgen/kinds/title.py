"""The opening slide: the talk's title large, its subtitle, the presenter line, and the
concepts' icons in tinted discs on the right."""

from __future__ import annotations

from typing import Literal

from ..layout.chrome import concept_bars, display_style, template_title_items, title_box
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit_paragraph
from ..layout.frames import Item, Placeholder, Role, Shape, ShapeKind, SlideLayout
from ..layout.geometry import Rect
from ..layout.stack import stacked
from ..layout.text import ParaStyle
from ..nodes import SlideBase, Text, spliced, spliced_join
from .base import SlideKind


class TitleSlide(SlideBase):
    """The opening slide. Title, subtitle and presenter line default to `meta`."""

    kind: Literal["title"]
    title: Text | None = None
    subtitle: Text | None = None


def compose(slide: TitleSlide, ctx: SlideContext) -> list[Page]:
    design, meta = ctx.design, ctx.talk.meta
    title = slide.title or meta.title
    subtitle = slide.subtitle or meta.subtitle
    date = ctx.talk.labels.text_date(meta.date) if meta.date else None
    presenter = [s for s in (meta.presenter, meta.organisation, date) if s]
    # the title ended as a sentence in the talk's language ("Warum?" keeps its own)
    notes = slide.notes or spliced(ctx.talk.labels.sentence(title), " ", subtitle or "")
    boxes = design.template_layout(SlideLayout.TITLE)
    if boxes is not None:
        items = template_title_items(
            ctx, boxes, title, [subtitle or "", spliced_join(" · ", presenter)]
        )
        return [Page(title, items, notes, SlideLayout.TITLE, chrome=False)]
    items: list[Item] = [_title(ctx, title)]
    items += concept_bars(
        design, design.grid.margin, design.title_slide.bars_top, design.palette.primary
    )
    items += _under_title(ctx, subtitle, presenter)
    items += _discs(ctx)
    box = design.title_slide.logo
    logo = ctx.logo(Rect(design.grid.right + box.x, box.y, box.w, box.h))
    if logo is not None:
        items.append(logo)
    return [Page(title, items, notes, SlideLayout.TITLE, chrome=False)]


def _title(ctx: SlideContext, title: str) -> Item:
    design = ctx.design
    box = design.title_slide
    rect = Rect(design.grid.margin, box.title_top, box.text_width, box.title_height)
    rule = FitRule(
        design.scale.hero,
        design.scale.title_floor,
        design.scale.step,
        warn_shrink=False,
        failure=f"the title '{title}' does not fit on the title slide",
        failure_hint="shorten it; put the rest in the subtitle",
    )
    style = display_style(design, design.scale.hero, design.palette.title)
    para = fit_paragraph(ctx, title, rect.w, style, rule, lines=box.title_lines, room=rect.h)
    return title_box(ctx, rect, para)


def _under_title(ctx: SlideContext, subtitle: str | None, presenter: list[str]) -> list[Item]:
    """The subtitle and the presenter lines below it, as paragraphs of the layout's
    subtitle placeholder where each stands as in a box of its own (else in their boxes,
    and the engine says what does not fit)."""
    blocks = ([_subtitle(ctx, subtitle)] if subtitle else []) + (
        [_presenter(ctx, presenter)] if presenter else []
    )
    one = stacked(blocks, "Subtitle", Role.SUBTITLE, Placeholder.SUBTITLE)
    return blocks if one is None else [one]


def _subtitle(ctx: SlideContext, subtitle: str) -> Item:
    design = ctx.design
    box = design.title_slide
    style = ParaStyle(design.scale.subtitle, design.palette.muted, balance=True)
    return ctx.text.box(
        Rect(design.grid.margin, box.subtitle_top, box.text_width, box.subtitle_height),
        [ctx.text.set(subtitle, box.text_width, style)],
        Role.SUBTITLE,
        "Subtitle",
        placeholder=Placeholder.SUBTITLE,
    )


def _presenter(ctx: SlideContext, parts: list[str]) -> Item:
    design = ctx.design
    box, palette = design.title_slide, design.palette
    width = box.text_width
    lines = [
        ctx.text.set(parts[0], width, ParaStyle(design.scale.caption, palette.text, bold=True))
    ]
    if len(parts) > 1:
        rest = spliced_join(" · ", parts[1:])  # each in its language
        lines.append(ctx.text.set(rest, width, ParaStyle(design.scale.caption, palette.muted)))
    rect = Rect(design.grid.margin, box.presenter_top, width, box.presenter_height)
    return ctx.text.box(rect, lines, Role.CAPTION, "Presenter")


def _discs(ctx: SlideContext) -> list[Item]:
    """The first two concepts' icons, each in a disc of its colour."""
    design = ctx.design
    box, palette = design.title_slide, design.palette
    icons = [(key, c) for key, c in ctx.talk.concepts.items() if c.icon][:2]
    size = box.disc
    right = design.grid.right  # the second disc ends on the right margin
    spots = [
        (right - size - box.first_disc_left_of_second, box.first_disc_top),
        (right - size, box.second_disc_top),
    ]
    items: list[Item] = []
    for (key, concept), (x, y) in zip(icons, spots, strict=False):
        disc = Rect(x, y, size, size)
        fill = palette.tint(palette.concept(key), palette.disc_tint)
        items.append(Shape(disc, ShapeKind.ELLIPSE, fill, f"{concept.label} disc"))
        items.append(ctx.picture(concept.icon, disc.inset(box.disc_inset), f"{concept.label} icon"))
    return items


KIND = SlideKind("title", TitleSlide, compose, layout="Title Slide", slide_layout=SlideLayout.TITLE)
