"""Plain shapes: rules, panels and discs, flat fills with no outline, shadow or text.

Written as DrawingML directly, element for element what python-pptx's add_shape and its
fill and line setters write (a long deck has thousands of them)."""

from __future__ import annotations

from lxml.etree import SubElement

from ...layout.frames import Shape, ShapeKind
from ...layout.geometry import EMU_PER_PT
from .ink import Ink
from .xmlns import DML, PML, new_sp

_PRESET = {ShapeKind.RECT: "rect", ShapeKind.ROUND_RECT: "roundRect", ShapeKind.ELLIPSE: "ellipse"}


def add_shape(shapes, shape: Shape, ink: Ink):
    """The shape's ``p:sp`` element, appended to the slide's shape tree."""
    sp, props = new_sp(shapes.element, shape.name, shape.rect)
    geometry = SubElement(props, DML + "prstGeom", prst=_PRESET[shape.kind])
    adjustments = SubElement(geometry, DML + "avLst")
    if shape.kind is ShapeKind.ROUND_RECT:
        SubElement(adjustments, DML + "gd", name="adj", fmla=f"val {int(shape.corner * 100000)}")
    if shape.fill:
        solid = ink.put(SubElement(props, DML + "solidFill"), shape.fill)
        if shape.opacity < 1:  # DrawingML's alpha: thousandths of a percent
            SubElement(solid[0], DML + "alpha", val=str(round(shape.opacity * 100_000)))
    else:
        SubElement(props, DML + "noFill")
    line = SubElement(props, DML + "ln")
    if shape.line:
        line.set("w", str(int(shape.line_width * EMU_PER_PT)))  # as python-pptx's Pt()
        ink.put(SubElement(line, DML + "solidFill"), shape.line)
    else:
        SubElement(line, DML + "noFill")
    body = SubElement(sp, PML + "txBody")
    SubElement(body, DML + "bodyPr", rtlCol="0", anchor="ctr")
    SubElement(body, DML + "lstStyle")
    SubElement(SubElement(body, DML + "p"), DML + "pPr", algn="ctr")
    return sp
