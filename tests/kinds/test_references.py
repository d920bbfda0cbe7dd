"""The references slide: the outline's references numbered in their order (the numbers
the definitions cite), two columns, continued as they need."""

from __future__ import annotations

from deckgen.kinds import InHandout, kind_named
from deckgen.layout.frames import Placeholder, SlideLayout, SlideSource

from ..layout.support import (
    assert_inside,
    assert_text_fits,
    deck_from,
    named,
    names,
    of_kind,
    outline_text,
    placeholders,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: references}"

REFERENCES = """\
references:
  - {id: book, title: The Book, author: A. Writer, publisher: Press, year: "2030"}
  - {id: site, title: The Site, url: "https://example.org/site"}
"""
SLIDES = """\
- {kind: definition, title: D, term: t, quote: q, attribution: Someone, reference: site}
- {kind: references, id: refs}
"""


def test_references_are_numbered_in_the_outlines_order():
    deck = deck_from(outline_text(SLIDES, REFERENCES))
    palette = deck.design.palette
    (slide,) = of_kind(deck, "references")
    assert (slide.title, slide.source) == ("References", SlideSource(0, 1, "references", "refs"))
    assert "Body 2" not in names(slide)
    assert slide.layout is SlideLayout.CONTENT
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY]
    listing = deck.design.listing
    first, second = named(slide, "Body").paragraphs
    assert first.text == f"[1]{listing.reference_gap}The Book. A. Writer, Press, 2030"
    assert second.text == f"[2]{listing.reference_gap}The Site. https://example.org/site"
    label, title, details = first.runs
    assert (label.bold, label.color) == (True, palette.primary)
    assert title.italic and details.color is None
    # a web address links the title (what a screen reader says), and stays as text
    linked = [run for run in second.runs if run.link]
    assert [(r.text, r.link, r.color) for r in linked] == [
        ("The Site", "https://example.org/site", palette.link)
    ]
    assert second.runs[-1].color == second.runs[-2].color == palette.muted
    # two references leave room: the listing's larger step, the numbers' hang with it
    scale = deck.design.scale
    assert first.size == scale.listing_lead
    hang = round(listing.reference_hang * scale.listing_lead / scale.listing)
    assert first.margin_left == first.hanging == hang
    assert slide.notes == "References for this talk."
    # the definition cites the number the references slide gives
    (definition,) = of_kind(deck, "definition")
    assert named(definition, "Quote").paragraphs[-1].text.endswith("[2]")
    assert deck.diagnostics == ()


def test_many_references_continue_in_two_columns_without_warnings():
    refs = "references:\n" + "".join(
        f"  - {{id: r{i}, title: 'Reference {i:02d} with a title that wraps', "
        f"author: Some Authors, year: '2030', url: 'https://example.org/{i}'}}\n"
        for i in range(30)
    )
    deck = deck_from(outline_text("- {kind: references}", refs))
    slides = deck.slides
    assert len(slides) >= 2 and all("Body 2" in names(s) for s in slides[:-1])
    labels = [
        p.runs[0].text.strip()
        for s in slides
        for name in ("Body", "Body 2")
        if name in names(s)
        for p in named(s, name).paragraphs
        if p.runs[0].bold
    ]
    assert labels == [f"[{i}]" for i in range(1, 31)]
    assert deck.diagnostics == ()
    assert_inside(deck)
    assert_text_fits(deck)


def test_the_references_are_left_to_the_handouts_appendix():
    assert kind_named("references").in_handout is InHandout.APPENDIX
