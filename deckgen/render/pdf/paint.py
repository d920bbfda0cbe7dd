"""A template shape's fill other than a plain colour: a gradient (an axial or radial
shading) or a picture (stretched, cropped or tiled), drawn inside the shape's outline
in the shape's own box, and a colour with its transparency."""

from __future__ import annotations

from reportlab.lib.colors import Color

from ...layout.frames import Gradient, Picture, PictureFill, Shape
from ...layout.geometry import Rect
from .image import draw_picture
from .shape import draw_shape, outline
from .units import EMU_PER_PT, Transform, rgb

MAX_TILES = 400  # copies of a tiled picture drawn; more: the picture stretched once


def draw_painted(canvas, shape: Shape, to_page: Transform) -> None:
    """``shape`` with its gradient or picture inside its outline, then its line."""
    canvas.saveState()
    if shape.opacity < 1:
        canvas.setFillAlpha(shape.opacity)
    paint = shape.paint
    if paint is None:
        draw_shape(canvas, shape, to_page)
        canvas.restoreState()
        return
    canvas.clipPath(outline(canvas, shape, to_page), stroke=0, fill=0)
    canvas.saveState()
    scale = to_page.scale / EMU_PER_PT
    xx, yx, xy, yy, dx, dy = paint.place
    # the shape's own box, in points (y down), onto the page
    canvas.transform(
        xx * scale * EMU_PER_PT,
        -yx * scale * EMU_PER_PT,
        xy * scale * EMU_PER_PT,
        -yy * scale * EMU_PER_PT,
        to_page.left + dx * scale,
        to_page.top - dy * scale,
    )
    if isinstance(paint, Gradient):
        _gradient(canvas, paint)
    else:
        _picture(canvas, paint)
    canvas.restoreState()
    canvas.restoreState()
    if shape.line:
        draw_shape(canvas, Shape(shape.rect, shape.kind, None, shape.name, shape.line,
                                 shape.line_width, shape.corner, shape.path), to_page)  # fmt: skip


def _gradient(canvas, paint: Gradient) -> None:
    import math

    width, height = paint.width / EMU_PER_PT, paint.height / EMU_PER_PT
    colors = [Color(*rgb(color)) for _pos, color, _alpha in paint.stops]
    positions = [pos for pos, _color, _alpha in paint.stops]
    if len(colors) == 1:
        colors, positions = colors * 2, [0.0, 1.0]
    if paint.radial:
        x, y = paint.centre[0] * width, paint.centre[1] * height
        radius = math.hypot(width, height) / 2  # as LibreOffice draws a circle path
        canvas.radialGradient(x, y, max(radius, 0.01), colors, positions, extend=True)
        return
    turn = math.radians(paint.angle)
    dx, dy = math.cos(turn), math.sin(turn)
    reach = abs(width / 2 * dx) + abs(height / 2 * dy)
    mx, my = width / 2, height / 2
    start, end = (mx - dx * reach, my - dy * reach), (mx + dx * reach, my + dy * reach)
    canvas.linearGradient(*start, *end, colors, positions, extend=True)


def _picture(canvas, paint: PictureFill) -> None:
    canvas.scale(1, -1)  # y up again, so the picture stands upright
    flat = Transform(0, 0, 1)
    left, top, width, height = paint.box
    if not paint.tile:
        draw_picture(canvas, _placed(paint, Rect(left, top, width, height)), flat)
        return
    across = -(-(paint.width - left % width) // width) + 1
    down = -(-(paint.height - top % height) // height) + 1
    if across * down > MAX_TILES:
        draw_picture(canvas, _placed(paint, Rect(0, 0, paint.width, paint.height)), flat)
        return
    first_x, first_y = left % width - width, top % height - height
    for row in range(down + 1):
        for column in range(across + 1):
            box = Rect(first_x + column * width, first_y + row * height, width, height)
            draw_picture(canvas, _placed(paint, box), flat)


def _placed(paint: PictureFill, rect: Rect) -> Picture:
    return Picture(rect, "", "", "Template picture", data=paint.data, decorative=True)
