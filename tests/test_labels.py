"""deckgen's own words in the talk's language: the table, overrides, locales, and a
German build read back from the deck and the handout."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from deckgen.errors import InputError
from deckgen.labels import ENGLISH, KEYS, LANGUAGES, fields, labels_for, table_language
from deckgen.labels.table import TABLE
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import tailor

from .conftest import SMALL, run_cli, titles

SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")


def test_the_seven_languages_are_shipped():
    assert set(SHIPPED_LANGUAGES) <= set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(TABLE))
def test_every_language_has_every_label_with_the_same_placeholders(language):
    words = TABLE[language]
    missing = [key for key in KEYS if not words.get(key, "").strip()]
    assert missing == [], f"{language} lacks the labels {missing}"
    assert set(words) == set(KEYS), f"{language} has labels English has not"
    wrong = [key for key in KEYS if fields(words[key]) != fields(ENGLISH[key])]
    assert wrong == [], f"{language}: other placeholders than English's in {wrong}"


@pytest.mark.parametrize("language", [lang for lang in SHIPPED_LANGUAGES if lang != "en"])
def test_each_language_translates_the_words_a_reader_sees_most(language):
    words = TABLE[language]
    for key in ("contents", "page_of", "about", "made", "worksheet", "answer_key", "guide"):
        assert words[key] != ENGLISH[key], f"{language}: '{key}' is still English"


def test_a_label_missing_from_a_shipped_language_is_caught(monkeypatch):
    """The check above fails when a translation loses a label (what the test is for)."""
    broken = dict(TABLE["de"])
    del broken["contents"]
    monkeypatch.setitem(TABLE, "de", broken)
    with pytest.raises(AssertionError, match="de lacks the labels \\['contents'\\]"):
        test_every_language_has_every_label_with_the_same_placeholders("de")


def test_a_regional_tag_uses_its_languages_table_and_an_unknown_one_english():
    assert table_language("de-CH") == "de" and table_language("pt-BR") == "pt"
    assert labels_for("de-AT")("contents") == "Inhalt"
    japanese = labels_for("ja")
    assert not japanese.shipped and japanese("contents") == "Contents"
    assert labels_for("fr").shipped


def test_dates_times_and_lists_are_formatted_for_the_locale():
    day, clock = dt.date(2027, 1, 15), dt.time(9, 30)
    assert labels_for("de").date(day) == "15. Januar 2027"
    assert labels_for("fr").date(day) == "15 janvier 2027"
    assert labels_for("en").date(day) == "January 15, 2027"
    assert labels_for("en-GB").date(day) == "15 January 2027"
    assert labels_for("de").time(clock) == "09:30"
    assert labels_for("en").time(clock) == "9:30\u202fAM"
    assert labels_for("nl").join(["A", "B", "C"]) == "A, B en C"
    assert labels_for("es").text_date("2027-01-15") == "15 de enero de 2027"
    assert labels_for("es").text_date("Spring 2027") == "Spring 2027"


def test_placeholders_are_filled_and_a_stray_brace_is_kept():
    en = labels_for("en", {"closing": "Thanks {name}!"})
    assert en("page_of", page=2, total=5) == "page 2 of 5"
    assert en("closing") == "Thanks {name}!"


OUTLINE = """\
meta:
  title: Locks
  language: {language}
  date: "2027-01-15"
variables:
  who: "the room"
labels:
  closing: "Thank you, {{who}}"
  page_of: "{{page}}/{{total}}"
audiences:
  deutsch:
    description: German participants
    minutes: 20
    language: de
    labels: {{closing: "Danke, {{who}}"}}
sections:
  - title: Basics
    slides:
      - kind: agenda
      - kind: bullets
        title: Keys
        bullets: [One, Two]
      - kind: quiz
        question: What opens a lock?
        options: [A key, A spoon]
        answer: 1
        explanation: Keys open locks.
        reveal: true
      - kind: glossary
      - kind: closing
glossary:
  - {{term: Key, definition: Opens a lock.}}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_outline_and_audience_labels_replace_the_languages_own(tmp_path):
    outline = load_outline(write(tmp_path, OUTLINE.format(language="en")))
    talk = tailor(outline)
    assert talk.labels("closing") == "Thank you, the room"  # its variable filled
    assert talk.labels("page_of", page=1, total=3) == "1/3"
    german = tailor(outline, audience="deutsch")
    assert german.meta.language == "de" and german.labels("closing") == "Danke, the room"
    assert german.labels("page_of") == "{page}/{total}"  # the outline's, in every language
    slide_titles = [s.title for _section, s in german.slides()]
    assert slide_titles == ["Agenda", "Keys", "Testen Sie Ihr Wissen", "Glossar", "Danke, the room"]


@pytest.mark.parametrize(
    ("labels", "line", "col", "message"),
    [
        ("  contnets: Inhalt\n", 9, 3, "unknown key 'contnets'"),
        ('  page_of: "{pages} of {total}"\n', 9, 12, "unknown placeholder {pages}"),
    ],
)
def test_a_wrong_label_points_at_its_line(tmp_path, labels, line, col, message):
    text = OUTLINE.format(language="en").replace('  page_of: "{page}/{total}"\n', labels)
    with pytest.raises(InputError) as caught:
        load_outline(write(tmp_path, text))
    found = {(d.pos.line, d.pos.col): d for d in caught.value.diagnostics if d.pos}
    assert (line, col) in found, found
    assert message in found[(line, col)].message
    assert "did you mean" in (found[(line, col)].hint or "")


def test_a_language_without_labels_warns_and_builds_in_english(tmp_path):
    path = write(tmp_path, OUTLINE.format(language="ja"))
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0
    assert "no words of its own in 'ja'" in result.stderr and "labels:" in result.stderr


def _handout_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


GERMAN = """\
meta:
  language: de
  date: "2027-01-15"
labels:
  about: "Über diese Unterlage"
add:
  - before: glossary
    slides:
      - kind: quiz
        id: check
        question: Was hält ein Schloss zu?
        options: [Ein Riegel, Ein Löffel]
        answer: 1
        explanation: Der Riegel greift in das Schließblech.
        reveal: true
"""


@pytest.fixture(scope="module")
def german_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("german")
    shutil.copytree(SMALL.parent, out / "talk")
    overlay = out / "talk" / "de.yaml"
    overlay.write_text(GERMAN, encoding="utf-8")
    args = [
        "build",
        str(out / "talk" / SMALL.name),
        "--overlay",
        str(overlay),
        "-o",
        str(out / "participants"),
    ]
    result = run_cli(*args, "--format", "pptx", "--format", "handout")
    assert result.exit_code == 0, result.stderr
    result = run_cli(*args[:-1], str(out / "trainer"), "--format", "handout", "--answers")
    assert result.exit_code == 0, result.stderr
    return out


def test_a_german_build_has_german_labels_in_the_deck(german_build):
    (deck,) = (german_build / "participants").glob("*.pptx")
    prs = Presentation(str(deck))
    names = titles(prs)
    assert {"Glossar", "Quellen", "Testen Sie Ihr Wissen", "Testen Sie Ihr Wissen (Lösung)"} <= set(
        names
    )
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert any(n.startswith("Antwort: A (Ein Riegel).") for n in notes)
    assert prs.core_properties.language == "de"
    assert prs.core_properties.comments == "Mit deckgen aus einer Gliederung erstellt."
    for english in ("Glossary", "References", "Check your understanding", "Answer:"):
        assert not any(english in t for t in names + notes), english


def test_a_german_build_has_german_labels_in_the_handout(german_build):
    (handout,) = (german_build / "participants").glob("*-handout.pdf")
    text = _handout_text(handout)
    for german in (
        "Inhalt",
        "Referent",
        "Datum",
        "15. Januar 2027",
        "Seite 2 von",
        "Glossar",
        "Über diese Unterlage",  # the overlay's own word
        "Erstellt mit deckgen am",
        "Testen Sie Ihr Wissen",
    ):
        assert german in text, german
    own = SMALL.read_text(encoding="utf-8")  # the outline's words ("Thank you") are its own
    english = [
        ENGLISH[key]
        for key in KEYS
        if not fields(ENGLISH[key]) and ENGLISH[key] != TABLE["de"][key] and ENGLISH[key] not in own
    ]
    assert [e for e in english if e in text] == []
    assert "page 2 of" not in text and "Made with deckgen" not in text
    assert "Antwort" not in text and "Lösungen" not in text  # the participants' copy
    trainer = _handout_text(next((german_build / "trainer").glob("*-answers.pdf")))
    assert "Lösungen" in trainer and "Antwort: A (Ein Riegel)." in trainer
