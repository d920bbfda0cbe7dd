"""IMS QTI 1.2 for the platforms that import it (Canvas Classic Quizzes, Blackboard,
ILIAS): a zip with ``imsmanifest.xml`` and one ``questestinterop`` assessment whose
section holds an ``item`` a quiz.

Each item is a ``response_lid`` (``rcardinality`` Single, or Multiple when several
options are right) with its options as ``response_label``s A, B …; its ``resprocessing``
scores 100 for exactly the right set (every right label chosen and no wrong one) and
always shows the explanation (``itemfeedback`` "general_fb", the id Canvas reads as the
question's general feedback). Canvas's ``question_type`` is in the item's metadata. Text
is HTML in ``mattext texttype="text/html"`` with the talk's ``xml:lang``."""

from __future__ import annotations

from lxml import etree

from ..kinds.quiz import letter
from .package import MANIFEST_FILE, manifest_root, resource, xml_bytes, zipped
from .qti21 import XML_LANG
from .quiz import QuizItem, QuizSet, html

ASSESSMENT_FILE = "quiz/assessment.xml"
FEEDBACK_ID = "general_fb"


def package(quizzes: QuizSet, when: tuple[int, ...]) -> bytes:
    return zipped({MANIFEST_FILE: manifest(), ASSESSMENT_FILE: assessment(quizzes)}, when)


def _add(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    element = etree.SubElement(parent, tag, {key: str(value) for key, value in attrs.items()})
    element.text = text
    return element


def _material(parent, text: str, language: str) -> etree._Element:
    material = _add(parent, "material")
    mattext = _add(material, "mattext", html(text), texttype="text/html")
    mattext.set(XML_LANG, language)
    return material


def assessment(quizzes: QuizSet) -> bytes:
    root = etree.Element("questestinterop")
    test = _add(root, "assessment", ident="quiz", title=quizzes.title)
    section = _add(test, "section", ident="root_section")
    for item in quizzes.items:
        _item(section, item)
    return xml_bytes(root)


def _item(section, item: QuizItem) -> None:
    from ..inline import plain

    element = _add(section, "item", ident=item.id, title=plain(item.title) or item.id)
    fields = _add(_add(element, "itemmetadata"), "qtimetadata")
    kind = "multiple_answers_question" if item.multiple else "multiple_choice_question"
    for label, entry in (("question_type", kind), ("points_possible", "1")):
        field = _add(fields, "qtimetadatafield")
        _add(field, "fieldlabel", label)
        _add(field, "fieldentry", entry)
    presentation = _add(element, "presentation")
    _material(presentation, item.question, item.language_of(item.question))
    response = _add(
        presentation,
        "response_lid",
        ident="response1",
        rcardinality="Multiple" if item.multiple else "Single",
    )
    choices = _add(response, "render_choice", shuffle="No")
    for index, option in enumerate(item.options):
        _material(
            _add(choices, "response_label", ident=letter(index + 1)),
            option,
            item.language_of(option),
        )
    _processing(element, item)
    if item.explanation:
        feedback = _add(element, "itemfeedback", ident=FEEDBACK_ID)
        _material(_add(feedback, "flow_mat"), item.explanation, item.language_of(item.explanation))


def _processing(element, item: QuizItem) -> None:
    """SCORE 100 for exactly the right labels, else its default 0; the feedback always."""
    processing = _add(element, "resprocessing")
    _add(
        _add(processing, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    if item.explanation:
        shown = _add(processing, "respcondition", title="feedback", **{"continue": "Yes"})
        _add(_add(shown, "conditionvar"), "other")
        _add(shown, "displayfeedback", feedbacktype="Response", linkrefid=FEEDBACK_ID)
    right = _add(processing, "respcondition", title="correct", **{"continue": "No"})
    condition = _add(right, "conditionvar")
    if item.multiple:
        condition = _add(condition, "and")
    for index in range(len(item.options)):
        if index in item.correct:
            _add(condition, "varequal", letter(index + 1), respident="response1")
        elif item.multiple:
            _add(_add(condition, "not"), "varequal", letter(index + 1), respident="response1")
    _add(right, "setvar", "100", action="Set", varname="SCORE")


def manifest() -> bytes:
    root, resources = manifest_root("IMS Content", "1.1.3")
    resource(resources, "quiz", "imsqti_xmlv1p2", ASSESSMENT_FILE)
    return xml_bytes(root)
