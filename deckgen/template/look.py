"""What a template's layouts look like: where their placeholders are and how their text is
set, followed through the whole style chain, and what colour lies behind them.

In real templates the look often lives only in the master's prompt text (no text styles,
no list styles), placeholders inherit their position from the master, colours are theme
slots mapped through the master's colour map, and the background may be a picture. So
for a placeholder each property is taken from the first of: the layout's list style, the
layout's prompt text, the master's list style, the master's prompt text, the master's
text styles; and theme font and colour references are resolved.
"""

from __future__ import annotations

import colorsys
import re
import weakref
from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..layout.colors import mix
from ..layout.geometry import Rect
from ..pptx_private import shape_of
from ..safexml import parse
from .pictures import picture_color

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS = {"a": _A}
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
SUBTITLES = (PP_PLACEHOLDER.SUBTITLE, *BODIES)
FOOTERS = (PP_PLACEHOLDER.FOOTER,)
NUMBERS = (PP_PLACEHOLDER.SLIDE_NUMBER,)
# the master's placeholder a layout's inherits from, by type
_MASTER_TYPE = {
    PP_PLACEHOLDER.CENTER_TITLE: PP_PLACEHOLDER.TITLE,
    PP_PLACEHOLDER.VERTICAL_TITLE: PP_PLACEHOLDER.TITLE,
    PP_PLACEHOLDER.SUBTITLE: PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT: PP_PLACEHOLDER.BODY,
}
COVERS = 0.8  # a master shape over this share of the slide counts as its background


@dataclass(frozen=True)
class TextLook:
    """How a placeholder's first-level text is set; None where the chain says nothing."""

    size: float | None = None  # points
    color: str | None = None  # "RRGGBB"
    family: str | None = None  # the font family, theme references resolved
    written: str | None = None  # the font as written: "+mj-lt", "+mn-lt" or a family
    bold: bool | None = None
    align: str | None = None  # "l", "ctr", "r", … as written


@dataclass(frozen=True)
class PlaceholderLook:
    rect: Rect
    text: TextLook


class ThemeLook:
    """A master's theme: its colour slots, its major and minor fonts, its colour map."""

    def __init__(self, master) -> None:
        root = parse(master.part.part_related_by(RT.THEME).blob)
        scheme = root.find(".//a:clrScheme", _NS)
        self.slots: dict[str, str] = {}
        for slot in scheme if scheme is not None else ():
            if not isinstance(slot.tag, str):
                continue  # a comment
            name = etree.QName(slot).localname
            color = slot.find("a:srgbClr", _NS)
            system = slot.find("a:sysClr", _NS)
            if color is not None:
                found = hex_color(color.get("val"))
            elif system is not None:
                found = hex_color(system.get("lastClr"))
            else:
                found = None
            if found is not None:
                self.slots[name] = found
        self.fonts = {
            tag: _attr(root.find(f".//a:fontScheme/a:{tag}Font/a:latin", _NS), "typeface")
            for tag in ("major", "minor")
        }
        color_map = master.element.find(qn("p:clrMap"))
        self.color_map = dict(color_map.attrib) if color_map is not None else {}

    def family(self, typeface: str | None) -> str | None:
        if typeface in ("+mj-lt", "+mn-lt"):
            return self.fonts["major" if typeface == "+mj-lt" else "minor"]
        return typeface or None

    def color(self, element) -> str | None:
        """The colour a DrawingML colour element (srgbClr, schemeClr, sysClr) shows."""
        if element is None or not isinstance(element.tag, str):
            return None
        tag = etree.QName(element).localname
        if tag == "srgbClr":
            base = hex_color(element.get("val"))
        elif tag == "sysClr":
            base = hex_color(element.get("lastClr"))
        elif tag == "schemeClr":
            name = element.get("val", "")
            base = self.slots.get(self.color_map.get(name, name))
        else:
            return None
        return None if base is None else _modified(base, element)


def _modified(color: str, element) -> str:
    """``color`` with the element's luminance modulation and offset, shade and tint."""
    mods = {
        etree.QName(child).localname: (emu(child.get("val")) or 0) / 100_000
        for child in element
        if isinstance(child.tag, str)
    }
    if not mods:
        return color
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = max(0.0, min(1.0, light * mods.get("lumMod", 1) + mods.get("lumOff", 0)))
    red, green, blue = colorsys.hls_to_rgb(hue, light, sat)
    out = "".join(f"{round(v * 255):02X}" for v in (red, green, blue))
    if "shade" in mods:
        out = mix(out, "000000", max(0.0, min(1.0, mods["shade"])))
    if "tint" in mods:
        out = mix(out, "FFFFFF", max(0.0, min(1.0, mods["tint"])))
    return out


def placeholder(layout, types, theme: ThemeLook) -> PlaceholderLook | None:
    """Where ``layout``'s first placeholder of one of ``types`` is, and how its text is set."""
    own = next((ph for ph in placeholders(layout) if ph.placeholder_format.type in types), None)
    if own is None:
        return None
    kind = own.placeholder_format.type
    master_type = _MASTER_TYPE.get(kind, kind)
    inherited = next(
        (
            ph
            for ph in placeholders(layout.slide_master)
            if _MASTER_TYPE.get(ph.placeholder_format.type, ph.placeholder_format.type)
            == master_type
        ),
        None,
    )
    rect = shape_rect(own) or (shape_rect(inherited) if inherited is not None else None)
    if rect is None:
        return None
    style = "titleStyle" if master_type == PP_PLACEHOLDER.TITLE else "bodyStyle"
    if master_type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
        style = "otherStyle"
    chain = _chain(own, inherited, layout.slide_master, style)
    return PlaceholderLook(rect, _text_look(chain, theme))


def master_rect(master, types) -> Rect | None:
    """Where ``master``'s first placeholder of one of ``types`` is."""
    for ph in placeholders(master):
        if _MASTER_TYPE.get(ph.placeholder_format.type, ph.placeholder_format.type) in types:
            return shape_rect(ph)
    return None


_SHAPE_TAGS = frozenset(
    qn(f"p:{tag}") for tag in ("sp", "pic", "grpSp", "graphicFrame", "cxnSp", "contentPart")
)
_NS_P = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
# one pass in libxml2 over a master's or layout's shape tree, whatever its size
_PLACEHOLDERS = etree.XPath("./p:cSld/p:spTree/*[*/p:nvPr/p:ph]", namespaces=_NS_P)
_OTHERS = etree.XPath("./p:cSld/p:spTree/*[not(*/p:nvPr/p:ph)]", namespaces=_NS_P)
_ALL = etree.XPath("./p:cSld/p:spTree/*", namespaces=_NS_P)


def placeholders(owner) -> list:
    """``owner``'s (a master's or layout's) placeholders as python-pptx shapes, found in
    one pass (python-pptx runs an XPath query per shape for each placeholder lookup)."""
    shapes = owner.placeholders
    found = _PLACED.get(owner.part)
    if found is None:  # a master's or layout's placeholders do not change once cleaned
        found = [e for e in _PLACEHOLDERS(owner.element) if e.tag in _SHAPE_TAGS]
        _PLACED[owner.part] = found
    return [shape_of(shapes, element) for element in found]


_PLACED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # part -> placeholders


def shown_shapes(layout):
    """(owner, shape element) for each shape other than a placeholder that slides on
    ``layout`` show behind their content, bottom first: the master's (unless the layout
    hides them), then the layout's own."""
    for owner in shown_owners(layout):
        for element in own_shapes(owner):
            yield owner, element


def shown_owners(layout) -> tuple:
    """Whose shapes slides on ``layout`` show: its master's (unless it hides them) and
    its own, bottom first."""
    hidden = layout.element.get("showMasterSp") == "0"
    return (layout,) if hidden else (layout.slide_master, layout)


def own_shapes(owner) -> list:
    """The shape elements of a master or layout other than its placeholders, in order."""
    return [element for element in _OTHERS(owner.element) if element.tag in _SHAPE_TAGS]


def shape_rect(shape) -> Rect | None:
    """Where a shape (python-pptx's, or its element) is, from its own transform."""
    element = getattr(shape, "_element", shape)
    xfrm = element.find(_XFRM)
    if xfrm is None:
        return None
    off, ext = xfrm.find(_OFF), xfrm.find(_EXT)
    if off is None or ext is None:
        return None
    values = [emu(off.get("x")), emu(off.get("y")), emu(ext.get("cx")), emu(ext.get("cy"))]
    if None in values:
        return None
    return Rect(*values)


def emu(value: str | None) -> int | None:
    """A coordinate as written (an integer within DrawingML's range), else None."""
    if value is None or not _COORDINATE.fullmatch(value):
        return None
    return int(value)


_XFRM, _OFF, _EXT = qn("p:spPr") + "/" + qn("a:xfrm"), qn("a:off"), qn("a:ext")
_COORDINATE = re.compile(r"-?[0-9]{1,11}")


def _chain(own, inherited, master, style: str) -> list:
    """The run-property elements that set a placeholder's first-level text, nearest first."""
    chain = []
    for shape in (own, inherited):
        if shape is None:
            continue
        body = shape.element.find(qn("p:txBody"))
        if body is None:
            continue
        chain += body.xpath("./a:lstStyle/a:lvl1pPr/a:defRPr")
        chain += body.xpath("./a:p[1]/a:r[1]/a:rPr | ./a:p[1]/a:pPr/a:defRPr")
    chain += master.element.xpath(f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr")
    return chain


def _text_look(chain: list, theme: ThemeLook) -> TextLook:
    def first(get):
        return next((value for value in map(get, chain) if value is not None), None)

    size = first(lambda rpr: rpr.get("sz"))
    written = first(lambda rpr: _attr(rpr.find(qn("a:latin")), "typeface"))
    bold = first(lambda rpr: rpr.get("b"))
    align = first(lambda rpr: rpr.getparent().get("algn"))  # a level's or paragraph's
    color = first(lambda rpr: theme.color(_first_child(rpr.find(qn("a:solidFill")))))
    written = written or "+mn-lt"
    return TextLook(
        size=_points(size),
        color=color,
        family=theme.family(written),
        written=written,
        bold=None if bold is None else bold in ("1", "true"),
        align=align,
    )


def hex_color(value: str | None) -> str | None:
    """An "RRGGBB" colour as written, upper case; None for anything else."""
    return value.upper() if value and _HEX.fullmatch(value) else None


_HEX = re.compile(r"[0-9A-Fa-f]{6}")


def _points(size: str | None) -> float | None:
    """A text size in hundredths of a point as written (DrawingML's 1 to 4000 pt)."""
    value = emu(size)
    return value / 100 if value is not None and 100 <= value <= 400_000 else None


def _attr(element, name: str):
    return element.get(name) or None if element is not None else None


def _first_child(element):
    return element[0] if element is not None and len(element) else None


def background(layout, theme: ThemeLook) -> str:
    """The colour behind a layout's text: its own background, else its master's, else a
    master shape that covers the slide; a picture counts as its average colour."""
    slide_area = _slide_area(layout)
    for owner in (layout, layout.slide_master):
        found = _background_of(owner, theme)
        if found is not None:
            return found
    master = layout.slide_master
    for element in _ALL(master.element):
        rect = shape_rect(element) if element.tag in _SHAPE_TAGS else None
        if rect is not None and rect.w * rect.h >= COVERS * slide_area:
            found = fill_color(element.find(qn("p:spPr")), master.part, theme)
            found = found or picture_color(element, master.part)
            if found is not None:
                return found
    return theme.color(_scheme("bg1")) or "FFFFFF"


def _slide_area(layout) -> int:
    prs = layout.part.package.presentation_part.presentation
    return prs.slide_width * prs.slide_height


def _scheme(name: str):
    return etree.Element(f"{{{_A}}}schemeClr", val=name)


def _background_of(owner, theme: ThemeLook) -> str | None:
    bg = owner.element.find(qn("p:cSld") + "/" + qn("p:bg"))
    if bg is None:
        return None
    props = bg.find(qn("p:bgPr"))
    if props is not None:
        return fill_color(props, owner.part, theme)
    ref = bg.find(qn("p:bgRef"))
    return theme.color(_first_child(ref)) if ref is not None else None


def fill_color(props, part, theme: ThemeLook) -> str | None:
    """The colour a shape or background fill shows on average."""
    if props is None:
        return None
    solid = props.find(qn("a:solidFill"))
    if solid is not None:
        return theme.color(_first_child(solid))
    stops = props.xpath("./a:gradFill/a:gsLst/a:gs")
    colors = [c for c in (theme.color(_first_child(stop)) for stop in stops) if c]
    if colors:
        average = colors[0]
        for i, color in enumerate(colors[1:], 2):
            average = mix(color, average, 1 / i)
        return average
    return picture_color(props, part)


TITLE_ZONE = 0.4  # a content or title-only slide's title starts in this top share
WORKABLE_BODY = 0.15  # a content slide's body covers at least this share of the slide


def text_boxes(layout) -> tuple[Rect, Rect | None] | None:
    """Where slides on ``layout`` put their title (and body, if it has one), placed as
    deckgen places them: the title near the top, above the body. The layout's own boxes,
    or its master's, whichever placed so has the larger body (exported templates can give
    every layout one master's boxes) above the footer and slide number; None if neither
    is placed so."""
    prs = layout.part.package.presentation_part.presentation
    height, area = prs.slide_height, prs.slide_width * prs.slide_height
    has_body = any(ph.placeholder_format.type in BODIES for ph in placeholders(layout))
    own = (_first_rect(layout, TITLES), _first_rect(layout, BODIES) if has_body else None)
    master = layout.slide_master
    inherited = (master_rect(master, TITLES), master_rect(master, BODIES) if has_body else None)
    placed = []
    for title, body in (own, inherited):
        if title is None or title.y >= TITLE_ZONE * height:
            continue
        if not has_body:
            return title, None
        below = body is not None and body.y >= title.y + title.h // 2
        if below and body.w * body.h >= WORKABLE_BODY * area:
            placed.append((title, body))
    chrome = [_first_rect(layout, types) for types in (FOOTERS, NUMBERS)]

    def usable(pair) -> int:
        """The body's area above any footer or number box that cuts into its lower half."""
        body = pair[1]
        tops = [box.y for box in chrome if box and body.y + body.h // 2 < box.y < body.bottom]
        return body.w * (min(tops, default=body.bottom) - body.y)

    return max(placed, key=usable, default=None)


def _first_rect(layout, types) -> Rect | None:
    own = next((ph for ph in placeholders(layout) if ph.placeholder_format.type in types), None)
    if own is None:
        return None
    kind = own.placeholder_format.type
    return shape_rect(own) or master_rect(layout.slide_master, (_MASTER_TYPE.get(kind, kind),))
