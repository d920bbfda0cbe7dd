"""Make python-pptx's default template a 16:9 template in the deck's own design.

The stock template is 4:3, in Calibri, with Office colours and centred titles.
A person who adds or resets a slide in a generated deck should get our grid,
font, colours and type scale, so:

- shapes with their own position on the master and the layouts are rescaled to
  the slide width once (placeholders that inherit their position are left to
  inherit, never given one of their own);
- the master's title and body placeholders take the deck's title and body boxes,
  so every layout that inherits them matches the generated slides;
- the master's text styles get the type scale (titles 36 pt bold, left-aligned,
  bottom-anchored, in the primary colour; body 26/22 pt);
- the theme's colour and font schemes are rewritten;
- the notes master shows a 16:9 slide image.
"""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ...layout.design import TypeScale
from ...layout.frames import Deck
from ...pptx_private import set_part_blob
from ...safexml import parse
from .units import centipoints, emu

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
STOCK_WIDTH = 9_144_000  # the stock template is 10 in wide


def prepare_template(prs, deck: Deck) -> None:
    master = prs.slide_master
    factor = deck.width / STOCK_WIDTH
    _rescale(master.shapes, factor)
    for layout in prs.slide_layouts:
        _rescale(layout.shapes, factor)
    design = deck.design
    boxes = {
        PP_PLACEHOLDER.TITLE: design.grid.title_box,
        PP_PLACEHOLDER.BODY: design.grid.body_box,
        PP_PLACEHOLDER.FOOTER: design.footer_box(has_logo=False),
        PP_PLACEHOLDER.SLIDE_NUMBER: design.number_box(),
    }
    for shape in master.placeholders:
        box = boxes.get(shape.placeholder_format.type)
        if box is not None:
            shape.left, shape.top = emu(box.x), emu(box.y)
            shape.width, shape.height = emu(box.w), emu(box.h)
    _text_styles(master, deck.design.scale)
    sld_sz = prs.element.find(qn("p:sldSz"))
    if sld_sz is not None and "type" in sld_sz.attrib:
        del sld_sz.attrib["type"]  # it said "screen4x3"
    _notes_master(prs, deck)
    _rewrite_theme(master.part.part_related_by(RT.THEME), deck, dict(deck.design.palette.slots()))


def _rescale(shapes, factor: float) -> None:
    for shape in shapes:
        if not shape.element.xpath("./p:spPr/a:xfrm"):
            continue  # inherits its position: leave it to inherit
        shape.left = int(shape.left * factor)
        shape.width = int(shape.width * factor)


def _text_styles(master, scale: TypeScale) -> None:
    styles = master.element.find(qn("p:txStyles"))
    if styles is None:
        return
    title = styles.find(qn("p:titleStyle") + "/" + qn("a:lvl1pPr"))
    if title is not None:
        title.set("algn", "l")
        rpr = title.find(qn("a:defRPr"))
        if rpr is not None:
            rpr.set("sz", centipoints(scale.title))
            rpr.set("b", "1")
            fill = rpr.find(qn("a:solidFill") + "/" + qn("a:schemeClr"))
            if fill is not None:
                fill.set("val", "tx2")  # the theme's dk2: the deck's primary colour
    levels = (("a:lvl1pPr", scale.body), ("a:lvl2pPr", scale.sub_body), ("a:lvl3pPr", scale.level3))
    for level, size in levels:
        ppr = styles.find(qn("p:bodyStyle") + "/" + qn(level))
        rpr = ppr.find(qn("a:defRPr")) if ppr is not None else None
        if rpr is not None:
            rpr.set("sz", centipoints(size))
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        body_pr = shape.element.find(qn("p:txBody") + "/" + qn("a:bodyPr"))
        if body_pr is None or kind not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY):
            continue
        for inset in ("lIns", "tIns", "rIns", "bIns"):
            body_pr.set(inset, "0")  # text starts on the grid line, as on generated slides
        if kind == PP_PLACEHOLDER.TITLE:
            body_pr.set("anchor", "b")


def _notes_master(prs, deck: Deck) -> None:
    """A 16:9 slide image on the notes page, and the notes below it."""
    page = deck.design.notes_page
    boxes = {PP_PLACEHOLDER.SLIDE_IMAGE: page.slide_image, PP_PLACEHOLDER.BODY: page.notes}
    for shape in prs.notes_master.placeholders:
        box = boxes.get(shape.placeholder_format.type)
        if box is not None:
            shape.left, shape.top = emu(box.x), emu(box.y)
            shape.width, shape.height = emu(box.w), emu(box.h)


def _rewrite_theme(part, deck: Deck, colors: dict[str, str]) -> None:
    root = parse(part.blob)
    root.set("name", "deckgen")
    ns = {"a": _A}
    for tag in ("majorFont", "minorFont"):
        latin = root.find(f".//a:fontScheme/a:{tag}/a:latin", ns)
        if latin is not None:
            latin.set("typeface", deck.font)
    scheme = root.find(".//a:clrScheme", ns)
    if scheme is not None:
        scheme.set("name", "deckgen")
        for name, value in colors.items():
            slot = scheme.find(f"a:{name}", ns)
            if slot is None:
                continue
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{_A}}}srgbClr", val=value)
    set_part_blob(
        part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


def fit_notes_slide_image(prs) -> None:
    """The notes page's picture of the slide in the slide's own proportions, inside the
    box the notes master gives it (python-pptx's stand-in notes master is 4:3)."""
    for shape in prs.notes_master.placeholders:
        if shape.placeholder_format.type != PP_PLACEHOLDER.SLIDE_IMAGE:
            continue
        box_w, box_h = shape.width, shape.height
        ratio = prs.slide_width / prs.slide_height
        width, height = (
            (box_w, round(box_w / ratio))
            if box_w / box_h < ratio
            else (
                round(box_h * ratio),
                box_h,
            )
        )
        shape.left, shape.top = shape.left + (box_w - width) // 2, shape.top + (box_h - height) // 2
        shape.width, shape.height = width, height
