"""The facilitator guide, laid out: what a trainer teaches from.

A cover with the session plan (each section's start, its title and planned minutes,
then the end and the total), then every slide of the deck (reveal slides and appendix
slides too, only the section dividers give way to their headings) with its thumbnail,
its clock time and planned minutes, the ``cue:`` and the full presenter notes (a quiz's
answer and explanation first), then the materials to bring. It is drawn by the
handout's renderer: the same page frame, running header, thumbnails and fonts.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from ..inline import plain
from ..nodes import spliced
from .frames import Deck, SlideFrame
from .handout import (
    caption,
    cover_facts,
    document,
    handout_contributions,
    page_frame,
    running,
    section_frames,
)
from .handout_blocks import (
    Cover,
    HandoutBlock,
    HandoutLayout,
    Heading,
    ItemList,
    PageFrame,
    PlanTable,
    Question,
    SlideWithNotes,
    sourced,
)
from .text import lines_of, prose_of
from .timing import Plan, SectionTime, rounded

if TYPE_CHECKING:
    from ..labels import Labels
    from ..outline.talk import Talk
    from .design import Design

ESTIMATED = "\u2248\u00a0"  # "≈ 3 min": time from the notes, not the outline's plan


def layout_guide(
    talk: Talk, deck: Deck, plan: Plan, paper: str, audience: str | None, created: _dt.datetime
) -> HandoutLayout:
    """Everything the guide shows, in order, with its geometry."""
    design, meta, labels = deck.design, talk.meta, talk.labels
    page = page_frame(design, paper)
    body: list[HandoutBlock] = []
    for i, section in enumerate(section_frames(talk, deck)):
        timed = plan.sections[section.index]
        if section.headed:
            body.append(
                Heading(
                    section.title,
                    f"section-{i}",
                    section.color,
                    sourced(_span(labels, plan, timed)),
                    design.handout.section_keep,
                )
            )
        for frame in section.frames:
            if frame.source is not None and frame.source.slide is not None:
                body.append(_slide(design, page, talk, plan, frame, 1 if section.headed else 0))
    body += _materials(talk, deck, page)
    return HandoutLayout(
        deck=deck,
        design=design,
        page=page,
        running=running(talk, audience),
        cover=_cover(design, talk, deck, plan, page, audience),
        body=tuple(body),
        **document(talk, labels("guide_subject", title=plain(meta.title))),
    )


def _minutes(labels: Labels, minutes: float, planned: bool) -> str:
    said = labels("minutes_short", minutes=labels.number(rounded(minutes)))
    return said if planned else ESTIMATED + said


def _span(labels: Labels, plan: Plan, timed: SectionTime) -> str:
    """ "9:31 AM – 9:43 AM · 12 min" (without a start, the minutes alone)."""
    minutes = _minutes(labels, timed.minutes, timed.planned)
    if plan.start is None:
        return minutes
    begins = labels.time(plan.clock(timed.start))
    ends = labels.time(plan.clock(timed.start + timed.minutes))
    return f"{begins} – {ends} · {minutes}"


def _slide(
    design: Design, page: PageFrame, talk: Talk, plan: Plan, frame: SlideFrame, level: int
) -> SlideWithNotes:
    """The slide beside its clock time, planned minutes, cue and the presenter's notes."""
    box, labels = design.handout, talk.labels
    source = frame.source
    timed = plan.slide(source.section, source.slide)
    slide = talk.sections[source.section].slides[source.slide]
    said: list[str] = []
    first = timed is not None and not frame.continued and not frame.reveals
    if first:
        minutes = _minutes(labels, timed.minutes, timed.planned)
        clock = plan.clock(timed.start)
        said.append(f"{labels.time(clock)} · {minutes}" if clock else minutes)
        if slide.cue:
            said.append(spliced(f"**{labels('cue')}:** ", slide.cue))
    # a reveal slide shows the answer its question slide's notes give
    notes = frame.notes if frame.reveals else frame.presenter_notes
    said += [line for line in lines_of(notes) if line.strip()]  # each in its language
    thumb = page.frame_width * box.notes_thumb
    return SlideWithNotes(
        frame,
        caption(frame),
        tuple(prose_of(p) for p in said),
        thumb,
        page.frame_width - thumb - box.gap,
        box.gap,
        0,
        page.frame_height * box.notes_max,
        level,
    )


def _cover(
    design: Design,
    talk: Talk,
    deck: Deck,
    plan: Plan,
    page: PageFrame,
    audience: str | None,
) -> Cover:
    meta, labels = talk.meta, talk.labels
    total = _minutes(labels, plan.minutes, plan.all_planned)
    when = total
    if plan.start is not None:
        when = f"{labels.time(plan.start)} – {labels.time(plan.clock(plan.minutes))} · {total}"
    return Cover(
        title=sourced(meta.title, meta.pos),
        subtitle=sourced(labels("guide")),
        facts=cover_facts(talk, deck, audience, (labels("time"), when)),
        disclosure=None,
        bars=design.palette.accents or (design.palette.primary,),
        contents="",
        plan=_plan_table(talk, plan, page, design.handout.plan_columns),
    )


def _plan_table(talk: Talk, plan: Plan, page: PageFrame, shares) -> PlanTable:
    """A row a section: its start, its title, its minutes (≈ where only estimated); a
    row a break after its section."""
    labels = talk.labels
    clock = plan.start is not None
    rows = []
    for timed in plan.sections:
        row = (talk.sections[timed.index].title, _minutes(labels, timed.minutes, timed.planned))
        rows.append((labels.time(plan.clock(timed.start)), *row) if clock else row)
        if timed.pause:  # the break after the section, a row of its own
            row = (labels("break"), _minutes(labels, timed.pause, True))
            rows.append((labels.time(plan.clock(timed.end)), *row) if clock else row)
    total = (labels("total"), _minutes(labels, plan.minutes, plan.all_planned))
    header = (labels("section"), labels("minutes"))
    share = shares[int(clock)]
    if clock:
        total = (labels.time(plan.clock(plan.minutes)), f"{labels('end')} · {total[0]}", total[1])
        header = (labels("time"), *header)
    widths = tuple(page.frame_width * s for s in share)
    # the section's title names its row
    named_by = 1 if clock else 0
    return PlanTable(
        labels("session_plan"),
        tuple(prose_of(text) for text in header),
        tuple(tuple(prose_of(text) for text in row) for row in rows),
        tuple(prose_of(text) for text in total),
        widths,
        named_by,
    )


def _materials(talk: Talk, deck: Deck, page: PageFrame) -> list[HandoutBlock]:
    """The deck, the participants' handout, the worksheet and answer key if the talk
    checks understanding (questions its slides' handout hooks give), then what the
    outline lists."""
    labels = talk.labels
    quizzes = sum(isinstance(c, Question) for c in handout_contributions(talk, deck, page))
    items = [
        sourced(labels("material_deck", count=len(deck.slides))),
        sourced(labels("material_handout")),
    ]
    if quizzes:
        items += [
            sourced(
                labels("material_worksheet", count=quizzes)
                if quizzes > 1
                else labels("material_worksheet_one")
            ),
            sourced(labels("material_answers")),
        ]
    items += [sourced(m, talk.meta.pos) for m in talk.meta.materials]
    box = deck.design.handout
    heading = Heading(
        sourced(labels("materials")),
        "materials",
        keep=box.listing_keep,  # never the heading alone at a page's foot
        space_before=box.heading_gap,
    )
    return [heading, ItemList(tuple(items), "materials")]


__all__ = ["layout_guide"]
