"""A translation's fallback keeps the source language (issue 24's decision): the words a
German build takes from the outline because the file lacks them are English runs in the
deck, English spans in the PDFs and the web handout, so a screen reader reads them in an
English voice; a build without a translation marks no run with a language of its own."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree
from lxml import html as lxml_html
from pptx import Presentation
from translate.storage import po

from ..conftest import ROOT, SHIPPED, run_cli
from .test_translate_cli import extract, podebug, talk

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# left untranslated: a bullet, a title and a slide's notes
KEPT = {
    "two-terms/bullets/2/text": "Closely related, but they address different risks",
    "frameworks/title": "Frameworks and sources",
    "two-terms/notes": "In the rapidly evolving world of artificial intelligence",
}
FORMATS = ("pptx", "slides-pdf", "handout", "html")


def _build(outline: Path, out: Path, *more: str) -> dict[str, Path]:
    formats = [arg for name in FORMATS for arg in ("--format", name)]
    done = run_cli("build", str(outline), "-o", str(out), *formats, *more)
    assert done.exit_code == 0, done.output
    found = {path.suffix: path for path in out.iterdir()}
    found["slides"] = next(out.glob("*-slides.pdf"))
    found["handout"] = next(out.glob("*-handout.pdf"))
    return found


@pytest.fixture(scope="module")
def fallback(tmp_path_factory):
    """The shipped talk pseudo-translated into German but for three texts, built."""
    folder = tmp_path_factory.mktemp("fallback")
    outline = talk(folder)
    file = podebug(extract(outline, "de"), folder / "de-done.po")
    store = po.pofile.parsefile(str(file))
    for unit in store.units:
        if unit.getcontext() in KEPT:
            unit.target = ""
    file.write_bytes(bytes(store))
    return outline, file, _build(outline, folder / "out", "--translation", str(file))


def _runs(path: Path):
    """(slide index, "slide" or "notes", lang, text) of every run of a deck."""
    for index, slide in enumerate(Presentation(path).slides):
        parts = [("slide", shape._element) for shape in slide.shapes]
        if slide.has_notes_slide:
            parts.append(("notes", slide.notes_slide.notes_text_frame._txBody))
        for where, element in parts:
            for run in element.iter(A + "r"):
                yield index, where, run.find(A + "rPr").get("lang"), run.find(A + "t").text


def test_the_untranslated_runs_are_in_the_source_language_the_rest_german(fallback):
    runs = list(_runs(fallback[2][".pptx"]))
    english = {text for _i, _where, lang, text in runs if lang != "de"}
    assert {lang for _i, _w, lang, _t in runs} == {"de", "en"}  # ink writes "en" as "en"
    assert english == {KEPT["two-terms/bullets/2/text"], KEPT["frameworks/title"]} | {
        text for _i, where, lang, text in runs if where == "notes" and lang == "en"
    }
    notes = [text for _i, where, lang, text in runs if where == "notes" and lang == "en"]
    assert len(notes) == 1 and notes[0].startswith(KEPT["two-terms/notes"])
    assert all(lang == "de" for _i, _w, lang, text in runs if "xxx" in text)


def _foreign_pages(path: Path) -> dict[int, list[str]]:
    """Each page's marked-content spans with a language of their own: their /Lang."""
    found: dict[int, list[str]] = {}
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) != "BDC" or not isinstance(operands[1], pikepdf.Dictionary):
                    continue
                if "/Lang" in operands[1]:
                    found.setdefault(number, []).append(str(operands[1].Lang))
    return found


def _structure_languages(path: Path) -> list[tuple[str, str]]:
    """(tag, /Lang) of each structure element that names a language."""
    out = []
    with pikepdf.open(path) as pdf:
        todo = [pdf.Root.StructTreeRoot.K]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Array):
                todo += list(node)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
                if "/Lang" in node:
                    out.append((str(node.S), str(node.Lang)))
                todo.append(node.get("/K"))
    return out


def test_the_slides_pdf_marks_the_english_words_as_english(fallback):
    built = fallback[2]
    slides = {
        i for i, where, lang, _t in _runs(built[".pptx"]) if lang == "en" and where == "slide"
    }
    pages = _foreign_pages(built["slides"])
    assert set(pages) == slides and len(slides) == 2  # the bullet's slide, the title's
    assert all(set(langs) == {"en"} for langs in pages.values())


def test_the_handout_marks_the_english_notes_and_caption_as_english(fallback):
    """The notes' paragraph, and the slide's caption ("N. Frameworks and sources": its
    number is in no language)."""
    assert sorted(_structure_languages(fallback[2]["handout"])) == [("/H3", "en"), ("/P", "en")]


def test_the_web_handout_gives_the_english_words_lang_en(fallback):
    page = lxml_html.fromstring(fallback[2][".html"].read_bytes())
    assert page.get("lang") == "de"
    marked = [" ".join(e.text_content().split()) for e in page.xpath("//body//*[@lang]")]
    assert all(element.get("lang") == "en" for element in page.xpath("//body//*[@lang]"))
    assert KEPT["two-terms/bullets/2/text"] in marked
    assert KEPT["frameworks/title"] in marked
    assert any(text.startswith(KEPT["two-terms/notes"]) for text in marked)
    heading = page.xpath("//h3[.//*[@lang]]")  # the slide's heading: "5. " and its title
    said = [" ".join(h.text_content().split()) for h in heading]
    assert len(said) == 1 and re.fullmatch(rf"\d+\. {KEPT['frameworks/title']}", said[0]), said
    assert not any("xxx" in text for text in marked)
    listed = page.xpath("//nav[@class='contents']//a[.//*[@lang='en']]")  # its contents entry
    assert [" ".join(a.text_content().split()) for a in listed] == [said[0]]


def test_the_accessibility_check_finds_nothing_about_languages(fallback):
    from deckgen.build import load, render_loaded
    from deckgen.check import check_outputs
    from deckgen.cli.options import build_options
    from deckgen.formats import NAMES, format_of

    outline, file, _built = fallback
    options = build_options(str(outline), str(outline.parent / "checked"), None, (), (), None,
                            False, False, formats=NAMES, jobs=1)  # fmt: skip
    options = dataclasses.replace(options, translation=file)
    rendered = render_loaded(load(options), options)
    outputs = [(format_of(o.format), o.path, data) for o, (_p, data) in zip(
        rendered.result.outputs, rendered.files, strict=True)]  # fmt: skip
    report = check_outputs(rendered.prepared.deck, outputs)
    assert not [f for f in report.findings if "language" in f.message], report.findings


def test_a_build_without_translation_marks_no_run_with_a_language_of_its_own(tmp_path):
    built = _build(talk(tmp_path), tmp_path / "out")
    assert {lang for _i, _w, lang, _t in _runs(built[".pptx"])} == {"en"}
    assert _foreign_pages(built["slides"]) == {} and _foreign_pages(built["handout"]) == {}
    assert _structure_languages(built["handout"]) == []
    page = lxml_html.fromstring(built[".html"].read_bytes())
    assert page.xpath("//body//*[@lang]") == []


def test_a_complete_translation_is_german_throughout(tmp_path):
    file = ROOT / "assets" / "translations" / "de.po"
    built = _build(SHIPPED, tmp_path / "out", "--translation", str(file))
    assert {lang for _i, _w, lang, _t in _runs(built[".pptx"])} == {"de"}
    assert _foreign_pages(built["slides"]) == {} and _structure_languages(built["handout"]) == []


def test_variables_and_joined_notes_keep_a_fallbacks_language():
    from deckgen.nodes import Foreign, Note, language_of
    from deckgen.outline.tailor import _notes_text, fill

    filled = fill(Foreign("Hello {name}", "en"), {"name": "Ada"})
    assert filled == "Hello Ada" and language_of(filled) == "en"
    assert language_of(fill("Hallo {name}", {"name": "Ada"})) is None

    def note(text: str) -> Note:  # as a translation puts it in place: no validation
        return Note(text="-").model_copy(update={"text": text})

    same = [note(Foreign("One.", "en")), note(Foreign("Two.", "en"))]
    assert language_of(_notes_text(same, None)) == "en"
    mixed = _notes_text([note(Foreign("One.", "en")), note("Zwei.")], None)
    assert language_of(mixed) is None  # the whole is in no one language; each part in its own
    assert [language_of(part) for part in mixed.parts] == ["en", None]
    from deckgen.layout.text import prose_of, reflow

    runs = prose_of(reflow(fill(mixed, {}))).runs
    assert [(run.text, run.lang) for run in runs] == [("One.", "en"), ("\n", None), ("Zwei.", None)]


def test_notes_partly_untranslated_keep_each_paragraphs_language(tmp_path):
    """A slide's notes given as paragraphs, one the translation lacks: that paragraph is
    English on the notes page, in the handout (its /P's /Lang) and on the web page; the
    other German."""
    outline = talk(tmp_path)
    file = podebug(extract(outline, "de"), tmp_path / "de-done.po")
    store = po.pofile.parsefile(str(file))
    first = next(u for u in store.units if u.getcontext() == "security-in-practice/notes/1/text")
    english = " ".join(first.source.split())[:60]
    first.target = ""
    file.write_bytes(bytes(store))
    built = _build(outline, tmp_path / "out", "--translation", str(file))
    notes = [(lang, text) for _i, where, lang, text in _runs(built[".pptx"]) if where == "notes"]
    langs = {lang for lang, text in notes if text.startswith(english[:40])}
    assert langs == {"en"}
    runs = list(_runs(built[".pptx"]))
    slide = next(i for i, _w, _l, text in runs if text.startswith(english[:40]))
    others = {
        lang
        for i, where, lang, text in runs
        if i == slide and where == "notes" and not text.startswith(english[:40])
    }
    assert others == {"de"}
    assert ("/P", "en") in _structure_languages(built["handout"])  # only that paragraph is
    page = lxml_html.fromstring(built[".html"].read_bytes())
    spans = page.xpath("//body//*[@lang]")
    marked = [" ".join(e.text_content().split()) for e in spans]
    assert any(text.startswith(english[:40]) for text in marked)


def test_an_audiences_overrides_keep_the_rest_of_the_slide_in_its_language(fallback, tmp_path):
    """The newcomers replace two-terms' notes: its untranslated bullet stays English."""
    outline, file, _built = fallback
    done = run_cli("build", str(outline), "-o", str(tmp_path), "--format", "pptx",
                   "--audience", "newcomers", "--translation", str(file))  # fmt: skip
    assert done.exit_code == 0, done.output
    runs = list(_runs(next(tmp_path.glob("*.pptx"))))
    english = {text for _i, where, lang, text in runs if lang == "en" and where == "slide"}
    assert KEPT["two-terms/bullets/2/text"] in english
    assert all(lang == "de" for _i, where, lang, _t in runs if where == "notes")  # translated


def test_the_quiz_export_names_an_untranslated_options_language(fallback, tmp_path):
    outline, file, _built = fallback
    store = po.pofile.parsefile(str(file))
    option = next(u for u in store.units if u.getcontext() == "check-security/options/2")
    english, option.target = option.source, ""
    (tmp_path / "de.po").write_bytes(bytes(store))
    target = tmp_path / "quiz.xml"
    done = run_cli("export", "quiz", str(outline), "--format", "moodle",
                   "--translation", str(tmp_path / "de.po"), "-o", str(target))  # fmt: skip
    assert done.exit_code == 0, done.output
    text = target.read_text(encoding="utf-8")
    assert f'<p lang="en">{english}</p>' in text
    assert text.count('<p lang="en">') == 1 and '<p lang="de">xxx' in text
    package = tmp_path / "quiz.zip"
    done = run_cli("export", "quiz", str(outline), "--format", "qti",
                   "--translation", str(tmp_path / "de.po"), "-o", str(package))  # fmt: skip
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(package) as zipped:
        items = [etree.fromstring(zipped.read(n)) for n in zipped.namelist() if "manifest" not in n]
    marked = [e for item in items for e in item.iter() if e.get(XML_LANG) == "en"]
    assert [" ".join(e.itertext()) for e in marked] == [english]
    assert {item.get(XML_LANG) for item in items} == {"de"}


def test_with_nothing_translated_every_glossary_definition_is_english(tmp_path):
    """A glossary entry is set as one paragraph: the term, a dash, the definition."""
    from deckgen.inline import plain
    from deckgen.outline.loader import load_outline

    outline = talk(tmp_path)
    built = _build(outline, tmp_path / "out", "--translation", str(extract(outline, "de")))
    definitions = [plain(g.definition)[:30] for g in load_outline(outline, "o").glossary]
    runs = [(lang, text) for _i, where, lang, text in _runs(built[".pptx"]) if where == "slide"]
    found = [lang for lang, text in runs for start in definitions if start in text]
    assert len(found) == len(definitions) and set(found) == {"en"}, found


def test_with_nothing_translated_a_definitions_attribution_is_english(tmp_path):
    """ "— Amazon Web Services (AWS), Security whitepaper [1]": the attribution and its
    source, joined with a dash and a number (in no language)."""
    outline = talk(tmp_path)
    built = _build(outline, tmp_path / "out", "--translation", str(extract(outline, "de")))
    said = [lang for _i, _w, lang, text in _runs(built[".pptx"]) if text.startswith("— Amazon")]
    assert said and set(said) == {"en"}, said


def test_the_handouts_glossary_and_headings_mark_their_untranslated_words(tmp_path):
    """A glossary entry whose term is translated and its definition not, a reference
    whose title is and its publisher not: one paragraph each in the handout, in which the
    English words are a span that says so, and the German ones are not; an untranslated
    section title is English in its heading and in the contents."""
    from deckgen.inline import plain
    from deckgen.outline.loader import load_outline

    from ..render.test_handout_languages import _spans

    outline = talk(tmp_path)
    store = po.pofile.parsefile(str(ROOT / "assets" / "translations" / "de.po"))
    for unit in store.units:
        context = unit.getcontext() or ""
        if context.endswith(("/definition", "/publisher")) or context == "@sections/intro/title":
            unit.target = ""
    (tmp_path / "de.po").write_bytes(bytes(store))
    built = _build(outline, tmp_path / "out", "--translation", str(tmp_path / "de.po"))
    talked = load_outline(outline, "o")
    title = next(s.title for s in talked.sections if s.id == "intro")
    pages = _spans(built["handout"])
    assert all(balanced for _spans, balanced in pages)
    said = [(n, words) for n, (spans, _b) in enumerate(pages) for lang, words in spans]
    assert {lang for spans, _b in pages for lang, _w in spans} == {"en"}
    english = [plain(g.definition) for g in talked.glossary]
    english += [r.publisher for r in talked.references if r.publisher]
    others = sorted(words.replace(" ", "") for _n, words in said if words != title)
    expected = sorted(text.replace(" ", "") for text in english)
    assert len(others) == len(expected)
    for found, text in zip(others, expected, strict=True):  # (", 2023" goes with the words)
        assert found.startswith(text) and not any(c.isalpha() for c in found[len(text) :])
    headed = [n for n, words in said if words == title]
    assert headed[0] == 0 and len(headed) >= 2  # the contents, then its heading
