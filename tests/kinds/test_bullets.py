"""Bullets: at most six points a slide (more continue before any shrinks), sub-points,
a picture beside them on the first slide, and the audience's selection of points."""

from __future__ import annotations

import pytest

from deckgen.kinds import kind_named
from deckgen.kinds.bullets import BulletsSlide
from deckgen.layout.frames import Picture, Placeholder, Role, SlideLayout, SlideSource, TextBox

from ..layout.support import (
    CONCEPTS,
    FAKE,
    assert_inside,
    assert_text_fits,
    build_errors,
    deck_from,
    line_of,
    named,
    names,
    outline_from,
    outline_text,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: bullets, title: B, bullets: [x]}"


def bullets(points: list[str], title: str = "Points", extra: str = "", head: str = "") -> str:
    items = "\n".join(f"    - {p!r}" for p in points)
    return outline_text(
        f"- kind: bullets\n  id: points\n  title: {title}\n  bullets:\n{items}\n"
        f"  notes: Say it.\n{extra}",
        head,
    )


def body_of(slide) -> TextBox:
    return named(slide, "Body")


def test_short_bullets_fit_without_warnings_at_the_scales_larger_step():
    deck = deck_from(bullets(["One", "Two", "Three"]))
    assert deck.diagnostics == ()
    (slide,) = deck.slides
    assert names(slide) == ["Title", "Accent rule", "Body", "Footer", "Slide number"]
    assert slide.layout is SlideLayout.CONTENT
    assert slide.source == SlideSource(0, 0, "bullets", "points")
    body = body_of(slide)
    assert (body.placeholder, body.role) == (Placeholder.BODY, Role.BODY)
    assert body.rect == deck.design.grid.body_box
    assert [p.text for p in body.paragraphs] == ["One", "Two", "Three"]
    # three short points leave room: the scale's larger step (issue 23 item 4)
    assert {p.size for p in body.paragraphs} == {deck.design.scale.lead}
    assert {p.bullet for p in body.paragraphs} == {deck.design.bullets.marker}
    # the first point opens the box without the space between points
    assert body.paragraphs[0].space_before == 0 and body.paragraphs[1].space_before > 0


def test_sub_points_are_a_level_down_smaller_with_a_muted_dash():
    text = outline_text(
        "- kind: bullets\n  title: T\n  bullets:\n"
        "    - text: Main\n      sub: [First detail, Second detail]\n    - Other\n"
    )
    deck = deck_from(text)
    design = deck.design
    paras = body_of(deck.slides[0]).paragraphs
    assert [(p.text, p.level) for p in paras] == [
        ("Main", 0),
        ("First detail", 1),
        ("Second detail", 1),
        ("Other", 0),
    ]
    sub, scale = paras[1], design.scale
    # the sparse slide's points take the larger step; sub-points keep their own step
    assert paras[0].size == scale.lead
    assert (sub.size, sub.bullet, sub.bullet_color) == (
        scale.sub_body,
        design.bullets.sub_marker,
        design.palette.muted,
    )
    # indents grow with the type, as they shrink with it
    assert sub.margin_left >= design.bullets.sub_indent
    assert sub.margin_left > paras[0].margin_left


@pytest.mark.parametrize(
    "slide_concept, section_concept, expected",
    [("security", "safety", "1F5AA6"), (None, "safety", "B4530A"), (None, None, "1F2A44")],
)
def test_the_accent_is_the_slides_concept_else_its_sections_else_the_primary(
    slide_concept, section_concept, expected
):
    slide = "- {kind: bullets, title: T, bullets: [a, b]"
    slide += f", concept: {slide_concept}}}" if slide_concept else "}"
    section = "divider: false" + (f"\nconcept: {section_concept}" if section_concept else "")
    deck = deck_from(outline_text(slide, CONCEPTS, section))
    (slide_frame,) = deck.slides
    assert named(slide_frame, "Accent rule").fill == expected
    assert {p.bullet_color for p in body_of(slide_frame).paragraphs} == {expected}
    assert named(slide_frame, "Title").paragraphs[0].color == deck.design.palette.primary


def test_crowded_bullets_shrink_and_warn_with_the_source_line():
    text = bullets([f"Point number {i} " + "with words " * 7 for i in range(5)])
    deck = deck_from(text)
    (slide,) = deck.slides
    sizes = {p.size for p in body_of(slide).paragraphs}
    assert len(sizes) == 1 and 18 <= sizes.pop() < 26
    (warning,) = deck.diagnostics
    assert warning.severity.value == "warning"
    assert warning.pos.line == line_of(text, "kind: bullets")
    assert "instead of 26 pt" in warning.message and "slide 1 'Points'" in warning.message


@pytest.mark.parametrize(
    "count, groups", [(6, [6]), (7, [4, 3]), (9, [5, 4]), (12, [6, 6]), (13, [5, 5, 3])]
)
def test_more_than_six_bullets_continue_in_balanced_groups_before_shrinking(count, groups):
    deck = deck_from(bullets([f"Short point {i}" for i in range(count)]))
    assert [len(body_of(s).paragraphs) for s in deck.slides] == groups
    assert [s.title for s in deck.slides] == ["Points"] + ["Points (cont.)"] * (len(groups) - 1)
    assert {p.size for s in deck.slides for p in body_of(s).paragraphs} == {26}
    texts = [p.text for s in deck.slides for p in body_of(s).paragraphs]
    assert texts == [f"Short point {i}" for i in range(count)]
    if len(groups) == 1:
        assert deck.diagnostics == ()
    else:
        (warning,) = deck.diagnostics
        assert f"{count} bullets" in warning.message and "at most 6 a slide" in warning.message
        assert f"continued on {len(groups) - 1} '(cont.)'" in warning.message


def test_continued_slides_come_from_the_same_outline_slide():
    deck = deck_from(bullets([f"Short point {i}" for i in range(9)]))
    first, second = deck.slides
    assert first.source == second.source == SlideSource(0, 0, "bullets", "points")
    assert (first.continued, second.continued) == (False, True)
    assert first.notes == "Say it." and "Continued from “Points”" in second.notes
    assert first.pos == second.pos


def test_overflow_continues_on_cont_slides_never_below_the_floor():
    points = [f"Point {i}: " + "a long statement that wraps " * 12 for i in range(6)]
    deck = deck_from(bullets(points))
    assert len(deck.slides) >= 2
    assert deck.slides[0].title == "Points"
    assert all(s.title == "Points (cont.)" and s.continued for s in deck.slides[1:])
    texts = [p.text for s in deck.slides for p in body_of(s).paragraphs]
    assert texts == points  # nothing lost, nothing repeated, order kept
    assert {p.size for s in deck.slides for p in body_of(s).paragraphs} == {18}
    assert any("too much to fit even at 18 pt; continued on" in d.message for d in deck.diagnostics)
    assert_text_fits(deck)


def test_a_single_enormous_bullet_is_split_between_lines():
    points = ["word " * 600]
    deck = deck_from(bullets(points))
    assert len(deck.slides) >= 2
    joined = " ".join(p.text.strip() for s in deck.slides for p in body_of(s).paragraphs)
    assert joined.split() == points[0].split()
    # only the first piece carries the bullet
    assert body_of(deck.slides[0]).paragraphs[0].bullet == "•"
    assert all(body_of(s).paragraphs[0].bullet is None for s in deck.slides[1:])
    assert_text_fits(deck)


def test_a_picture_sits_beside_the_points_on_the_first_slide_only():
    extra = "  image: {path: assets/icons/shield.png, alt: A shield}\n"
    deck = deck_from(bullets([f"Short point {i}" for i in range(8)], extra=extra))
    design = deck.design
    first, second = deck.slides
    picture = named(first, "Picture")
    assert isinstance(picture, Picture) and picture.alt == "A shield"
    assert "Picture" not in names(second)
    box = design.bullets
    body = design.grid.body_box
    share = round(body.w * box.picture_share)  # at least 40 % of the body's width
    assert body_of(first).rect.w == body.w - share - box.picture_gap
    assert body_of(first).rect.right + box.picture_gap <= picture.rect.x
    assert picture.rect.right <= design.grid.width - design.grid.margin
    # the icon is square: as wide as its share, or as tall as the body allows
    assert picture.rect.w == min(share, body.h - box.picture_drop)
    assert_inside(deck)


def test_bullets_stay_inside_the_slide_and_its_margins():
    deck = deck_from(bullets([f"Point {i}: " + "words " * 20 for i in range(14)]))
    assert_inside(deck)
    assert_text_fits(deck)


def test_a_title_that_cannot_fit_is_an_error_with_its_line():
    text = bullets(["x"], title="A title " * 30)
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: bullets") and "does not fit" in err.message


# ------------------------------------------------------------------------ select

AUDIENCES = """\
audiences:
  short: {description: Short, minutes: 5}
  long: {description: Long, minutes: 50}
"""


def selective(points: str) -> str:
    return outline_text(f"- kind: bullets\n  title: T\n  bullets:\n{points}", AUDIENCES)


def test_select_keeps_the_points_meant_for_the_audience():
    text = selective(
        "    - Everyone\n"
        "    - {text: Long only, only: [long]}\n"
        "    - {text: Not short, skip: [short]}\n"
    )
    slide = outline_from(text).sections[0].slides[0]
    assert isinstance(slide, BulletsSlide)
    select = kind_named("bullets").select
    changes, said = select(slide, "short")
    assert [b.text for b in changes["bullets"]] == ["Everyone"]
    assert said == ["2 bullet(s) left out"]
    changes, said = select(slide, "long")
    assert [b.text for b in changes["bullets"]] == ["Everyone", "Long only", "Not short"]
    assert said == []
    changes, said = select(slide, None)
    assert len(changes["bullets"]) == 3 and said == []


def test_select_keeps_the_first_point_when_none_is_meant_for_the_audience():
    text = selective("    - {text: First, only: [long]}\n    - {text: Second, only: [long]}\n")
    slide = outline_from(text).sections[0].slides[0]
    changes, _ = kind_named("bullets").select(slide, "short")
    assert [b.text for b in changes["bullets"]] == ["First"]


def test_a_tailored_talk_lays_out_only_the_selected_points():
    text = selective("    - Everyone\n    - {text: Long only, only: [long]}\n")
    deck = deck_from(text, FAKE, audience="short")
    assert [p.text for p in body_of(deck.slides[0]).paragraphs] == ["Everyone"]
