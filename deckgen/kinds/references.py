"""The references slide: the outline's references, numbered, two columns."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import Field

from ..inline import LINK_SCHEMES
from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run, SlideLayout
from ..layout.text import runs_of
from ..nodes import SlideBase, Text, spliced
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
    labels = ctx.talk.labels
    blocks = []
    for ref in ctx.bibliography.entries:
        # a web or mail address links the reference's title (a screen reader says what
        # the link is, not its address); the address stays, as text, for the eye
        link = ref.url if ref.url and ref.url.lower().startswith(LINK_SCHEMES) else None
        title = runs_of(ref.title, italic=True, link_color=palette.link)
        if link is not None:
            title = tuple(replace(run, link=link, color=palette.link) for run in title)
        runs = [Run(ref.label + listing.reference_gap, bold=True, color=palette.primary), *title]
        # each part's full stop, in the talk's language, where it has none of its own
        stop = labels.full_stop(ref.title)
        if ref.details:
            runs += runs_of(spliced(f"{stop} ", ref.details), link_color=palette.link)
            stop = labels.full_stop(ref.details)
        if ref.url:
            runs += [Run(f"{stop} ", color=palette.muted), Run(ref.url, color=palette.muted)]
        before = design.spacing.entry_before
        hang, size = listing.reference_hang, design.scale.listing
        blocks.append(entry(ctx, tuple(runs), before, hang, size))
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
    "references",
    ReferencesSlide,
    compose,
    InHandout.APPENDIX,
    slide_layout=SlideLayout.TWO_CONTENT,
    title_label="references",
)
