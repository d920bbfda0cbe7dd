"""Per layout: the template's own text colour in each text placeholder of each layout
the slides use, against the drawn ground under the placeholder's box (the worst 5 % of
its pixels, as the build decides colours): what a slide added by hand in PowerPoint from
that layout shows, before anyone types a colour.

The colour is the first-level one the placeholder inherits (its own list style, the
master's placeholder of its type, the master's ``titleStyle``/``bodyStyle``/
``otherStyle``; else the theme's ``tx1``), resolved through the master's colour map and
theme (with ``lumMod``/``lumOff``, ``shade`` and ``tint``); its size (else 18 pt) says
whether 3:1 or 4.5:1 is needed.
"""

from __future__ import annotations

import colorsys

from ..layout.colors import LARGE_RATIO, TEXT_RATIO, contrast, mix
from ..layout.contrast import worst_ground
from ..render.pptx.xmlns import DML, PML
from .artwork import NOT_TEXT, placed, top_shapes
from .fidelity import TITLE_TYPES, shape_name
from .findings import Finding, where

BODY_TYPES = ("body", "subTitle", "obj")


def layout_contrast(package, slides, deck, grounds) -> list[Finding]:
    """A low-contrast finding (``slide`` None) for each text placeholder of each layout
    the slides use whose inherited colour reads below AA on the drawn ground."""
    if grounds is None:
        return []
    frames = {frame.number: frame for frame in deck.slides}
    first: dict[str, object] = {}
    for slide in slides:
        first.setdefault(slide.layout, slide)
    found = []
    for layout, slide in first.items():
        frame = frames.get(slide.number)
        if frame is None:
            continue
        tree, master = package.part(layout), package.part(slide.master)
        themes = package.related(slide.master, "theme")
        theme = _Theme(package.part(themes[0]) if themes else None, master)
        for shape in top_shapes(tree):
            ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
            box = placed(shape, tree, master) if ph is not None else None
            if box is None or ph.get("type") in NOT_TEXT:
                continue
            ink, size = _inherited(shape, ph.get("type", "obj"), master, theme)
            colors = grounds.colors(frame.layout, box)
            if ink is None or not colors:
                continue
            ground = worst_ground(colors, ink)
            ratio, need = contrast(ink, ground), LARGE_RATIO if size >= 18 else TEXT_RATIO
            if ratio < need:
                figures = {"color": ink, "ground": ground, "ratio": round(ratio, 2),
                           "need": need, "on": "artwork"}  # fmt: skip
                message = (
                    f"{where(None, shape_name(shape))}: the layout's text colour #{ink} reads "
                    f"at {ratio:.1f}:1 on the artwork under the placeholder (#{ground} at "
                    f"worst), below {need:g}:1"
                )
                found.append(Finding("low-contrast", message, None, slide.layout_name,
                                     shape_name(shape), None, (), figures))  # fmt: skip
    return found


def _inherited(shape, kind: str, master, theme: _Theme) -> tuple[str | None, float]:
    """The first-level text colour and size (points) a layout's placeholder gives."""
    chain = [shape]
    wanted = "title" if kind in TITLE_TYPES else "body" if kind in BODY_TYPES else kind
    for other in top_shapes(master):
        ph = other.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
        if ph is not None and ph.get("type", "obj") in (wanted, kind):
            chain.append(other)
            break
    levels = [s.find(f"{PML}txBody/{DML}lstStyle/{DML}lvl1pPr/{DML}defRPr") for s in chain]
    style = "titleStyle" if kind in TITLE_TYPES else "bodyStyle" if kind in BODY_TYPES else None
    style = style or "otherStyle"
    levels.append(master.find(f"{PML}txStyles/{PML}{style}/{DML}lvl1pPr/{DML}defRPr"))
    levels = [level for level in levels if level is not None]
    fill = next(
        (lv.find(DML + "solidFill") for lv in levels if lv.find(DML + "solidFill") is not None),
        None,
    )
    size = next((lv.get("sz") for lv in levels if lv.get("sz") is not None), None)
    points = int(size) / 100 if size is not None and size.isdigit() else 18.0
    if fill is None:
        return theme.slot("tx1"), points
    return theme.color(next((c for c in fill if isinstance(c.tag, str)), None)), points


class _Theme:
    """A master's theme colours through its colour map."""

    def __init__(self, theme, master) -> None:
        self.slots: dict[str, str] = {}
        scheme = theme.find(f".//{DML}clrScheme") if theme is not None else None
        for slot in scheme if scheme is not None else ():
            if not isinstance(slot.tag, str) or not len(slot):
                continue
            value = slot[0].get("val") if slot[0].tag == DML + "srgbClr" else slot[0].get("lastClr")
            if _is_hex(value):
                self.slots[slot.tag.rsplit("}", 1)[-1]] = value.upper()
        mapping = master.find(PML + "clrMap")
        self.mapping = dict(mapping.attrib) if mapping is not None else {}

    def slot(self, name: str) -> str | None:
        return self.slots.get(self.mapping.get(name, name))

    def color(self, element) -> str | None:
        if element is None:
            return None
        tag = element.tag.rsplit("}", 1)[-1]
        base = {
            "srgbClr": lambda: element.get("val"),
            "sysClr": lambda: element.get("lastClr"),
            "schemeClr": lambda: self.slot(element.get("val", "")),
        }.get(tag, lambda: None)()
        if not _is_hex(base):
            return None
        return _modified(base.upper(), element)


def _is_hex(value) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 6
        and all(c in "0123456789abcdefABCDEF" for c in value)
    )


def _modified(color: str, element) -> str:
    """``color`` with the element's luminance modulation and offset, shade and tint."""
    mods = {}
    for child in element:
        value = child.get("val", "") if isinstance(child.tag, str) else ""
        if value.isdigit():
            mods[child.tag.rsplit("}", 1)[-1]] = int(value) / 100_000
    if not mods:
        return color
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = max(0.0, min(1.0, light * mods.get("lumMod", 1) + mods.get("lumOff", 0)))
    out = "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(hue, light, sat))
    if "shade" in mods:
        out = mix(out, "000000", max(0.0, min(1.0, mods["shade"])))
    if "tint" in mods:
        out = mix(out, "FFFFFF", max(0.0, min(1.0, mods["tint"])))
    return out
