"""Inputs the third hardening round found crashing or misreported (issue 19), each now a
positioned error with the right words, exit 2, or a build that reads as the author meant."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.errors import InputError
from deckgen.outline.loader import load_outline

from ..conftest import run_cli
from ..pictures import jpeg

HEAD = """\
meta:
  title: Talk
sections:
  - title: Part
    slides:
"""


def outline(tmp_path: Path, slides: str, head: str = HEAD) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(head + textwrap.indent(textwrap.dedent(slides), " " * 6), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_outline(path, display_name="outline.yaml")
    return [str(d) for d in caught.value.diagnostics]


def test_a_note_with_an_unknown_key_is_told_at_its_key(tmp_path):
    path = outline(
        tmp_path,
        """\
        - kind: bullets
          title: Points
          bullets: [one]
          notes: [{nope: r}]
        """,
    )
    said = problems(path)
    assert "outline.yaml:9:18: error: unknown key 'nope' (allowed keys: only, skip, text)" in said
    # the list branch found the mistake: the text branch does not add "should be text"
    assert not any("should be text" in line for line in said)


def test_notes_of_neither_shape_are_told_once_in_the_outline_s_words(tmp_path):
    path = outline(
        tmp_path,
        """\
        - kind: bullets
          title: Points
          bullets: [one]
          notes: {a: b}
        """,
    )
    assert problems(path) == [
        "outline.yaml:9:16: error: 'notes' should be text, not a mapping (write the text on "
        "the same line, or after '|' for several lines)"
    ]


@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF", "\\x07", "\\x9f"])
def test_a_character_spelt_as_an_escape_is_refused_like_the_character(tmp_path, escape):
    head = HEAD.replace("title: Talk", f'title: "a{escape}b"')
    path = outline(tmp_path, "- {kind: bullets, title: P, bullets: [x]}\n", head)
    (said,) = problems(path)
    assert said.startswith("outline.yaml:2:10: error: text contains the ")
    assert said.endswith("(remove it; only tabs and line breaks are allowed in text)")


def test_a_bad_start_time_is_told_as_a_time(tmp_path):
    head = HEAD.replace("title: Talk", "title: Talk\n  start: '25:99'")
    path = outline(tmp_path, "- {kind: bullets, title: P, bullets: [x]}\n", head)
    assert problems(path) == [
        "outline.yaml:3:10: error: 'start': '25:99' is not a time of day (write it on a "
        "24-hour clock, as HH:MM: '09:30' or '14:05')"
    ]


@pytest.mark.parametrize("start", ["09:30\n", "09:30 ", "9", "24:00"])
def test_start_on_the_command_line_is_a_whole_time_of_day(tmp_path, start):
    path = outline(tmp_path, "- {kind: bullets, title: P, bullets: [x]}\n")
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--start", start)
    assert result.exit_code == 2
    assert "is not a time of day" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("[]", "'answer' needs at least 1 item(s)"),
        ("[1, 1]", "an answer is given twice"),
        ("[a]", "'answer' should be a whole number, not 'a'"),
        ("x", "'answer' should be a whole number, not 'x'"),
    ],
)
def test_a_quiz_answer_names_at_least_one_option_once(tmp_path, answer, said):
    path = outline(
        tmp_path,
        f"""\
        - kind: quiz
          question: Which?
          options: [a, b]
          answer: {answer}
        """,
    )
    found = problems(path)
    assert len(found) == 1 and said in found[0]


def test_an_unknown_code_language_is_an_input_error_with_a_guess(tmp_path):
    path = outline(
        tmp_path,
        """\
        - kind: code
          title: Code
          language: pyton
          code: x = 1
        """,
    )
    assert problems(path) == [
        "outline.yaml:8:19: error: 'language': Pygments knows no language 'pyton' (did you "
        "mean 'python'? use its short name: python, bash, yaml, json, sql, javascript, or "
        "'text')"
    ]
    result = run_cli("validate", str(path))
    assert result.exit_code == 2
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


def test_a_language_s_name_is_taken_in_any_case(tmp_path):
    path = outline(
        tmp_path,
        """\
        - kind: code
          title: Code
          language: Python
          code: x = 1
        """,
    )
    assert load_outline(path).sections[0].slides[0].language == "Python"


def test_a_damaged_jpeg_is_said_without_an_object_s_repr(tmp_path):
    (tmp_path / "bad.jpg").write_bytes(jpeg()[:10] + b"garbage" * 3)
    path = outline(
        tmp_path,
        """\
        - kind: picture
          title: P
          image: {path: bad.jpg, alt: x}
        """,
    )
    (said,) = problems(path)
    assert "object at 0x" not in said and "BytesIO" not in said
    assert said == (
        "outline.yaml:8:23: error: image 'bad.jpg' cannot be decoded (only its signature says "
        "JPEG) "
        "(open it in an image editor and save it again as PNG or JPEG)"
    )


def test_a_blank_footer_leaves_the_footer_out_and_checks_clean(tmp_path):
    head = HEAD.replace("title: Talk", "title: Talk\n  footer: '   '")
    path = outline(tmp_path, "- {kind: bullets, title: P, bullets: [x], notes: n}\n", head)
    result = run_cli("check", str(path))
    assert result.exit_code == 0, result.output
    assert "0 accessibility finding(s)" in result.output
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "out" / "talk.pptx"))
    for slide in deck.slides:
        assert not [shape for shape in slide.shapes if shape.name == "Footer"]
        assert [shape for shape in slide.shapes if shape.name == "Slide number"]
