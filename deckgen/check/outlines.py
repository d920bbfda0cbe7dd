"""A freeform's outline as polygons on the slide, so artwork is named under a text box
only where its drawing reaches, not only its box (a triangle's box is twice its area).

Only what is read safely: an upright (no rotation, no flip) ``a:custGeom`` whose paths
move and draw lines (curves are taken by their end points, arcs make it unread); else
None and the element's box decides. A text box is sampled on a grid of points; a polygon
holding any of them is under it.
"""

from __future__ import annotations

from ..layout.geometry import Rect
from ..render.pptx.xmlns import DML

GRID = 9  # points across and down a text box
_STEPS = {"moveTo": 1, "lnTo": 1, "cubicBezTo": 3, "quadBezTo": 2}


def polygons(props, rect: Rect) -> tuple[tuple[tuple[float, float], ...], ...] | None:
    """The outline of the shape with properties ``props`` standing in ``rect`` (EMU), as
    polygons; None where it is not a plain upright freeform."""
    xfrm = props.find(DML + "xfrm") if props is not None else None
    geometry = props.find(DML + "custGeom") if props is not None else None
    if geometry is None or xfrm is None:
        return None
    if xfrm.get("rot", "0") not in ("0", "") or xfrm.get("flipH") in ("1", "true"):
        return None
    if xfrm.get("flipV") in ("1", "true"):
        return None
    found = []
    for path in geometry.iterfind(f"{DML}pathLst/{DML}path"):
        shape = _path(path, rect)
        if shape is None:
            return None
        found += shape
    return tuple(found) or None


def _path(path, rect: Rect) -> list[tuple] | None:
    try:
        width = int(path.get("w", rect.w)) or rect.w
        height = int(path.get("h", rect.h)) or rect.h
    except ValueError:
        return None
    scale_x, scale_y = rect.w / width, rect.h / height
    shapes, points = [], []
    for step in path:
        kind = step.tag.rsplit("}", 1)[-1] if isinstance(step.tag, str) else ""
        if kind == "close":
            continue
        if kind not in _STEPS:
            return None  # arcs and what else: not read here
        ends = step.findall(DML + "pt")
        if len(ends) != _STEPS[kind]:
            return None
        try:
            at = (int(ends[-1].get("x")), int(ends[-1].get("y")))
        except (TypeError, ValueError):
            return None
        if kind == "moveTo" and points:
            shapes.append(tuple(points))
            points = []
        points.append((rect.x + at[0] * scale_x, rect.y + at[1] * scale_y))
    if points:
        shapes.append(tuple(points))
    return [shape for shape in shapes if len(shape) >= 3]


def reaches(shapes, box: Rect) -> bool:
    """Whether any of the polygons ``shapes`` holds a point of a grid over ``box``."""
    for row in range(GRID):
        y = box.y + box.h * (row + 0.5) / GRID
        for column in range(GRID):
            x = box.x + box.w * (column + 0.5) / GRID
            if any(_inside(shape, x, y) for shape in shapes):
                return True
    return False


def _inside(shape, x: float, y: float) -> bool:
    """Even-odd: whether (x, y) lies inside the polygon ``shape``."""
    inside = False
    last = shape[-1]
    for point in shape:
        if (point[1] > y) != (last[1] > y):
            cross = last[0] + (y - last[1]) * (point[0] - last[0]) / (point[1] - last[1])
            if x < cross:
                inside = not inside
        last = point
    return inside
