"""The facilitator guide (--format guide), read back: the plan on its cover, every slide
with its notes, clock times, planned minutes, cues and quiz answers, the materials."""

from __future__ import annotations

import re
import shutil

import pytest
from pptx import Presentation
from pypdf import PdfReader

from .conftest import SMALL, run_cli

OVERLAY = """\
meta:
  start: "09:30"
  materials: ["Flip chart and markers"]
add:
  - before: glossary
    slides:
      - kind: quiz
        id: check
        question: What holds a door shut?
        options: [A bolt, A spoon]
        answer: 1
        explanation: The bolt goes into the strike plate.
        reveal: true
        minutes: 3
        cue: Hand out the worksheet, then ask the room
"""


def _text(path) -> str:
    """The PDF's text with every run of white space made one space."""
    pages = PdfReader(str(path)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    out = tmp_path_factory.mktemp("guide")
    shutil.copytree(SMALL.parent, out / "talk")
    (out / "talk" / "trainer.yaml").write_text(OVERLAY, encoding="utf-8")
    outline = out / "talk" / SMALL.name
    args = ["build", str(outline), "--overlay", str(out / "talk" / "trainer.yaml")]
    result = run_cli(*args, "-o", str(out), "--format", "pptx", "--format", "guide")
    assert result.exit_code == 0, result.stderr
    (pdf,) = out.glob("*-guide.pdf")
    (deck,) = out.glob("*.pptx")
    return pdf, Presentation(str(deck))


def test_the_cover_has_the_session_plan_with_clock_times(guide):
    pdf, _deck = guide
    cover = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Facilitator guide" in cover and "Session plan" in cover
    assert re.search(r"Time\s+Section\s+Minutes", cover)
    assert re.search(r"9:30\s*AM\s+Opening\s+≈ [\d.]+ min\s+9:31\s*AM\s+Locks", cover)
    assert re.search(r"End · Total", cover)
    assert "Contents" not in cover  # the plan is the guide's contents


def test_every_slide_and_every_note_is_in_the_guide(guide):
    pdf, deck = guide
    text = _text(pdf)
    dividers = 0
    for number, slide in enumerate(deck.slides, 1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if slide.slide_layout.name == "Divider":
            dividers += 1
            continue  # its section's heading stands for it
        assert f"{number}. {_flat(title)}" in text, number
        for paragraph in notes.split("\n"):
            assert _flat(paragraph) in text, (number, paragraph)
    assert dividers >= 1


def test_clock_times_minutes_cues_answers_and_materials(guide):
    pdf, _deck = guide
    text = _text(pdf)
    assert re.search(r"\d:\d\d\s?AM · 3 min", text)  # the quiz's planned minutes
    assert re.search(r"\d:\d\d\s?AM · ≈ [\d.]+ min", text)  # the others' estimates
    assert "Cue: Hand out the worksheet, then ask the room" in text
    assert "Answer: A (A bolt). The bolt goes into the strike plate." in text
    assert "(answer)" in text  # the reveal slide is there for the trainer
    for item in (
        "Materials",
        "The deck:",
        "A participants’ handout for each person",
        "The worksheet in it: one question",
        "for the presenter only: build --answers (…-answers.pdf)",  # the key's own file
        "Flip chart and markers",
    ):
        assert item in text, item


def test_without_a_start_the_guide_gives_minutes_and_no_clock(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(SMALL), "-o", str(out), "--format", "guide")
    assert result.exit_code == 0, result.stderr
    text = _text(next(out.glob("*-guide.pdf")))
    assert "Session plan" in text and " AM" not in text and " PM" not in text
    assert re.search(r"≈ [\d.]+ min", text)


def test_a_german_guide_has_german_headings(tmp_path):
    talk = tmp_path / "talk"
    shutil.copytree(SMALL.parent, talk)
    (talk / "de.yaml").write_text('meta: {language: de, start: "14:00"}\n', encoding="utf-8")
    args = ["build", str(talk / SMALL.name), "--overlay", str(talk / "de.yaml")]
    result = run_cli(*args, "-o", str(tmp_path / "out"), "--format", "guide")
    assert result.exit_code == 0, result.stderr
    text = _text(next((tmp_path / "out").glob("*-guide.pdf")))
    for german in ("Trainerleitfaden", "Ablaufplan", "Zeit", "Abschnitt", "Ende · Gesamt"):
        assert german in text, german
    assert "14:00" in text and "Material" in text and "Session plan" not in text


def test_the_cue_label_is_bold_as_its_markup_says(guide):
    """**bold** in a handout paragraph is set in the bold face (registering a TrueType
    face once undid the family's bold and italic mapping)."""
    pdf, _deck = guide
    fonts = []

    def visit(text, _cm, _tm, font, _size):
        if text.startswith("Cue:") and font is not None:
            fonts.append(str(font["/BaseFont"]))

    for page in PdfReader(str(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert fonts and all("Bold" in name for name in fonts), fonts
