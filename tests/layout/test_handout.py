"""The handout, laid out (deckgen/layout/handout.py): which slides it shows and how, the
comparison tables at reading size, the references with the slides that quote them, the
cover and the running header."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from deckgen.layout.engine import layout_deck
from deckgen.layout.handout import (
    DefinitionList,
    HandoutOptions,
    Heading,
    Paragraphs,
    QuestionList,
    ReadingTable,
    ReferenceList,
    SlideGrid,
    SlideWithNotes,
    layout_handout,
)

from .support import FAKE, SMALL, of_kind, outline_text, talk_at, talk_from

CREATED = dt.datetime(2031, 2, 3, 4, 5, 6)


def handout(talk, deck, audience: str | None = None, **options):
    return layout_handout(talk, deck, HandoutOptions(**options), audience, CREATED)


@pytest.fixture(scope="module")
def small():
    talk = talk_at(SMALL)
    return talk, layout_deck(talk, FAKE)


def blocks(layout, kind) -> list:
    return [b for b in layout.body if isinstance(b, kind)]


def facts(cover) -> tuple:
    """The cover's (label, value) facts as they read."""
    return tuple((label.text, value.text) for label, value in cover.facts)


def first_frames_of_sections(deck) -> dict[int, int]:
    """section index -> the number of its first frame"""
    out: dict[int, int] = {}
    for frame in deck.slides:
        out.setdefault(frame.source.section, frame.number)
    return out


# ------------------------------------------------------------------ notes pages


def test_the_notes_layout_leaves_out_dividers_glossary_and_references(small):
    talk, deck = small
    layout = handout(talk, deck)
    shown = [b.frame for b in blocks(layout, SlideWithNotes)]
    kinds = {frame.source.kind for frame in shown}
    assert not kinds & {"section", "glossary", "references"}
    expected = [
        f for f in deck.slides if f.source.kind not in ("section", "glossary", "references")
    ]
    assert shown == expected  # every other slide once, in order
    assert {"glossary", "references", "section"} <= {f.source.kind for f in deck.slides}


def test_each_section_opens_with_a_heading_in_its_colour(small):
    talk, deck = small
    layout = handout(talk, deck)
    # the sections' headings (the back matter's follow them)
    headings = [b for b in layout.body if type(b) is Heading and b.key.startswith("section-")]
    # as in the deck: a heading where a divider opens the section, none elsewhere
    assert [h.text.text for h in headings] == [s.title for s in talk.sections if s.divider]
    assert [h.key for h in headings] == [
        f"section-{i}" for i, s in enumerate(talk.sections) if s.divider
    ]
    locks = headings[0]
    assert locks.color == deck.design.palette.concept("lock")
    assert locks.subtitle.text == "Keeping people out"
    palette = deck.design.palette
    assert [h.color for h in headings] == [
        palette.concepts[s.concept][1] if s.concept else None for s in talk.sections if s.divider
    ]
    # the heading comes before its section's slides
    order = [b for b in layout.body if isinstance(b, Heading | SlideWithNotes)]
    first_lock_slide = next(
        i
        for i, b in enumerate(order)
        if isinstance(b, SlideWithNotes) and b.frame.section == "Locks"
    )
    assert order[first_lock_slide - 1] is locks


def test_each_slide_comes_with_its_caption_and_notes(small):
    talk, deck = small
    layout = handout(talk, deck)
    entries = blocks(layout, SlideWithNotes)
    for entry in entries:
        assert entry.caption.text == f"{entry.frame.number}. {entry.frame.title}"
        said = tuple(p.text for p in entry.notes)
        assert said == tuple(p for p in entry.frame.notes.split("\n") if p.strip())
        assert entry.thumb_width + entry.gap + entry.text_width == pytest.approx(
            layout.page.frame_width
        )
        assert entry.lines_height == 0
    with_lines = blocks(handout(talk, deck, lines=True), SlideWithNotes)
    box = deck.design.handout
    assert {e.lines_height for e in with_lines} == {box.lines_pitch * box.notes_lines}


def test_a_continued_slide_is_shown_without_notes():
    points = "\n".join(f"    - Point {i}" for i in range(9))
    text = outline_text(f"- kind: bullets\n  title: P\n  bullets:\n{points}\n  notes: Say it.\n")
    talk = talk_from(text)
    deck = layout_deck(talk, FAKE)
    first, second = blocks(handout(talk, deck), SlideWithNotes)
    assert [p.text for p in first.notes] == ["Say it."] and second.notes == ()
    assert second.frame.continued


# -------------------------------------------------------------------------- grids


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 6, 9])
def test_grids_show_every_slide_once_per_page_as_asked(small, per_page):
    talk, deck = small
    layout = handout(talk, deck, per_page=per_page)
    grids = blocks(layout, SlideGrid)
    assert len(grids) == math.ceil(len(deck.slides) / per_page)
    assert all(len(g.cells) == per_page for g in grids[:-1]) and grids[-1].cells
    assert [c.frame for g in grids for c in g.cells] == list(deck.slides)
    for grid in grids:
        assert grid.columns == deck.design.handout.grids[per_page][0]
        assert grid.thumb_width <= grid.cell_width + 1e-6
        for cell in grid.cells:
            assert cell.caption.text == f"{cell.frame.number}. {cell.frame.title}"
    assert not blocks(layout, SlideWithNotes)


@pytest.mark.parametrize("per_page", [2, 4, 9])
def test_a_section_bookmark_sits_on_its_first_slide(small, per_page):
    talk, deck = small
    cells = [c for g in blocks(handout(talk, deck, per_page=per_page), SlideGrid) for c in g.cells]
    marked = {c.frame.number: c.section for c in cells if c.section is not None}
    firsts = {
        index: number
        for index, number in first_frames_of_sections(deck).items()
        if talk.sections[index].divider
    }
    assert set(marked) == set(firsts.values())
    for index, number in firsts.items():
        assert marked[number] == (f"section-{index}", talk.sections[index].title)


def test_three_up_puts_lines_beside_each_slide(small):
    talk, deck = small
    for grid in blocks(handout(talk, deck, per_page=3), SlideGrid):
        assert grid.columns == 1 and grid.lines_beside > 0 and grid.lines_height == 0
        assert grid.cell_width + grid.gap + grid.lines_beside == pytest.approx(
            handout(talk, deck).page.frame_width
        )
    for per_page in (2, 4, 6):
        for grid in blocks(handout(talk, deck, per_page=per_page), SlideGrid):
            assert grid.lines_beside == 0 and grid.lines_height == 0


def test_lines_under_the_slides_when_asked(small):
    talk, deck = small
    pitch = deck.design.handout.lines_pitch
    for grid in blocks(handout(talk, deck, per_page=2, lines=True), SlideGrid):
        assert grid.lines_height >= pitch and grid.lines_height % pitch == 0


# ------------------------------------------------------------------------- tables

TABLE_TALK = outline_text(
    "- kind: bullets\n  title: Many\n  bullets:\n"
    + "".join(f"    - Point {i}\n" for i in range(9))
    + "- kind: comparison\n  title: Side by side\n"
    "  columns: [Aspect, {label: Security, concept: security}, Other]\n"
    "  rows:\n    - [Goal, Keep out, Keep well]\n    - [Risk, Attack, Accident]\n"
    + "".join(f"    - [Row {i}, '{'cell text ' * 12}', '{'more text ' * 12}']\n" for i in range(9)),
    "concepts:\n  security: {label: Security, color: '#1F5AA6'}\n",
)


def test_a_table_at_reading_size_names_the_slide_it_starts_on():
    talk = talk_from(TABLE_TALK)
    deck = layout_deck(talk, FAKE)
    comparison, *continued = of_kind(deck, "comparison")
    assert comparison.number == 3  # the bullets before it continued onto a second slide
    assert continued and all(c.continued for c in continued)  # and the table continues too
    (table,) = blocks(handout(talk, deck), ReadingTable)
    assert table.note.text == "The comparison from slide 3, at reading size."
    assert table.heading.text.text == "Side by side" and table.heading.key == "table-0"
    assert [h.text for h in table.header] == ["Aspect", "Security", "Other"]
    assert [[c.text for c in row] for row in table.rows][:2] == [
        ["Goal", "Keep out", "Keep well"],
        ["Risk", "Attack", "Accident"],
    ]
    assert len(table.rows) == 11  # every row, in one table
    palette = deck.design.palette
    assert table.header_fills == (palette.primary, "1F5AA6", palette.primary)
    assert table.header_inks == tuple(palette.on(fill) for fill in table.header_fills)
    assert table.band == palette.surface
    width = handout(talk, deck).page.frame_width
    assert sum(table.col_widths) == pytest.approx(width)
    assert table.col_widths[0] == pytest.approx(width * deck.design.comparison.first_share(3))


def test_the_small_talks_table_names_its_slide(small):
    talk, deck = small
    (comparison,) = of_kind(deck, "comparison")
    (table,) = blocks(handout(talk, deck, per_page=4), ReadingTable)
    assert f"from slide {comparison.number}," in table.note.text


# --------------------------------------------------------------------- references

REFS_TALK = outline_text(
    """\
    - kind: bullets
      title: Many
      bullets: [a, b, c, d, e, f, g]
    - {kind: definition, title: D1, term: t, quote: q, attribution: Book author, reference: b}
    - {kind: definition, title: D2, term: t, quote: q, attribution: A carpenter}
    - {kind: definition, title: D3, term: t, quote: q, attribution: A carpenter}
    - {kind: definition, title: D4, term: t, quote: q, attribution: Someone, source: A talk}
    - {kind: definition, title: D5, term: t, quote: q, attribution: Book author, reference: b}
    """,
    """\
    references:
      - {id: a, title: First, author: Ann, year: "2001"}
      - {id: b, title: Second, url: "https://example.org/b"}
    """,
)


def test_references_number_the_outlines_first_then_each_unreferenced_attribution():
    talk = talk_from(REFS_TALK)
    deck = layout_deck(talk, FAKE)
    number = {s.title: s.number for s in deck.slides if not s.continued}
    assert number["D1"] == 3  # seven bullets take two slides
    (refs,) = blocks(handout(talk, deck), ReferenceList)
    assert refs.heading.key == "references"
    got = [
        (r.label, r.title.text, r.details and r.details.text, r.url, r.cited_on)
        for r in refs.references
    ]
    assert got == [
        ("[1]", "First", "Ann, 2001", None, ()),
        ("[2]", "Second", None, "https://example.org/b", (number["D1"], number["D5"])),
        ("[3]", "A carpenter", None, None, (number["D2"], number["D3"])),  # once, both slides
        ("[4]", "A talk", "Someone", None, (number["D4"],)),
    ]
    assert refs.references[1].url_text.text == "https://example.org/b"


def test_no_references_and_no_definitions_make_no_reference_list():
    text = outline_text("- {kind: bullets, title: B, bullets: [x]}")
    talk = talk_from(text)
    layout = handout(talk, layout_deck(talk, FAKE))
    assert blocks(layout, ReferenceList) == [] and blocks(layout, DefinitionList) == []


def test_the_glossary_is_printed_in_full(small):
    talk, deck = small
    (glossary,) = blocks(handout(talk, deck), DefinitionList)
    assert [(t.term.text, t.definition.text) for t in glossary.terms] == [
        (t.term, t.definition) for t in talk.glossary
    ]
    assert glossary.heading.key == "glossary"


# ------------------------------------------------------------- cover and header


def test_the_cover_has_the_talks_facts_and_colours(small):
    talk, deck = small
    cover = handout(talk, deck, audience="Deep").cover
    assert cover.title.text == "Locks and Ladders"
    assert cover.subtitle.text == "A small talk that uses every slide kind"
    assert facts(cover) == (
        ("Presenter", "Pat Example"),
        ("Organisation", "Fixture Works"),
        ("Date", "2030"),
        ("Audience", "Deep"),
        ("Slides", str(len(deck.slides))),
    )
    assert cover.bars == deck.design.palette.accents == ("2D5F9A", "9A4A0F")
    assert cover.disclosure.text.startswith("Fixture disclosure")
    assert "Audience" not in dict(facts(handout(talk, deck).cover))


def test_a_cover_without_facts_or_concepts():
    text = outline_text("- {kind: bullets, title: B, bullets: [x]}")
    talk = talk_from(text)
    deck = layout_deck(talk, FAKE)
    cover = handout(talk, deck).cover
    assert facts(cover) == (("Slides", "1"),)
    assert cover.bars == (deck.design.palette.primary,)
    assert cover.subtitle is None and cover.disclosure is None


def test_the_running_header_names_the_audience(small):
    talk, deck = small
    running = handout(talk, deck, audience="Brief").running
    assert running.left_header == "Locks and Ladders"
    assert running.right_header == "Pat Example · for Brief"
    assert running.footer == "Fixture Works · 2030"
    assert handout(talk, deck).running.right_header == "Pat Example"
    bare = talk_from(outline_text("- {kind: bullets, title: B, bullets: [x]}"))
    bare_layout = handout(bare, layout_deck(bare, FAKE), audience="Brief")
    assert bare_layout.running.right_header == "for Brief"
    assert bare_layout.running.footer == ""


def test_the_handout_ends_with_what_made_it(small):
    talk, deck = small
    layout = handout(talk, deck)
    heading, disclosure, made = layout.body[-3:]
    assert isinstance(heading, Heading) and heading.key == "about"
    assert heading.space_before > 0  # room above it, as the other listings have
    assert isinstance(disclosure, Paragraphs) and disclosure.style == "notes"
    assert [t.text for t in disclosure.texts] == [talk.meta.disclosure]
    assert isinstance(made, Paragraphs) and made.style == "small"
    assert "February 3, 2031" in made.texts[0].text


@pytest.mark.parametrize("paper, size", [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_the_page_is_the_paper_asked_for(small, paper, size):
    talk, deck = small
    page = handout(talk, deck, paper=paper).page
    assert (page.width, page.height) == pytest.approx(size, abs=0.01)
    assert page.frame_width == pytest.approx(page.width - 2 * page.margin_x)


def test_the_handout_follows_a_tailored_talk():
    talk = talk_at(SMALL, audience="brief")
    deck = layout_deck(talk, FAKE)
    layout = handout(talk, deck, audience="Brief", per_page=3)
    assert [c.frame for g in blocks(layout, SlideGrid) for c in g.cells] == list(deck.slides)
    assert "References" not in [s.title for s in deck.slides]  # only for the deep cut
    assert dict(facts(layout.cover))["Slides"] == str(len(deck.slides))


def test_a_section_whose_divider_an_audience_drops_has_no_heading_either():
    """The handout used to keep the heading and contents entry of a section whose divider
    the audience's deck had dropped (a section cut to one slide)."""
    text = outline_text(
        """\
        - {kind: bullets, title: First, bullets: [x]}
        - {kind: bullets, title: Second, bullets: [x], only: [everyone]}
        """,
        head="audiences:\n  everyone: {description: All, minutes: 5}\n"
        "  short: {description: Short, minutes: 5}\n",
        section="divider: true",
    )
    for audience, divided in ((None, True), ("everyone", True), ("short", False)):
        talk = talk_from(text, audience)
        deck = layout_deck(talk, FAKE)
        dividers = [f for f in deck.slides if f.source.slide is None]
        headings = [b.text.text for b in handout(talk, deck).body if type(b) is Heading]
        assert bool(dividers) is divided and ("Section" in headings) is divided, audience


# ----------------------------------------------------------------- text as runs

MARKUP_TALK = outline_text(
    """\
    - kind: quiz
      title: Check
      question: "Which is **bold**?"
      options: ["The *first*", "The `second`"]
      answer: 1
      explanation: "See [the page](https://example.org/q)."
      notes: "Ask *them*."
    - {kind: definition, title: D, term: t, quote: q, attribution: "A **carpenter**"}
    """,
    """\
    glossary:
      - {term: "**Rung**", definition: "A *step*, see [rungs](https://example.org/r)"}
    references:
      - {id: a, title: "The *Book*", author: "**Ann**", url: "https://example.org/a_b"}
    """,
    section="divider: true\nsubtitle: 'Kept *out*'",
    meta="""\
    title: "The *talk*"
    presenter: "Ada *Lovelace*"
    disclosure: "Written by **hand**."
    """,
)


def styled(prose) -> list[tuple]:
    """A text's runs as (text, bold, italic, code, link)."""
    return [(r.text, r.bold, r.italic, r.code, r.link) for r in prose.runs]


def test_every_text_reaches_the_renderer_as_runs_never_as_markdown():
    talk = talk_from(MARKUP_TALK)
    deck = layout_deck(talk, FAKE)
    layout = handout(talk, deck, answers=True)
    assert styled(layout.cover.title.prose)[1] == ("talk", False, True, False, None)
    assert styled(layout.cover.disclosure.prose)[1] == ("hand", True, False, False, None)
    assert ("Ada ", False) in [(r.text, r.italic) for r in layout.cover.facts[0][1].runs]
    assert layout.running.right_header == "Ada Lovelace"  # drawn as it is: as it reads
    (heading,) = [b for b in layout.body if isinstance(b, Heading) and b.subtitle]
    assert styled(heading.subtitle.prose)[1] == ("out", False, True, False, None)
    (quiz_slide,) = [b for b in blocks(layout, SlideWithNotes) if b.frame.title == "Check"]
    answer, notes = quiz_slide.notes  # the presenter's copy: the answer first
    assert ("the page", "https://example.org/q") in [(r.text, r.link) for r in answer.runs]
    assert styled(notes)[1] == ("them", False, True, False, None)
    (worksheet,) = [b for b in layout.body if isinstance(b, QuestionList)]
    (question,) = worksheet.questions
    assert styled(question.question) == [
        ("1. Which is ", False, False, False, None),
        ("bold", True, False, False, None),
        ("?", False, False, False, None),
    ]
    assert [(mark, styled(o)[1]) for mark, o in question.options] == [
        ("A", ("first", False, True, False, None)),  # lettered as the slide letters them
        ("B", ("second", False, False, True, None)),
    ]
    (glossary,) = blocks(layout, DefinitionList)
    (term,) = glossary.terms
    assert styled(term.term) == [("Rung", True, False, False, None)]
    assert ("rungs", "https://example.org/r") in [(r.text, r.link) for r in term.definition.runs]
    (refs,) = blocks(layout, ReferenceList)
    book, carpenter = refs.references
    assert styled(book.title)[1] == ("Book", False, True, False, None)
    assert styled(book.details) == [("Ann", True, False, False, None)]
    assert book.url == "https://example.org/a_b" and book.url_text.text == book.url
    assert styled(carpenter.title)[1] == ("carpenter", True, False, False, None)
    # the notes page's runs, for the deck
    frame = next(f for f in deck.slides if f.title == "Check")
    assert frame.presenter_prose.text == "Answer: A (The first). See the page.\nAsk them."
    assert ("them", True) in [(r.text, r.italic) for r in frame.presenter_prose.runs]


def test_contents_and_bookmarks_name_a_section_as_its_title_reads():
    text = outline_text("- {kind: bullets, title: B, bullets: [x]}", section="divider: true")
    talk = talk_from(text.replace("title: Section", "title: '**Locks** and `keys`'"))
    deck = layout_deck(talk, FAKE)
    body = handout(talk, deck).body
    (heading,) = [b for b in body if isinstance(b, Heading) and b.key.startswith("section-")]
    assert heading.text.text == "Locks and keys"  # the bookmark's and contents entry's
    assert styled(heading.text.prose)[0] == ("Locks", True, False, False, None)
    (grid,) = blocks(handout(talk, deck, per_page=4), SlideGrid)
    assert grid.cells[0].section == ("section-0", "Locks and keys")
