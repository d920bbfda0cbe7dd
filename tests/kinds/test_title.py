"""The title slide: the talk's title large, subtitle, presenter line, concept colour bars
and the first two concepts' icons in tinted discs; no footer."""

from __future__ import annotations

from deckgen.layout.frames import (
    Anchor,
    Picture,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    SlideLayout,
    SlideSource,
    TextBox,
)
from deckgen.layout.geometry import pt

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

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: title}"

META = """\
title: Locks and Ladders
subtitle: A small talk about both
presenter: Pat Example
organisation: Fixture Works
date: "2030"
"""


def title_talk(slide: str = "{kind: title, id: opening}", head: str = CONCEPTS, meta=META):
    return outline_text(f"- {slide}\n- {{kind: bullets, title: B, bullets: [x]}}", head, meta=meta)


def test_the_title_slide_has_its_parts_and_no_footer():
    deck = deck_from(title_talk())
    slide = deck.slides[0]
    assert names(slide) == [
        "Title",
        "Accent 1",
        "Accent 2",
        "Accent 3",
        "Subtitle",  # with the presenter lines
        "Security disc",
        "Security icon",
        "Safety disc",  # the third concept has no icon: no disc
        "Safety icon",
    ]
    assert slide.layout is SlideLayout.TITLE
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.SUBTITLE]
    assert slide.source == SlideSource(0, 0, "title", "opening")
    assert (slide.number, slide.title, slide.continued) == (1, "Locks and Ladders", False)
    assert slide.background == deck.design.palette.background
    assert "Footer" in names(deck.slides[1])  # the next slide has the chrome


def test_the_title_and_subtitle_fill_their_placeholders_in_the_designs_type():
    deck = deck_from(title_talk())
    design, slide = deck.design, deck.slides[0]
    palette, scale = design.palette, design.scale
    title, subtitle = named(slide, "Title"), named(slide, "Subtitle")
    assert (title.placeholder, title.role, title.anchor) == (
        Placeholder.TITLE,
        Role.TITLE,
        Anchor.BOTTOM,
    )
    assert text_of(title) == "Locks and Ladders"
    (para,) = title.paragraphs
    assert (para.size, para.color, para.runs[0].bold) == (scale.hero, palette.primary, True)
    assert (subtitle.placeholder, subtitle.role) == (Placeholder.SUBTITLE, Role.SUBTITLE)
    assert subtitle.paragraphs[0].text == "A small talk about both"
    assert subtitle.paragraphs[0].color == palette.muted
    assert title.rect.w == subtitle.rect.w == design.title_slide.text_width


def test_the_presenter_line_names_the_presenter_then_the_rest():
    deck = deck_from(title_talk())
    subtitle = named(deck.slides[0], "Subtitle")
    palette = deck.design.palette
    _, first, rest = subtitle.paragraphs
    assert (first.text, first.color, first.runs[0].bold) == ("Pat Example", palette.text, True)
    assert (rest.text, rest.color) == ("Fixture Works · 2030", palette.muted)


def test_the_bars_and_discs_are_in_the_concepts_colours():
    deck = deck_from(title_talk())
    palette, slide = deck.design.palette, deck.slides[0]
    bars = [named(slide, f"Accent {i}") for i in (1, 2, 3)]
    assert [bar.fill for bar in bars] == ["1F5AA6", "B4530A", "2E7D32"]
    assert len({bar.rect.y for bar in bars}) == 1
    for label, color in (("Security", "1F5AA6"), ("Safety", "B4530A")):
        disc, icon = named(slide, f"{label} disc"), named(slide, f"{label} icon")
        assert isinstance(disc, Shape) and disc.kind is ShapeKind.ELLIPSE
        assert disc.fill == palette.tint(color, palette.disc_tint)
        assert isinstance(icon, Picture) and disc.rect.contains(icon.rect)
    # the second disc ends on the right margin
    assert (
        named(slide, "Safety disc").rect.right == deck.design.grid.width - deck.design.grid.margin
    )


def test_the_slide_may_override_the_meta_title_and_subtitle():
    deck = deck_from(title_talk("{kind: title, title: Own title, subtitle: Own subtitle}"))
    slide = deck.slides[0]
    assert slide.title == "Own title"
    assert text_of(named(slide, "Title")) == "Own title"
    assert named(slide, "Subtitle").paragraphs[0].text == "Own subtitle"
    assert slide.notes == "Own title. Own subtitle"


def test_without_concepts_one_bar_in_the_primary_colour_and_no_discs():
    deck = deck_from(title_talk(head="", meta="{title: Bare}"))
    slide = deck.slides[0]
    assert names(slide) == ["Title", "Accent 1"]  # no subtitle, no presenter line
    assert named(slide, "Accent 1").fill == deck.design.palette.primary


def test_the_theme_logo_sits_top_right():
    head = "theme:\n  logo: {path: assets/icons/shield.png, alt: Company logo}\n"
    deck = deck_from(title_talk(head=head))
    design = deck.design
    logo = named(deck.slides[0], "Logo")
    assert isinstance(logo, Picture) and logo.alt == "Company logo"
    right = design.grid.width - design.grid.margin
    area = design.title_slide.logo
    assert logo.rect.right <= right and logo.rect.x >= right + area.x
    assert logo.rect.y >= area.y and logo.rect.bottom <= area.y + area.h


def test_the_title_slide_stays_inside_the_margins():
    deck = deck_from(title_talk())
    assert_inside(deck)
    assert_text_fits(deck)


def test_a_long_title_shrinks_silently():
    long_title = "A rather long title that needs three lines on the title slide, or more than that"
    deck = deck_from(title_talk(meta=f"{{title: '{long_title}', footer: F}}", head=""))
    title = named(deck.slides[0], "Title")
    size = title.paragraphs[0].size
    assert deck.design.scale.title_floor <= size < deck.design.scale.hero
    assert len(title.paragraphs[0].lines) <= deck.design.title_slide.title_lines
    assert deck.diagnostics == ()
    assert_text_fits(deck)


def test_an_absurd_title_is_an_error_at_the_title_slides_line():
    absurd = "An absurdly long title " * 12
    text = title_talk(meta=f"{{title: '{absurd.strip()}'}}", head="")
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: title")
    assert "does not fit on the title slide" in err.message and err.hint


def test_every_text_box_on_the_title_slide_is_a_text_box():
    deck = deck_from(title_talk())
    texts = [i for i in deck.slides[0].items if isinstance(i, TextBox)]
    assert [t.name for t in texts] == ["Title", "Subtitle"]


def test_the_presenter_lines_stand_in_the_subtitle_placeholder_where_their_box_stood():
    """The subtitle placeholder holds the subtitle and, below it, the presenter lines,
    the first of them as far down as the presenter's own box started."""
    deck = deck_from(title_talk())
    design = deck.design
    box = design.title_slide
    subtitle = named(deck.slides[0], "Subtitle")
    assert subtitle.rect.y == box.subtitle_top and subtitle.rect.x == design.grid.margin
    assert subtitle.rect.bottom == box.presenter_top + box.presenter_height
    words, name, rest = subtitle.paragraphs
    assert [name.text, rest.text] == ["Pat Example", "Fixture Works · 2030"]
    top = subtitle.rect.y + pt(words.height + name.space_before)
    assert abs(top - box.presenter_top) <= 1  # EMU: rounding only
    assert rest.space_before == 0
    assert_text_fits(deck)


def test_without_a_subtitle_the_presenter_lines_fill_the_subtitle_placeholder():
    deck = deck_from(title_talk(meta="{title: T, presenter: Pat Example}"))
    (subtitle,) = [i for i in deck.slides[0].items if getattr(i, "name", "") == "Subtitle"]
    assert text_of(subtitle) == "Pat Example"
    assert subtitle.placeholder is Placeholder.SUBTITLE
    assert subtitle.rect.y == deck.design.title_slide.presenter_top


def test_a_subtitle_too_long_for_its_box_is_still_an_error():
    """Stacked or not, the subtitle has its box: one that overflows it is reported as
    before (never set over the presenter lines)."""
    long = "A subtitle that goes on and on " * 8
    text = title_talk(meta=f"{{title: T, subtitle: '{long.strip()}', presenter: P}}")
    (err,) = build_errors(text)
    assert "the subtitle does not fit" in err.message
