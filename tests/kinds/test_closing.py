"""The closing slide: full-bleed primary colour, a big title, the concepts' bars, the
message, the presenter and the disclosure; no footer."""

from __future__ import annotations

from deckgen.layout.frames import Anchor, Placeholder, Role, SlideLayout, SlideSource
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
MINIMAL = "{kind: closing}"

META = """\
title: Talk
presenter: Pat Example
organisation: Fixture Works
disclosure: Written by hand for the tests.
"""
CLOSING = "{kind: closing, id: end, message: Lock the door. Hold the ladder.}"


def closing_talk(slide: str = CLOSING, head: str = CONCEPTS, meta: str = META) -> str:
    return outline_text(f"- {{kind: bullets, title: B, bullets: [x]}}\n- {slide}", head, meta=meta)


def test_the_closing_slide_has_its_parts_and_no_footer():
    deck = deck_from(closing_talk())
    slide = deck.slides[-1]
    assert names(slide) == [
        "Title",
        "Accent 1",
        "Accent 2",
        "Accent 3",
        "Message",  # with the presenter
        "Disclosure",
    ]
    assert slide.layout is SlideLayout.CONTENT
    assert placeholders(slide) == [Placeholder.TITLE, Placeholder.BODY]
    assert named(slide, "Disclosure").placeholder is Placeholder.FOOTER
    assert slide.source == SlideSource(0, 1, "closing", "end")
    assert (slide.number, slide.title) == (2, "Thank you")  # the default title


def test_the_closing_slide_is_in_the_primary_colour_with_text_that_reads_on_it():
    deck = deck_from(closing_talk())
    palette, slide = deck.design.palette, deck.slides[-1]
    assert slide.background == palette.primary
    ink = palette.on(palette.primary)
    assert ink == "FFFFFF"  # the default primary is dark
    title = named(slide, "Title")
    assert (title.placeholder, title.anchor, title.role) == (
        Placeholder.TITLE,
        Anchor.BOTTOM,
        Role.TITLE,
    )
    assert title.paragraphs[0].color == ink
    assert title.paragraphs[0].size == deck.design.scale.closing
    message, presenter = named(slide, "Message").paragraphs
    assert message.color == presenter.color == ink
    assert presenter.text == "Pat Example · Fixture Works" and presenter.runs[0].bold
    disclosure = named(slide, "Disclosure")
    assert text_of(disclosure) == "Written by hand for the tests."
    assert disclosure.paragraphs[0].color == palette.tint(ink, palette.disclosure_tint)
    assert tuple(named(slide, f"Accent {i}").fill for i in (1, 2, 3)) == palette.accents


def test_on_a_light_primary_the_closing_text_is_dark():
    head = CONCEPTS + 'theme:\n  colors: {primary: "#F4E9B0", text: "#202020"}\n'
    deck = deck_from(closing_talk(head=head))
    slide = deck.slides[-1]
    assert slide.background == "F4E9B0"
    assert named(slide, "Title").paragraphs[0].color == "202020"


def test_the_disclosure_can_be_left_out():
    deck = deck_from(closing_talk("{kind: closing, show_disclosure: false}"))
    assert "Disclosure" not in names(deck.slides[-1])
    deck = deck_from(closing_talk("{kind: closing}", meta="{title: Talk}", head=""))
    # no disclosure, no presenter, no message and no concepts (so no bars): the title alone
    assert names(deck.slides[-1]) == ["Title"]


def test_the_message_and_presenter_share_the_body_placeholder_where_their_boxes_stood():
    deck = deck_from(closing_talk())
    box, slide = deck.design.closing, deck.slides[-1]
    body = named(slide, "Message")
    assert (body.placeholder, body.role) == (Placeholder.BODY, Role.BODY)
    assert body.rect.y == box.message_top
    assert body.rect.bottom == box.presenter_top + box.presenter_height
    message, presenter = body.paragraphs
    assert abs(body.rect.y + pt(message.height + presenter.space_before) - box.presenter_top) <= 1
    # the message keeps the narrower measure it was balanced for
    assert message.measure is not None and message.measure < body.rect.w
    disclosure = named(slide, "Disclosure")
    assert (disclosure.role, disclosure.anchor) == (Role.FOOTER, Anchor.BOTTOM)


def test_without_a_message_the_presenter_fills_the_body_placeholder():
    deck = deck_from(closing_talk("{kind: closing}"))
    body = named(deck.slides[-1], "Message")
    assert text_of(body) == "Pat Example · Fixture Works"
    assert body.rect.y == deck.design.closing.presenter_top


def test_the_closing_slide_stays_inside_the_margins():
    deck = deck_from(closing_talk())
    assert_inside(deck)
    assert_text_fits(deck)


def test_an_absurd_closing_title_is_an_error_at_its_line():
    text = closing_talk("{kind: closing, title: '" + "Thank you very much " * 20 + "'}")
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: closing")
    assert "closing title" in err.message and "does not fit" in err.message


def test_an_absurd_closing_message_is_an_error_at_its_line():
    text = closing_talk("{kind: closing, message: '" + "Hold the ladder. " * 40 + "'}")
    (err,) = build_errors(text)
    assert err.pos.line == line_of(text, "kind: closing")
    assert "closing message does not fit" in err.message
