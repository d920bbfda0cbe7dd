"""Rules, panels and discs."""

from __future__ import annotations

from ...layout.frames import Shape, ShapeKind
from .units import Transform, rgb


def draw_shape(canvas, shape: Shape, to_page: Transform) -> None:
    rect = shape.rect
    x, y, w, h = (
        to_page.x(rect.x),
        to_page.y(rect.bottom),
        to_page.length(rect.w),
        to_page.length(rect.h),
    )
    if shape.fill:
        canvas.setFillColorRGB(*rgb(shape.fill))
    if shape.line:
        canvas.setStrokeColorRGB(*rgb(shape.line))
        canvas.setLineWidth(to_page.size(shape.line_width))
    fill, stroke = int(shape.fill is not None), int(shape.line is not None)
    if shape.kind is ShapeKind.ELLIPSE:
        canvas.ellipse(x, y, x + w, y + h, stroke=stroke, fill=fill)
    elif shape.kind is ShapeKind.ROUND_RECT:
        canvas.roundRect(x, y, w, h, shape.corner * min(w, h), stroke=stroke, fill=fill)
    else:
        canvas.rect(x, y, w, h, stroke=stroke, fill=fill)
