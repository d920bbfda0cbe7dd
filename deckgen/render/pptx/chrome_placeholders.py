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
from .text import SLIDENUM_FIELD_ID
from .units import centipoints
from .xmlns import DML, PML, write_xfrm

FIRST_IDX = 10  # the indices PowerPoint gives a master's date, footer and number
_KINDS = (
    (Placeholder.FOOTER, "ftr", "Footer"),
    (Placeholder.SLIDE_NUMBER, "sldNum", "Slide Number"),
)


def add_chrome_placeholders(prs, deck: Deck, lang: str) -> None:
    """Each master lacking a footer or slide-number placeholder, and its layouts, given
    one where the deck's first footer (or number) stands."""
    boxes = _first_boxes(deck)
    for master in prs.slide_masters:
        tree = master._element.cSld.spTree
        for kind, ph_type, label in _KINDS:
            box = boxes.get(kind)
            if box is None or _has(tree, ph_type):
                continue
            idx = str(_free_idx(master))
            element = _placeholder(tree, ph_type, idx, f"{label} Placeholder {idx}", lang)
            xfrm = SubElement(element.find(f"{PML}spPr"), f"{DML}xfrm")
            write_xfrm(xfrm, box.rect)
            _size(element, box)
            for layout in master.slide_layouts:
                layout_tree = layout._element.cSld.spTree
                if not _has(layout_tree, ph_type):
                    _placeholder(layout_tree, ph_type, idx, f"{label} Placeholder {idx}", lang)


def _first_boxes(deck: Deck) -> dict:
    found = {}
    for frame in deck.slides:
        for item in frame.items:
            if isinstance(item, TextBox) and item.placeholder in (
                Placeholder.FOOTER,
                Placeholder.SLIDE_NUMBER,
            ):
                found.setdefault(item.placeholder, item)
    return found


def _phs(tree) -> list:
    return [ph for child in tree if (ph := child.find(f"*/{PML}nvPr/{PML}ph")) is not None]


def _has(tree, ph_type: str) -> bool:
    return any(ph.get("type") == ph_type for ph in _phs(tree))


def _free_idx(master) -> int:
    """An idx no placeholder of the master or its layouts has."""
    trees = [master._element.cSld.spTree, *(lt._element.cSld.spTree for lt in master.slide_layouts)]
    taken = {int(ph.get("idx", "0")) for tree in trees for ph in _phs(tree)}
    return next(n for n in range(FIRST_IDX, FIRST_IDX + len(taken) + 2) if n not in taken)


def _placeholder(tree, ph_type: str, idx: str, name: str, lang: str):
    """A footer or slide-number placeholder appended to ``tree`` (as PowerPoint writes
    them: no grouping, its text empty or the slide-number field)."""
    ids = [int(e.get("id")) for e in tree.iter(f"{PML}cNvPr")]
    sp = SubElement(tree, f"{PML}sp")
    nv = SubElement(sp, f"{PML}nvSpPr")
    SubElement(nv, f"{PML}cNvPr", id=str(max(ids, default=1) + 1), name=name)
    SubElement(SubElement(nv, f"{PML}cNvSpPr"), f"{DML}spLocks", noGrp="1")
    SubElement(SubElement(nv, f"{PML}nvPr"), f"{PML}ph", type=ph_type, sz="quarter", idx=idx)
    SubElement(sp, f"{PML}spPr")
    body = SubElement(sp, f"{PML}txBody")
    SubElement(body, f"{DML}bodyPr")
    SubElement(body, f"{DML}lstStyle")
    para = SubElement(body, f"{DML}p")
    if ph_type == "sldNum":
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
