"""The references slide: the outline's references, numbered, two columns."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..inline import LINK_SCHEMES
from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run
from ..layout.text import runs_of
from ..outline.nodes import SlideBase, Text
from .base import InHandout, SlideKind
from .listing import entry


class ReferencesSlide(SlideBase):
    """Lists the outline's references."""

    kind: Literal["references"]
    title: Text | None = Field(
        default=None, description="Default: the label 'references' ('References' in English)."
    )


def compose(slide: ReferencesSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    palette, listing = design.palette, design.listing
    blocks = []
    for ref in ctx.bibliography.entries:
        runs = [
            Run(ref.label + listing.reference_gap, bold=True, color=palette.primary),
            *runs_of(ref.title, italic=True, link_color=palette.link),
        ]
        if ref.details:
            runs += runs_of(". " + ref.details, link_color=palette.link)
        if ref.url:  # a web or mail address is a link; anything else, text
            link = ref.url if ref.url.lower().startswith(LINK_SCHEMES) else None
            url_color = palette.link if link else palette.muted
            runs += [Run(". ", color=palette.muted), Run(ref.url, color=url_color, link=link)]
        blocks.append(entry(ctx, tuple(runs), design.spacing.entry_before, listing.reference_hang))
    flow = Flow(
        slide.title,
        slide.notes or ctx.talk.labels("references_notes"),
        palette.primary,
        design.grid.body_box,
        listing_rule(ctx, design.scale.listing, slide.title),
        columns=listing.columns,
    )
    return flow_pages(ctx, flow, blocks)


KIND = SlideKind(
    "references", ReferencesSlide, compose, InHandout.APPENDIX, title_label="references"
)
