"""Analogies: two panels side by side, the mapping between them row by row with an arrow
between each pair; too many pairs continue, the summary below the last slide's panels.
Each panel's heading and its side of the pairs are one placeholder's paragraphs, the
rows at the same heights on both sides; on a template the panels stand in its
two-content layout's bodies."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.design import Design, default_design
from deckgen.layout.frames import (
    Picture,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
    SlideSource,
)
from deckgen.layout.geometry import EMU_PER_PT, Rect

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
    talk_from,
    text_of,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = (
    "{kind: analogy, title: A, left: {heading: L}, right: {heading: R}, "
    "pairs: [{left: a, right: b}]}"
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


def tops(box) -> list[int]:
    """Where each paragraph of ``box`` starts (EMU), as the renderers lay them down: the
    first at the box's top, each later one after the space before it."""
    out, y = [], float(box.rect.y)
    for i, para in enumerate(box.paragraphs):
        y += para.space_before * EMU_PER_PT if i else 0
        out.append(round(y))
        y += len(para.lines) * para.line_pitch * EMU_PER_PT
    return out


def test_each_panels_heading_and_its_side_of_the_pairs_are_one_placeholder():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    assert names(slide) == [
        "Title",
        "Accent rule",
        "Left panel",
        "Left icon",
        "Right panel",
        "Left side",
        "Right side",
        "Pair 1 arrow",
        "Pair 2 arrow",
        "Summary",
        "Footer",
        "Slide number",
    ]
    assert slide.layout is SlideLayout.TWO_CONTENT
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY, Placeholder.SECOND_BODY]
    assert slide.source == SlideSource(0, 0, "analogy", "guard")
    assert text_of(named(slide, "Left side")) == "The door\nThe key opens it\nA picked lock"
    assert text_of(named(slide, "Right side")) == "The guard\nThe badge lets you in\nA fooled guard"
    assert named(slide, "Left side").role is Role.BODY
    assert deck.diagnostics == ()


def test_the_panels_sit_side_by_side_in_the_surface_and_the_concepts_tint():
    deck = deck_from(analogy(TWO))
    design, (slide,) = deck.design, deck.slides
    palette = design.palette
    left, right = named(slide, "Left panel"), named(slide, "Right panel")
    assert isinstance(left, Shape) and left.kind is ShapeKind.ROUND_RECT
    assert left.rect.y == right.rect.y and left.rect.h == right.rect.h
    assert left.rect.right + design.analogy.gap == right.rect.x
    assert left.rect.x == design.grid.body_box.x
    assert left.fill == palette.surface
    assert right.fill == palette.tint("1F5AA6", palette.panel_tint)
    (left_heading, *_), (right_heading, *_) = (
        named(slide, f"{side} side").paragraphs for side in ("Left", "Right")
    )
    assert left_heading.color == palette.primary and right_heading.color == "1F5AA6"
    assert all(r.bold for r in left_heading.runs + right_heading.runs)
    assert left_heading.size == right_heading.size == design.scale.analogy_heading
    icon = named(slide, "Left icon")
    assert isinstance(icon, Picture) and left.rect.contains(icon.rect)
    # the heading starts beside the icon; the right panel has none, its heading no indent
    box = named(slide, "Left side")
    assert box.rect.x + left_heading.margin_left >= icon.rect.right
    assert right_heading.margin_left == 0
    assert all(p.margin_left == 0 for p in box.paragraphs[1:])


def test_a_heading_is_centred_on_its_icon_as_its_own_box_was():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    icon = named(slide, "Left icon").rect
    for side in ("Left", "Right"):
        box = named(slide, f"{side} side")
        heading = box.paragraphs[0]
        middle = box.rect.y + len(heading.lines) * heading.line_pitch * EMU_PER_PT / 2
        assert abs(middle - (icon.y + icon.h / 2)) <= 1


def test_each_row_starts_at_the_same_height_on_both_sides_beside_its_arrow():
    pairs = [("One line", "Two lines " * 6), ("Three " * 12, "One"), ("Short", "Short")]
    deck = deck_from(analogy(pairs))
    (slide,) = deck.slides
    left, right = named(slide, "Left side"), named(slide, "Right side")
    rows_left, rows_right = tops(left)[1:], tops(right)[1:]
    assert [len(p.lines) for p in left.paragraphs[1:]] == [1, 2, 1]  # rows of unlike heights
    assert [len(p.lines) for p in right.paragraphs[1:]] == [2, 1, 1]
    arrows = [named(slide, f"Pair {j} arrow").rect.y for j in (1, 2, 3)]
    assert all(abs(a - b) <= 2 for a, b in zip(rows_left, rows_right, strict=True))
    assert all(abs(a - b) <= 2 for a, b in zip(rows_left, arrows, strict=True))
    assert rows_left == sorted(rows_left)
    # a box ends where its last line does (the fit check reads it)
    for box in (left, right):
        last = box.paragraphs[-1]
        bottom = tops(box)[-1] + len(last.lines) * last.line_pitch * EMU_PER_PT
        assert abs(box.rect.bottom - bottom) <= 2


def test_each_side_is_inside_its_panel_with_an_arrow_between():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    left, right = named(slide, "Left panel").rect, named(slide, "Right panel").rect
    assert left.contains(named(slide, "Left side").rect)
    assert right.contains(named(slide, "Right side").rect)
    for j in (1, 2):
        arrow = named(slide, f"Pair {j} arrow")
        assert text_of(arrow) == "→" and arrow.role is Role.DECORATION
        assert arrow.paragraphs[0].color == "1F5AA6"
        assert left.right <= arrow.rect.x and arrow.rect.right <= right.x


def test_the_summary_sits_below_the_panels_and_clear_of_the_footer():
    deck = deck_from(analogy(TWO))
    (slide,) = deck.slides
    summary = named(slide, "Summary")
    assert summary.role is Role.CAPTION and text_of(summary) == "Both keep people out."
    assert summary.placeholder is None  # it spans both panels, which no placeholder does
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
    # every page has both panels, their headings and an arrow a pair; all kept in order
    lefts, rights = [], []
    for s in slides:
        assert "Left panel" in names(s) and "Right panel" in names(s)
        count = sum(1 for n in names(s) if n.endswith(" arrow"))
        assert names(s).count("Pair 1 arrow") == 1 and f"Pair {count} arrow" in names(s)
        left, right = named(s, "Left side").paragraphs, named(s, "Right side").paragraphs
        assert (left[0].text, right[0].text) == ("The door", "The guard")
        assert len(left) == len(right) == count + 1
        lefts += [p.text for p in left[1:]]
        rights += [p.text for p in right[1:]]
    assert lefts == [left for left, _ in pairs]
    assert rights == [right for _, right in pairs]
    (warning,) = deck.diagnostics
    assert "too many pairs to fit" in warning.message
    assert f"continued on {len(slides) - 1} '(cont.)' slide(s)" in warning.message
    assert warning.pos.line == line_of(text, "kind: analogy")
    assert_inside(deck)
    assert_text_fits(deck)


def _on(two_content) -> Design:
    """The default design as if on a template whose two-content layout has ``two_content``
    bodies (() for a template without one)."""
    design = default_design(talk_from(analogy(TWO)))
    return replace(design, grid=replace(design.grid, two_content=two_content))


def _panels_on(*bodies: tuple[int, int, int, int]):
    """The analogy laid out on a template whose two-content bodies are ``bodies``: the
    deck, its slide, and the left and right panels' boxes."""
    deck = deck_from(analogy(TWO), design=_on(tuple(Rect(*body) for body in bodies)))
    (slide,) = deck.slides
    return deck, slide, named(slide, "Left panel").rect, named(slide, "Right panel").rect


def test_on_a_template_the_panels_stand_in_its_two_content_layouts_bodies():
    deck, slide, left, right = _panels_on(
        (800_000, 1_900_000, 4_000_000, 3_800_000), (6_000_000, 2_000_000, 4_500_000, 3_600_000)
    )
    assert slide.layout is SlideLayout.TWO_CONTENT
    assert (left.x, left.w, right.x, right.w) == (800_000, 4_000_000, 6_000_000, 4_500_000)
    assert left.y == right.y == 2_000_000  # the top they share
    assert left.bottom <= 5_600_000 and right.bottom <= 5_600_000
    pad = deck.design.analogy.pad
    assert named(slide, "Right side").rect.x == 6_000_000 + pad
    assert named(slide, "Summary").rect.x == 800_000
    assert_text_fits(deck)


def test_template_bodies_too_close_for_the_arrows_are_drawn_apart():
    deck, _slide, left, right = _panels_on(
        (800_000, 1_900_000, 5_000_000, 3_800_000), (5_900_000, 1_900_000, 5_000_000, 3_800_000)
    )
    assert right.x - left.right >= deck.design.analogy.gap
    assert (left.x, right.right) == (800_000, 10_900_000)


def test_template_bodies_too_short_for_a_pair_leave_the_panels_where_deckgen_puts_them():
    deck, slide, _left, _right = _panels_on(
        (800_000, 4_000_000, 5_000_000, 1_500_000), (6_200_000, 4_000_000, 5_000_000, 1_500_000)
    )
    (default,) = deck_from(analogy(TWO)).slides
    for name in ("Left panel", "Right panel", "Left side", "Right side", "Summary"):
        assert named(slide, name).rect == named(default, name).rect
    assert slide.layout is SlideLayout.TWO_CONTENT  # its text still in the two bodies
    (warning,) = deck.diagnostics
    assert "two-content boxes are too small for the analogy's pairs" in warning.message
    assert warning.topic == "template"


def test_without_a_two_content_layout_the_panels_keep_their_places_the_left_in_the_body():
    deck = deck_from(analogy(TWO), design=_on(()))
    (slide,) = deck.slides
    assert slide.layout is SlideLayout.CONTENT
    (default,) = deck_from(analogy(TWO)).slides
    for name in ("Left panel", "Right panel", "Left side", "Right side", "Pair 1 arrow"):
        assert named(slide, name).rect == named(default, name).rect
    # the left side takes the body; the right asks for a second body, which the
    # content layout has not, so the deck sets it as a text box
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY, Placeholder.SECOND_BODY]


def test_a_pair_taller_than_a_slide_is_an_error_at_its_line():
    text = analogy([("short", "word " * 500)])
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: analogy")
    assert "a pair of the analogy 'A lock is a guard' does not fit" in err.message


def test_an_analogy_stays_inside_the_margins():
    deck = deck_from(analogy(TWO))
    assert_inside(deck)
    assert_text_fits(deck)
