"""The parts of IMS QTI 2.1 and IMS Content Packaging 1.1 that deckgen's quiz export
writes, as read from the specifications (QTI 2.1 Final, the Information Model and its
XSD binding imsqti_v2p1.xsd; IMS CP 1.1.4's imscp_v1p1.xsd): each element's namespace,
required attributes, attribute values, and the order its children may come in.

IMS's XSDs are not in any package registry this project can install from (searched: PyPI
and npm, QTI and content-packaging packages; none vendors imsqti_v2p1.xsd or
imscp_v1p1.xsd), so the tests hold the package to this careful reading instead."""

from __future__ import annotations

import re

from lxml import etree

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# QTI 2.1 identifier.Type: an NCName (xsd:NCName, no colon, not starting with a digit)
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")

# element: (required attributes, the children's order as a regular expression of names)
QTI_ELEMENTS: dict[str, tuple[set[str], str]] = {
    "assessmentItem": (
        {"identifier", "title", "adaptive", "timeDependent"},
        r"(responseDeclaration )*(outcomeDeclaration )*(templateDeclaration )*"
        r"(templateProcessing )?(stylesheet )*(itemBody )?(responseProcessing )?"
        r"(modalFeedback )*",
    ),
    "responseDeclaration": (
        {"identifier", "cardinality"},
        r"(defaultValue )?(correctResponse )?(mapping )?(areaMapping )?",
    ),
    "outcomeDeclaration": ({"identifier", "cardinality"}, r"(defaultValue )?"),
    "correctResponse": (set(), r"(value )+"),
    "value": (set(), r""),
    "itemBody": (set(), r"(choiceInteraction )+"),  # the only block deckgen writes
    "defaultValue": (set(), r"(value )+"),
    "choiceInteraction": (
        {"responseIdentifier", "shuffle", "maxChoices"},
        r"(prompt )?(simpleChoice )+",
    ),
    "simpleChoice": ({"identifier"}, r"((strong|em|code|a|br) )*"),
    "prompt": (set(), r"((strong|em|code|a|br) )*"),  # inlineStatic only in 2.1
    "modalFeedback": ({"outcomeIdentifier", "showHide", "identifier"}, r"(p )*"),
    "p": (set(), r"((strong|em|code|a|br) )*"),
    "a": ({"href"}, r"((strong|em|code|br) )*"),  # a holds no a
    "strong": (set(), r"((strong|em|code|a|br) )*"),
    "em": (set(), r"((strong|em|code|a|br) )*"),
    "code": (set(), r"((strong|em|a|br) )*"),
    "br": (set(), r""),
    "responseProcessing": (set(), r"((responseCondition|setOutcomeValue) )*"),
    "responseCondition": (set(), r"responseIf (responseElseIf )*(responseElse )?"),
    "responseIf": (set(), r"(match|and|or|not|isNull) ((setOutcomeValue|responseCondition) )*"),
    "responseElse": (set(), r"((setOutcomeValue|responseCondition) )*"),
    "match": (set(), r"(variable|correct|baseValue) (variable|correct|baseValue) "),
    "setOutcomeValue": ({"identifier"}, r"(baseValue|variable) "),
    "baseValue": ({"baseType"}, r""),
    "variable": ({"identifier"}, r""),
    "correct": ({"identifier"}, r""),
    "assessmentTest": (
        {"identifier", "title"},
        r"(outcomeDeclaration )*(timeLimits )?(testPart )+",
    ),
    "testPart": (
        {"identifier", "navigationMode", "submissionMode"},
        r"(preCondition )*(branchRule )*(itemSessionControl )?(timeLimits )?(assessmentSection )+",
    ),
    "assessmentSection": (
        {"identifier", "title", "visible"},
        r"(preCondition )*(branchRule )*(itemSessionControl )?(timeLimits )?(selection )?"
        r"(ordering )?(rubricBlock )*((assessmentItemRef|assessmentSection) )*",
    ),
    "assessmentItemRef": ({"identifier", "href"}, r""),
}
CP_ELEMENTS: dict[str, tuple[set[str], str]] = {
    "manifest": ({"identifier"}, r"(metadata )?organizations resources (manifest )*"),
    "metadata": (set(), r"(schema )?(schemaversion )?"),
    "schema": (set(), r""),
    "schemaversion": (set(), r""),
    "organizations": (set(), r"(organization )*"),
    "resources": (set(), r"(resource )*"),
    "resource": ({"identifier", "type"}, r"(metadata )?(file )*(dependency )*"),
    "file": ({"href"}, r""),
    "dependency": ({"identifierref"}, r""),
}
VALUES = {  # attribute: the values the spec allows
    "cardinality": {"single", "multiple", "ordered", "record"},
    "baseType": {"identifier", "boolean", "integer", "float", "string", "point", "pair"},
    "showHide": {"show", "hide"},
    "navigationMode": {"linear", "nonlinear"},
    "submissionMode": {"individual", "simultaneous"},
    "adaptive": {"true", "false"},
    "timeDependent": {"true", "false"},
    "shuffle": {"true", "false"},
    "visible": {"true", "false"},
}
# IMS QTI 1.2 (ASI XML binding, ims_qtiasiv1p2 DTD): no namespace; the order deckgen uses
TEXT = r"(qticomment )?"
QTI12_ELEMENTS: dict[str, tuple[set[str], str]] = {
    "questestinterop": (set(), TEXT + r"((objectbank|assessment|section|item) )+"),
    "assessment": ({"ident"}, TEXT + r"(duration )?(qtimetadata )*(section )+"),
    "section": ({"ident"}, TEXT + r"(duration )?(qtimetadata )*((item|section) )*"),
    "item": (
        {"ident"},
        TEXT + r"(duration )?(itemmetadata )?(presentation )?(resprocessing )*(itemfeedback )*",
    ),
    "itemmetadata": (set(), r"(qtimetadata )*"),
    "qtimetadata": (set(), r"(vocabulary )?(qtimetadatafield )+"),
    "qtimetadatafield": (set(), r"fieldlabel fieldentry "),
    "fieldlabel": (set(), r""),
    "fieldentry": (set(), r""),
    "presentation": (set(), TEXT + r"((material|response_lid|flow) )+"),
    "material": (set(), TEXT + r"((mattext|matemtext|matimage) )+(altmaterial )*"),
    "mattext": (set(), r""),  # its HTML is text: "text/html" in escaped markup
    "response_lid": ({"ident"}, r"(material )?render_choice (material )?"),
    "render_choice": (set(), r"((material|response_label|flow_label) )*(response_na )?"),
    "response_label": ({"ident"}, r"((qticomment|material|flow_mat) )*"),
    "resprocessing": (set(), TEXT + r"outcomes (respcondition )+"),
    "outcomes": (set(), TEXT + r"(decvar (interpretvar )*)+"),
    "decvar": (set(), r""),
    "respcondition": (set(), TEXT + r"conditionvar (setvar )*(displayfeedback )*"),
    "conditionvar": (set(), r"((not|and|or|other|varequal) )+"),
    "and": (set(), r"((not|and|or|varequal) )+"),
    "not": (set(), r"(not|and|or|varequal) "),
    "other": (set(), r""),
    "varequal": ({"respident"}, r""),
    "setvar": (set(), r""),
    "displayfeedback": ({"linkrefid"}, r""),
    "itemfeedback": ({"ident"}, r"((flow_mat|material|solution|hint) )+"),
    "flow_mat": (set(), TEXT + r"((flow_mat|material) )+"),
}
QTI12_VALUES = {
    "rcardinality": {"Single", "Multiple", "Ordered"},
    "shuffle": {"Yes", "No"},
    "continue": {"Yes", "No"},
    "action": {"Set", "Add", "Subtract", "Multiply", "Divide"},
    "vartype": {"Integer", "String", "Decimal", "Scientific", "Boolean", "Enumerated", "Set"},
    "feedbacktype": {"Response", "Solution", "Hint"},
    "texttype": {"text/plain", "text/html", "text/rtf"},
}
IDENTIFIER_ATTRIBUTES = {
    "identifier",
    "responseIdentifier",
    "outcomeIdentifier",
    "identifierref",
}


def problems(root, namespace: str) -> list[str]:
    """What in the tree under ``root`` the reading above does not allow (namespace "":
    QTI 1.2)."""
    table = {QTI: QTI_ELEMENTS, CP: CP_ELEMENTS, "": QTI12_ELEMENTS}[namespace]
    values = QTI12_VALUES if namespace == "" else VALUES
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        space, _, name = (
            element.tag[1:].partition("}") if "}" in element.tag else ("", "", element.tag)
        )
        if space != namespace or name not in table:
            found.append(f"{element.tag}: not an element of {namespace} deckgen should write")
            continue
        required, order = table[name]
        found += [f"{name}: no {attr}" for attr in sorted(required - set(element.attrib))]
        children = "".join(etree.QName(child).localname + " " for child in element)
        if not re.fullmatch(order, children):
            found.append(f"{name}: children {children!r} are not {order!r}")
        for attr, value in element.attrib.items():
            if attr in values and value not in values[attr]:
                found.append(f"{name}@{attr}={value!r}")
            if attr in IDENTIFIER_ATTRIBUTES and not NCNAME.match(value):
                found.append(f"{name}@{attr}={value!r} is not an identifier")
    return found
