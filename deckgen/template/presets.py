"""The outlines of the preset shapes templates draw most (DrawingML's presetShapeDefinitions,
with their adjustments), in the shape's own box: rectangles, rounded rectangles, ellipses,
triangles, diamonds, parallelograms, trapezoids, pentagons, hexagons, octagons, chevrons,
arrows, lines and the flowchart document's wave. A callout or a cut-corner rectangle is
drawn as the shape it is built on; any other preset is None (said once)."""

from __future__ import annotations

from pptx.oxml.ns import qn

from .geometry import SHARE, arc, ellipse
from .look import emu


def preset_path(geometry, width: float, height: float) -> list[tuple] | None:
    """A ``a:prstGeom``'s outline in its box of ``width`` × ``height``."""
    name = geometry.get("prst", "")
    adjust = _adjustments(geometry)
    draw = _PRESETS.get(name)
    if draw is None:
        draw = _PRESETS.get(_base(name))
    if draw is None:
        return None
    return draw(width, height, adjust)


def _base(name: str) -> str:
    lowered = name.lower()
    if "ellipse" in lowered or name == "flowChartConnector":
        return "ellipse"
    if "roundrect" in lowered or name in ("flowChartAlternateProcess", "flowChartTerminator"):
        return "roundRect"
    if lowered.endswith("rect") or lowered.endswith("rectcallout") or name == "flowChartProcess":
        return "rect"
    return ""


def _adjustments(geometry) -> dict[str, float]:
    found = {}
    for guide in geometry.findall(qn("a:avLst") + "/" + qn("a:gd")):
        formula = (guide.get("fmla") or "").split()
        value = emu(formula[1]) if len(formula) == 2 and formula[0] == "val" else None
        if value is not None:
            found[guide.get("name", "")] = value / SHARE
    return found


def _polygon(*points: tuple[float, float]) -> list[tuple]:
    return [("M", *points[0]), *(("L", *point) for point in points[1:]), ("Z",)]


def _rect(width, height, adjust):
    return _polygon((0, 0), (width, 0), (width, height), (0, height))


def _round_rect(width, height, adjust):
    radius = min(width, height) * min(max(adjust.get("adj", 0.16667), 0.0), 0.5)
    right, bottom = width - radius, height - radius
    steps: list[tuple] = [("M", radius, 0), ("L", right, 0)]
    for centre, start, end in (
        ((right, radius), 270, (width, bottom)),
        ((right, bottom), 0, (radius, height)),
        ((radius, bottom), 90, (0, radius)),
        ((radius, radius), 180, (radius, 0)),
    ):
        arc(steps, centre, (radius, radius), start, 90)
        steps.append(("L", *end))
    return [*steps, ("Z",)]


def _ellipse(width, height, adjust):
    return ellipse(0, 0, width, height)


def _triangle(width, height, adjust):
    apex = width * adjust.get("adj", 0.5)
    return _polygon((apex, 0), (width, height), (0, height))


def _right_triangle(width, height, adjust):
    return _polygon((0, 0), (width, height), (0, height))


def _diamond(width, height, adjust):
    return _polygon((width / 2, 0), (width, height / 2), (width / 2, height), (0, height / 2))


def _parallelogram(width, height, adjust):
    inset = min(width, height) * adjust.get("adj", 0.25)
    return _polygon((inset, 0), (width, 0), (width - inset, height), (0, height))


def _trapezoid(width, height, adjust):
    inset = min(width, height) * adjust.get("adj", 0.25)
    return _polygon((0, height), (inset, 0), (width - inset, 0), (width, height))


def _pentagon(width, height, adjust):
    return _polygon(
        (width / 2, 0),
        (width, height * 0.3820),
        (width * 0.8090, height),
        (width * 0.1910, height),
        (0, height * 0.3820),
    )


def _hexagon(width, height, adjust):
    inset = min(width, height) * adjust.get("adj", 0.25)
    middle = height / 2
    return _polygon(
        (inset, 0), (width - inset, 0), (width, middle), (width - inset, height), (inset, height),
        (0, middle),
    )  # fmt: skip


def _octagon(width, height, adjust):
    cut = min(width, height) * adjust.get("adj", 0.29289)
    return _polygon(
        (cut, 0), (width - cut, 0), (width, cut), (width, height - cut), (width - cut, height),
        (cut, height), (0, height - cut), (0, cut),
    )  # fmt: skip


def _home_plate(width, height, adjust):
    tip = width - min(width, height) * adjust.get("adj", 0.5)
    return _polygon((0, 0), (tip, 0), (width, height / 2), (tip, height), (0, height))


def _chevron(width, height, adjust):
    depth = min(width, height) * adjust.get("adj", 0.5)
    return _polygon(
        (0, 0), (width - depth, 0), (width, height / 2), (width - depth, height), (0, height),
        (depth, height / 2),
    )  # fmt: skip


def _right_arrow(width, height, adjust):
    shaft = height * adjust.get("adj1", 0.5) / 2
    head = width - min(width, height) * adjust.get("adj2", 0.5)
    middle = height / 2
    return _polygon(
        (0, middle - shaft), (head, middle - shaft), (head, 0), (width, middle), (head, height),
        (head, middle + shaft), (0, middle + shaft),
    )  # fmt: skip


def _left_arrow(width, height, adjust):
    return [
        (step[0], *[width - v if i % 2 == 0 else v for i, v in enumerate(step[1:])])
        for step in _right_arrow(width, height, adjust)
    ]


def _line(width, height, adjust):
    return [("M", 0, 0), ("L", width, height)]


def _document(width, height, adjust):
    """flowChartDocument: a rectangle whose bottom edge is a wave (on a 21600 grid)."""
    x, y = width / 21600, height / 21600
    return [
        ("M", 0, 0),
        ("L", width, 0),
        ("L", width, 17322 * y),
        ("C", 10800 * x, 17322 * y, 10800 * x, 23922 * y, 0, 20172 * y),
        ("Z",),
    ]


_PRESETS = {
    "rect": _rect,
    "roundRect": _round_rect,
    "ellipse": _ellipse,
    "triangle": _triangle,
    "rtTriangle": _right_triangle,
    "diamond": _diamond,
    "flowChartDecision": _diamond,
    "parallelogram": _parallelogram,
    "flowChartInputOutput": _parallelogram,
    "trapezoid": _trapezoid,
    "pentagon": _pentagon,
    "hexagon": _hexagon,
    "octagon": _octagon,
    "homePlate": _home_plate,
    "chevron": _chevron,
    "rightArrow": _right_arrow,
    "leftArrow": _left_arrow,
    "line": _line,
    "straightConnector1": _line,
    "flowChartDocument": _document,
}
