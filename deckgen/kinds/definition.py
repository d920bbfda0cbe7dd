"""A definition: the quote large, after a big quotation mark, its attribution below it,
and the concept's icon beside it. A quote longer than a slide continues between lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, fit, split_lines
from ..layout.flow import continued_page
from ..layout.frames import Align, Item, Paragraph, Placeholder, Role, Shape, ShapeKind
from ..layout.geometry import Rect
from ..layout.handout_blocks import Citation, HandoutContext
from ..layout.stack import stacked
from ..layout.text import ParaStyle, height
from ..nodes import Name, SlideBase, Text, spliced
from .base import SlideKind


class DefinitionSlide(SlideBase):
    """A quoted definition, large, with its attribution."""

    kind: Literal["definition"]
    title: Text
    term: Text = Field(description="The term being defined, e.g. 'AI security'.")
    quote: Text
    attribution: Text = Field(description="Who said it, e.g. 'Amazon Web Services (AWS)'.")
    source: Text | None = Field(default=None, description="Where, e.g. 'Security whitepaper'.")
    reference: Name | None = Field(default=None, description="An id in `references`.")
    concept: Name | None = Field(default=None, description="A key of `concepts`.")


@dataclass(frozen=True)
class _Quote:
    """One slide's share of the quote, and the attribution (set below the last share)."""

    lines: list[Paragraph]
    attribution: Paragraph


def compose(slide: DefinitionSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, grid = design.definition, design.grid
    body = grid.body_box
    accent = ctx.accent(slide.concept)
    concept = ctx.talk.concepts.get(slide.concept) if slide.concept else None
    icon = concept.icon if concept is not None else None
    x = body.x + box.mark_width
    width = body.right - x - (box.icon_disc + box.icon_gap if icon else 0)
    quote = ParaStyle(
        design.scale.quote,
        design.palette.text,
        italic=True,
        pitch=design.spacing.quote_pitch,
        balance=True,
    )
    said = ctx.text.set(
        _attribution(slide, ctx),
        width,
        ParaStyle(design.scale.attribution, design.palette.readable(accent, large=True), bold=True),
    )
    room = body.h - box.attribution_gap - height([said])

    def attempt(size: float):
        lines = ctx.text.set(slide.quote, width, quote.at(size))
        return _Quote([lines], said) if height([lines]) <= room else None

    def paginate(floor: float):
        lines = ctx.text.set(slide.quote, width, quote.at(floor))
        return [_Quote(piece, said) for piece in split_lines([lines], room)]

    rule = FitRule(
        design.scale.quote,
        design.scale.floor,
        design.scale.step,
        what="quote",
        continue_message=f"the quote is too long even at {design.scale.floor:g} pt",
        continue_hint="quote the key sentence and put the rest in the notes",
        failure=f"the attribution of '{slide.title}' leaves no room for the quote",
        failure_hint="shorten the attribution to a name and a source",
    )
    shares = fit(ctx.report, rule, attempt, paginate).pages
    area = Rect(x, body.y, width, body.h)

    def items(i: int, share: _Quote) -> list[Item]:
        out = _quote_items(ctx, share, area, accent, i == len(shares) - 1)
        if icon is not None and i == 0:
            out += _icon(ctx, concept, accent)
        return out

    return [
        continued_page(
            ctx,
            i,
            (slide.title, slide.notes, accent),
            lambda i=i, share=share: items(i, share),
            continued=i > 0,
        )  # fmt: skip
        for i, share in enumerate(shares)
    ]


def _attribution(slide: DefinitionSlide, ctx: SlideContext) -> str:
    number = ctx.bibliography.number(slide.reference)
    source = (", ", slide.source) if slide.source else ()
    cited = f" [{number}]" if number is not None else ""
    # each part in its language (a fallback's in the outline's; all of it, dash and
    # number, where both are)
    return spliced("— ", slide.attribution, *source, cited)


def _quote_items(
    ctx: SlideContext, share: _Quote, area: Rect, accent: str, last: bool
) -> list[Item]:
    """The mark, the quote and (on its last slide) the attribution, from a fixed top."""
    design = ctx.design
    box = design.definition
    quote_h = height(share.lines)
    said_h = height([share.attribution])
    block_h = quote_h + ((box.attribution_gap + said_h) if last else 0)
    # every definition starts at the same height, so the quote does not jump
    top = area.y + min(box.top, max(0, area.h - block_h))
    mark = ctx.text.set(
        "“",
        box.mark_width,
        ParaStyle(
            design.scale.quote_mark,
            design.palette.readable(accent, large=True),
            bold=True,
            pitch=design.spacing.tight_pitch,
            align=Align.LEFT,
        ),
    )
    mark_rect = Rect(area.x - box.mark_width, top - box.mark_rise, box.mark_width, height([mark]))
    quote = ctx.text.box(
        Rect(area.x, top, area.w, quote_h),
        share.lines,
        Role.QUOTE,
        "Quote",
        placeholder=Placeholder.BODY,
        pos=ctx.report.pos,
    )
    items: list[Item] = [ctx.text.box(mark_rect, [mark], Role.DECORATION, "Quote mark")]
    if not last:
        return [*items, quote]
    # the attribution: the quote placeholder's last paragraph (apart where it must be)
    rect = Rect(area.x, top + quote_h + box.attribution_gap, area.w, said_h)
    said = ctx.text.box(rect, [share.attribution], Role.ATTRIBUTION, "Attribution")
    one = stacked([quote, said], "Quote", Role.QUOTE, Placeholder.BODY, ctx.report.pos)
    return [*items, *([quote, said] if one is None else [one])]


def _icon(ctx: SlideContext, concept, accent: str) -> list[Item]:
    design = ctx.design
    box, palette = design.definition, design.palette
    body = design.grid.body_box
    disc = Rect(body.right - box.icon_disc, body.y + box.top, box.icon_disc, box.icon_disc)
    return [
        Shape(disc, ShapeKind.ELLIPSE, palette.tint(accent, palette.disc_tint), "Icon disc"),
        ctx.picture(concept.icon, disc.inset(box.icon_inset), f"{concept.label} icon"),
    ]


def to_handout(slide: DefinitionSlide, ctx: HandoutContext) -> list[Citation]:
    """The handout's references say which slides quote them."""
    return [Citation(ctx.number, slide.reference, slide.attribution, slide.source, slide.pos)]


KIND = SlideKind("definition", DefinitionSlide, compose, handout=to_handout)
