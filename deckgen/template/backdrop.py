"""What lies behind a template's text: the filled shapes and pictures its layouts show
(for the contrast check and for choosing quiet layouts), the colour under a box, how well
a placeholder's text reads there, and whether the master numbers slides itself."""

from __future__ import annotations

import weakref

from lxml import etree
from pptx.oxml.ns import qn

from ..layout.geometry import Rect
from .look import (
    ThemeLook,
    background,
    fill_color,
    own_shapes,
    placeholder,
    shape_rect,
    shown_owners,
    shown_shapes,
)
from .pictures import picture_color


def backdrops(layout, theme: ThemeLook) -> list[tuple[Rect, str]]:
    """The filled shapes a layout shows behind slide content (its master's, unless it
    hides them, then its own), bottom first, each as its box and average colour."""
    found: list[tuple[Rect, str]] = []
    for owner in shown_owners(layout):
        known = _BACKDROPS.get(owner.part)
        if known is None:
            known = _BACKDROPS[owner.part] = tuple(_own_backdrops(owner, theme))
        found += known
    return found


def _own_backdrops(owner, theme: ThemeLook):
    for element in own_shapes(owner):
        rect = shape_rect(element)
        if rect is None or rect.w <= 0 or rect.h <= 0:
            continue
        color = fill_color(element.find(qn("p:spPr")), owner.part, theme)
        color = color or picture_color(element, owner.part)
        if color is not None:
            yield rect, color


# master or layout part -> its backdrops: worked out once, however often the design asks
# (a master's or layout's look does not change while a design is made on it)
_BACKDROPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def covered(region: Rect, shapes: list[tuple[Rect, str]]) -> float:
    """The share of ``region`` that ``shapes``' boxes cover (overlaps counted once each)."""
    if region.w <= 0 or region.h <= 0:
        return 0.0
    total = 0
    for rect, _color in shapes:
        width = min(region.x + region.w, rect.x + rect.w) - max(region.x, rect.x)
        height = min(region.y + region.h, rect.y + rect.h) - max(region.y, rect.y)
        if width > 0 and height > 0:
            total += width * height
    return min(1.0, total / (region.w * region.h))


def behind(layout, theme: ThemeLook, rect: Rect) -> str:
    """The colour behind the middle of ``rect`` on ``layout``: the topmost filled shape or
    picture there, else the background."""
    x, y = rect.x + rect.w // 2, rect.y + rect.h // 2
    for box, color in reversed(backdrops(layout, theme)):
        if box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h:
            return color
    return background(layout, theme)


def text_contrast(layout, types, where: Rect | None = None) -> float:
    """How well the text of ``layout``'s placeholder of ``types`` reads on what lies
    behind it (at ``where`` if given, else in its own box): 1 to 21."""
    from ..layout.colors import contrast

    theme = ThemeLook(layout.slide_master)
    found = placeholder(layout, types, theme)
    if found is None or found.text.color is None:
        return 21.0  # nothing says otherwise
    return contrast(found.text.color, behind(layout, theme, where or found.rect))


def picture_background(layout) -> bool:
    """Whether the background slides on ``layout`` show is a picture."""
    for owner in (layout, layout.slide_master):
        bg = owner.element.find(qn("p:cSld") + "/" + qn("p:bg"))
        if bg is not None:
            return bg.find(".//" + qn("a:blip")) is not None
    return False


def numbers_slides(layout) -> bool:
    """Whether ``layout`` (or the master it shows) prints the slide number itself, in a
    shape of its own rather than a slide-number placeholder."""
    return any(_SLIDE_NUMBERS(element) for _owner, element in shown_shapes(layout))


_SLIDE_NUMBERS = etree.XPath(
    './/a:fld[@type="slidenum"]',
    namespaces={"a": "http://schemas.openxmlformats.org/drawingml/2006/main"},
)
