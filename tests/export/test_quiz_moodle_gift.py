"""The quiz export's Moodle formats read back: Moodle XML parsed as Moodle's documented
format (docs.moodle.org, "Moodle XML format": multichoice, single, fraction, format="html"
text in CDATA, generalfeedback), and GIFT parsed by gift-pegjs, a GIFT parser nobody here
wrote, pinned in tests/web/package.json (.ci/run installs it with npm ci)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from deckgen.export.gift import CONTROL, escape
from deckgen.inline import plain

from ..conftest import SHIPPED, in_ci
from ..test_html import WEB
from .test_quiz_export import GERMAN, export, quizzes

WEB_TOOLS = Path(os.environ.get("DECKGEN_WEB_TOOLS", Path(__file__).resolve().parents[1] / "web"))
# Moodle's grade steps (question_bank::fraction_options_full), in per cent, either sign
GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20]
GRADES += [16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]


# ------------------------------------------------------------------ Moodle XML


def html_text(element) -> str:
    """The text of a Moodle <text> element's HTML (it is in CDATA: a string to lxml)."""
    return lxml.html.fragment_fromstring(element.text, create_parent="div").text_content()


@pytest.mark.parametrize("outline", [GERMAN, WEB, SHIPPED], ids=["german", "web", "shipped"])
def test_moodle_xml_says_each_quiz_as_moodle_documents_it(tmp_path, outline):
    root = etree.parse(str(export(tmp_path, "moodle", outline))).getroot()
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text").startswith("$course$/top/")
    expected = quizzes(outline)
    assert len(questions) == len(expected.items)
    for item, question in zip(expected.items, questions, strict=True):
        assert question.get("type") == "multichoice"
        assert question.findtext("name/text") == plain(item.title)
        assert question.findtext("idnumber") == item.id
        text = question.find("questiontext")
        assert text.get("format") == "html"
        assert html_text(text.find("text")) == plain(item.question)
        assert f'<p lang="{expected.language}">' in text.findtext("text")
        assert question.findtext("single") == ("false" if item.multiple else "true")
        answers = question.findall("answer")
        assert [html_text(a.find("text")) for a in answers] == [plain(o) for o in item.options]
        feedback = question.find("generalfeedback/text")
        assert (html_text(feedback) if feedback.text else None) == (
            plain(item.explanation) if item.explanation else None
        )
        fractions = [float(answer.get("fraction")) for answer in answers]
        _fractions_hold(item, fractions)


def _fractions_hold(item, fractions: list[float]) -> None:
    """Moodle's rules: one right answer 100; several share 100 (every grade one of its
    steps), and a wrong one in a multiple-answer question takes away, never adds."""
    assert all(min(abs(abs(f) - step) for step in GRADES) < 1e-4 for f in fractions)
    right = [f for index, f in enumerate(fractions) if index in item.correct]
    wrong = [f for index, f in enumerate(fractions) if index not in item.correct]
    assert abs(sum(right) - 100) < 1e-3
    if item.multiple:
        assert all(f < 0 for f in wrong) and (not wrong or abs(sum(wrong) + 100) < 1e-3)
    else:
        assert right == [100] and set(wrong) <= {0}


def test_moodle_html_keeps_markup_and_escapes_the_rest(tmp_path):
    root = etree.parse(str(export(tmp_path, "moodle"))).getroot()
    by_id = {q.findtext("idnumber"): q for q in root.findall('question[@type="multichoice"]')}
    first = lxml.html.fragment_fromstring(
        by_id["absender"].findtext("questiontext/text"), create_parent="div"
    )
    assert [em.text for em in first.iter("em")] == ["gefälschte"]
    feedback = by_id["absender"].findtext("generalfeedback/text")
    (link,) = lxml.html.fragment_fromstring(feedback, create_parent="div").iter("a")
    assert link.get("href") == "https://www.bsi.bund.de/"
    control = by_id["steuerzeichen"].findtext("questiontext/text")
    tree = lxml.html.fragment_fromstring(control, create_parent="div")
    assert list(tree.iter("b")) == []  # the outline's "<b>" is text, not markup
    assert "]]> und <b>kein HTML</b>" in tree.text_content()  # "]]>" survives the CDATA


# ------------------------------------------------------------------ GIFT


def test_escaping_covers_every_gift_control_character():
    assert set(CONTROL) == set("~=#{}:\\")
    for character in CONTROL:
        assert escape(f"a{character}b") == f"a\\{character}b"
    assert escape("one\ntwo") == "one\\ntwo"  # a blank line would end the question
    assert escape("\\n") == "\\\\n"  # a backslash and an n stay what they were


def parse_gift(path: Path) -> list[dict]:
    """gift-pegjs's reading of ``path``; skip without it locally, fail under CI."""
    module = WEB_TOOLS / "node_modules" / "gift-pegjs"
    if not module.is_dir():
        message = f"gift-pegjs is not installed in {WEB_TOOLS}: run 'npm ci --prefix tests/web'"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    script = (
        "const {parse} = require(process.argv[1]);"
        "const text = require('fs').readFileSync(process.argv[2], 'utf8');"
        "process.stdout.write(JSON.stringify(parse(text)));"
    )
    done = subprocess.run(
        ["node", "-e", script, str(module), str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.tools("node")
@pytest.mark.parametrize("outline", [GERMAN, WEB, SHIPPED], ids=["german", "web", "shipped"])
def test_gift_parses_back_to_the_quizzes(tmp_path, outline):
    parsed = parse_gift(export(tmp_path, "gift", outline))
    category, *questions = parsed
    assert category["type"] == "Category"
    expected = quizzes(outline)
    assert len(questions) == len(expected.items)
    for item, question in zip(expected.items, questions, strict=True):
        assert question["type"] == "MC"
        assert question["title"] == plain(item.title)
        assert question["stem"] == {"format": "plain", "text": plain(item.question)}
        choices = question["choices"]
        assert [choice["text"]["text"] for choice in choices] == [plain(o) for o in item.options]
        if item.multiple:
            weights = [choice["weight"] for choice in choices]
            _fractions_hold(item, weights)
        else:
            right = [index for index, choice in enumerate(choices) if choice["isCorrect"]]
            assert right == list(item.correct)
        feedback = question["globalFeedback"]
        assert (feedback["text"] if feedback else None) == (
            plain(item.explanation) if item.explanation else None
        )


@pytest.mark.tools("node")
def test_every_gift_control_character_reads_back_as_written(tmp_path):
    _absender, _two, control, _every = parse_gift(export(tmp_path, "gift"))[1:]
    assert control["title"] == "a:b {c} ~d =e #f \\g"
    assert control["stem"]["text"] == (
        "Was ergibt 1+1=? {Antwort} ~ # : \\ und ]]> und <b>kein HTML</b>"
    )
    assert [choice["text"]["text"] for choice in control["choices"]] == [
        "=2 {genau}",
        "~3 #falsch: \\n",
        "a: b",
    ]
    assert [choice["isCorrect"] for choice in control["choices"]] == [True, False, False]
    assert control["globalFeedback"]["text"] == "Weil 1+1=2 ist: {immer} ~ # \\"
