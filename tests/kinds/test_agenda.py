"""The agenda: the sections that open with a divider, numbered in their colours; a long
agenda continues silently."""

from __future__ import annotations

from deckgen.layout.frames import Placeholder, SlideLayout, SlideSource

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    assert_text_fits,
    deck_from,
    named,
    names,
    of_kind,
    text_of,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: agenda}"


def agenda_talk(extra_sections: str = "", agenda: str = "{kind: agenda, id: plan}") -> str:
    return (
        "meta: {title: Talk}\n"
        + CONCEPTS
        + f"""\
sections:
  - title: Opening
    divider: false
    slides:
      - {agenda}
  - title: Guarding
    concept: security
    slides:
      - {{kind: bullets, title: B, bullets: [x]}}
  - title: Quietly
    divider: false
    slides:
      - {{kind: bullets, title: C, bullets: [y]}}
  - title: Plainly
    slides:
      - {{kind: bullets, title: D, bullets: [z]}}
"""
        + extra_sections
    )


def test_the_agenda_lists_the_sections_with_a_divider_numbered_in_their_colours():
    deck = deck_from(agenda_talk())
    palette, slide = deck.design.palette, deck.slides[0]
    assert names(slide) == ["Title", "Accent rule", "Body", "Footer", "Slide number"]
    assert slide.layout is SlideLayout.CONTENT
    assert slide.source == SlideSource(0, 0, "agenda", "plan")
    assert slide.title == "Agenda"
    body = named(slide, "Body")
    assert body.placeholder is Placeholder.BODY
    listing = deck.design.listing
    assert [p.text for p in body.paragraphs] == [
        f"01{listing.agenda_number_gap}Guarding",
        f"02{listing.agenda_number_gap}Plainly",
    ]
    (number, title), (number2, _) = (p.runs for p in body.paragraphs)
    assert number.bold and number.color == "1F5AA6"
    assert number2.color == palette.primary  # a section without a concept
    assert not title.bold and title.color is None
    # two sections leave room: the scale's larger step (issue 23 item 4), and the
    # numbers' hang grows with it
    scale = deck.design.scale
    assert {p.size for p in body.paragraphs} == {scale.lead}
    hang = round(listing.agenda_hang * scale.lead / scale.body)
    assert all(p.margin_left == p.hanging == hang for p in body.paragraphs)
    assert named(slide, "Accent rule").fill == palette.primary
    assert deck.diagnostics == ()


def test_the_agenda_numbers_match_the_dividers():
    deck = deck_from(agenda_talk())
    entries = [p.text[:2] for p in named(deck.slides[0], "Body").paragraphs]
    dividers = [text_of(named(d, "Section number")) for d in of_kind(deck, "section")]
    assert entries == dividers


def test_the_agendas_notes_say_the_sections_unless_it_has_its_own():
    deck = deck_from(agenda_talk())
    assert deck.slides[0].notes == "Today: Guarding; Plainly."
    deck = deck_from(agenda_talk(agenda="{kind: agenda, title: Plan, notes: My own.}"))
    assert (deck.slides[0].title, deck.slides[0].notes) == ("Plan", "My own.")


def test_a_long_agenda_shrinks_and_continues_without_warnings():
    extra = "".join(
        f"  - title: Extra section number {i} with a title long enough to take room\n"
        "    slides:\n      - {kind: bullets, title: E, bullets: [e]}\n"
        for i in range(24)
    )
    deck = deck_from(agenda_talk(extra))
    pages = of_kind(deck, "agenda")
    assert len(pages) >= 2
    assert [p.title for p in pages] == ["Agenda"] + ["Agenda (cont.)"] * (len(pages) - 1)
    entries = [p.text for page in pages for p in named(page, "Body").paragraphs]
    assert [e[:2] for e in entries] == [f"{i:02d}" for i in range(1, 27)]
    assert {p.size for page in pages for p in named(page, "Body").paragraphs} == {
        deck.design.scale.floor
    }
    assert deck.diagnostics == ()
    assert_inside(deck)
    assert_text_fits(deck)
