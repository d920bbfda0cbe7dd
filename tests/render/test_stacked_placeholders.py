"""The title slide's presenter lines, the closing slide's message and presenter, a
definition's attribution and a divider's subtitle are written into their layouts'
placeholders (issue 20, deliverable 2), on deckgen's own template and on an
organisation's (python-pptx's stock one here; LibreOffice's Vivid in
test_stacked_libreoffice.py): read back with python-pptx. A paragraph set narrower than
the placeholder it shares says so with a right margin, so PowerPoint breaks its lines
where layout did; in a box of such paragraphs every paragraph says its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.check.fidelity import measure_fidelity

from ..conftest import SMALL, build_on_template, shapes_named, slide_titled

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
MOVED = {"Presenter", "Attribution", "Message", "Disclosure", "Subtitle"}


@pytest.fixture(scope="module")
def on_stock(tmp_path_factory) -> Path:
    """The small talk on python-pptx's stock template."""
    folder = tmp_path_factory.mktemp("stacked")
    template = folder / "house.pptx"
    Presentation().save(str(template))
    return build_on_template(SMALL, template, folder / "out")


@pytest.fixture(params=["default", "template"])
def deck(request, small_build, on_stock) -> Path:
    return small_build[1] if request.param == "default" else on_stock


def _placeholder_type(shape) -> str:
    assert shape.is_placeholder, shape.name
    return shape._element.find(f"*/{_P}nvPr/{_P}ph").get("type", "obj")


def _one(slide, name: str):
    (shape,) = shapes_named(slide, name)
    return shape


def test_no_moved_text_is_left_in_a_free_text_box(deck):
    free = {f.shape for f in measure_fidelity(deck).findings if f.what == "free text"}
    assert not free & MOVED, free


def test_the_presenter_lines_are_the_subtitle_placeholders_last_paragraphs(deck):
    slide = slide_titled(Presentation(str(deck)), "Locks and Ladders")
    assert not shapes_named(slide, "Presenter")
    subtitle = next(s for s in slide.placeholders if _placeholder_type(s) == "subTitle")
    subtitle_line, *presenter = [p.text for p in subtitle.text_frame.paragraphs]
    assert subtitle_line == "A small talk that uses every slide kind"
    # deckgen's own: a line for the name, one for the rest; a template's: one line
    assert " · ".join(presenter) == "Pat Example · Fixture Works · 2030"


def test_the_closing_slide_fills_its_body_and_footer_placeholders(deck):
    slide = slide_titled(Presentation(str(deck)), "Thank you")
    body = _one(slide, "Message")
    assert _placeholder_type(body) in ("body", "obj")
    texts = [p.text for p in body.text_frame.paragraphs]
    assert texts == ["Lock the door. Hold the ladder.", "Pat Example · Fixture Works"]
    disclosure = _one(slide, "Disclosure")
    assert _placeholder_type(disclosure) == "ftr"
    assert disclosure.text_frame.text.startswith("Fixture disclosure:")


def test_the_attribution_is_the_quote_placeholders_last_paragraph(deck):
    slide = slide_titled(Presentation(str(deck)), "What is a lock?")
    assert not shapes_named(slide, "Attribution")
    quote = _one(slide, "Quote")
    assert _placeholder_type(quote) in ("body", "obj")
    *words, said = quote.text_frame.paragraphs
    assert words and said.text.startswith("— ")
    assert said.runs[0].font.bold


def test_a_dividers_subtitle_fills_the_section_layouts_placeholder(small_build):
    slide = slide_titled(Presentation(str(small_build[1])), "Locks")
    subtitle = _one(slide, "Subtitle")
    assert _placeholder_type(subtitle) in ("subTitle", "body", "obj")
    assert subtitle.text_frame.text == "Keeping people out"


def test_a_narrower_paragraph_says_its_right_margin_and_the_others_say_none(small_build):
    """The closing message was balanced for a measure narrower than the body box the
    presenter line spans: it keeps that measure as a right margin; the presenter line
    says 0 (LibreOffice would otherwise give it the message's)."""
    slide = slide_titled(Presentation(str(small_build[1])), "Thank you")
    message, presenter = _one(slide, "Message").text_frame.paragraphs
    width = _one(slide, "Message").width
    right = int(message._p.pPr.get("marR"))
    assert 0 < right < width
    assert presenter._p.pPr.get("marR") == "0"
    # a box of one paragraph set for its whole width writes none
    title = slide.shapes.title.text_frame.paragraphs[0]
    assert title._p.pPr.get("marR") is None
