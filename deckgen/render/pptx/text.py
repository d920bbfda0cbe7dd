"""Text boxes and placeholders: paragraphs with exact spacing, bullets and runs."""

from __future__ import annotations

from lxml.etree import SubElement
from pptx.oxml.text import CT_RegularTextRun

from ...layout.frames import Align, Anchor, Paragraph, Role, TextBox
from .ink import Ink
from .units import centipoints, emu
from .xmlns import DML, PML, new_sp, write_xfrm

# A fixed GUID: the slide-number field needs one, and builds must be reproducible.
SLIDENUM_FIELD_ID = "{3F5A8C1E-2B7D-4E6A-9C10-5D2E8F4B7A61}"


_AUTOFIT = tuple(DML + tag for tag in ("noAutofit", "normAutofit", "spAutoFit"))
_ANCHORS = {Anchor.TOP: "t", Anchor.MIDDLE: "ctr", Anchor.BOTTOM: "b"}


def fill_text_frame(body, box: TextBox, ink: Ink) -> None:
    """Write ``box``'s paragraphs into a text body (``p:txBody`` of a shape or
    placeholder): wrapped, never auto-fitted, anchored, with the box's insets."""
    body_pr = body.find(DML + "bodyPr")
    body_pr.set("wrap", "square")
    for old in [child for child in body_pr if child.tag in _AUTOFIT]:
        body_pr.remove(old)
    body_pr.insert(0, body_pr.makeelement(DML + "noAutofit", {}))
    body_pr.set("anchor", _ANCHORS[box.anchor])
    ins = box.insets
    for name, value in (
        ("lIns", ins.left),
        ("tIns", ins.top),
        ("rIns", ins.right),
        ("bIns", ins.bottom),
    ):
        body_pr.set(name, str(emu(value)))
    font = ink.heading_font if box.role is Role.TITLE else ink.body_font
    write_paragraphs(body, box.paragraphs, font, ink, box.field)


_P, _PPR, _R, _RPR, _T = (DML + tag for tag in ("p", "pPr", "r", "rPr", "t"))
_FILL, _LATIN, _SPC = DML + "solidFill", DML + "latin", DML + "spcPts"
_ALGN = {Align.LEFT: "l", Align.CENTER: "ctr", Align.RIGHT: "r"}


def write_paragraphs(body, paragraphs, font: str, ink: Ink, field: str | None = None):
    """Paragraphs into a text body element as runs in ``font`` (a theme font reference)
    and theme colours, written as DrawingML in one pass (python-pptx's run-by-run
    properties cost a look-up each)."""
    for old in body.findall(_P):
        body.remove(old)
    for para in paragraphs:
        paragraph = SubElement(body, _P)
        _paragraph_properties(paragraph, para, ink)
        if field == "slidenum":
            _slide_number_field(paragraph, para, font, ink)
            continue
        size, lang = centipoints(para.size), ink.lang
        for run in para.runs:
            element = SubElement(paragraph, _R)
            rpr = SubElement(element, _RPR)
            rpr.set("sz", size)
            rpr.set("b", "1" if run.bold else "0")
            rpr.set("i", "1" if run.italic else "0")
            rpr.set("lang", lang)
            rpr.set("cap", "none")  # some stock layouts set their titles in capitals
            SubElement(rpr, _FILL).append(ink.element(run.color or para.color))
            SubElement(rpr, _LATIN).set("typeface", font)
            SubElement(element, _T).text = CT_RegularTextRun._escape_ctrl_chars(run.text)
    if not paragraphs:
        SubElement(SubElement(SubElement(body, _P), _PPR), DML + "buNone")


def _paragraph_properties(paragraph, para: Paragraph, ink: Ink) -> None:
    ppr = SubElement(paragraph, _PPR)
    ppr.set("algn", _ALGN[para.align])
    if para.level:
        ppr.set("lvl", str(para.level))
    ppr.set("marL", str(int(para.margin_left)))
    ppr.set("indent", str(-int(para.hanging)))
    # children in schema order: lnSpc, spcBef, spcAft, buClr, buSzPct, buFont, buChar|buNone
    for tag, value in (
        ("lnSpc", para.line_pitch),
        ("spcBef", para.space_before),
        ("spcAft", 0),
    ):
        SubElement(SubElement(ppr, DML + tag), _SPC).set("val", centipoints(value))
    if para.bullet:
        SubElement(ppr, DML + "buClr").append(ink.element(para.bullet_color or para.color))
        SubElement(ppr, DML + "buSzPct").set("val", "100000")
        SubElement(ppr, DML + "buFont").set("typeface", "Arial")
        SubElement(ppr, DML + "buChar").set("char", para.bullet)
    else:
        SubElement(ppr, DML + "buNone")


def _slide_number_field(paragraph, para: Paragraph, font: str, ink: Ink) -> None:
    fld = SubElement(paragraph, DML + "fld")
    fld.set("id", SLIDENUM_FIELD_ID)
    fld.set("type", "slidenum")
    rpr = SubElement(fld, _RPR)
    rpr.set("lang", ink.lang)
    rpr.set("sz", str(int(round(para.size * 100))))
    SubElement(rpr, _FILL).append(ink.element(para.color))
    SubElement(rpr, _LATIN).set("typeface", font)
    SubElement(fld, _T).text = para.text


def add_text_box(shapes, box: TextBox, ink: Ink):
    """A text box's ``p:sp`` element, appended to the slide's shape tree: element for
    element what python-pptx's add_textbox writes, then ``box`` in it."""
    sp, props = new_sp(shapes._spTree, box.name, box.rect, txBox="1")
    SubElement(SubElement(props, DML + "prstGeom", prst="rect"), DML + "avLst")
    if box.fill:
        SubElement(props, DML + "solidFill").append(ink.element(box.fill))
    else:
        SubElement(props, DML + "noFill")
    body = SubElement(sp, PML + "txBody")
    SubElement(body, DML + "bodyPr", wrap="none")
    SubElement(body, DML + "lstStyle")
    fill_text_frame(body, box, ink)
    return sp


def fill_placeholder(element, box: TextBox, ink: Ink):
    """``box`` in a slide placeholder (its element): its own position (never the
    layout's, which placeholders that share an idx would mix up), its name and text."""
    sp_pr = element.find(PML + "spPr")
    xfrm = sp_pr.find(DML + "xfrm")
    if xfrm is None:
        xfrm = sp_pr.makeelement(DML + "xfrm", {})
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    write_xfrm(xfrm, box.rect)
    element.find(f"{PML}nvSpPr/{PML}cNvPr").set("name", box.name)
    fill_text_frame(element.get_or_add_txBody(), box, ink)
    return element
