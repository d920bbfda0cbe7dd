"""Definitions: the quote large after a big mark, the attribution (with its reference
number) below it, the concept's icon beside it; a long quote continues between lines,
the attribution on its last slide, the icon on its first."""

from __future__ import annotations

from deckgen.kinds import kind_named
from deckgen.layout.frames import Picture, Placeholder, Role, Shape, SlideLayout, SlideSource
from deckgen.layout.geometry import pt
from deckgen.layout.handout import Citation, page_frame
from deckgen.layout.handout_blocks import HandoutContext
from deckgen.layout.measure import AfmMeasurer

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    assert_text_fits,
    build_errors,
    deadline,
    deck_from,
    line_of,
    named,
    names,
    outline_text,
    placeholders,
    talk_from,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: definition, title: D, term: t, quote: q, attribution: a}"

REFERENCES = """\
references:
  - {id: first, title: The first book}
  - {id: dictionary, title: The Dictionary, publisher: Press, year: "2030"}
"""
HEAD = CONCEPTS + REFERENCES


def definition(
    quote: str = "A lock keeps a door shut until the right key turns it.",
    extra: str = "  concept: security\n  source: Entry for lock\n  reference: dictionary\n",
    attribution: str = "The Dictionary",
) -> str:
    return outline_text(
        "- kind: definition\n  id: lock\n  title: What is a lock?\n  term: lock\n"
        f"  quote: {quote!r}\n  attribution: {attribution!r}\n{extra}",
        HEAD,
    )


def test_a_definition_has_its_mark_quote_attribution_and_icon():
    deck = deck_from(definition())
    (slide,) = deck.slides
    assert names(slide) == [
        "Title",
        "Accent rule",
        "Quote mark",
        "Quote",  # with the attribution
        "Icon disc",
        "Security icon",
        "Footer",
        "Slide number",
    ]
    assert slide.layout is SlideLayout.CONTENT
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY]
    assert slide.source == SlideSource(0, 0, "definition", "lock")
    assert deck.diagnostics == ()


def test_the_quote_is_large_and_the_attribution_cites_its_reference_number():
    deck = deck_from(definition())
    design, (slide,) = deck.design, deck.slides
    palette, accent = design.palette, "1F5AA6"
    quote = named(slide, "Quote")
    assert (quote.placeholder, quote.role) == (Placeholder.BODY, Role.QUOTE)
    words, attribution = quote.paragraphs
    assert words.text == "A lock keeps a door shut until the right key turns it."
    assert words.size == design.scale.quote and all(r.italic for r in words.runs)
    assert words.color == palette.text
    # the dictionary is the outline's second reference
    assert attribution.text == "— The Dictionary, Entry for lock [2]"
    assert attribution.color == accent and attribution.size == design.scale.attribution
    assert not any(r.italic for r in attribution.runs)
    assert named(slide, "Quote mark").paragraphs[0].color == accent
    assert named(slide, "Accent rule").fill == accent


def test_the_concepts_icon_sits_on_a_tinted_disc_beside_the_quote():
    deck = deck_from(definition())
    palette, (slide,) = deck.design.palette, deck.slides
    disc, icon = named(slide, "Icon disc"), named(slide, "Security icon")
    assert isinstance(disc, Shape) and disc.fill == palette.tint("1F5AA6", palette.disc_tint)
    assert isinstance(icon, Picture) and disc.rect.contains(icon.rect)
    assert named(slide, "Quote").rect.right < disc.rect.x
    assert disc.rect.right == deck.design.grid.body_box.right


def test_without_an_icon_the_quote_takes_the_width():
    deck = deck_from(definition(extra="  concept: plain\n"))
    (slide,) = deck.slides
    assert "Icon disc" not in names(slide)
    assert named(slide, "Quote").rect.right == deck.design.grid.body_box.right
    attribution = named(slide, "Quote").paragraphs[-1]
    assert (attribution.text, attribution.color) == ("— The Dictionary", "2E7D32")


def test_every_definition_starts_at_the_same_height():
    short = deck_from(definition("Short."))
    longer = deck_from(definition("A longer quote " * 8))
    assert named(short.slides[0], "Quote").rect.y == named(longer.slides[0], "Quote").rect.y


def test_a_long_quote_continues_between_lines():
    quote = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 14
    text = definition(quote.strip())
    deck = deck_from(text)
    slides = deck.slides
    assert len(slides) >= 2
    assert [s.title for s in slides] == ["What is a lock?"] + ["What is a lock? (cont.)"] * (
        len(slides) - 1
    )
    assert [s.continued for s in slides] == [False] + [True] * (len(slides) - 1)
    assert {s.source for s in slides} == {SlideSource(0, 0, "definition", "lock")}
    # the attribution on the last slide only (the quote's last paragraph), the icon on
    # the first only
    attributions = [named(s, "Quote").paragraphs[-1].text.startswith("—") for s in slides]
    assert attributions == [False] * (len(slides) - 1) + [True]
    assert ["Security icon" in names(s) for s in slides] == [True] + [False] * (len(slides) - 1)
    assert all("Quote mark" in names(s) and "Quote" in names(s) for s in slides)
    # nothing lost or repeated, at the floor
    said = [p for s in slides for p in named(s, "Quote").paragraphs if not p.text.startswith("—")]
    words = " ".join(p.text for p in said).split()
    assert words == quote.split()
    assert {p.size for p in said} == {18}
    (warning,) = deck.diagnostics
    assert "the quote is too long even at 18 pt" in warning.message
    assert f"continued on {len(slides) - 1} '(cont.)' slide(s)" in warning.message
    assert warning.pos.line == line_of(text, "kind: definition")
    assert_inside(deck)
    assert_text_fits(deck)


def test_the_attribution_stands_in_the_quotes_placeholder_where_its_box_stood():
    """The attribution is the quote placeholder's last paragraph, its space before the
    gap the design puts between quote and attribution; the quote keeps its balanced
    measure, the attribution the full width."""
    deck = deck_from(definition())
    design, (slide,) = deck.design, deck.slides
    quote = named(slide, "Quote")
    words, attribution = quote.paragraphs
    gap = design.definition.attribution_gap
    assert abs(pt(attribution.space_before) - gap) <= 1
    assert abs(pt(quote.content_height) - quote.rect.h) <= 1
    assert attribution.measure == quote.rect.w
    assert words.measure is not None and words.measure <= quote.rect.w
    assert deck.diagnostics == ()


def test_a_quote_that_shrinks_warns_with_the_quotes_size():
    deck = deck_from(definition("A quote of a few lines that needs to shrink a little. " * 8))
    (warning,) = deck.diagnostics
    assert "quote set at" in warning.message and "instead of 28 pt" in warning.message
    assert len(deck.slides) == 1


def test_an_attribution_taller_than_the_body_is_an_error_not_a_hang():
    # it used to send the quote's continuation into a box with no room: an endless loop
    text = definition("Lorem ipsum dolor sit amet. " * 60, extra="", attribution="Someone " * 300)
    with deadline(10):
        (err,) = build_errors(text, AfmMeasurer())
    assert err.pos.line == line_of(text, "kind: definition")
    assert "attribution" in err.message


def test_the_handout_hook_cites_the_slide_the_definition_is_on():
    talk = talk_from(definition())
    slide = talk.sections[0].slides[0]
    hook = kind_named("definition").handout
    deck = deck_from(definition())
    page = page_frame(deck.design, "a4")
    (citation,) = hook(slide, HandoutContext(7, deck.design, page, talk.labels))
    assert citation == Citation(7, "dictionary", "The Dictionary", "Entry for lock", slide.pos)
    talk = talk_from(definition(extra=""))
    ctx = HandoutContext(3, deck.design, page, talk.labels)
    (citation,) = hook(talk.sections[0].slides[0], ctx)
    assert (citation.number, citation.reference, citation.source) == (3, None, None)
