"""The glossary slide: the outline's terms, two columns, continued as they need."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import SlideLayout
from ..layout.text import runs_of
from ..nodes import SlideBase, Text, foreign_like, spliced_join
from .base import InHandout, SlideKind
from .listing import entry


class GlossarySlide(SlideBase):
    """Lists the outline's glossary."""

    kind: Literal["glossary"]
    title: Text | None = Field(
        default=None, description="Default: the label 'glossary' ('Glossary' in English)."
    )


def compose(slide: GlossarySlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    primary = design.palette.primary
    terms, link = ctx.talk.glossary, design.palette.link
    blocks = [
        entry(
            ctx,
            (
                *runs_of(t.term, bold=True, color=primary),
                # (a definition in another language takes its dash with it)
                *runs_of(foreign_like(" — " + t.definition, t.definition), link_color=link),
            ),
            design.spacing.entry_before,
        )
        for t in terms
    ]
    notes = slide.notes or ctx.talk.labels(
        "glossary_notes", terms=spliced_join(", ", [t.term for t in terms])
    )
    flow = Flow(
        slide.title,
        notes,
        primary,
        design.grid.body_box,
        listing_rule(ctx, design.scale.listing, slide.title),
        columns=design.listing.columns,
    )
    return flow_pages(ctx, flow, blocks)


KIND = SlideKind(
    "glossary",
    GlossarySlide,
    compose,
    InHandout.APPENDIX,
    slide_layout=SlideLayout.TWO_CONTENT,
    title_label="glossary",
)
