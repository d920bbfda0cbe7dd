"""Make python-pptx's default template a 16:9 template in the deck's theme.

The stock template is 4:3 in Calibri with Office colours. A person who adds a
slide to a generated deck should get our font, our colours and placeholders
where they belong, so the master and layouts are rescaled to the slide width
and the theme's colour and font schemes are rewritten.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...layout.frames import Deck

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def prepare_template(prs, deck: Deck) -> None:
    master = prs.slide_master
    _rescale(master.shapes, deck.width)
    for layout in prs.slide_layouts:
        _rescale(layout.shapes, deck.width)
    _rewrite_theme(master.part.part_related_by(RT.THEME), deck, dict(deck.palette))


def _rescale(shapes, width: int) -> None:
    factor = width / 9_144_000  # the stock template is 10 in wide
    for shape in shapes:
        if shape.left is None or shape.width is None:
            continue
        shape.left = int(shape.left * factor)
        shape.width = int(shape.width * factor)


def _rewrite_theme(part, deck: Deck, colors: dict[str, str]) -> None:
    root = etree.fromstring(part.blob)
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
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
