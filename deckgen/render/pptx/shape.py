"""Plain shapes: rules, panels and discs, flat fills with no outline, shadow or text."""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...layout.frames import Shape, ShapeKind
from .ink import Ink
from .units import emu

_KIND = {
    ShapeKind.RECT: MSO_SHAPE.RECTANGLE,
    ShapeKind.ROUND_RECT: MSO_SHAPE.ROUNDED_RECTANGLE,
    ShapeKind.ELLIPSE: MSO_SHAPE.OVAL,
}


def add_shape(shapes, shape: Shape, ink: Ink):
    sp = shapes.add_shape(
        _KIND[shape.kind],
        emu(shape.rect.x),
        emu(shape.rect.y),
        emu(shape.rect.w),
        emu(shape.rect.h),
    )
    sp.name = shape.name
    # drop the theme style reference so no shadow or outline comes from the theme
    style = sp._element.find(qn("p:style"))
    if style is not None:
        sp._element.remove(style)
    if shape.fill:
        sp.fill.solid()
        ink.paint(sp.fill.fore_color, shape.fill)
    else:
        sp.fill.background()
    if shape.line:
        ink.paint(sp.line.color, shape.line)
        sp.line.width = Pt(shape.line_width)
    else:
        sp.line.fill.background()
    if shape.kind is ShapeKind.ROUND_RECT:
        sp.adjustments[0] = shape.corner
    return sp
