"""The handout, laid out: typed blocks with their geometry, for the PDF renderer to draw.

:func:`layout_handout` takes the tailored talk and its laid-out deck and decides
what the handout holds and where: the page frame, the cover with its facts and
colour bars, the contents, each section's heading, each slide beside its notes
(or N-up grids of slides), the comparison tables at reading size, the glossary, the
references (with the slides that quote them) and the closing note. What each kind
of slide contributes is its kind's ``handout`` hook; frames say which outline slide
they came from. The renderer only turns these blocks into PDF.

Lengths here are points (the handout is print), origin bottom-left as PDF's.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..inline import plain
from ..nodes import languages_in
from .frames import Deck, Prose, Run, SlideFrame
from .handout_back import about, glossary, references, tables
from .handout_blocks import (
    AnswerKey,
    Citation,
    CitedReference,
    Contribution,
    Cover,
    DefinitionList,
    GridCell,
    HandoutBlock,
    HandoutContext,
    HandoutLayout,
    HandoutOptions,
    Heading,
    ItemList,
    PageFrame,
    Paragraphs,
    Question,
    QuestionList,
    ReadingTable,
    ReferenceList,
    Running,
    SlideGrid,
    SlideWithNotes,
    SourcedText,
    sourced,
)
from .text import lines_of, prose_of

if TYPE_CHECKING:
    from ..outline.talk import Talk
    from .design import Design


# ------------------------------------------------------------------------- layout


def layout_handout(
    talk: Talk,
    deck: Deck,
    options: HandoutOptions,
    audience: str | None,
    created: _dt.datetime,
) -> HandoutLayout:
    """Everything the handout shows, in order, with its geometry."""
    design = deck.design
    page = page_frame(design, options.paper)
    meta, labels = talk.meta, talk.labels
    sections = section_frames(talk, deck)
    contributions = handout_contributions(talk, deck, page)
    body: list[HandoutBlock] = []
    if not options.answers:  # a participant's copy: no slide that shows an answer
        sections = [
            replace(s, frames=tuple(f for f in s.frames if not f.reveals)) for s in sections
        ]
    if options.per_page is None:
        body += _notes_pages(design, page, sections, options, talk)
    else:
        body += _grid_pages(design, page, deck, sections, options)
    body += tables(contributions)
    questions = numbered(c for c in contributions if isinstance(c, Question))
    if questions:  # the participants' check, with boxes and never the answers
        keep = design.handout.listing_keep  # never a heading alone at the foot of a page
        heading = Heading(sourced(labels("worksheet")), "worksheet", keep=keep)
        body.append(QuestionList(heading, questions))
    body += glossary(design, talk)
    body += references(design, talk, contributions)
    body += about(design, talk, created)
    if questions and options.answers:  # the presenter's copy: the key on its own page
        body.append(AnswerKey(Heading(sourced(labels("answer_key")), "answers"), questions))
    return HandoutLayout(
        deck=deck,
        design=design,
        page=page,
        running=running(talk, audience),
        cover=_cover(design, talk, deck, audience),
        body=tuple(body),
        **document(talk, labels("handout_subject", title=plain(meta.subtitle or meta.title))),
    )


def numbered(questions) -> tuple[Question, ...]:
    """The slides' questions as the question list and the key print them: "1. " before
    each (in its first run where that is plain text, as the text would be set)."""
    out = []
    for number, question in enumerate(questions, 1):
        runs, mark = question.question.runs, Run(f"{number}. ")
        if runs and replace(runs[0], text="") == Run(""):
            runs = (Run(mark.text + runs[0].text), *runs[1:])
        else:
            runs = (mark, *runs)
        out.append(replace(question, question=Prose(runs)))
    return tuple(out)


def document(talk: Talk, subject: str) -> dict:
    """The PDF's own properties: its title, author, subject, keywords and language."""
    meta = talk.meta
    return {
        "title": plain(meta.title),
        "author": plain(meta.presenter or meta.organisation or ""),
        "subject": subject,
        "keywords": ", ".join(meta.keywords),
        "language": meta.language,
    }


def page_frame(design: Design, paper: str) -> PageFrame:
    """The printed page: its paper, margins and room for the footer."""
    box = design.handout
    width, height = box.papers[paper]
    return PageFrame(
        width, height, box.margin_x, box.margin_top, box.margin_bottom, box.footer_room
    )


def running(talk: Talk, audience: str | None) -> Running:
    """The header (title; presenter, for whom) and footer (organisation, date) of every
    page but the cover."""
    meta, labels = talk.meta, talk.labels
    right = plain(meta.presenter or "")  # drawn as it is: what the text reads as
    if audience:
        said = labels("for_audience", audience=audience)
        right = f"{right} · {said}" if right else said
    return Running(
        plain(meta.title),
        right,
        " · ".join(plain(s) for s in (meta.organisation, _date(talk)) if s),
        pos=meta.pos,
        page_label=labels("page_of"),
        first_pass_label=labels("page"),
    )


@dataclass(frozen=True)
class SectionFrames:
    title: SourcedText
    frames: tuple[SlideFrame, ...]
    subtitle: SourcedText | None
    color: str | None  # the section's concept colour, if it has one
    # the deck opens it with a divider: the handout gives it a heading and a contents
    # entry; without one (as the deck) its slides run on under the heading before
    headed: bool = True
    index: int = 0  # its place among the talk's sections


def section_frames(talk: Talk, deck: Deck) -> list[SectionFrames]:
    """The talk's sections that kept slides, each with its frames."""
    out = []
    palette = deck.design.palette
    by_section: dict[int | None, list[SlideFrame]] = {}
    for frame in deck.slides:  # one pass, not one pass a section
        by_section.setdefault(frame.section_index, []).append(frame)
    for index, section in enumerate(talk.sections):
        frames = tuple(by_section.get(index, ()))
        if frames:
            color = (
                palette.concepts[section.concept][1]
                if section.concept in palette.concepts
                else None
            )
            subtitle = sourced(section.subtitle, section.pos) if section.subtitle else None
            title = sourced(section.title, section.pos)
            out.append(SectionFrames(title, frames, subtitle, color, section.divider, index))
    return out


def handout_contributions(talk: Talk, deck: Deck, page: PageFrame) -> list[Contribution]:
    """What each outline slide adds to the handout, by its kind's ``handout`` hook."""
    first: dict[tuple[int, int], int] = {}
    for frame in deck.slides:
        if frame.source is not None and frame.source.slide is not None:
            first.setdefault((frame.source.section, frame.source.slide), frame.number)
    out: list[Contribution] = []
    for i, j, slide in talk.indexed_slides():
        hook = talk.kinds.of(slide).handout
        if hook is not None:
            ctx = HandoutContext(first.get((i, j), 0), deck.design, page, talk.labels)
            out += hook(slide, ctx)
    return out


def _date(talk: Talk) -> str | None:
    """The outline's date, in the locale's words if it is an ISO date."""
    return talk.labels.text_date(talk.meta.date) if talk.meta.date else None


def cover_facts(talk: Talk, deck: Deck, audience: str | None, *more) -> tuple:
    """The cover's (label, value) facts that have a value, as runs: presenter,
    organisation, date, audience, slides, then ``more`` (label, value) pairs."""
    meta, labels = talk.meta, talk.labels
    facts = (
        (labels("presenter"), meta.presenter),
        (labels("organisation"), meta.organisation),
        (labels("date"), _date(talk)),
        (labels("audience"), audience),
        (labels("slides"), f"{len(deck.slides)}"),
        *more,
    )
    return tuple((prose_of(label), prose_of(value)) for label, value in facts if value)


def _cover(design: Design, talk: Talk, deck: Deck, audience: str | None) -> Cover:
    meta, labels = talk.meta, talk.labels
    return Cover(
        title=sourced(meta.title, meta.pos),
        subtitle=sourced(meta.subtitle, meta.pos) if meta.subtitle else None,
        facts=cover_facts(talk, deck, audience),
        disclosure=sourced(meta.disclosure, meta.pos) if meta.disclosure else None,
        bars=design.palette.accents or (design.palette.primary,),
        contents=labels("contents"),
    )


def _notes_pages(
    design: Design,
    page: PageFrame,
    sections: list[SectionFrames],
    options: HandoutOptions,
    talk: Talk,
) -> list[HandoutBlock]:
    """Each section's heading (where the deck has its divider), then each of its slides
    beside its notes."""
    box = design.handout
    thumb = page.frame_width * box.notes_thumb
    text = page.frame_width - thumb - box.gap
    out: list[HandoutBlock] = []
    level = 0  # slides before the first heading are bookmarks of their own
    for i, section in enumerate(sections):
        if section.headed:
            level = 1
            out.append(
                Heading(
                    section.title, f"section-{i}", section.color, section.subtitle, box.section_keep
                )
            )
        for frame in section.frames:
            if _in_appendix(frame, talk):
                continue  # the heading says it; the appendix has it at reading size
            said = frame.presenter_notes if options.answers else frame.notes
            notes = () if frame.continued else paragraphs(said)
            large = _in_handout(frame, talk) == "large"  # the page's width, its notes below
            out.append(
                SlideWithNotes(
                    frame,
                    caption(frame),
                    notes,
                    page.frame_width if large else thumb,
                    page.frame_width if large else text,
                    box.gap,
                    box.lines_pitch * box.notes_lines if options.lines else 0,
                    -1.0 if large else page.frame_height * box.notes_max,
                    level,
                )
            )
    return out


def caption(frame: SlideFrame) -> Prose:
    """ "7. What is AI security?": a slide's number and title, under or beside it."""
    if languages_in(frame.title) == {None}:
        return prose_of(f"{frame.number}. {frame.title}")
    return Prose((Run(f"{frame.number}. "), *prose_of(frame.title).runs))  # a fallback's


def paragraphs(notes: str) -> tuple[Prose, ...]:
    """Notes as the handout sets them: a paragraph a line, blank ones left out, each in
    its own language (a ``Mixed`` text's parts in theirs)."""
    return tuple(prose_of(line) for line in lines_of(notes) if line.strip())


def _in_appendix(frame: SlideFrame, talk: Talk) -> bool:
    """Dividers, and slides whose kind the handout's appendix shows at reading size."""
    if frame.source is not None and frame.source.slide is None:
        return True  # a section divider: the section's heading says it
    return _in_handout(frame, talk) == "appendix"


def _in_handout(frame: SlideFrame, talk: Talk) -> str | None:
    """How the notes handout shows the frame's kind of slide (an InHandout value)."""
    kind = talk.kinds.named(frame.source.kind) if frame.source is not None else None
    return kind.in_handout.value if kind is not None else None


def _grid_pages(
    design: Design,
    page: PageFrame,
    deck: Deck,
    sections: list[SectionFrames],
    options: HandoutOptions,
) -> list[HandoutBlock]:
    """N slides a page: equal rows filling the frame, each slide centred in its cell with
    its caption (up to two lines) and any ruled lines under it."""
    box = design.handout
    per_page = options.per_page
    columns, rows = box.grids[per_page]
    lines = options.lines or per_page == box.lines_beside
    ratio = deck.height / deck.width
    row_h = (page.frame_height - box.grid_reserve) / rows
    room = row_h - box.gap - box.caption_height
    if per_page == box.lines_beside:  # PowerPoint's: slides on the left, lines on the right
        cell_w = page.frame_width * box.three_up_share
        thumb_w = min(cell_w, room / ratio)
    else:
        cell_w = (page.frame_width - box.gap * (columns - 1)) / columns
        thumb_w = min(cell_w, (room * (box.lines_share if lines else 1.0)) / ratio)
    lines_h = (room - thumb_w * ratio - box.lines_gap) // box.lines_pitch * box.lines_pitch
    if not lines or per_page == box.lines_beside or lines_h < box.lines_pitch:
        lines_h = 0
    beside = page.frame_width - cell_w - box.gap if per_page == box.lines_beside else 0
    starts = {
        id(s.frames[0]): (f"section-{i}", s.title.text)
        for i, s in enumerate(sections)
        if s.frames and s.headed
    }
    frames = [f for s in sections for f in s.frames]
    first = next((i for i, f in enumerate(frames) if id(f) in starts), len(frames))
    return [
        SlideGrid(
            tuple(
                GridCell(f, caption(f), starts.get(id(f)), 1 if k >= first else 0)
                for k, f in enumerate(frames[start : start + per_page], start)
            ),
            columns,
            row_h,
            cell_w,
            thumb_w,
            box.gap,
            lines_h,
            beside,
        )
        for start in range(0, len(frames), per_page)
    ]


__all__ = [
    "HandoutBlock",
    "Citation",
    "Contribution",
    "Cover",
    "DefinitionList",
    "GridCell",
    "HandoutLayout",
    "HandoutOptions",
    "Heading",
    "ItemList",
    "PageFrame",
    "Paragraphs",
    "ReadingTable",
    "CitedReference",
    "ReferenceList",
    "Running",
    "SlideGrid",
    "SlideWithNotes",
    "SourcedText",
    "layout_handout",
]
