"""`deckgen export quiz`: a talk's quizzes for a learning platform, each format read back
from the written file. QTI 2.1 against the specifications' structure (tests/export/
qti_spec.py says why not IMS's XSDs), Moodle XML against Moodle's documented format,
GIFT through gift-pegjs, a GIFT parser nobody here wrote (tests/web/package.json)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from deckgen.export import export_quiz, quizzes_of
from deckgen.inline import plain
from deckgen.outline.loader import load_outline

from ..conftest import SHIPPED, SMALL, run_cli
from ..test_html import WEB
from . import qti_spec

GERMAN = Path(__file__).resolve().parent / "outline_de.yaml"


def quizzes(outline: Path = GERMAN, audience: str | None = None):
    return quizzes_of(load_outline(outline, outline.name), audience)


def export(tmp_path: Path, fmt: str, outline: Path = GERMAN, *more: str) -> Path:
    target = tmp_path / f"quiz-{fmt}"
    done = run_cli("export", "quiz", str(outline), "--format", fmt, "-o", str(target), *more)
    assert done.exit_code == 0, done.output
    assert f"wrote {target}" in done.stdout
    return target


# ------------------------------------------------------------------ the records


def test_the_tailored_talks_quizzes_are_gathered_as_written():
    found = quizzes()
    assert found.language == "de"
    assert found.title == "Phishing erkennen: Beispiel GmbH"  # the variable filled
    assert [item.id for item in found.items] == [
        "absender",
        "quiz-2-1",
        "steuerzeichen",
        "quiz-2-3",
    ]
    first, two, _control, every = found.items
    assert first.correct == (0,) and not first.multiple
    assert two.correct == (0, 1) and two.multiple
    assert every.correct == (0, 1) and every.explanation is None
    assert "Beispiel GmbH" in first.question
    assert two.title == "Testen Sie Ihr Wissen (1/2)"  # the kind's own title, in German


def test_an_audience_that_drops_a_quiz_exports_without_it(tmp_path):
    kept = quizzes(audience="kurz")
    assert [item.id for item in kept.items] == ["absender", "quiz-2-1", "steuerzeichen"]
    assert kept.stem.endswith("-kurz")
    target = export(tmp_path, "moodle", GERMAN, "--audience", "kurz")
    names = etree.parse(str(target)).findall('question[@type="multichoice"]/idnumber')
    assert [name.text for name in names] == ["absender", "quiz-2-1", "steuerzeichen"]


def test_a_talk_without_quizzes_is_an_error_with_its_place(tmp_path):
    done = run_cli("export", "quiz", str(SMALL), "--format", "gift", "-o", str(tmp_path / "q"))
    assert done.exit_code == 2
    assert f"{SMALL}:" in done.stderr and "no quizzes" in done.stderr
    assert not (tmp_path / "q").exists()


def test_an_audience_without_quizzes_is_named(tmp_path):
    done = run_cli(
        "export", "quiz", str(SHIPPED), "--format", "qti", "--audience", "executives",
        "-o", str(tmp_path / "q.zip"),
    )  # fmt: skip
    assert done.exit_code == 2
    assert "audience 'executives' keeps none of the outline's 3 quizzes" in done.stderr


def test_the_default_name_is_the_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = run_cli("export", "quiz", str(WEB), "--format", "gift", "--audience", "deep")
    assert done.exit_code == 0, done.output
    assert (tmp_path / "build" / "guards-and-gauges-deep-quiz-gift.txt").is_file()


# ------------------------------------------------------------------ QTI 2.1


def read_package(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()}


@pytest.mark.parametrize("outline", [GERMAN, WEB, SHIPPED], ids=["german", "web", "shipped"])
def test_the_qti_package_holds_to_the_specification(tmp_path, outline):
    files = read_package(export(tmp_path, "qti", outline))
    manifest = files.pop("imsmanifest.xml")
    assert manifest.tag == f"{{{qti_spec.CP}}}manifest"
    assert qti_spec.problems(manifest, qti_spec.CP) == []
    resources = manifest.findall(f"{{{qti_spec.CP}}}resources/{{{qti_spec.CP}}}resource")
    declared = {resource.get("href"): resource.get("type") for resource in resources}
    assert declared.keys() == files.keys()  # every file listed, nothing listed missing
    ids = {resource.get("identifier") for resource in resources}
    for resource in resources:
        for dependency in resource.findall(f"{{{qti_spec.CP}}}dependency"):
            assert dependency.get("identifierref") in ids
    for name, root in files.items():
        expected = "assessmentTest" if declared[name] == "imsqti_test_xmlv2p1" else "assessmentItem"
        assert declared[name] in ("imsqti_test_xmlv2p1", "imsqti_item_xmlv2p1")
        assert root.tag == f"{{{qti_spec.QTI}}}{expected}"
        assert qti_spec.problems(root, qti_spec.QTI) == [], name
    count = len(quizzes(outline).items)
    assert sum(kind == "imsqti_item_xmlv2p1" for kind in declared.values()) == count


def _qti(root, path: str):
    return root.findall(path.replace("q:", f"{{{qti_spec.QTI}}}"))


def test_each_qti_item_says_the_question_options_answer_feedback_and_language(tmp_path):
    files = read_package(export(tmp_path, "qti"))
    expected = quizzes()
    test = files["test.xml"]
    refs = [ref.get("href") for ref in _qti(test, ".//q:assessmentItemRef")]
    assert refs == [f"items/{item.id}.xml" for item in expected.items]
    for item, ref in zip(expected.items, refs, strict=True):
        root = files[ref]
        assert root.get(qti_spec.XML_LANG) == "de"
        assert root.get("identifier") == item.id and root.get("title") == plain(item.title)
        (declaration,) = _qti(root, "q:responseDeclaration")
        assert declaration.get("cardinality") == ("multiple" if item.multiple else "single")
        right = [value.text for value in _qti(declaration, "q:correctResponse/q:value")]
        assert right == ["ABCDEF"[index] for index in item.correct]
        (choices,) = _qti(root, "q:itemBody/q:choiceInteraction")
        assert choices.get("maxChoices") == ("0" if item.multiple else "1")
        (prompt,) = _qti(choices, "q:prompt")
        assert "".join(prompt.itertext()) == plain(item.question)
        options = ["".join(choice.itertext()) for choice in _qti(choices, "q:simpleChoice")]
        assert options == [plain(option) for option in item.options]
        feedback = _qti(root, "q:modalFeedback")
        if item.explanation:
            assert "".join(feedback[0].itertext()).strip() == plain(item.explanation)
            # the processing sets what the feedback shows on
            shown = _qti(root, "q:responseProcessing/q:setOutcomeValue/q:baseValue")
            assert shown[0].text == feedback[0].get("identifier")
        else:
            assert feedback == []


def test_qti_keeps_the_outlines_markup_as_xhtml(tmp_path):
    files = read_package(export(tmp_path, "qti"))
    first = files["items/absender.xml"]
    assert [em.text for em in _qti(first, ".//q:prompt/q:em")] == ["gefälschte"]
    assert [code.text for code in _qti(first, ".//q:simpleChoice/q:code")] == ["@"]
    (link,) = _qti(first, ".//q:modalFeedback//q:a")
    assert link.get("href") == "https://www.bsi.bund.de/" and link.text == "BSI-Leitfaden"
    second = files["items/quiz-2-1.xml"]
    assert [strong.text for strong in _qti(second, ".//q:prompt/q:strong")] == ["zwei"]


def test_the_qti_package_repeats_byte_for_byte(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = export_quiz(quizzes(), "qti")
    assert export_quiz(quizzes(), "qti") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist()[0] == "imsmanifest.xml"
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


# ------------------------------------------------------------------ QTI 1.2


def _html_text(mattext) -> str:
    assert mattext.get("texttype") == "text/html"
    assert mattext.get(qti_spec.XML_LANG) == "de"
    return lxml.html.fragment_fromstring(mattext.text, create_parent="div").text_content()


@pytest.mark.parametrize("outline", [GERMAN, WEB, SHIPPED], ids=["german", "web", "shipped"])
def test_the_qti12_package_holds_to_the_specification(tmp_path, outline):
    files = read_package(export(tmp_path, "qti12", outline))
    manifest = files.pop("imsmanifest.xml")
    assert qti_spec.problems(manifest, qti_spec.CP) == []
    (resource,) = manifest.iter(f"{{{qti_spec.CP}}}resource")
    assert resource.get("type") == "imsqti_xmlv1p2" and [resource.get("href")] == list(files)
    (root,) = files.values()
    assert root.tag == "questestinterop"
    assert qti_spec.problems(root, "") == []
    assert len(root.findall("assessment/section/item")) == len(quizzes(outline).items)


def test_each_qti12_item_says_the_question_options_answer_and_feedback(tmp_path):
    files = read_package(export(tmp_path, "qti12"))
    root = files["quiz/assessment.xml"]
    expected = quizzes()
    items = root.findall("assessment/section/item")
    for item, element in zip(expected.items, items, strict=True):
        assert element.get("ident") == item.id
        kind = element.findtext("itemmetadata/qtimetadata/qtimetadatafield/fieldentry")
        assert kind == (
            "multiple_answers_question" if item.multiple else "multiple_choice_question"
        )
        assert _html_text(element.find("presentation/material/mattext")) == plain(item.question)
        response = element.find("presentation/response_lid")
        assert response.get("rcardinality") == ("Multiple" if item.multiple else "Single")
        labels = response.findall("render_choice/response_label")
        assert [_html_text(label.find("material/mattext")) for label in labels] == [
            plain(option) for option in item.options
        ]
        (scored,) = element.findall('resprocessing/respcondition[@title="correct"]')
        chosen = scored.findall("conditionvar//varequal")
        refused = scored.findall("conditionvar//not/varequal")
        assert sorted(v.text for v in chosen if v not in refused) == [
            "ABCDEF"[index] for index in item.correct
        ]
        expected_refused = (
            []
            if not item.multiple
            else sorted(
                "ABCDEF"[index] for index in range(len(item.options)) if index not in item.correct
            )
        )
        assert sorted(v.text for v in refused) == expected_refused
        assert scored.findtext("setvar") == "100"
        feedback = element.find("itemfeedback/flow_mat/material/mattext")
        if item.explanation:
            assert _html_text(feedback) == plain(item.explanation)
            assert element.find(".//displayfeedback").get("linkrefid") == "general_fb"
        else:
            assert feedback is None


def test_overlays_and_variables_apply_as_to_a_build(tmp_path):
    overlay = tmp_path / "kunde.yaml"
    overlay.write_text("drop: [steuerzeichen]\n", encoding="utf-8")
    target = export(
        tmp_path, "moodle", GERMAN, "--overlay", str(overlay), "--set", "firma=Kunde AG"
    )
    root = etree.parse(str(target)).getroot()
    assert root.findtext("question/category/text") == "$course$/top/Phishing erkennen: Kunde AG"
    questions = root.findall('question[@type="multichoice"]')
    # an unnamed quiz is named by its place in the outline the overlays made
    assert [q.findtext("idnumber") for q in questions] == ["absender", "quiz-2-1", "quiz-2-2"]
    assert "bei Kunde AG?" in questions[0].findtext("questiontext/text")
