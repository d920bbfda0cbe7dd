"""Plain shapes: rules, panels and discs, flat fills with no outline, shadow or text.

Written as DrawingML directly, element for element what python-pptx's add_shape and its
fill and line setters write (a long deck has thousands of them)."""

from __future__ import annotations

from lxml.etree import SubElement

from ...layout.frames import Shape, ShapeKind
from ...layout.geometry import EMU_PER_PT
from .ink import Ink
from .units import emu

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PRESET = {ShapeKind.RECT: "rect", ShapeKind.ROUND_RECT: "roundRect", ShapeKind.ELLIPSE: "ellipse"}


def add_shape(shapes, shape: Shape, ink: Ink):
    """The shape's ``p:sp`` element, appended to the slide's shape tree."""
    tree = shapes._spTree
    sp = SubElement(tree, _P + "sp")
    nv = SubElement(sp, _P + "nvSpPr")
    SubElement(nv, _P + "cNvPr", id=str(tree.max_shape_id + 1), name=shape.name)
    SubElement(nv, _P + "cNvSpPr")
    SubElement(nv, _P + "nvPr")
    props = SubElement(sp, _P + "spPr")
    xfrm = SubElement(props, _A + "xfrm")
    rect = shape.rect
    SubElement(xfrm, _A + "off", x=str(emu(rect.x)), y=str(emu(rect.y)))
    SubElement(xfrm, _A + "ext", cx=str(emu(rect.w)), cy=str(emu(rect.h)))
    geometry = SubElement(props, _A + "prstGeom", prst=_PRESET[shape.kind])
    adjustments = SubElement(geometry, _A + "avLst")
    if shape.kind is ShapeKind.ROUND_RECT:
        SubElement(adjustments, _A + "gd", name="adj", fmla=f"val {int(shape.corner * 100000)}")
    if shape.fill:
        SubElement(props, _A + "solidFill").append(ink.element(shape.fill))
    else:
        SubElement(props, _A + "noFill")
    line = SubElement(props, _A + "ln")
    if shape.line:
        line.set("w", str(int(shape.line_width * EMU_PER_PT)))  # as python-pptx's Pt()
        SubElement(line, _A + "solidFill").append(ink.element(shape.line))
    else:
        SubElement(line, _A + "noFill")
    body = SubElement(sp, _P + "txBody")
    SubElement(body, _A + "bodyPr", rtlCol="0", anchor="ctr")
    SubElement(body, _A + "lstStyle")
    SubElement(SubElement(body, _A + "p"), _A + "pPr", algn="ctr")
    return sp
