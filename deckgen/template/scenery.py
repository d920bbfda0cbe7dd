"""What a template's masters and layouts draw behind every slide, as frame items, so the
handout's thumbnails and the slides PDF show the deck as PowerPoint does.

A layout shows its master's shapes (unless it hides them) and then its own: filled
rectangles, ellipses, rounded rectangles and freeforms (move, line, cubic curve, close),
and pictures in PNG or JPEG. A background is a colour, a gradient (drawn as its average)
or a picture stretched over the slide. What cannot be drawn (groups, charts, vector
pictures, text boxes, arcs) is counted, for one warning naming the template.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from pptx.oxml.ns import qn

from ..layout.frames import Item, Picture, Shape, ShapeKind
from ..layout.geometry import EMU_PER_PT, Rect
from . import look
from .pictures import drawable, related_picture

_KINDS = {"rect": ShapeKind.RECT, "ellipse": ShapeKind.ELLIPSE, "roundRect": ShapeKind.ROUND_RECT}
ROUND_RECT_CORNER = 0.16667  # DrawingML's default adjustment for a rounded rectangle
MAX_DRAWN = 200  # a layout's shapes (with its master's) drawn under each slide in the PDFs


@dataclass
class Scenery:
    """The items a layout draws behind slides, and what was left out."""

    items: list[Item] = field(default_factory=list)
    skipped: set[str] = field(default_factory=set)


def scenery(layout, theme: look.ThemeLook) -> Scenery:
    found = Scenery()
    _background(layout, theme, found)
    for owner in look.shown_owners(layout):
        known = _SCENES.get(owner.part)
        if known is None:
            own = Scenery()
            for element in look.own_shapes(owner):
                _shape(element, owner.part, theme, own)
            known = _SCENES[owner.part] = (tuple(own.items), frozenset(own.skipped))
        found.items += known[0]
        found.skipped |= known[1]
    if len(found.items) > MAX_DRAWN:
        found.skipped.add(f"more than {MAX_DRAWN} shapes (the largest are drawn)")
        found.items = largest(found.items, lambda item: item.rect)
    return found


# master or layout part -> what it draws: worked out once however many layouts show it
_SCENES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def largest(items: list, rect_of) -> list:
    """The :data:`MAX_DRAWN` largest of ``items`` by area, in their order (bottom first):
    what a slide's picture in the PDFs draws of a template and checks text against, so
    that work stays a small constant per slide whatever the template holds."""
    if len(items) <= MAX_DRAWN:
        return list(items)
    ranked = sorted(range(len(items)), key=lambda i: -_area(rect_of(items[i])))
    kept = sorted(ranked[:MAX_DRAWN])
    return [items[i] for i in kept]


def _area(rect: Rect) -> int:
    return max(rect.w, 0) * max(rect.h, 0)


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


def _shape(element, part, theme, found: Scenery) -> None:
    tag = element.tag.rsplit("}", 1)[-1]
    if tag not in ("sp", "pic"):
        found.skipped.add({"grpSp": "a group", "graphicFrame": "a chart or table"}.get(tag, tag))
        return
    rect = look.shape_rect(element)
    if rect is None or rect.w <= 0 or rect.h <= 0:
        return
    if tag == "pic":
        blip = element.find(".//" + qn("a:blip"))
        if blip is None:
            found.skipped.add("a picture that is not PNG or JPEG")
        else:
            _picture(blip, part, rect, found)
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
    width = _line_width(props) if line else 0.0
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
    scale_x = rect.w / max(look.emu(path.get("w")) or rect.w, 1)
    scale_y = rect.h / max(look.emu(path.get("h")) or rect.h, 1)

    def point(pt) -> tuple[int, int] | None:
        x, y = look.emu(pt.get("x")), look.emu(pt.get("y"))
        if x is None or y is None:
            return None
        return rect.x + round(x * scale_x), rect.y + round(y * scale_y)

    steps: list[tuple] = []
    for step in path:
        if not isinstance(step.tag, str):
            continue  # a comment
        name = step.tag.rsplit("}", 1)[-1]
        points = [point(pt) for pt in step.findall(qn("a:pt"))]
        if None in points:
            return None
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
    """A PNG or JPEG of the package (checked when it was opened) over ``rect``; False for
    a missing, linked (external) or other kind of picture: a linked one is never
    fetched, and said as such."""
    rid = blip.get(qn("r:embed")) or blip.get(qn("r:link"))
    picture = related_picture(part, rid)
    if picture is None:
        rel = part.rels.get(rid) if rid else None
        found.skipped.add(
            "a linked picture (never fetched)"
            if rel is not None and rel.is_external
            else "a picture that is not PNG or JPEG"
        )
        return False
    found.items.append(
        Picture(rect, "", "", "Template picture", data=drawable(picture), decorative=True)
    )
    return True


def _line_width(props) -> float:
    """An outline's width in points (1 pt where it says nothing readable)."""
    width = look.emu(props.find(qn("a:ln")).get("w"))
    return (width if width is not None and width >= 0 else EMU_PER_PT) / EMU_PER_PT
