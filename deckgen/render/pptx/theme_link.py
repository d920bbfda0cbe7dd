"""A deck on an organisation's template says its hyperlink colour in its theme.

LibreOffice draws a link in the theme's ``hlink`` colour whatever its run says, and
PowerPoint offers the slot to new links; where deckgen made the link colour read on the
template's artwork (``template/drawn.py``), each master's theme takes that colour, so the
deck, its renders and links added by hand agree."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...pptx_private import set_part_blob
from ...safexml import parse

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme_hyperlink(prs, slots) -> None:
    """Each of ``prs``'s masters' theme with its ``hlink`` slot set to ``slots``' (the
    design's theme slots: (name, "RRGGBB"), …), where it says another colour."""
    color = dict(slots or ()).get("hlink")
    if color is None:
        return
    seen = set()
    for master in prs.slide_masters:
        part = master.part.part_related_by(RT.THEME)
        if id(part) in seen:
            continue
        seen.add(id(part))
        root = parse(part.blob)
        slot = root.find(f".//{{{_A}}}clrScheme/{{{_A}}}hlink")
        if slot is None or _said(slot) == color.upper():
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{_A}}}srgbClr", val=color.upper())
        set_part_blob(
            part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        )


def _said(slot) -> str | None:
    """The colour a theme slot names literally (sysClr's lastClr or srgbClr), else None."""
    for child in slot:
        value = child.get("lastClr") or child.get("val")
        if value:
            return value.upper()
    return None
