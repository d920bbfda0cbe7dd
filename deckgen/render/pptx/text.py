"""Text boxes and placeholders: paragraphs with exact spacing, bullets and runs."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement

from ...layout.frames import Align, Anchor, Paragraph, Role, TextBox
from .ink import Ink
from .units import centipoints, emu, points

_ALIGN = {Align.LEFT: PP_ALIGN.LEFT, Align.CENTER: PP_ALIGN.CENTER, Align.RIGHT: PP_ALIGN.RIGHT}
_ANCHOR = {
    Anchor.TOP: MSO_ANCHOR.TOP,
    Anchor.MIDDLE: MSO_ANCHOR.MIDDLE,
    Anchor.BOTTOM: MSO_ANCHOR.BOTTOM,
}
# A fixed GUID: the slide-number field needs one, and builds must be reproducible.
SLIDENUM_FIELD_ID = "{3F5A8C1E-2B7D-4E6A-9C10-5D2E8F4B7A61}"


def fill_text_frame(text_frame, box: TextBox, ink: Ink) -> None:
    """Write ``box``'s paragraphs into a text frame (of a shape, placeholder or cell)."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.vertical_anchor = _ANCHOR[box.anchor]
    ins = box.insets
    text_frame.margin_left = emu(ins.left)
    text_frame.margin_top = emu(ins.top)
    text_frame.margin_right = emu(ins.right)
    text_frame.margin_bottom = emu(ins.bottom)
    font = ink.heading_font if box.role is Role.TITLE else ink.body_font
    write_paragraphs(text_frame, box.paragraphs, font, ink, box.field)


def write_paragraphs(text_frame, paragraphs, font: str, ink: Ink, field: str | None = None):
    """Paragraphs as runs in ``font`` (a theme font reference) and theme colours."""
    text_frame.clear()
    for i, para in enumerate(paragraphs):
        paragraph = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        _paragraph_properties(paragraph, para, ink)
        if field == "slidenum":
            _slide_number_field(paragraph, para, font, ink)
            continue
        for run in para.runs:
            run_el = paragraph.add_run()
            run_el.text = run.text
            font_props = run_el.font
            font_props.name = font
            font_props.size = points(para.size)
            font_props.bold = run.bold
            font_props.italic = run.italic
            ink.paint(font_props.color, run.color or para.color)
            rPr = run_el._r.get_or_add_rPr()
            rPr.set("lang", ink.lang)
            rPr.set("cap", "none")  # some stock layouts set their titles in capitals
    if not paragraphs:
        paragraph = text_frame.paragraphs[0]
        paragraph._p.get_or_add_pPr().append(OxmlElement("a:buNone"))


def _paragraph_properties(paragraph, para: Paragraph, ink: Ink) -> None:
    paragraph.alignment = _ALIGN[para.align]
    paragraph.level = para.level
    pPr = paragraph._p.get_or_add_pPr()
    pPr.set("marL", str(int(para.margin_left)))
    pPr.set("indent", str(-int(para.hanging)))
    # children in schema order: lnSpc, spcBef, spcAft, buClr, buSzPct, buFont, buChar|buNone
    ln = OxmlElement("a:lnSpc")
    ln_pts = OxmlElement("a:spcPts")
    ln_pts.set("val", centipoints(para.line_pitch))
    ln.append(ln_pts)
    pPr.append(ln)
    before = OxmlElement("a:spcBef")
    before_pts = OxmlElement("a:spcPts")
    before_pts.set("val", centipoints(para.space_before))
    before.append(before_pts)
    pPr.append(before)
    after = OxmlElement("a:spcAft")
    after_pts = OxmlElement("a:spcPts")
    after_pts.set("val", "0")
    after.append(after_pts)
    pPr.append(after)
    if para.bullet:
        clr = OxmlElement("a:buClr")
        clr.append(ink.element(para.bullet_color or para.color))
        pPr.append(clr)
        size = OxmlElement("a:buSzPct")
        size.set("val", "100000")
        pPr.append(size)
        bu_font = OxmlElement("a:buFont")
        bu_font.set("typeface", "Arial")
        pPr.append(bu_font)
        char = OxmlElement("a:buChar")
        char.set("char", para.bullet)
        pPr.append(char)
    else:
        pPr.append(OxmlElement("a:buNone"))


def _slide_number_field(paragraph, para: Paragraph, font: str, ink: Ink) -> None:
    fld = OxmlElement("a:fld")
    fld.set("id", SLIDENUM_FIELD_ID)
    fld.set("type", "slidenum")
    rPr = OxmlElement("a:rPr")
    rPr.set("lang", ink.lang)
    rPr.set("sz", str(int(round(para.size * 100))))
    fill = OxmlElement("a:solidFill")
    fill.append(ink.element(para.color))
    rPr.append(fill)
    latin = OxmlElement("a:latin")
    latin.set("typeface", font)
    rPr.append(latin)
    fld.append(rPr)
    text_el = OxmlElement("a:t")
    text_el.text = para.text
    fld.append(text_el)
    end = paragraph._p.find(qn("a:endParaRPr"))
    if end is not None:
        end.addprevious(fld)
    else:
        paragraph._p.append(fld)


def add_text_box(shapes, box: TextBox, ink: Ink):
    shape = shapes.add_textbox(emu(box.rect.x), emu(box.rect.y), emu(box.rect.w), emu(box.rect.h))
    shape.name = box.name
    if box.fill:
        shape.fill.solid()
        ink.paint(shape.fill.fore_color, box.fill)
    fill_text_frame(shape.text_frame, box, ink)
    return shape


def fill_placeholder(placeholder, box: TextBox, ink: Ink):
    placeholder.left, placeholder.top = emu(box.rect.x), emu(box.rect.y)
    placeholder.width, placeholder.height = emu(box.rect.w), emu(box.rect.h)
    placeholder.name = box.name
    fill_text_frame(placeholder.text_frame, box, ink)
    return placeholder
