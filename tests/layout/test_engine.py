"""The layout engine (deckgen/layout/engine.py): it walks the talk, has each kind compose
its slides, numbers them, adds the chrome, checks that nothing leaves its box or the
slide, and reports every error together. What each kind makes is tested in tests/kinds/."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckgen.errors import BuildError, Severity
from deckgen.layout.design import default_design
from deckgen.layout.engine import layout_deck
from deckgen.layout.frames import Picture, Role, SlideSource, Table, TextBox
from deckgen.layout.geometry import EMU_PER_PT, pt
from deckgen.layout.measure import AfmMeasurer
from deckgen.layout.text import prose_of

from ..facts import written_kinds
from .support import (
    FAKE,
    SHIPPED,
    SMALL,
    assert_inside,
    assert_text_fits,
    deck_from,
    is_chrome,
    line_of,
    named,
    names,
    outline_text,
    talk_at,
    talk_from,
    text_of,
)

NO_CHROME = ("title", "closing")


@pytest.fixture(scope="module")
def small():
    talk = talk_at(SMALL)
    return talk, layout_deck(talk, AfmMeasurer())


# ----------------------------------------------------------------- the driver


def test_every_kind_and_a_divider_are_laid_out_without_a_warning(small):
    _, deck = small
    kinds = {s.source.kind for s in deck.slides}
    assert kinds == written_kinds(SMALL) | {"section"}  # the fixture's kinds and a divider
    assert deck.diagnostics == (), [str(d) for d in deck.diagnostics]


def test_slides_are_numbered_in_order_and_carry_their_outline_slide(small):
    talk, deck = small
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))
    # outline order: each section's divider (if any), then its slides
    expected = []
    for index, section in enumerate(talk.sections):
        if section.divider:
            expected.append(SlideSource(index, None, "section", section.id))
        expected += [
            SlideSource(index, number, slide.kind, slide.id)
            for number, slide in enumerate(section.slides)
        ]
    assert [s.source for s in deck.slides] == expected
    for frame in deck.slides:
        section = talk.sections[frame.source.section]
        assert frame.section == section.title
        assert frame.section_index == frame.source.section
        if frame.source.slide is None:
            assert frame.pos == section.pos
        else:
            assert frame.pos == section.slides[frame.source.slide].pos


def test_content_slides_and_dividers_get_the_footer_and_number_title_and_closing_do_not(small):
    talk, deck = small
    footer_text = "Locks and Ladders · Fixture Works"  # meta.footer, its variable filled
    design = deck.design
    for frame in deck.slides:
        chrome = [item for item in frame.items if is_chrome(item)]
        if frame.source.kind in NO_CHROME:
            assert chrome == [], frame.title
            continue
        footer, number = named(frame, "Footer"), named(frame, "Slide number")
        assert chrome == [footer, number]  # after the kind's own items
        assert text_of(footer) == footer_text and footer.role is Role.FOOTER
        assert text_of(number) == str(frame.number) and number.field == "slidenum"
        assert footer.rect.y == number.rect.y == design.chrome.top
        assert number.rect.right == design.grid.width - design.grid.margin
        assert {p.size for p in footer.paragraphs} == {design.scale.chrome}
        if frame.source.kind != "section":  # a divider's is in its ink (test_divider.py)
            assert footer.paragraphs[0].color == design.palette.muted
    assert talk.meta.footer == footer_text


def test_the_footer_is_the_title_when_the_outline_has_none():
    deck = deck_from(outline_text("- {kind: bullets, title: B, bullets: [x]}"))
    assert text_of(named(deck.slides[0], "Footer")) == "Talk"


def test_the_notes_are_reflowed_and_the_background_is_the_designs(small):
    talk, deck = small
    lock = next(s for s in deck.slides if s.title == "What is a lock?")
    assert "\n" not in lock.notes  # the YAML block's hard wraps are joined
    assert lock.notes.startswith("We start with locks. A lock keeps a door shut")
    assert lock.background == deck.design.palette.background


def test_every_frame_carries_its_notes_page_as_runs(small):
    """The renderers write the notes page from presenter_prose (runs), never parsing the
    notes: it is the presenter's notes (a quiz's answer first), each span a run."""
    _talk, deck = small
    for frame in deck.slides:
        assert frame.presenter_prose == prose_of(frame.presenter_notes), frame.title
    quiz = deck_from(
        outline_text("- {kind: quiz, question: 'Is *this* it?', options: [Yes, No], answer: 1}")
    )
    (frame,) = quiz.slides
    assert frame.presenter_prose.text.startswith("Answer: A (Yes)")
    assert frame.presenter_prose.text == frame.presenter_notes


def test_the_deck_says_what_it_is(small):
    talk, deck = small
    assert (deck.width, deck.height) == (deck.design.grid.width, deck.design.grid.height)
    assert deck.design == default_design(talk)
    assert deck.font == "Arial"
    meta = deck.meta
    assert (meta.title, meta.subtitle, meta.author, meta.organisation, meta.date) == (
        "Locks and Ladders",
        "A small talk that uses every slide kind",
        "Pat Example",
        "Fixture Works",
        "2030",
    )
    assert meta.language == "en" and meta.keywords == ("fixture talk", "locks", "ladders")


def test_a_theme_logo_is_on_every_slide_and_a_long_footer_is_shortened_once():
    text = (
        "meta:\n  title: Talk\n  footer: " + "A very long footer text " * 12 + "\n"
        "theme:\n  logo: {path: assets/icons/shield.png, alt: Company logo}\n"
        "sections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: title\n      - kind: bullets\n        title: B\n        bullets: [x]\n"
        "      - kind: bullets\n        title: C\n        bullets: [y]\n"
    )
    deck = deck_from(text)
    for slide in deck.slides:
        logos = [i for i in slide.items if isinstance(i, Picture) and i.name == "Logo"]
        assert len(logos) == 1 and logos[0].alt == "Company logo"
    for slide in deck.slides[1:]:
        footer = named(slide, "Footer")
        assert footer.paragraphs[0].text.endswith("…") and len(footer.paragraphs[0].lines) == 1
        assert footer.rect.right <= named(slide, "Logo").rect.x
    warnings = [d for d in deck.diagnostics if "footer" in d.message]
    # at the meta mapping, which starts on its first key
    assert len(warnings) == 1 and warnings[0].pos.line == line_of(text, "title: Talk")
    assert warnings[0].hint == "shorten meta.footer"


# ------------------------------------------------------------- the final check


def test_the_final_check_catches_an_item_that_leaves_the_slide():
    text = outline_text("- {kind: title}\n- {kind: bullets, title: B, bullets: [x]}")
    talk = talk_from(text)
    design = default_design(talk)
    low = replace(design, chrome=replace(design.chrome, top=design.grid.height))
    with pytest.raises(BuildError) as info:
        layout_deck(talk, FAKE, low)
    errors = [d for d in info.value.diagnostics if d.severity is Severity.ERROR]
    # the title slide has no footer; the bullets slide's chrome leaves the slide
    assert [e.message for e in errors] == [
        "slide 2 'B': the footer does not fit on the slide",
        "slide 2 'B': the slide number does not fit on the slide",
    ]
    assert all(e.hint for e in errors)
    assert {e.pos.line for e in errors} == {line_of(text, "kind: bullets")}


def test_the_final_check_catches_text_taller_than_its_box():
    talk = talk_from(outline_text("- {kind: bullets, title: B, bullets: [x]}"))
    design = default_design(talk)
    flat = replace(design, chrome=replace(design.chrome, height=pt(5)))
    with pytest.raises(BuildError) as info:
        layout_deck(talk, FAKE, flat)
    messages = [d.message for d in info.value.diagnostics if d.severity is Severity.ERROR]
    assert messages == [
        "slide 1 'B': the footer does not fit on the slide",
        "slide 1 'B': the slide number does not fit on the slide",
    ]


def test_the_final_check_catches_content_that_runs_into_the_footer():
    talk = talk_from(outline_text("- {kind: title}\n- {kind: bullets, title: B, bullets: [x]}"))
    design = default_design(talk)
    deep = replace(design, grid=replace(design.grid, body_bottom=design.chrome.top + pt(10)))
    with pytest.raises(BuildError) as info:
        layout_deck(talk, FAKE, deep)
    messages = [d.message for d in info.value.diagnostics if d.severity is Severity.ERROR]
    # the bullets' body reaches into the footer; the title slide has no footer to reach
    assert messages == ["slide 2 'B': the body does not fit on the slide"]
    # the same body box above the footer is fine
    assert layout_deck(talk, FAKE, design).slides[1].items


def test_errors_from_several_slides_are_reported_together_with_the_warnings():
    text = outline_text(
        "- {kind: bullets, title: '" + "Too long a title " * 20 + "', bullets: [x]}\n"
        "- {kind: bullets, title: Fine, bullets: [" + ", ".join(f"p{i}" for i in range(8)) + "]}\n"
        "- {kind: closing, title: '" + "Thank you " * 60 + "'}\n"
    )
    with pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), FAKE)
    diagnostics = info.value.diagnostics
    severities = [d.severity for d in diagnostics]
    assert severities == [Severity.ERROR, Severity.ERROR, Severity.WARNING]  # errors first
    first, second, warning = diagnostics
    assert first.pos.line == line_of(text, "Too long a title")
    assert second.pos.line == line_of(text, "kind: closing")
    assert "8 bullets" in warning.message


def test_a_failed_slide_takes_no_number():
    """A slide that fails is left out, so the slides after it keep counting from it."""
    text = outline_text(
        "- {kind: bullets, title: '" + "Too long a title " * 20 + "', bullets: [x]}\n"
        "- {kind: bullets, title: Next, bullets: [" + ", ".join(f"p{i}" for i in range(8)) + "]}\n"
    )
    with pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), FAKE)
    (warning,) = [d for d in info.value.diagnostics if d.severity is Severity.WARNING]
    assert warning.message.startswith("slide 1 'Next':")


# ------------------------------------------------------------------ font metrics


@pytest.mark.parametrize("font", ["Arial", "arial", "Helvetica", "Liberation Sans", "Arimo"])
def test_fonts_with_arials_metrics_need_no_warning(font):
    text = outline_text("- {kind: bullets, title: B, bullets: [x]}", f"theme: {{font: {font}}}\n")
    deck = deck_from(text)
    assert deck.diagnostics == ()
    assert named(deck.slides[0], "Title").font == font


# ---------------------------------------------------- the shipped talk, generically


@pytest.fixture(scope="module")
def shipped():
    measurer = AfmMeasurer()
    return layout_deck(talk_at(SHIPPED), measurer), measurer


def test_the_shipped_talk_lays_out_inside_its_slides_without_a_warning(shipped):
    deck, measurer = shipped
    assert deck.diagnostics == (), [str(d) for d in deck.diagnostics]
    assert_inside(deck)
    assert_text_fits(deck)
    floor = deck.design.scale.floor
    for slide in deck.slides:
        for item in slide.items:
            # nothing on a slide but the chrome and the small print goes below the floor
            if isinstance(item, TextBox) and item.role not in (Role.FOOTER, Role.SLIDE_NUMBER):
                assert all(p.size >= floor for p in item.paragraphs), (slide.number, item.name)
            if isinstance(item, TextBox) and item.paragraphs:
                assert pt(item.content_height) <= item.rect.h + 1, (slide.number, item.name)
        for boxes in _text_widths(slide):
            width, paragraphs = boxes
            for para in paragraphs:
                for k, line in enumerate(para.lines):
                    hang = para.hanging if k == 0 and not para.bullet else 0
                    measure = para.measure if para.measure is not None else width - para.margin_left
                    avail = (measure + hang) / EMU_PER_PT
                    used = sum(measurer.width(r.text, para.size, r.bold, r.italic) for r in line)
                    assert used <= avail + 0.01, (slide.number, line)


def _text_widths(slide):
    """(width in EMU, paragraphs) of every text box and table cell on ``slide``."""
    for item in slide.items:
        if isinstance(item, TextBox):
            yield item.rect.w, item.paragraphs
        elif isinstance(item, Table):
            for row in item.cells:
                for width, cell in zip(item.col_widths, row, strict=True):
                    yield width - item.insets.left - item.insets.right, cell.paragraphs


def test_the_shipped_talk_numbers_its_slides_and_keeps_the_chrome_off_title_and_closing(shipped):
    deck, _ = shipped
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))
    for slide in deck.slides:
        has_chrome = "Slide number" in names(slide)
        assert has_chrome is (slide.source.kind not in NO_CHROME), slide.title


def test_a_deck_past_the_slide_limit_is_an_error_not_an_endless_build(monkeypatch):
    import deckgen.layout.engine as engine

    monkeypatch.setattr(engine, "MAX_DECK_SLIDES", 5)
    bullets = ", ".join(f"p{i}" for i in range(40))  # each slide continues on six more
    text = outline_text(f"- {{kind: bullets, title: B, bullets: [{bullets}]}}\n" * 3)
    with pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), FAKE)
    errors = [d for d in info.value.diagnostics if d.severity is Severity.ERROR]
    assert [e.message for e in errors] == ["the deck would have more than 5 slides"]


def test_the_footer_and_slide_number_fill_their_placeholders(small):
    """So PowerPoint's Insert > Header & Footer manages them (they were free text boxes)."""
    from deckgen.layout.frames import Placeholder

    _talk, deck = small
    for slide in deck.slides:
        chrome = {i.name: i.placeholder for i in slide.items if isinstance(i, TextBox)}
        if "Footer" in chrome:
            assert chrome["Footer"] is Placeholder.FOOTER
            assert chrome["Slide number"] is Placeholder.SLIDE_NUMBER


def test_every_slide_asks_for_the_master_layout_its_kind_declares(shipped):
    """A kind's declared layout (which the default template's layout for it is made
    from) is the one its pages ask for; dividers are on the section layout."""
    from deckgen.kinds import kind_named, layout_names
    from deckgen.layout.frames import SlideLayout

    deck, _measurer = shipped
    names = layout_names()
    for frame in deck.slides:
        kind = frame.source.kind
        expected = SlideLayout.SECTION if kind == "section" else kind_named(kind).slide_layout
        assert frame.layout is expected, (frame.title, kind)
        assert frame.layout_name == names[kind]
