"""A template shape's outline as a path on the slide: DrawingML's transforms (offset,
size, rotation, flips, groups' child spaces) as affine maps, the common preset shapes
LibreOffice and PowerPoint draw, and custom geometry (move, line, cubic and quadratic
curves, arcs, close), each scaled from its path's own size to the shape's box.

Paths are step tuples as :class:`~deckgen.layout.frames.Shape` carries them: ("M", x, y),
("L", x, y), ("C", x1, y1, x2, y2, x, y) and ("Z",); arcs become cubic curves.
"""

from __future__ import annotations

import math

from pptx.oxml.ns import qn

from ..layout.frames import Affine
from .look import emu

IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
ANGLE = 60_000  # DrawingML angles: 60,000ths of a degree
SHARE = 100_000  # adjustments: 100,000ths
KAPPA = 0.5522847498  # a quarter circle's cubic control distance, as a share of the radius


def compose(outer: Affine, inner: Affine) -> Affine:
    """``inner`` then ``outer``."""
    xx1, yx1, xy1, yy1, dx1, dy1 = outer
    xx2, yx2, xy2, yy2, dx2, dy2 = inner
    return (
        xx1 * xx2 + xy1 * yx2,
        yx1 * xx2 + yy1 * yx2,
        xx1 * xy2 + xy1 * yy2,
        yx1 * xy2 + yy1 * yy2,
        xx1 * dx2 + xy1 * dy2 + dx1,
        yx1 * dx2 + yy1 * dy2 + dy1,
    )


def apply(place: Affine, x: float, y: float) -> tuple[float, float]:
    xx, yx, xy, yy, dx, dy = place
    return xx * x + xy * y + dx, yx * x + yy * y + dy


def placed(xfrm, size: tuple[int, int]) -> Affine:
    """The map from a box of ``size`` (its own coordinates, origin top-left) to its
    parent's: flipped and rotated about its middle, then moved to its offset."""
    off = xfrm.find(qn("a:off")) if xfrm is not None else None
    left = (emu(off.get("x")) or 0) if off is not None else 0
    top = (emu(off.get("y")) or 0) if off is not None else 0
    width, height = size
    flip_x = -1.0 if xfrm is not None and xfrm.get("flipH") in ("1", "true") else 1.0
    flip_y = -1.0 if xfrm is not None and xfrm.get("flipV") in ("1", "true") else 1.0
    turn = math.radians((emu(xfrm.get("rot")) or 0) / ANGLE) if xfrm is not None else 0.0
    cos, sin = math.cos(turn), math.sin(turn)
    centred: Affine = (flip_x, 0.0, 0.0, flip_y, -flip_x * width / 2, -flip_y * height / 2)
    turned: Affine = (cos, sin, -sin, cos, left + width / 2, top + height / 2)
    return compose(turned, centred)


def group_place(xfrm) -> Affine:
    """The map from a group's child coordinates to its parent's."""
    ext, child_off, child_ext = (xfrm.find(qn(f"a:{tag}")) for tag in ("ext", "chOff", "chExt"))
    width, height = _size(ext)
    child_w, child_h = _size(child_ext) if child_ext is not None else (width, height)
    start_x = (emu(child_off.get("x")) or 0) if child_off is not None else 0
    start_y = (emu(child_off.get("y")) or 0) if child_off is not None else 0
    scale_x = width / child_w if child_w else 1.0
    scale_y = height / child_h if child_h else 1.0
    into: Affine = (scale_x, 0.0, 0.0, scale_y, -start_x * scale_x, -start_y * scale_y)
    return compose(placed(xfrm, (width, height)), into)


def _size(ext) -> tuple[int, int]:
    if ext is None:
        return 0, 0
    return max(emu(ext.get("cx")) or 0, 0), max(emu(ext.get("cy")) or 0, 0)


def on_slide(steps: list[tuple], place: Affine) -> tuple[tuple, ...]:
    """Steps in a shape's own box mapped onto the slide, whole EMU."""
    out = []
    for step in steps:
        coords = step[1:]
        moved: list[int] = []
        for i in range(0, len(coords), 2):
            x, y = apply(place, coords[i], coords[i + 1])
            moved += [round(x), round(y)]
        out.append((step[0], *moved))
    return tuple(out)


def bounds(steps: tuple[tuple, ...]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of every point of ``steps`` (control points included)."""
    xs = [v for step in steps for v in step[1::2]]
    ys = [v for step in steps for v in step[2::2]]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0, 0, 0, 0)


def ellipse(left: float, top: float, width: float, height: float) -> list[tuple]:
    rx, ry = width / 2, height / 2
    cx, cy = left + rx, top + ry
    steps: list[tuple] = [("M", cx + rx, cy)]
    arc(steps, (cx, cy), (rx, ry), 0.0, 360.0)
    return [*steps, ("Z",)]


def arc(steps: list[tuple], centre, radii, start: float, sweep: float) -> None:
    """Cubic curves along an ellipse from ``start`` degrees through ``sweep`` (clockwise
    on the slide, y down), at most a quarter turn each."""
    (cx, cy), (rx, ry) = centre, radii
    count = max(1, math.ceil(abs(sweep) / 90 - 1e-9))
    step = math.radians(sweep / count)
    handle = 4 / 3 * math.tan(step / 4)
    angle = math.radians(start)
    for _ in range(count):
        end = angle + step
        x0, y0 = math.cos(angle), math.sin(angle)
        x1, y1 = math.cos(end), math.sin(end)
        steps.append(
            (
                "C",
                cx + rx * (x0 - handle * y0),
                cy + ry * (y0 + handle * x0),
                cx + rx * (x1 + handle * y1),
                cy + ry * (y1 - handle * x1),
                cx + rx * x1,
                cy + ry * y1,
            )
        )
        angle = end


def custom_path(geometry, size: tuple[int, int]) -> list[tuple] | None:
    """A ``a:custGeom``'s filled paths in the shape's own box; None where a point is a
    formula or a step is unknown."""
    steps: list[tuple] = []
    paths = geometry.findall(qn("a:pathLst") + "/" + qn("a:path"))
    filled = [path for path in paths if path.get("fill") != "none"] or paths
    for path in filled:
        scale_x = size[0] / max(emu(path.get("w")) or size[0], 1)
        scale_y = size[1] / max(emu(path.get("h")) or size[1], 1)
        if not _walk(path, scale_x, scale_y, steps):
            return None
    return steps or None


def _walk(path, scale_x: float, scale_y: float, steps: list[tuple]) -> bool:
    here = (0.0, 0.0)
    for step in path:
        if not isinstance(step.tag, str):
            continue  # a comment
        name = step.tag.rsplit("}", 1)[-1]
        points = []
        for pt in step.findall(qn("a:pt")):
            x, y = emu(pt.get("x")), emu(pt.get("y"))
            if x is None or y is None:
                return False
            points.append((x * scale_x, y * scale_y))
        if name in ("moveTo", "lnTo") and points:
            steps.append(("M" if name == "moveTo" else "L", *points[0]))
        elif name == "cubicBezTo" and len(points) == 3:
            steps.append(("C", *points[0], *points[1], *points[2]))
        elif name == "quadBezTo" and len(points) == 2:
            (qx, qy), (x, y) = points
            steps.append(("C", *_third(here, (qx, qy)), *_third((x, y), (qx, qy)), x, y))
        elif name == "arcTo":
            if not _arc_to(step, here, (scale_x, scale_y), steps):
                return False
        elif name == "close":
            steps.append(("Z",))
        else:
            return False
        if steps and steps[-1][0] != "Z":
            here = steps[-1][-2:]
    return True


def _third(end: tuple[float, float], control: tuple[float, float]) -> tuple[float, float]:
    """A quadratic curve's control point as a cubic's, beside ``end``."""
    return end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1])


def _arc_to(step, here, scale, steps: list[tuple]) -> bool:
    values = [emu(step.get(name)) for name in ("wR", "hR", "stAng", "swAng")]
    if None in values:
        return False
    width_r, height_r, start, sweep = values
    rx, ry = width_r * scale[0], height_r * scale[1]
    start_deg, sweep_deg = start / ANGLE, sweep / ANGLE
    theta = math.radians(start_deg)
    centre = (here[0] - rx * math.cos(theta), here[1] - ry * math.sin(theta))
    if not steps:
        steps.append(("M", *here))
    arc(steps, centre, (rx, ry), start_deg, sweep_deg)
    return True
