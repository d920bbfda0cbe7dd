"""A template's own slide-number field (a text box on its master or a layout, not a
placeholder: deckgen then writes no number of its own) made to read on what is drawn
under it.

LibreOffice's Midnightblue prints the number in white, 18 pt bold, on a teal disc of its
master (2.4:1). The field is the deck's too: its colour is judged, as deckgen's own text
is, on the worst part of the drawn ground under the digits (``render/pdf/grounds.py``'s
pixels) and, where it does not read, set in the theme's text or background colour that
reads best (dk1/lt1, dk2/lt2), said as a ``contrast`` warning."""

from __future__ import annotations

from lxml import etree

from .. import oxml
from ..errors import Diagnostic, warning
from ..layout.colors import LARGE_RATIO, TEXT_RATIO, contrast
from ..layout.contrast import Grounds, worst_ground
from ..layout.frames import SlideLayout
from ..layout.geometry import EMU_PER_PT, Rect
from .look import shown_shapes

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_FIELDS = etree.XPath('.//a:fld[@type="slidenum"]', namespaces={"a": _A})
DIGITS = 2  # the number's width, in digits, judged (a deck of up to 99 slides)
DEFAULT_SIZE = 18.0  # points: DrawingML's default run size


def readable_number_fields(chosen, grounds: Grounds, inks) -> list[Diagnostic]:
    """Each slide-number field the chosen layouts show in a shape of their own (``chosen``:
    SlideLayout -> layouts.Choice), its run colour set where it does not read on the
    drawn ground under its digits; ``inks``: the theme's dk1, lt1, dk2, lt2."""
    problems: list[Diagnostic] = []
    seen: set[int] = set()
    for kind, choice in chosen.items():
        for _owner, element in shown_shapes(choice.layout):
            for field in _FIELDS(element):
                if id(field) in seen:
                    continue
                seen.add(id(field))
                found = _decided(element, field, kind, grounds, inks)
                if found is not None:
                    problems.append(found)
    return problems


def _decided(shape, field, kind: SlideLayout, grounds: Grounds, inks) -> Diagnostic | None:
    props = field.find(f"{{{_A}}}rPr")
    color = props.find(f"{{{_A}}}solidFill/{{{_A}}}srgbClr") if props is not None else None
    rect = _digits(shape, props)
    if color is None or rect is None:
        return None
    colors = grounds.colors(kind, rect)
    if not colors:
        return None
    size = int(props.get("sz", DEFAULT_SIZE * 100)) / 100
    bold = props.get("b") in ("1", "true")
    need = LARGE_RATIO if size >= 18 or (bold and size >= 14) else TEXT_RATIO
    ink = color.get("val").upper()
    ground = worst_ground(colors, ink)
    ratio = contrast(ink, ground)
    if ratio >= need:
        return None
    best = max(inks, key=lambda other: contrast(other, worst_ground(colors, other)))
    if contrast(best, worst_ground(colors, best)) < need:
        return None
    oxml.set_srgb_color(color, best)
    return warning(
        f"the template's own slide number (a field on its master or layout) in #{ink} "
        f"reads at {ratio:.1f}:1 on the artwork under it (#{ground} at worst): set in the "
        f"theme's #{best} instead",
        hint="give the template's slide number a colour that reads on its artwork",
        topic="contrast",
    )


def _digits(shape, props) -> Rect | None:
    """Where the number's digits stand in its shape: ``DIGITS`` digits of its size,
    placed by the shape's alignment and anchor (its box, where they are unknown)."""
    xfrm = shape.find(f".//{{{_A}}}xfrm")
    if xfrm is None or xfrm.find(f"{{{_A}}}off") is None or xfrm.find(f"{{{_A}}}ext") is None:
        return None
    off, ext = xfrm.find(f"{{{_A}}}off"), xfrm.find(f"{{{_A}}}ext")
    box = Rect(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    size = int(props.get("sz", DEFAULT_SIZE * 100)) / 100 * EMU_PER_PT
    width, height = min(round(size * 0.6 * DIGITS), box.w), min(round(size * 1.2), box.h)
    para = shape.find(f".//{{{_A}}}p/{{{_A}}}pPr")
    body = shape.find(f".//{{{_A}}}bodyPr")
    align = para.get("algn", "l") if para is not None else "l"
    anchor = body.get("anchor", "t") if body is not None else "t"
    x = {"ctr": box.x + (box.w - width) // 2, "r": box.right - width}.get(align, box.x)
    y = {"ctr": box.y + (box.h - height) // 2, "b": box.bottom - height}.get(anchor, box.y)
    return Rect(x, y, width, height)
