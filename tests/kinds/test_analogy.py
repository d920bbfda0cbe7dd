"""Analogies: two panels side by side, the mapping between them row by row with an arrow
between each pair; too many pairs continue, the summary below the last slide's panels."""

from __future__ import annotations

from deckgen.layout.frames import (
    Picture,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
    SlideSource,
)

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    assert_text_fits,
    build_errors,
    deck_from,
    line_of,
    named,
    names,
    outline_text,
    placeholders,
    text_of,
)


def analogy(pairs: list[tuple[str, str]], summary: str | None = "Both keep people out.") -> str:
    rows = "\n".join(f"    - {{left: {left!r}, right: {right!r}}}" for left, right in pairs)
    return outline_text(
        "- kind: analogy\n  id: guard\n  title: A lock is a guard\n  concept: security\n"
        "  left:\n    heading: The door\n"
        "    image: {path: assets/icons/shield.png, alt: A shield}\n"
        "  right: {heading: The guard}\n"
        f"  pairs:\n{rows}\n" + (f"  summary: {summary!r}\n" if summary else ""),
        CONCEPTS,
    )


TWO = [("The key opens it", "The badge lets you in"), ("A picked lock", "A fooled guard")]


def test_an_analogy_has_two_panels_their_headings_and_a_row_per_pair():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    assert names(slide) == [
        "Title",
        "Accent rule",
        "Left panel",
        "Left icon",
        "Left heading",
        "Right panel",
        "Right heading",
        "Pair 1 left",
        "Pair 1 arrow",
        "Pair 1 right",
        "Pair 2 left",
        "Pair 2 arrow",
        "Pair 2 right",
        "Summary",
        "Footer",
        "Slide number",
    ]
    assert slide.layout is SlideLayout.TITLE_ONLY
    assert placeholders(slide) == [Placeholder.TITLE]
    assert slide.source == SlideSource(0, 0, "analogy", "guard")
    assert text_of(named(slide, "Pair 2 right")) == "A fooled guard"
    assert text_of(named(slide, "Left heading")) == "The door"
    assert deck.diagnostics == ()


def test_the_panels_sit_side_by_side_in_the_surface_and_the_concepts_tint():
    deck = deck_from(analogy(TWO))
    palette, (slide,) = deck.design.palette, deck.slides
    left, right = named(slide, "Left panel"), named(slide, "Right panel")
    assert isinstance(left, Shape) and left.kind is ShapeKind.ROUND_RECT
    assert left.rect.y == right.rect.y and left.rect.h == right.rect.h
    assert left.rect.right + deck.design.analogy.gap == right.rect.x
    assert left.fill == palette.surface
    assert right.fill == palette.tint("1F5AA6", palette.panel_tint)
    assert named(slide, "Left heading").paragraphs[0].color == palette.primary
    assert named(slide, "Right heading").paragraphs[0].color == "1F5AA6"
    icon = named(slide, "Left icon")
    assert isinstance(icon, Picture) and left.rect.contains(icon.rect)
    assert named(slide, "Left heading").rect.x >= icon.rect.right


def test_each_pair_is_inside_its_panel_with_an_arrow_between():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    left, right = named(slide, "Left panel").rect, named(slide, "Right panel").rect
    for j in (1, 2):
        arrow = named(slide, f"Pair {j} arrow")
        assert text_of(arrow) == "→" and arrow.role is Role.DECORATION
        assert arrow.paragraphs[0].color == "1F5AA6"
        assert left.contains(named(slide, f"Pair {j} left").rect)
        assert right.contains(named(slide, f"Pair {j} right").rect)
        assert left.right <= arrow.rect.x and arrow.rect.right <= right.x
    assert named(slide, "Pair 1 left").rect.bottom <= named(slide, "Pair 2 left").rect.y


def test_the_summary_sits_below_the_panels_and_clear_of_the_footer():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    summary = named(slide, "Summary")
    assert summary.role is Role.CAPTION and text_of(summary) == "Both keep people out."
    assert summary.paragraphs[0].color == "1F5AA6"
    assert all(r.italic for r in summary.paragraphs[0].runs)
    assert summary.rect.y >= named(slide, "Left panel").rect.bottom
    assert summary.rect.bottom <= deck.design.grid.body_box.bottom
    assert "Summary" not in names(deck_from(analogy(TWO, summary=None)).slides[0])


def test_too_many_pairs_continue_with_the_summary_on_the_last_slide():
    pairs = [
        (f"Left side of pair {i} " + "x " * 12, f"Right side {i} " + "y " * 12) for i in range(14)
    ]
    text = analogy(pairs)
    deck = deck_from(text)
    slides = deck.slides
    assert len(slides) >= 2
    assert [s.title for s in slides] == ["A lock is a guard"] + ["A lock is a guard (cont.)"] * (
        len(slides) - 1
    )
    assert {s.source for s in slides} == {SlideSource(0, 0, "analogy", "guard")}
    assert ["Summary" in names(s) for s in slides] == [False] * (len(slides) - 1) + [True]
    # every page has both panels; pairs are numbered on each page from 1, all kept in order
    lefts = []
    for s in slides:
        assert "Left panel" in names(s) and "Right panel" in names(s)
        count = sum(1 for n in names(s) if n.endswith(" arrow"))
        assert [f"Pair {j} left" in names(s) for j in range(1, count + 1)] == [True] * count
        lefts += [text_of(named(s, f"Pair {j} left")) for j in range(1, count + 1)]
    assert lefts == [left for left, _ in pairs]
    (warning,) = deck.diagnostics
    assert "too many pairs to fit" in warning.message
    assert f"continued on {len(slides) - 1} '(cont.)' slide(s)" in warning.message
    assert warning.pos.line == line_of(text, "kind: analogy")
    assert_inside(deck)
    assert_text_fits(deck)


def test_a_pair_taller_than_a_slide_is_an_error_at_its_line():
    text = analogy([("short", "word " * 500)])
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: analogy")
    assert "a pair of the analogy 'A lock is a guard' does not fit" in err.message


def test_an_analogy_stays_inside_the_margins():
    deck = deck_from(analogy(TWO))
    assert_inside(deck)
    assert_text_fits(deck)
