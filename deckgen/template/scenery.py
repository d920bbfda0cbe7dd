"""What a template's masters and layouts draw behind every slide, as frame items, so the
handout's thumbnails and the slides PDF show the deck as PowerPoint does.

A layout shows its master's shapes (unless it hides them) and then its own: preset
shapes and freeforms (``presets.py``, ``geometry.py``), lines and connectors, pictures in
PNG or JPEG, each placed by its transform (rotation, flips) inside its groups' child
spaces, and filled with a colour, a gradient, a picture or a pattern (``fills.py``). The
background (the layout's, else the master's) is drawn first over the whole slide. What
cannot be drawn (charts, vector pictures, text, other presets) is counted, for one
warning naming each kind of element.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from ..layout.frames import Affine, Item, Picture, PictureFill, Placeholder, Shape, ShapeKind
from ..layout.geometry import EMU_PER_PT, Rect
from . import look
from .fills import NONE, Fill, fill_of
from .geometry import IDENTITY, bounds, compose, custom_path, group_place, on_slide, placed
from .presets import preset_path

MAX_DEPTH = 16  # groups inside groups drawn this deep
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
            _shapes(look.own_shapes(owner), owner.part, theme, IDENTITY, own, 0)
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
    """The first background of the layout's and its master's, over the whole slide."""
    prs = layout.part.package.presentation_part.presentation
    size = (prs.slide_width, prs.slide_height)
    for owner in (layout, layout.slide_master):
        bg = owner.element.find(qn("p:cSld") + "/" + qn("p:bg"))
        if bg is None:
            continue
        props, ref = bg.find(qn("p:bgPr")), bg.find(qn("p:bgRef"))
        if props is not None:
            fill = fill_of(props, owner.part, theme, size, IDENTITY)
        else:
            color = ref[0] if ref is not None and len(ref) else None
            fill = Fill(theme.color(color)) if color is not None else NONE
        pattern = props is not None and props.find(qn("a:pattFill")) is not None
        if fill.paint is not None or pattern:  # a plain colour is the frame's own fill
            _add(found, _box_steps(size), fill, None, 0.0, "Template background", plain=True)
        return


def _shapes(elements, part, theme, place: Affine, found: Scenery, depth: int) -> None:
    for element in elements:
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag == "grpSp":
            xfrm = element.find(qn("p:grpSpPr") + "/" + qn("a:xfrm"))
            if depth >= MAX_DEPTH or xfrm is None:
                found.skipped.add("a group nested too deep" if xfrm is not None else "a group")
                continue
            inner = compose(place, group_place(xfrm))
            _shapes(element, part, theme, inner, found, depth + 1)
        elif tag in ("sp", "pic", "cxnSp"):
            _shape(element, tag, part, theme, place, found)
        elif tag == "graphicFrame":
            found.skipped.add("a chart or table")
        elif tag not in ("nvGrpSpPr", "grpSpPr", "extLst", ""):
            found.skipped.add(tag)


def _shape(element, tag: str, part, theme, place: Affine, found: Scenery) -> None:
    props = element.find(qn("p:spPr"))
    xfrm = props.find(qn("a:xfrm")) if props is not None else None
    ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
    size = (
        (look.emu(ext.get("cx")) or 0, look.emu(ext.get("cy")) or 0) if ext is not None else (0, 0)
    )
    if size[0] < 0 or size[1] < 0 or size == (0, 0) or (tag != "cxnSp" and 0 in size):
        return
    where = compose(place, placed(xfrm, size))
    if tag == "pic":
        fill = fill_of(element, part, theme, size, where)
        if fill.paint is None and not fill.missing:
            fill = Fill(None, missing="a picture that is not PNG or JPEG")
    else:
        if element.xpath("./p:txBody//a:t/text()"):
            found.skipped.add("text")
        fill = NONE if tag == "cxnSp" else fill_of(props, part, theme, size, where)
    line, width = _line(props, theme)
    if fill.missing:
        found.skipped.add(fill.missing)
    if fill.color is None and fill.paint is None and line is None:
        return
    steps = _outline(props, size)
    if steps is None:
        found.skipped.add(_geometry_name(props))
        return
    preset = props.find(qn("a:prstGeom"))
    upright = where[1:3] == (0.0, 0.0) and min(where[0], where[3]) > 0  # not turned or flipped
    plain = upright and preset is not None and preset.get("prst") == "rect"
    _add(found, on_slide(steps, where), fill, line, width, "Template", plain)


def _add(
    found: Scenery, steps: tuple, fill: Fill, line, width: float, name: str, plain: bool
) -> None:
    """An item for ``steps`` (on the slide) filled with ``fill``: a picture for a plain
    picture in its own box, else a shape (a rectangle where it is one, else its path)."""
    left, top, right, bottom = bounds(steps)
    rect = Rect(left, top, right - left, bottom - top)
    if rect.w <= 0 and rect.h <= 0:
        return
    paint = fill.paint
    if (
        plain
        and isinstance(paint, PictureFill)
        and _whole(paint)
        and fill.opacity == 1
        and line is None
    ):
        found.items.append(
            Picture(rect, "", "", "Template picture", data=paint.data, decorative=True)
        )
        return
    kind = ShapeKind.RECT if plain else ShapeKind.PATH
    found.items.append(
        Shape(
            rect,
            kind,
            fill.color,
            name,
            line,
            width,
            0.0,
            () if plain else steps,
            paint,
            fill.opacity,
        )
    )


def _whole(paint: PictureFill) -> bool:
    return not paint.tile and paint.box == (0, 0, paint.width, paint.height)


def _box_steps(size) -> tuple:
    width, height = size
    return (("M", 0, 0), ("L", width, 0), ("L", width, height), ("L", 0, height), ("Z",))


def _outline(props, size) -> list[tuple] | None:
    """A shape's outline in its own box; a rectangle where it names no geometry."""
    preset = props.find(qn("a:prstGeom")) if props is not None else None
    if preset is not None:
        return preset_path(preset, *size)
    custom = props.find(qn("a:custGeom")) if props is not None else None
    if custom is not None:
        return custom_path(custom, size)
    return list(_box_steps(size))


def _geometry_name(props) -> str:
    preset = props.find(qn("a:prstGeom")) if props is not None else None
    if preset is not None:
        return f"a shape of the preset geometry \u2018{preset.get('prst', '')[:40]}\u2019"
    return "a freeform with formulas or unknown steps"


def _line(props, theme) -> tuple[str | None, float]:
    """An outline's colour (None: none) and width in points (1 pt where none is said)."""
    line = props.find(qn("a:ln")) if props is not None else None
    if line is None or line.find(qn("a:noFill")) is not None:
        return None, 0.0
    solid = line.find(qn("a:solidFill"))
    color = theme.color(solid[0]) if solid is not None and len(solid) else None
    if color is None:
        return None, 0.0
    width = look.emu(line.get("w"))
    return color, (width if width is not None and width >= 0 else EMU_PER_PT) / EMU_PER_PT


_PLACEHOLDER_KINDS = {
    PP_PLACEHOLDER.TITLE: Placeholder.TITLE,
    PP_PLACEHOLDER.CENTER_TITLE: Placeholder.TITLE,
    PP_PLACEHOLDER.SUBTITLE: Placeholder.SUBTITLE,
    PP_PLACEHOLDER.FOOTER: Placeholder.FOOTER,
    PP_PLACEHOLDER.SLIDE_NUMBER: Placeholder.SLIDE_NUMBER,
}


def placeholder_grounds(layout, theme: look.ThemeLook) -> dict[str, Shape]:
    """The plain colour a layout's placeholder fills its box with (Nature_Illustration's
    text stands on 50 % white), by the kind of text it takes (``Placeholder``'s value;
    bodies left to right: body, second body). A slide's placeholder inherits that fill,
    so PowerPoint and LibreOffice draw it wherever a slide's box of that kind stands; the
    PDFs do too (``render/pdf/slide.py``). Shapes at the layout's box; other paints (a
    gradient, a picture) and other outlines are not drawn under text."""
    found: dict[str, Shape] = {}
    bodies = []
    for shape in look.placeholders(layout):
        kind = shape.placeholder_format.type
        if kind in look.BODIES:
            bodies.append(shape)
        elif kind in _PLACEHOLDER_KINDS:
            _ground(shape.element, layout.part, theme, _PLACEHOLDER_KINDS[kind], found)
    bodies.sort(key=lambda shape: shape.left if shape.left is not None else 0)
    for shape, kind in zip(bodies, (Placeholder.BODY, Placeholder.SECOND_BODY), strict=False):
        _ground(shape.element, layout.part, theme, kind, found)
    return found


def _ground(element, part, theme, kind: Placeholder, found: dict[str, Shape]) -> None:
    """A plain colour (with its opacity) the placeholder fills a rectangle with, whatever
    box it has: the shape is drawn at each slide box's own."""
    props = element.find(qn("p:spPr"))
    geometry = props.find(qn("a:prstGeom")) if props is not None else None
    if geometry is not None and geometry.get("prst") != "rect":
        return
    fill = fill_of(props, part, theme, (1, 1), IDENTITY)
    if fill.color is None or fill.paint is not None or _line(props, theme)[0] is not None:
        return
    found[kind.value] = Shape(
        Rect(0, 0, 0, 0), ShapeKind.RECT, fill.color, "Template", opacity=fill.opacity
    )
