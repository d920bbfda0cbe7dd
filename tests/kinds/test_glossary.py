"""The glossary slide: the outline's terms in two columns, continued as they need,
without warnings; the notes handout leaves it to its appendix."""

from __future__ import annotations

from deckgen.kinds import InHandout, kind_named
from deckgen.layout.frames import Placeholder, SlideLayout, SlideSource

from ..layout.support import assert_inside, assert_text_fits, deck_from, named, names, outline_text

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: glossary}"


def glossary_talk(terms: list[tuple[str, str]], slide: str = "{kind: glossary, id: words}") -> str:
    entries = "".join(f"  - {{term: {t!r}, definition: {d!r}}}\n" for t, d in terms)
    return outline_text(f"- {slide}", "glossary:\n" + entries)


TERMS = [("Rung", "One step of a ladder."), ("Pin tumbler", "A lock with pins.")]


def test_the_glossary_lists_each_term_and_its_definition():
    deck = deck_from(glossary_talk(TERMS))
    palette, (slide,) = deck.design.palette, deck.slides
    assert names(slide) == ["Title", "Accent rule", "Body", "Footer", "Slide number"]
    assert (slide.title, slide.layout) == ("Glossary", SlideLayout.CONTENT)
    assert slide.source == SlideSource(0, 0, "glossary", "words")
    body = named(slide, "Body")
    assert body.placeholder is Placeholder.BODY
    assert [p.text for p in body.paragraphs] == [
        "Rung — One step of a ladder.",
        "Pin tumbler — A lock with pins.",
    ]
    term, definition = body.paragraphs[0].runs
    assert (term.text, term.bold, term.color) == ("Rung", True, palette.primary)
    assert definition.color is None and not definition.bold
    # two terms, in one full-width column with room to spare: the listing's larger step
    assert body.rect == deck.design.grid.body_box
    assert {p.size for p in body.paragraphs} == {deck.design.scale.listing_lead}
    assert slide.notes == "Glossary: Rung, Pin tumbler."
    assert deck.diagnostics == ()


def test_the_glossary_takes_two_columns_then_more_slides_without_warnings():
    terms = [
        (f"Term {i:02d}", "A definition that takes a line or two of text " * 2) for i in range(40)
    ]
    deck = deck_from(glossary_talk(terms))
    slides = deck.slides
    assert len(slides) >= 2
    assert [s.title for s in slides] == ["Glossary"] + ["Glossary (cont.)"] * (len(slides) - 1)
    design = deck.design
    for slide in slides[:-1]:
        first, second = named(slide, "Body"), named(slide, "Body 2")
        assert first.placeholder is Placeholder.BODY
        assert second.placeholder is Placeholder.SECOND_BODY
        assert first.rect.right + design.grid.column_gap == second.rect.x
        assert first.rect.w == second.rect.w
        assert first.rect.x == design.grid.body_box.x
    entries = [
        p.runs[0].text
        for s in slides
        for name in ("Body", "Body 2")
        if name in names(s)
        for p in named(s, name).paragraphs
        if p.runs[0].bold
    ]
    assert entries == [t for t, _ in terms]
    assert deck.diagnostics == ()
    assert_inside(deck)
    assert_text_fits(deck)


def test_the_glossary_is_left_to_the_handouts_appendix():
    assert kind_named("glossary").in_handout is InHandout.APPENDIX
