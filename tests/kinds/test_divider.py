"""Section dividers (deckgen/layout/divider.py, made by the engine, not an outline kind):
full-bleed in the section's colour, its number, title and subtitle, the concept's icon
on a white disc, and the footer in the divider's ink."""

from __future__ import annotations

from deckgen.errors import BuildError
from deckgen.layout.frames import Picture, Placeholder, Role, Shape, ShapeKind, SlideLayout
from deckgen.layout.frames import SlideSource as Source

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    assert_text_fits,
    build_errors,
    deck_from,
    line_of,
    named,
    names,
    of_kind,
    text_of,
)

SECTIONS = (
    "meta: {title: Talk}\n"
    + CONCEPTS
    + """\
sections:
  - title: Opening
    divider: false
    slides:
      - {kind: title}
  - id: guard
    title: Guarding
    subtitle: Keeping people out
    concept: security
    slides:
      - {kind: bullets, title: B, bullets: [x]}
  - id: green
    title: Plainly
    concept: plain
    slides:
      - {kind: bullets, title: C, bullets: [y]}
  - title: Neither
    slides:
      - {kind: bullets, title: D, bullets: [z]}
"""
)


def test_a_divider_opens_each_section_that_asks_for_one():
    deck = deck_from(SECTIONS)
    dividers = of_kind(deck, "section")
    assert [d.title for d in dividers] == ["Guarding", "Plainly", "Neither"]
    assert [d.source for d in dividers] == [
        Source(1, None, "section", "guard"),
        Source(2, None, "section", "green"),
        Source(3, None, "section", None),
    ]
    assert all(d.layout is SlideLayout.SECTION for d in dividers)
    # each divider comes right before its section's first slide
    for divider in dividers:
        after = deck.slides[divider.number]  # numbers are 1-based
        assert after.source.section == divider.source.section


def test_dividers_are_numbered_counting_only_sections_with_one():
    deck = deck_from(SECTIONS)
    numbers = [text_of(named(d, "Section number")) for d in of_kind(deck, "section")]
    assert numbers == ["01", "02", "03"]


def test_a_divider_is_in_its_concepts_colour_with_text_that_reads_on_it():
    deck = deck_from(SECTIONS)
    palette = deck.design.palette
    guard, green, neither = of_kind(deck, "section")
    assert (guard.background, green.background) == ("1F5AA6", "2E7D32")
    assert neither.background == palette.primary  # no concept: the primary colour
    for divider in (guard, green, neither):
        ink = palette.on(divider.background)
        for name in ("Section number", "Title", "Footer", "Slide number"):
            assert {p.color for p in named(divider, name).paragraphs} == {ink}, name


def test_a_divider_shows_its_concepts_icon_on_a_white_disc():
    deck = deck_from(SECTIONS)
    design = deck.design
    guard, green, _ = of_kind(deck, "section")
    disc, icon = named(guard, "Icon disc"), named(guard, "Security icon")
    assert isinstance(disc, Shape) and disc.kind is ShapeKind.ELLIPSE
    assert disc.fill == design.palette.icon_disc
    assert isinstance(icon, Picture) and icon.alt == "A shield" and disc.rect.contains(icon.rect)
    # beside the icon the text keeps to the left, in the layout's full-width box, a right
    # inset clear of the icon; without one it takes the width
    title = named(guard, "Title")
    assert title.rect.w == design.grid.content_width
    assert title.rect.w - title.insets.right == design.divider.text_width_beside_icon
    assert title.rect.right - title.insets.right < disc.rect.x
    assert "Icon disc" not in names(green)
    assert named(green, "Title").rect.w == design.grid.content_width


def test_a_dividers_title_subtitle_and_notes():
    deck = deck_from(SECTIONS)
    guard, green, _ = of_kind(deck, "section")
    title = named(guard, "Title")
    assert (title.placeholder, title.role) == (Placeholder.TITLE, Role.TITLE)
    assert text_of(title) == "Guarding"
    assert title.paragraphs[0].size == deck.design.scale.hero
    subtitle = named(guard, "Subtitle")
    assert text_of(subtitle) == "Keeping people out"
    assert subtitle.rect.y >= title.rect.bottom
    assert "Subtitle" not in names(green)
    assert guard.notes == "Section 1: Guarding. Keeping people out."
    assert green.notes == "Section 2: Plainly."
    assert guard.section == "Guarding"


def test_dividers_stay_inside_the_margins():
    deck = deck_from(SECTIONS)
    assert_inside(deck)
    assert_text_fits(deck)


def test_a_long_section_title_shrinks_silently():
    text = SECTIONS.replace(
        "title: Plainly",
        "title: A section title long enough to need a smaller size than usual on its divider today",
    )
    deck = deck_from(text)
    divider = of_kind(deck, "section")[1]
    title = named(divider, "Title")
    assert title.paragraphs[0].size < deck.design.scale.hero
    assert len(title.paragraphs[0].lines) <= deck.design.divider.title_lines
    assert deck.diagnostics == ()


def test_an_absurd_section_title_is_an_error_at_the_sections_line():
    text = SECTIONS.replace("title: Plainly", "title: '" + "Very long section title " * 30 + "'")
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "id: green")
    assert "section title" in err.message and "divider" in err.message


def test_a_subtitle_too_long_for_its_divider_does_not_run_over_the_footer():
    text = SECTIONS.replace(
        "title: Neither", "title: Neither\n    subtitle: '" + "words " * 105 + "'"
    )
    try:
        deck = deck_from(text)
    except BuildError:
        return  # an error at the section's line would do
    divider = of_kind(deck, "section")[-1]
    subtitle = named(divider, "Subtitle")
    assert subtitle.rect.bottom <= deck.design.chrome.top
