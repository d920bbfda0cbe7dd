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
    if shape.kind is ShapeKind.PATH:
        _draw_path(canvas, shape.path, to_page, stroke, fill)
    elif shape.kind is ShapeKind.ELLIPSE:
        canvas.ellipse(x, y, x + w, y + h, stroke=stroke, fill=fill)
    elif shape.kind is ShapeKind.ROUND_RECT:
        canvas.roundRect(x, y, w, h, shape.corner * min(w, h), stroke=stroke, fill=fill)
    else:
        canvas.rect(x, y, w, h, stroke=stroke, fill=fill)


def outline(canvas, shape: Shape, to_page: Transform):
    """A shape's outline as a reportlab path on the page (to clip a fill to)."""
    if shape.kind is ShapeKind.PATH:
        return _path(canvas, shape.path, to_page)
    rect = shape.rect
    x, y = to_page.x(rect.x), to_page.y(rect.bottom)
    w, h = to_page.length(rect.w), to_page.length(rect.h)
    path = canvas.beginPath()
    if shape.kind is ShapeKind.ELLIPSE:
        path.ellipse(x, y, w, h)
    elif shape.kind is ShapeKind.ROUND_RECT:
        path.roundRect(x, y, w, h, shape.corner * min(w, h))
    else:
        path.rect(x, y, w, h)
    return path


def _draw_path(canvas, steps, to_page: Transform, stroke: int, fill: int) -> None:
    canvas.drawPath(_path(canvas, steps, to_page), stroke=stroke, fill=fill)


def _path(canvas, steps, to_page: Transform):
    """A template's freeform: move, line, cubic curve and close, EMU to page points."""
    path = canvas.beginPath()

    def at(x: int, y: int) -> tuple[float, float]:
        return to_page.x(x), to_page.y(y)

    for step in steps:
        match step:
            case ("M", x, y):
                path.moveTo(*at(x, y))
            case ("L", x, y):
                path.lineTo(*at(x, y))
            case ("C", x1, y1, x2, y2, x, y):
                path.curveTo(*at(x1, y1), *at(x2, y2), *at(x, y))
            case ("Z",):
                path.close()
    return path
