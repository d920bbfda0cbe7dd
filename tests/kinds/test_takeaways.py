"""Takeaways: two to four statements, each marked by its concept's icon (both concepts'
for a point about no one concept), or a number in a disc where icons are missing. The
statements are the body placeholder's paragraphs, each centred on its badge."""

from __future__ import annotations

from deckgen.kinds import kind_named
from deckgen.layout.frames import (
    Picture,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
    SlideSource,
)
from deckgen.layout.geometry import EMU_PER_PT

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    assert_text_fits,
    build_errors,
    deck_from,
    line_of,
    named,
    names,
    outline_from,
    outline_text,
    placeholders,
    text_of,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: takeaways, title: T, points: [one]}"

POINTS = """\
    - {text: Locks keep people out, concept: security}
    - {text: Ladders get people up, concept: safety}
    - Check both before you climb
"""

NO_ICONS = """\
concepts:
  security: {label: Security, color: "#1F5AA6"}
  safety: {label: Safety, color: "#F4E9B0"}
"""


def takeaways(points: str = POINTS, head: str = CONCEPTS) -> str:
    return outline_text(
        f"- kind: takeaways\n  id: remember\n  title: What to remember\n  points:\n{points}",
        head,
    )


def test_takeaways_are_the_paragraphs_of_the_body_beside_their_badges():
    deck = deck_from(takeaways())
    (slide,) = deck.slides
    assert slide.layout is SlideLayout.CONTENT
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY]
    assert slide.source == SlideSource(0, 0, "takeaways", "remember")
    design = deck.design
    box = named(slide, "Takeaways")
    assert box.role is Role.BODY
    assert [p.text for p in box.paragraphs] == [
        "Locks keep people out",
        "Ladders get people up",
        "Check both before you climb",
    ]
    assert {p.size for p in box.paragraphs} == {design.scale.takeaway}
    assert box.rect.x == design.grid.body_box.x + design.takeaways.badge + design.takeaways.text_gap
    assert deck.diagnostics == ()


def test_each_takeaway_is_centred_on_its_badge():
    points = f"    - One\n    - '{'A takeaway long enough for two lines ' * 2}'\n    - Three\n"
    deck = deck_from(takeaways(points, head=NO_ICONS))
    (slide,) = deck.slides
    box = named(slide, "Takeaways")
    assert [len(p.lines) for p in box.paragraphs] == [1, 2, 1]
    y = float(box.rect.y)
    for i, para in enumerate(box.paragraphs, 1):
        y += para.space_before * EMU_PER_PT if i > 1 else 0
        bottom = y + len(para.lines) * para.line_pitch * EMU_PER_PT
        disc = named(slide, f"Takeaway {i} disc").rect
        assert abs((y + bottom) / 2 - (disc.y + disc.h / 2)) <= 2
        y = bottom
    assert abs(box.rect.bottom - y) <= 2


def test_balanced_takeaways_share_the_widest_measure_the_box_is_as_wide_as():
    """The deck wraps every paragraph of a box at its inner width: each takeaway is set
    for the widest one's balanced measure, in as many lines as balanced."""
    points = (
        "    - 'Short words to balance over two lines of this takeaway, please'\n"
        "    - 'A much longer takeaway that the balancing leaves wider than the first one'\n"
    )
    deck = deck_from(takeaways(points, head=NO_ICONS))
    box = named(deck.slides[0], "Takeaways")
    assert [len(p.lines) for p in box.paragraphs] == [2, 2]
    (measure,) = {p.measure for p in box.paragraphs}
    # the placeholder keeps its box; its insets leave the measure inside it
    inner = box.rect.w - box.insets.left - box.insets.right
    assert measure is not None and inner == measure < deck.design.grid.body_box.w
    # every line fits the box's width as the fake measurer sets it (half an em a letter)
    for para in box.paragraphs:
        for line in para.lines:
            text = "".join(run.text for run in line).rstrip()
            assert len(text) * para.size * 0.5 * EMU_PER_PT <= measure


def test_a_takeaway_about_a_concept_has_its_icon_one_about_none_has_two():
    deck = deck_from(takeaways())
    palette, (slide,) = deck.design.palette, deck.slides
    for i, color in ((1, "1F5AA6"), (2, "B4530A")):
        disc, icon = named(slide, f"Takeaway {i} disc"), named(slide, f"Takeaway {i} icon")
        assert isinstance(disc, Shape) and disc.kind is ShapeKind.ELLIPSE
        assert disc.fill == palette.tint(color, palette.disc_tint)
        assert isinstance(icon, Picture) and disc.rect.contains(icon.rect)
    first, second = named(slide, "Takeaway 3 disc 1"), named(slide, "Takeaway 3 disc 2")
    assert (first.fill, second.fill) == (
        palette.tint("1F5AA6", palette.disc_tint),
        palette.tint("B4530A", palette.disc_tint),
    )
    assert first.rect.x < second.rect.x and first.rect.y == second.rect.y
    assert [isinstance(named(slide, f"Takeaway 3 icon {j}"), Picture) for j in (1, 2)] == [
        True,
        True,
    ]
    assert not any(n.startswith("Takeaway") and n.endswith("number") for n in names(slide))


def test_without_icons_every_takeaway_is_numbered_in_its_concepts_colour():
    deck = deck_from(takeaways(head=NO_ICONS))
    palette, (slide,) = deck.design.palette, deck.slides
    for i, fill in ((1, "1F5AA6"), (2, "F4E9B0"), (3, palette.primary)):
        disc, number = named(slide, f"Takeaway {i} disc"), named(slide, f"Takeaway {i} number")
        assert disc.fill == fill
        assert text_of(number) == str(i) and number.rect == disc.rect
        assert number.paragraphs[0].color == palette.on(fill)
    assert not any(isinstance(item, Picture) for item in slide.items)
    # a light concept colour takes dark figures, a dark one white
    assert named(slide, "Takeaway 2 number").paragraphs[0].color == palette.text
    assert named(slide, "Takeaway 1 number").paragraphs[0].color == "FFFFFF"


def test_a_point_whose_concept_has_no_icon_numbers_them_all():
    points = POINTS.replace(
        "- Check both before you climb", "- {text: Plainly put, concept: plain}"
    )
    (slide,) = deck_from(takeaways(points)).slides
    assert [text_of(named(slide, f"Takeaway {i} number")) for i in (1, 2, 3)] == ["1", "2", "3"]
    assert named(slide, "Takeaway 3 disc").fill == "2E7D32"


def test_four_short_takeaways_fit_on_one_slide():
    points = "    - One\n    - Two\n    - Three\n    - Four\n"
    (slide,) = deck_from(takeaways(points, head=NO_ICONS)).slides
    assert len(named(slide, "Takeaways").paragraphs) == 4 and "Takeaway 4 disc" in names(slide)


def test_the_takeaways_are_centred_in_the_body():
    deck = deck_from(takeaways())
    (slide,) = deck.slides
    body = deck.design.grid.body_box
    top = named(slide, "Takeaway 1 disc").rect.y
    bottom = named(slide, "Takeaway 3 disc 1").rect  # a smaller disc, centred on its row
    row_bottom = bottom.y + bottom.h + (deck.design.takeaways.badge - bottom.h) // 2
    assert abs((top - body.y) - (body.bottom - row_bottom)) <= 2
    assert_inside(deck)
    assert_text_fits(deck)


def test_long_takeaways_shrink_and_say_so():
    points = "".join(f"    - '{'A long takeaway that wraps ' * 5}{i}'\n" for i in range(3))
    deck = deck_from(takeaways(points, head=NO_ICONS))
    sizes = {p.size for p in named(deck.slides[0], "Takeaways").paragraphs}
    assert len(sizes) == 1 and 20 <= sizes.pop() < 28
    (warning,) = deck.diagnostics
    assert "instead of 28 pt" in warning.message


def test_takeaways_that_cannot_fit_are_an_error_at_their_line():
    points = "".join(f"    - '{'An endless takeaway ' * 20}{i}'\n" for i in range(4))
    text = takeaways(points)
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: takeaways")
    assert "do not fit on one slide" in err.message


# ------------------------------------------------------------------------ select

AUDIENCES = (
    CONCEPTS
    + """\
audiences:
  short: {description: Short, minutes: 5}
  long: {description: Long, minutes: 50}
"""
)


def test_select_keeps_the_takeaways_meant_for_the_audience():
    points = (
        "    - Everyone\n    - {text: Long only, only: [long]}\n"
        "    - {text: Not short, skip: [short]}\n"
    )
    slide = outline_from(takeaways(points, AUDIENCES)).sections[0].slides[0]
    select = kind_named("takeaways").select
    changes, said = select(slide, "short")
    assert [p.text for p in changes["points"]] == ["Everyone"] and said == []
    changes, _ = select(slide, "long")
    assert [p.text for p in changes["points"]] == ["Everyone", "Long only", "Not short"]


def test_select_keeps_the_first_takeaway_when_none_is_meant_for_the_audience():
    points = "    - {text: First, only: [long]}\n    - {text: Second, only: [long]}\n"
    slide = outline_from(takeaways(points, AUDIENCES)).sections[0].slides[0]
    changes, _ = kind_named("takeaways").select(slide, "short")
    assert [p.text for p in changes["points"]] == ["First"]


def test_a_tailored_talk_shows_only_the_selected_takeaways():
    points = "    - Everyone\n    - {text: Long only, only: [long]}\n"
    (slide,) = deck_from(takeaways(points, AUDIENCES), audience="short").slides
    assert "Takeaway 2 disc" not in names(slide)
    assert text_of(named(slide, "Takeaways")) == "Everyone"
