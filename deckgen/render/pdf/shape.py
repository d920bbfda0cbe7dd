"""Rules, panels and discs."""

from __future__ import annotations

from ...layout.frames import Shape, ShapeKind
from .units import Transform, rgb


def draw_shape(c, shape: Shape, t: Transform) -> None:
    r = shape.rect
    x, y, w, h = t.x(r.x), t.y(r.bottom), t.length(r.w), t.length(r.h)
    if shape.fill:
        c.setFillColorRGB(*rgb(shape.fill))
    if shape.line:
        c.setStrokeColorRGB(*rgb(shape.line))
        c.setLineWidth(t.size(shape.line_width))
    fill, stroke = int(shape.fill is not None), int(shape.line is not None)
    if shape.kind is ShapeKind.ELLIPSE:
        c.ellipse(x, y, x + w, y + h, stroke=stroke, fill=fill)
    elif shape.kind is ShapeKind.ROUND_RECT:
        c.roundRect(x, y, w, h, shape.corner * min(w, h), stroke=stroke, fill=fill)
    else:
        c.rect(x, y, w, h, stroke=stroke, fill=fill)
