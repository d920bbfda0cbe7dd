"""What a template's masters and layouts draw behind every slide, as frame items, so the
handout's thumbnails and the slides PDF show the deck as PowerPoint does.

A layout shows its master's shapes (unless it hides them) and then its own: filled
rectangles, ellipses, rounded rectangles and freeforms (move, line, cubic curve, close),
and pictures in PNG or JPEG. A background is a colour, a gradient (drawn as its average)
or a picture stretched over the slide. What cannot be drawn (groups, charts, vector
pictures, text boxes, arcs) is counted, for one warning naming the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.oxml.ns import qn

from ..layout.frames import Item, Picture, Shape, ShapeKind
from ..layout.geometry import EMU_PER_PT, Rect
from . import look

_KINDS = {"rect": ShapeKind.RECT, "ellipse": ShapeKind.ELLIPSE, "roundRect": ShapeKind.ROUND_RECT}
_PICTURES = (b"\x89PNG", b"\xff\xd8\xff")
ROUND_RECT_CORNER = 0.16667  # DrawingML's default adjustment for a rounded rectangle


@dataclass
class Scenery:
    """The items a layout draws behind slides, and what was left out."""

    items: list[Item] = field(default_factory=list)
    skipped: set[str] = field(default_factory=set)


def scenery(layout, theme: look.ThemeLook) -> Scenery:
    found = Scenery()
    _background(layout, theme, found)
    for owner, shape in look.shown_shapes(layout):
        _shape(shape, owner.part, theme, found)
    return found


def _background(layout, theme, found: Scenery) -> None:
    """A picture background as a picture over the whole slide (a colour is the frame's)."""
    for owner in (layout, layout.slide_master):
        bg = owner._element.find(qn("p:cSld") + "/" + qn("p:bg"))
        if bg is None:
            continue
        props = bg.find(qn("p:bgPr"))
        blip = props.find(".//" + qn("a:blip")) if props is not None else None
        if blip is not None:
            prs = layout.part.package.presentation_part.presentation
            _picture(blip, owner.part, Rect(0, 0, prs.slide_width, prs.slide_height), found)
        return


def _shape(shape, part, theme, found: Scenery) -> None:
    element = shape._element
    tag = element.tag.rsplit("}", 1)[-1]
    if tag not in ("sp", "pic"):
        found.skipped.add({"grpSp": "a group", "graphicFrame": "a chart or table"}.get(tag, tag))
        return
    rect = look.shape_rect(shape)
    if rect is None or rect.w <= 0 or rect.h <= 0:
        return
    if tag == "pic":
        blip = element.find(".//" + qn("a:blip"))
        if blip is None or not _picture(blip, part, rect, found):
            found.skipped.add("a picture that is not PNG or JPEG")
        return
    if element.find(qn("p:txBody")) is not None and element.xpath("./p:txBody//a:t/text()"):
        found.skipped.add("text")
    props = element.find(qn("p:spPr"))
    fill = look.fill_color(props, part, theme)
    line = _line(props, theme)
    if fill is None and line is None:
        return
    drawn = _outline(props, rect)
    if drawn is None:
        found.skipped.add("a shape of another geometry")
        return
    kind, path, corner = drawn
    width = int(props.find(qn("a:ln")).get("w", EMU_PER_PT)) / EMU_PER_PT if line else 0.0
    found.items.append(Shape(rect, kind, fill, "Template", line, width, corner, path))


def _line(props, theme) -> str | None:
    line = props.find(qn("a:ln")) if props is not None else None
    if line is None or line.find(qn("a:noFill")) is not None:
        return None
    solid = line.find(qn("a:solidFill"))
    return theme.color(solid[0]) if solid is not None and len(solid) else None


def _outline(props, rect: Rect):
    """(kind, path, corner) of a shape's geometry; None for one that is not drawn."""
    preset = props.find(qn("a:prstGeom")) if props is not None else None
    if preset is not None:
        kind = _preset_kind(preset.get("prst", ""))
        return None if kind is None else (kind, (), ROUND_RECT_CORNER)
    custom = props.find(qn("a:custGeom")) if props is not None else None
    if custom is None:
        return None
    path = custom.find(qn("a:pathLst") + "/" + qn("a:path"))
    if path is None:
        return None
    scale_x = rect.w / max(int(path.get("w", rect.w) or rect.w), 1)
    scale_y = rect.h / max(int(path.get("h", rect.h) or rect.h), 1)

    def point(pt) -> tuple[int, int]:
        return rect.x + round(int(pt.get("x")) * scale_x), rect.y + round(
            int(pt.get("y")) * scale_y
        )

    steps: list[tuple] = []
    for step in path:
        name = step.tag.rsplit("}", 1)[-1]
        points = [point(pt) for pt in step.findall(qn("a:pt"))]
        if name == "moveTo" and points:
            steps.append(("M", *points[0]))
        elif name == "lnTo" and points:
            steps.append(("L", *points[0]))
        elif name == "cubicBezTo" and len(points) == 3:
            steps.append(("C", *points[0], *points[1], *points[2]))
        elif name == "close":
            steps.append(("Z",))
        else:
            return None  # arcs and quadratic curves: not drawn
    return (ShapeKind.PATH, tuple(steps), 0.0) if steps else None


def _preset_kind(name: str) -> ShapeKind | None:
    """The outline a preset geometry is drawn with: its own for a rectangle, rounded
    rectangle or ellipse; the body of a callout or a clipped rectangle as the shape it is
    built on (its tail or cut corners left out); None for any other."""
    if name in _KINDS:
        return _KINDS[name]
    lowered = name.lower()
    if "ellipse" in lowered or name == "flowChartConnector":
        return ShapeKind.ELLIPSE
    if "roundrect" in lowered:
        return ShapeKind.ROUND_RECT
    if lowered.endswith("rect") or lowered.endswith("rectcallout"):
        return ShapeKind.RECT
    return None


def _picture(blip, part, rect: Rect, found: Scenery) -> bool:
    rid = blip.get(qn("r:embed"))
    try:
        data = part.related_part(rid).blob if rid else b""
    except KeyError:
        return False
    if not data.startswith(_PICTURES):
        return False
    found.items.append(Picture(rect, "", "", "Template picture", data=data, decorative=True))
    return True
