"""The agenda: the sections that open with a divider, numbered in their colours."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run
from ..layout.text import runs_of
from ..outline.nodes import SlideBase, Text
from .base import SlideKind
from .listing import entry


class AgendaSlide(SlideBase):
    """Lists the sections that have a divider slide."""

    kind: Literal["agenda"]
    title: Text | None = Field(
        default=None, description="Default: the label 'agenda' ('Agenda' in English)."
    )


def compose(slide: AgendaSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    palette, listing = design.palette, design.listing
    sections = [s for s in ctx.talk.sections if s.divider]
    blocks = [
        entry(
            ctx,
            (
                Run(
                    f"{i:02d}{listing.agenda_number_gap}",
                    bold=True,
                    color=palette.readable(palette.concept(s.concept)),
                ),
                *runs_of(s.title, link_color=palette.link),
            ),
            design.spacing.agenda_before,
            listing.agenda_hang,
        )
        for i, s in enumerate(sections, 1)
    ]
    notes = slide.notes or ctx.talk.labels(
        "agenda_notes", sections="; ".join(s.title for s in sections)
    )
    flow = Flow(
        slide.title,
        notes,
        palette.primary,
        design.grid.body_box,
        listing_rule(ctx, design.scale.body, slide.title),
    )
    return flow_pages(ctx, flow, blocks)


KIND = SlideKind("agenda", AgendaSlide, compose, title_label="agenda")
