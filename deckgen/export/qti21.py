"""An IMS QTI 2.1 content package: a zip with ``imsmanifest.xml`` (IMS Content Packaging
1.1), one ``assessmentItem`` a quiz and an ``assessmentTest`` that lists them in order.

Each item is a ``choiceInteraction`` (``maxChoices`` 1, or 0 when several options are
right), its ``responseDeclaration`` names the right options' identifiers (A, B …, as on
the slide), and its ``responseProcessing`` holds the rules of the standard
``match_correct`` template written out (SCORE 1 when the response matches, else 0) and
sets FEEDBACK, so the explanation shows as ``modalFeedback`` once the learner answers.
Text keeps its bold, italic, code and links as QTI's XHTML; ``xml:lang`` is the talk's."""

from __future__ import annotations

from lxml import etree

from ..kinds.quiz import letter
from .package import CP, MANIFEST_FILE, XSI, manifest_root, resource, xml_bytes, zipped
from .quiz import QuizItem, QuizSet, html

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEST_FILE = "test.xml"
FEEDBACK_ID = "EXPLANATION"


def package(quizzes: QuizSet, when: tuple[int, ...]) -> bytes:
    """The zip, its entries dated ``when`` (a zip date tuple) so a build repeats."""
    files = {_item_file(item): assessment_item(item) for item in quizzes.items}
    files[TEST_FILE] = assessment_test(quizzes)
    return zipped({MANIFEST_FILE: manifest(quizzes), **files}, when)


def _item_file(item: QuizItem) -> str:
    return f"items/{item.id}.xml"


def _qti(tag: str, parent=None, **attrs) -> etree._Element:
    attrs = {key.rstrip("_"): str(value) for key, value in attrs.items()}
    if parent is None:
        return etree.Element(f"{{{QTI}}}{tag}", attrs, nsmap={None: QTI, "xsi": XSI})
    return etree.SubElement(parent, f"{{{QTI}}}{tag}", attrs)


def _text(element: etree._Element, text: str, item: QuizItem) -> etree._Element:
    """``text`` (inline Markdown) into ``element`` as QTI's XHTML inline elements; the
    element (a body element) names its language where it is not the item's."""
    if item.language_of(text) != item.language:  # a translation's fallback
        element.set(XML_LANG, item.language_of(text))
    wrapper = etree.fromstring(f'<wrap xmlns="{QTI}">{html(text)}</wrap>')
    element.text = wrapper.text
    for child in wrapper:
        element.append(child)
    return element


def assessment_item(item: QuizItem) -> bytes:
    root = _qti(
        "assessmentItem",
        identifier=item.id,
        title=_plain_title(item),
        adaptive="false",
        timeDependent="false",
    )
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set(XML_LANG, item.language)
    cardinality = "multiple" if item.multiple else "single"
    response = _qti(
        "responseDeclaration",
        root,
        identifier="RESPONSE",
        cardinality=cardinality,
        baseType="identifier",
    )
    correct = _qti("correctResponse", response)
    for index in item.correct:
        _qti("value", correct).text = letter(index + 1)
    score = _qti(
        "outcomeDeclaration", root, identifier="SCORE", cardinality="single", baseType="float"
    )
    _qti("value", _qti("defaultValue", score)).text = "0"
    if item.explanation:
        _qti(
            "outcomeDeclaration",
            root,
            identifier="FEEDBACK",
            cardinality="single",
            baseType="identifier",
        )
    body = _qti("itemBody", root)
    choices = _qti(
        "choiceInteraction",
        body,
        responseIdentifier="RESPONSE",
        shuffle="false",
        maxChoices=0 if item.multiple else 1,
    )
    _text(_qti("prompt", choices), item.question, item)
    for index, option in enumerate(item.options):
        _text(_qti("simpleChoice", choices, identifier=letter(index + 1)), option, item)
    _processing(root, bool(item.explanation))
    if item.explanation:
        feedback = _qti(
            "modalFeedback",
            root,
            outcomeIdentifier="FEEDBACK",
            showHide="show",
            identifier=FEEDBACK_ID,
        )
        _text(_qti("p", feedback), item.explanation, item)
    return xml_bytes(root)


def _plain_title(item: QuizItem) -> str:
    from ..inline import plain

    return plain(item.title) or item.id


def _processing(root: etree._Element, feedback: bool) -> None:
    """match_correct's rules (SCORE 1 on a match, else 0), then FEEDBACK set."""
    processing = _qti("responseProcessing", root)
    condition = _qti("responseCondition", processing)
    when = _qti("responseIf", condition)
    match = _qti("match", when)
    _qti("variable", match, identifier="RESPONSE")
    _qti("correct", match, identifier="RESPONSE")
    for branch, value in ((when, "1"), (_qti("responseElse", condition), "0")):
        score = _qti("setOutcomeValue", branch, identifier="SCORE")
        _qti("baseValue", score, baseType="float").text = value
    if feedback:
        shown = _qti("setOutcomeValue", processing, identifier="FEEDBACK")
        _qti("baseValue", shown, baseType="identifier").text = FEEDBACK_ID


def assessment_test(quizzes: QuizSet) -> bytes:
    root = _qti("assessmentTest", identifier="quiz", title=quizzes.title)
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set(XML_LANG, quizzes.language)
    part = _qti(
        "testPart", root, identifier="part", navigationMode="linear", submissionMode="individual"
    )
    section = _qti(
        "assessmentSection", part, identifier="section", title=quizzes.title, visible="true"
    )
    for item in quizzes.items:
        _qti("assessmentItemRef", section, identifier=item.id, href=_item_file(item))
    return xml_bytes(root)


def manifest(quizzes: QuizSet) -> bytes:
    root, resources = manifest_root("QTIv2.1 Package", "1.0.0")
    test = resource(resources, "test", "imsqti_test_xmlv2p1", TEST_FILE)
    for item in quizzes.items:
        etree.SubElement(test, f"{{{CP}}}dependency", identifierref=f"item-{item.id}")
    for item in quizzes.items:
        resource(resources, f"item-{item.id}", "imsqti_item_xmlv2p1", _item_file(item))
    return xml_bytes(root)
