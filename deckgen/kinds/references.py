"""The references slide: the outline's references, numbered, two columns."""

from __future__ import annotations

from typing import Literal

from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run
from ..outline.nodes import SlideBase, Text
from .base import InHandout, SlideKind
from .listing import entry


class ReferencesSlide(SlideBase):
    """Lists the outline's references."""

    kind: Literal["references"]
    title: Text = "References"


def compose(slide: ReferencesSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    palette, listing = design.palette, design.listing
    blocks = []
    for ref in ctx.bibliography.entries:
        runs = [
            Run(ref.label + listing.reference_gap, bold=True, color=palette.primary),
            Run(ref.title, italic=True),
        ]
        if ref.details:
            runs.append(Run(". " + ref.details))
        if ref.url:
            runs.append(Run(". " + ref.url, color=palette.muted))
        blocks.append(entry(ctx, tuple(runs), design.spacing.entry_before, listing.reference_hang))
    flow = Flow(
        slide.title,
        slide.notes or "References for this talk.",
        palette.primary,
        design.grid.body_box,
        listing_rule(ctx, design.scale.listing, slide.title),
        columns=listing.columns,
    )
    return flow_pages(ctx, flow, blocks)


KIND = SlideKind("references", ReferencesSlide, compose, InHandout.APPENDIX)
