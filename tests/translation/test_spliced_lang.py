"""deckgen's own words around a text a translation lacks keep each part's language (issue
24: "a fallback text keeps the source language"): in a German build whose section title
stays English, the divider's notes "Abschnitt 1: Introduction." are German but for
"Introduction.", which is English in the deck's runs, the PDFs' spans and the web
handout; a build without a translation, or with a complete one, makes the plain strings
it made before."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import pickle
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pptx import Presentation
from translate.storage import po

from deckgen.labels import labels_for
from deckgen.nodes import Foreign, Spliced, language_of, languages_in, spliced

from ..conftest import run_cli
from .test_fallback_lang import A, _foreign_pages
from .test_translate_cli import extract

OUTLINE = """\
meta:
  title: "Locks and keys"
  subtitle: "A short talk"
  presenter: "Pat Example"
  language: "en"
sections:
  - id: opening
    title: "Opening"
    divider: false
    slides:
      - kind: title
        id: title
      - kind: agenda
        id: agenda
  - id: intro
    title: "Introduction"
    subtitle: "Why locks matter"
    divider: true
    slides:
      - kind: bullets
        id: why
        title: "Why locks"
        bullets: ["They keep doors shut", "They keep people out"]
        notes: "Locks keep doors shut."
        cue: "Ask who locked the door today"
      - kind: quiz
        id: check
        title: "Which opens a lock"
        question: "Which of these opens a lock?"
        options: ["A key", "A ladder"]
        answer: 1
        explanation: "A key turns the lock."
        reveal: true
"""
GERMAN = {
    "@meta/subtitle": "Ein kurzer Vortrag",
    "@meta/presenter": "Pat Beispiel",
    "@sections/opening/title": "Eröffnung",
    "@sections/intro/subtitle": "Warum Schlösser zählen",
    "why/notes": "Schlösser halten Türen zu.",
    "why/title": "Warum Schlösser",
    "why/bullets/1/text": "Sie halten Türen zu",
    "why/bullets/2/text": "Sie halten Leute draußen",
    "check/question": "Was öffnet ein Schloss?",
    "check/options/2": "Eine Leiter",
    "check/explanation": "Ein Schlüssel dreht das Schloss.",
}
# what the partial file leaves in English: the talk's and the section's titles, the
# guide's cue, the quiz's title and its right option
COMPLETE = GERMAN | {
    "@meta/title": "Schlösser und Schlüssel",
    "@sections/intro/title": "Einführung",
    "why/cue": "Fragen, wer heute die Tür abgeschlossen hat",
    "check/title": "Was öffnet ein Schloss",
    "check/options/1": "Ein Schlüssel",
}
FORMATS = ("pptx", "slides-pdf", "handout", "guide", "html")


def _translation(outline: Path, texts: dict[str, str], name: str) -> Path:
    file = outline.parent / name
    store = po.pofile.parsefile(str(extract(outline, "de", "-o", str(file))))
    for unit in store.units:
        if not unit.isheader():
            unit.target = texts.get(unit.getcontext(), "")
    file.write_bytes(bytes(store))
    return file


@pytest.fixture(scope="module")
def talk(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("spliced")
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    return folder / "outline.yaml"


@pytest.fixture(scope="module")
def built(talk) -> dict[str, Path]:
    """The talk in German, five texts left English, every format (the presenter's copy)."""
    file = _translation(talk, GERMAN, "de-part.po")
    out = talk.parent / "out"
    formats = [arg for name in FORMATS for arg in ("--format", name)]
    done = run_cli(
        "build", str(talk), "-o", str(out), *formats, "--answers", "--translation", str(file)
    )
    assert done.exit_code == 0, done.output
    assert "5 of 16 texts stay in the outline's language" in done.output
    return {path.name.removeprefix("locks-and-keys-de"): path for path in out.iterdir()}


def _notes(deck: Path) -> list[list[tuple[str | None, str]]]:
    """Each slide's notes as (lang, text) runs."""
    found = []
    for slide in Presentation(deck).slides:
        body = slide.notes_slide.notes_text_frame._txBody if slide.has_notes_slide else None
        runs = [] if body is None else body.iter(A + "r")
        found.append([(run.find(A + "rPr").get("lang"), run.find(A + "t").text) for run in runs])
    return found


def _slide_runs(deck: Path, number: int) -> list[tuple[str | None, str]]:
    slide = Presentation(deck).slides[number - 1]
    return [
        (run.find(A + "rPr").get("lang"), run.find(A + "t").text)
        for shape in slide.shapes
        for run in shape._element.iter(A + "r")
    ]


def test_the_dividers_notes_are_german_but_for_the_english_title(built):
    divider = _notes(built[".pptx"])[2]
    assert divider == [
        ("de", "Abschnitt 1: "),
        ("en", "Introduction. "),
        ("de", "Warum Schlösser zählen."),
    ]


def test_the_title_slides_and_the_agendas_notes_keep_the_english_titles(built):
    notes = _notes(built[".pptx"])
    assert notes[0] == [("en", "Locks and keys. "), ("de", "Ein kurzer Vortrag")]
    assert notes[1] == [("de", "Heute: "), ("en", "Introduction.")]


def test_the_quizs_answer_names_the_english_option_in_english(built):
    """In the presenter's notes of the question and of its reveal slide."""
    answer = [
        ("de", "Antwort: A ("),
        ("en", "A key). "),
        ("de", "Ein Schlüssel dreht das Schloss."),
    ]
    assert _notes(built[".pptx"])[4:6] == [answer, answer]


def test_the_reveal_slides_title_is_english_with_germans_answer_label(built):
    runs = _slide_runs(built[".pptx"], 6)
    assert runs[:2] == [("en", "Which opens a lock"), ("de", " (Lösung)")]
    # the slides PDF marks that page's English words as its question's page: the title
    # (before, the reveal's title was German throughout) and the right option
    pages = _foreign_pages(built["-slides.pdf"])
    assert pages[5] == pages[4] == ["en", "en"]


def test_the_web_handout_marks_the_english_words_in_the_joined_texts(built):
    page = lxml_html.fromstring(built["-answers.html"].read_bytes())
    heading = page.xpath("//h3[@id='slide-6-h']")[0]
    assert [(e.get("lang"), e.text_content()) for e in heading.xpath(".//*[@lang]")] == [
        ("en", "Which opens a lock")
    ]
    assert " ".join(heading.text_content().split()) == "6. Which opens a lock (Lösung)"
    said = {" ".join(p.text_content().split()): p for p in page.xpath("//p[.//*[@lang]]")}
    title = said["Locks and keys. Ein kurzer Vortrag"]
    assert [(e.get("lang"), e.text_content()) for e in title.xpath(".//*[@lang]")] == [
        ("en", "Locks and keys. ")
    ]
    assert "Heute: Introduction." in said


def _prepared(talk: Path, file: Path | None):
    from deckgen.build import load
    from deckgen.cli.options import build_options
    from deckgen.prepare import prepare

    options = build_options(str(talk), str(talk.parent / "unused"), *(None, (), (), None),
                            False, False, jobs=1)  # fmt: skip
    options = dataclasses.replace(options, translation=file)
    return prepare(load(options), None, {}, options)


def test_the_handouts_and_the_guides_runs_are_in_each_parts_language(talk):
    """The handout's notes paragraphs and the guide's cue as runs (how their PDFs mark a
    run's language is theirs): each part in its own."""
    from deckgen.layout.guide import layout_guide
    from deckgen.layout.handout import caption, paragraphs
    from deckgen.layout.handout_blocks import SlideWithNotes

    prepared = _prepared(talk, _translation(talk, GERMAN, "de-prose.po"))
    frames = prepared.deck.slides

    def runs(prose) -> list[tuple[str | None, str]]:
        return [(run.lang, run.text) for run in prose.runs]

    assert [runs(p) for p in paragraphs(frames[4].presenter_notes)] == [
        [(None, "Antwort: A ("), ("en", "A key). "), (None, "Ein Schlüssel dreht das Schloss.")]
    ]
    reveal = [(None, "6. "), ("en", "Which opens a lock"), (None, " (Lösung)")]
    assert runs(caption(frames[5])) == reveal
    made = _dt.datetime(2026, 1, 1)
    guide = layout_guide(prepared.talk, prepared.deck, prepared.plan, "a4", None, made)
    why = next(b for b in guide.body if isinstance(b, SlideWithNotes) and b.frame.number == 4)
    assert [(None, "Hinweis:"), (None, " "), ("en", "Ask who locked the door today")] in [
        runs(p) for p in why.notes
    ]


@pytest.mark.parametrize("translated", [False, True])
def test_no_translation_and_a_complete_one_make_the_plain_strings_they_made(talk, translated):
    file = _translation(talk, COMPLETE, "de-all.po") if translated else None
    frames = _prepared(talk, file).deck.slides
    texts = [frames[0].notes, frames[1].notes, frames[2].notes, frames[4].presenter_notes]
    assert all(type(text) is str for text in texts), [type(t) for t in texts]
    if translated:
        assert texts == [
            "Schlösser und Schlüssel. Ein kurzer Vortrag",
            "Heute: Einführung.",
            "Abschnitt 1: Einführung. Warum Schlösser zählen.",
            "Antwort: A (Ein Schlüssel). Ein Schlüssel dreht das Schloss.",
        ]
        assert frames[5].title == "Was öffnet ein Schloss (Lösung)"
    else:
        assert texts == [
            "Locks and keys. A short talk",
            "Today: Introduction.",
            "Section 1: Introduction. Why locks matter.",
            "Answer: A (A key). A key turns the lock.",
        ]
        assert frames[5].title == "Which opens a lock (answer)"
    assert all(run.lang is None for frame in frames for run in frame.presenter_prose.runs)


def test_labels_give_a_spliced_text_where_a_value_is_in_another_language():
    german = labels_for("de")
    made = german("divider_notes", number=1, title=Foreign("Introduction", "en"))
    assert isinstance(made, Spliced) and made == "Abschnitt 1: Introduction"
    assert [(p, language_of(p)) for p in made.pieces] == [
        ("Abschnitt 1: ", None),
        ("Introduction", "en"),
    ]
    ended = german.sentence(made)  # the full stop goes with the word before it
    assert [(p, language_of(p)) for p in ended.pieces] == [
        ("Abschnitt 1: ", None),
        ("Introduction.", "en"),
    ]
    listed = german.join([Foreign("Locks", "en"), "Schlüssel", "Türen"])
    assert listed == "Locks, Schlüssel und Türen"
    assert [language_of(p) for p in listed.pieces] == ["en", None]
    assert german("continued", title=Foreign("Intro", "en")).pieces == ("Intro", " (Forts.)")
    assert pickle.loads(pickle.dumps(ended)).pieces == ended.pieces  # a forked build's
    assert languages_in(ended) == {None, "en"}


def test_labels_and_spliced_make_plain_strings_where_all_is_one_language():
    german = labels_for("de")
    made = german("divider_notes", number=1, title="Einführung")
    assert type(made) is str and made == "Abschnitt 1: Einführung"
    assert type(german.sentence(made)) is str and type(german.join(["A", "B"])) is str
    # all in the outline's language: one Foreign, as a fallback text is (the number, the
    # dash and the full stop are in none)
    whole = german.sentence(Foreign("Why locks", "en"))
    assert type(whole) is Foreign and whole == "Why locks." and whole.lang == "en"
    assert type(spliced("7", " – ", Foreign("Locks", "en"))) is Foreign
    assert type(spliced("Kapitel ", "Eins")) is str


CONTINUED = """\
meta:
  title: "Locks"
  language: "en"
sections:
  - id: main
    title: "Main"
    slides:
      - kind: bullets
        id: many
        title: "Many points"
        bullets:
{bullets}
      - kind: definition
        id: lock
        title: "What is a lock?"
        term: "lock"
        quote: "A lock keeps a door shut."
        attribution: "The Dictionary"
        source: "Entry for lock"
        reference: book
      - kind: glossary
        id: words
      - kind: references
        id: refs
glossary:
  - term: "Pin"
    definition: "A small rod."
  - term: "Rung"
    definition: "One step of a ladder."
references:
  - id: book
    title: "The lock book"
    author: "Ann Author"
    publisher: "Lock Press"
    year: "2020"
"""


def test_continued_titles_citations_and_lists_keep_each_parts_language(tmp_path):
    """Fourteen long bullets continue on two more slides: "Many points (Forts.)", the
    title English, the label German; a definition's English attribution beside its German
    source, a reference's English author beside its German publisher, the glossary's
    notes listing an English term among German ones."""
    long = "says something fairly long about locks and keys and doors"
    listed = "\n".join(f'          - "Point {n} {long}"' for n in range(1, 15))
    outline = tmp_path / "outline.yaml"
    outline.write_text(CONTINUED.format(bullets=listed), encoding="utf-8")
    german = {f"many/bullets/{n}/text": f"Punkt {n} sagt etwas über Türen" for n in range(1, 15)}
    german |= {"@meta/title": "Schlösser", "@sections/main/title": "Haupt"}
    german |= {"@references/book/title": "Das Buch", "@references/book/publisher": "Schlossverlag"}
    german |= {"lock/title": "Was ist ein Schloss?", "lock/quote": "Ein Schloss hält zu."}
    german |= {"lock/source": "Eintrag Schloss", "@glossary/pin/term": "Stift"}
    file = _translation(outline, german, "de-part.po")
    done = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx",
                   "--translation", str(file))  # fmt: skip
    assert done.exit_code == 0, done.output
    deck = next((tmp_path / "out").glob("*.pptx"))
    slides = len(Presentation(deck).slides)
    assert slides == 7  # the divider, the bullets on three, the definition, glossary, references
    for number in (3, 4):
        assert _slide_runs(deck, number)[:2] == [("en", "Many points"), ("de", " (Forts.)")]
        said = [
            ("de", "Fortsetzung von „"),
            ("en", "Many points"),
            ("de", "“. Die Sprechernotizen "),
        ]
        assert [(lang, text[:23]) for lang, text in _notes(deck)[number - 1]] == said
    cited = ("Ann Author, ", "Schlossverlag, 2020")
    runs = [run for run in _slide_runs(deck, 7) if run[1] in cited]
    assert runs == [("en", "Ann Author, "), ("de", "Schlossverlag, 2020")]
    attributed = [("de", "— "), ("en", "The Dictionary, "), ("de", "Eintrag Schloss [1]")]
    assert [run for run in _slide_runs(deck, 5) if run in attributed] == attributed
    assert _notes(deck)[5] == [("de", "Glossar: Stift, "), ("en", "Rung.")]


def test_reflowed_and_split_notes_keep_each_pieces_language():
    """The notes page reflows notes (lines joined, blank lines part paragraphs) and the
    handout and the guide set a paragraph a line: a spliced text's words stay in theirs."""
    from deckgen.layout.text import lines_of, prose_of, reflow

    made = spliced("Abschnitt 1:\n  ", Foreign("Intro *here*\n\nthere", "en"), ".  ", "Weiter")
    flowed = reflow(made)
    assert flowed == "Abschnitt 1: Intro *here*\nthere.  Weiter"
    assert [(p, language_of(p)) for p in flowed.pieces] == [
        ("Abschnitt 1: ", None),
        ("Intro *here*\nthere.  ", "en"),
        ("Weiter", None),
    ]
    lines = lines_of(flowed)
    assert [(line, sorted(languages_in(line), key=str)) for line in lines] == [
        ("Abschnitt 1: Intro *here*", [None, "en"]),
        ("there.  Weiter", [None, "en"]),
    ]
    assert [(run.text, run.italic, run.lang) for run in prose_of(lines[0]).runs] == [
        ("Abschnitt 1: ", False, None),
        ("Intro ", False, "en"),
        ("here", True, "en"),
    ]


CHART = """\
meta:
  title: "Alerts"
  language: "en"
sections:
  - id: main
    title: "Main"
    divider: false
    slides:
      - kind: chart
        id: sources
        title: "Where alerts come from"
        chart: column
        unit: alerts
        categories: [Email, Web]
        series: [{name: Alerts, values: [60, 30]}]
"""


def test_a_charts_words_in_the_web_handouts_table_keep_each_ones_language(tmp_path):
    """No 'alt:': deckgen writes it from the data, in German around the series' and a
    category's English names; the web handout's figures table marks them."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(CHART, encoding="utf-8")
    german = {"@meta/title": "Warnungen", "@sections/main/title": "Haupt"}
    german |= {"sources/title": "Woher Warnungen kommen", "sources/categories/2": "Netz"}
    german |= {"sources/unit": "Warnungen"}
    file = _translation(outline, german, "de-part.po")
    done = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "html",
                   "--translation", str(file))  # fmt: skip
    assert done.exit_code == 0, done.output
    page = lxml_html.fromstring(next((tmp_path / "out").glob("*.html")).read_bytes())
    (table,) = page.xpath("//details[@class='figures']//table")
    caption = table.xpath("caption")[0]
    assert " ".join(caption.text_content().split()) == (
        "Säulendiagramm (Warnungen). Alerts: Email 60; Netz 30."
    )
    marked = [(e.get("lang"), e.text_content()) for e in caption.xpath(".//*[@lang]")]
    assert marked == [("en", "Alerts: Email 60; ")]
    heads = [(e.get("lang"), e.text_content()) for e in table.xpath(".//th//*[@lang]")]
    assert heads == [("en", "Alerts"), ("en", "Email")]


def test_an_outlines_own_label_the_translation_lacks_stays_english_around_german(tmp_path):
    """The outline replaces the divider's notes label; the file translates the section's
    title but not that label: "Part 1: " English, the German title German."""
    outline = tmp_path / "outline.yaml"
    own = 'labels:\n  divider_notes: "Part {number}: {title}"\n'
    outline.write_text(OUTLINE + own, encoding="utf-8")
    file = _translation(outline, COMPLETE, "de-part.po")  # all but the label
    done = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx",
                   "--translation", str(file))  # fmt: skip
    assert done.exit_code == 0, done.output
    divider = _notes(next((tmp_path / "out").glob("*.pptx")))[2]
    assert divider == [("en", "Part 1: "), ("de", "Einführung. Warum Schlösser zählen.")]


def test_the_presenter_lines_keep_an_untranslated_organisation_english(tmp_path):
    """The title slide's "organisation · date" and the closing slide's "presenter ·
    organisation": the organisation the file lacks English, the rest German."""
    outline = tmp_path / "outline.yaml"
    more = '  organisation: "Lock Works"\n  date: "2026-03-14"\n'
    closing = "      - kind: closing\n        id: thanks\n        title: Thanks\n"
    text = OUTLINE.replace('  language: "en"\n', '  language: "en"\n' + more) + closing
    outline.write_text(text, encoding="utf-8")
    file = _translation(outline, COMPLETE | {"thanks/title": "Danke"}, "de-part.po")
    done = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx",
                   "--translation", str(file))  # fmt: skip
    assert done.exit_code == 0, done.output
    deck = next((tmp_path / "out").glob("*.pptx"))
    assert ("en", "Lock Works · ") in _slide_runs(deck, 1)
    assert ("de", "14. März 2026") in _slide_runs(deck, 1)
    last = len(Presentation(deck).slides)
    assert [
        run for run in _slide_runs(deck, last) if "Pat" in run[1] or "Lock Works" in run[1]
    ] == [("de", "Pat Beispiel · "), ("en", "Lock Works")]
