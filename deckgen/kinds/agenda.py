"""The agenda: the sections that open with a divider, numbered in their colours, or
their start times with the breaks and the end."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import Page, SlideContext
from ..layout.flow import Flow, flow_pages, listing_rule
from ..layout.frames import Run
from ..layout.text import runs_of
from ..layout.timing import Plan, Stop, agenda_stops, plan_talk, rounded
from ..nodes import SlideBase, Text, spliced_join
from .base import SlideKind
from .listing import entry


class AgendaSlide(SlideBase):
    """Lists the sections that have a divider slide (or ``agenda: true``), numbered or
    with their start times, the breaks and the end."""

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
    talk = ctx.talk
    sections = [s for s in talk.sections if s.listed]
    plan = plan_talk(talk)
    stops = agenda_stops(plan, [s.listed for s in talk.sections])
    clock = _clock(slide, ctx, plan)
    lines = [stop for stop in stops if clock or stop.section is not None or stop.pause]
    numbers = iter(range(1, len(sections) + 1))
    marks = [
        _time(ctx, plan, stop)
        if clock
        else (f"{next(numbers):02d}" if stop.section is not None else "")
        for stop in lines
    ]
    hang = listing.agenda_hang
    if clock:  # "9:30 AM" is wider than "01": hang past the widest
        gap, size = listing.agenda_number_gap, design.scale.body
        hang = max([hang, *(ctx.text.width(t + gap, size, bold=True) for t in marks)])
    blocks = [
        entry(
            ctx,
            (
                Run(f"{mark}{listing.agenda_number_gap}", bold=True, color=_color(ctx, stop)),
                *_said(ctx, stop),
            ),
            design.spacing.agenda_before,
            hang,
            design.scale.body,
        )
        for mark, stop in zip(marks, lines, strict=True)
    ]
    notes = slide.notes or talk.labels(
        "agenda_notes", sections=spliced_join("; ", [s.title for s in sections])
    )
    flow = Flow(
        slide.title,
        notes,
        palette.primary,
        design.grid.body_box,
        listing_rule(ctx, design.scale.body, slide.title),
    )
    return flow_pages(ctx, flow, blocks)


def _time(ctx: SlideContext, plan: Plan, stop: Stop) -> str:
    return ctx.talk.labels.time(plan.clock(stop.offset))


def _color(ctx: SlideContext, stop: Stop) -> str:
    """A section's mark in its concept's colour; a break's and the end's in the text's."""
    palette = ctx.design.palette
    if stop.section is None:
        return palette.readable(palette.text)
    return palette.readable(palette.concept(ctx.talk.sections[stop.section].concept))


def _said(ctx: SlideContext, stop: Stop) -> tuple[Run, ...]:
    """A section's title, a break and its minutes, or the end."""
    labels = ctx.talk.labels
    if stop.section is not None:
        return runs_of(ctx.talk.sections[stop.section].title, link_color=ctx.design.palette.link)
    if stop.pause:
        minutes = labels("minutes_short", minutes=labels.number(rounded(stop.pause)))
        return (Run(labels("agenda_break", minutes=minutes)),)
    return (Run(labels("end")),)


def _clock(slide: AgendaSlide, ctx: SlideContext, plan: Plan) -> bool:
    """Whether the agenda shows clock times: the slide asks for them and the session
    has a start."""
    if not slide.times:
        return False
    if plan.start is None:
        ctx.report.warn(
            "the agenda shows start times, but the session has no start: numbered instead",
            "set meta.start: '09:30', or build with --start 09:30",
            topic="plan",
        )
        return False
    return True


KIND = SlideKind("agenda", AgendaSlide, compose, title_label="agenda")
