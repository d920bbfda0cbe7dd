"""The agenda: the sections that open with a divider, numbered in their colours."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run
from ..layout.text import runs_of
from ..layout.timing import plan_talk
from ..nodes import SlideBase, Text
from .base import SlideKind
from .listing import entry


class AgendaSlide(SlideBase):
    """Lists the sections that have a divider slide, numbered or with their start times."""

    kind: Literal["agenda"]
    title: Text | None = Field(
        default=None, description="Default: the label 'agenda' ('Agenda' in English)."
    )
    times: bool = Field(
        default=False,
        description="Show each section's start time instead of its number (the plan's "
        "clock from meta.start or --start).",
    )


def compose(slide: AgendaSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    palette, listing = design.palette, design.listing
    sections = [s for s in ctx.talk.sections if s.divider]
    times = _times(slide, ctx)
    marks = times or [f"{i:02d}" for i in range(1, len(sections) + 1)]
    hang = listing.agenda_hang
    if times:  # "9:30 AM" is wider than "01": hang past the widest
        gap, size = listing.agenda_number_gap, design.scale.body
        hang = max(hang, *(ctx.text.width(t + gap, size, bold=True) for t in times))
    blocks = [
        entry(
            ctx,
            (
                Run(
                    f"{mark}{listing.agenda_number_gap}",
                    bold=True,
                    color=palette.readable(palette.concept(s.concept)),
                ),
                *runs_of(s.title, link_color=palette.link),
            ),
            design.spacing.agenda_before,
            hang,
        )
        for mark, s in zip(marks, sections, strict=True)
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


def _times(slide: AgendaSlide, ctx: SlideContext) -> list[str] | None:
    """Each section's start time, in the talk's locale, when the slide asks for times
    and the session has a start."""
    if not slide.times:
        return None
    plan = plan_talk(ctx.talk)
    if plan.start is None:
        ctx.report.warn(
            "the agenda shows start times, but the session has no start: numbered instead",
            "set meta.start: '09:30', or build with --start 09:30",
            topic="plan",
        )
        return None
    labels = ctx.talk.labels
    return [
        labels.time(plan.clock(s.start))
        for s in plan.sections
        if ctx.talk.sections[s.index].divider
    ]


KIND = SlideKind("agenda", AgendaSlide, compose, title_label="agenda")
