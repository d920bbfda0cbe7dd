"""Footer and slide-number placeholders for a template's masters that have none.

An organisation's master without a footer or slide-number placeholder leaves Insert ›
Header & Footer nothing to show, so deckgen's footer and number would be free text
boxes on every slide, and a slide added by hand would have neither. Such a master gets
the missing placeholders where the deck's first footer and number stand, in their size,
and each of its layouts gets a placeholder that inherits them (no box of its own), so
slides fill them as they fill a template's own.
"""

from __future__ import annotations

from lxml.etree import SubElement

from ...layout.frames import Deck, Placeholder, TextBox
from .slots import free_idx, ph_type, placeholder_elements
from .text import SLIDENUM_FIELD_ID
from .units import centipoints
from .xmlns import DML, PML, new_placeholder, write_xfrm

FIRST_IDX = 10  # the indices PowerPoint gives a master's date, footer and number
_KINDS = (
    (Placeholder.FOOTER, "ftr", "Footer"),
    (Placeholder.SLIDE_NUMBER, "sldNum", "Slide Number"),
)


def add_chrome_placeholders(prs, deck: Deck, lang: str) -> None:
    """Each master lacking a footer or slide-number placeholder, and its layouts, given
    one where the deck's first footer (or number) stands."""
    for master in prs.slide_masters:
        tree = master.element.cSld.spTree
        layouts = [layout.element.cSld.spTree for layout in master.slide_layouts]
        for kind, xml_type, label in _KINDS:
            box = first_box(deck, kind)
            if box is None or _has(tree, xml_type):
                continue
            idx = free_idx([tree, *layouts], FIRST_IDX)
            element = _placeholder(tree, xml_type, idx, f"{label} Placeholder {idx}", lang)
            xfrm = SubElement(element.find(f"{PML}spPr"), f"{DML}xfrm")
            write_xfrm(xfrm, box.rect)
            _size(element, box)
            for layout_tree in layouts:
                if not _has(layout_tree, xml_type):
                    _placeholder(layout_tree, xml_type, idx, f"{label} Placeholder {idx}", lang)


def first_box(deck: Deck, kind: Placeholder) -> TextBox | None:
    """The deck's first text box in a placeholder of ``kind`` (its footer, its number)."""
    for frame in deck.slides:
        for item in frame.items:
            if isinstance(item, TextBox) and item.placeholder is kind:
                return item
    return None


def _has(tree, xml_type: str) -> bool:
    return any(ph_type(element) == xml_type for element in placeholder_elements(tree))


def _placeholder(tree, xml_type: str, idx: int, name: str, lang: str):
    """A footer or slide-number placeholder appended to ``tree``: its text empty, or
    the slide-number field."""
    sp, para = new_placeholder(tree, xml_type, idx, name)
    if xml_type == "sldNum":
        field = SubElement(para, f"{DML}fld", id=SLIDENUM_FIELD_ID, type="slidenum")
        SubElement(field, f"{DML}rPr", lang=lang)
        SubElement(field, f"{DML}t").text = "‹#›"
    else:
        SubElement(para, f"{DML}endParaRPr", lang=lang)
    return sp


def _size(element, box: TextBox) -> None:
    """The box's text size and alignment as the placeholder's first level's."""
    if not box.paragraphs:
        return
    first = box.paragraphs[0]
    level = SubElement(element.find(f"{PML}txBody/{DML}lstStyle"), f"{DML}lvl1pPr")
    level.set("algn", {"center": "ctr", "right": "r"}.get(first.align.value, "l"))
    SubElement(level, f"{DML}defRPr", sz=centipoints(first.size))
