"""What a slide placeholder's text inherits, so runs write only what differs from it.

A run in a placeholder takes its size, font, weight and alignment, level by level, from
the first of: the placeholder's own list style, its layout's placeholder (same idx, else
same type), the master's placeholder of its type, and the master's text style
(``p:titleStyle`` for titles, ``p:bodyStyle`` for bodies and subtitles). PowerPoint
follows that whole chain. Where a master has two placeholders of a kind (Candy's
second master: a 44 pt title and a rotated 65 pt one), which one a slide follows is not
settled (LibreOffice took the second), so nothing counts as inherited there. Footers,
dates and slide numbers stop at the master's placeholder (their text style is not read
here). Theme font references (``+mj-lt``, ``+mn-lt``) are resolved through the master's
theme, so a run in the theme's font and a placeholder naming that font agree; colours
(``srgbClr``, ``sysClr``, and ``schemeClr`` through the master's colour map) likewise, so
a run in the colour its placeholder gives writes none. A colour with modifiers (a tint,
``lumMod``) counts as unknown: the run writes its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...safexml import parse
from .xmlns import DML, PML

_TITLES = ("title", "ctrTitle")
_BODIES = ("body", "subTitle", "obj")
LEVELS = 9  # DrawingML's lvl1pPr … lvl9pPr
_TRUE = ("1", "true")


@dataclass(frozen=True)
class InheritedText:
    """Per paragraph level (0-based): the size (hundredths of a point, as written), the
    latin font family (theme references resolved) and the weight a placeholder's runs
    inherit; None where nothing in the chain says (for the weight: regular, OOXML's
    default)."""

    sizes: tuple[str | None, ...]
    fonts: tuple[str | None, ...]
    theme_fonts: dict
    bolds: tuple[bool | None, ...] = (False,) * 9
    aligns: tuple[str | None, ...] = ("l",) * 9  # "l" where the chain says nothing (OOXML's)
    colors: tuple[str | None, ...] = (None,) * 9  # "RRGGBB"; None where unknown

    def color(self, level: int) -> str | None:
        return self.colors[min(level, LEVELS - 1)]

    def bold(self, level: int) -> bool | None:
        return self.bolds[min(level, LEVELS - 1)]

    def align(self, level: int) -> str | None:
        return self.aligns[min(level, LEVELS - 1)]

    def size(self, level: int) -> str | None:
        return self.sizes[min(level, LEVELS - 1)]

    def gives_font(self, level: int, font: str) -> bool:
        """Whether a run at ``level`` written in ``font`` (a family or a theme
        reference) shows that font without naming it."""
        inherited = self.fonts[min(level, LEVELS - 1)]
        return inherited is not None and inherited == self.theme_fonts.get(font, font)


class Inheritance:
    """The inherited text of slide placeholders, their masters' themes read once."""

    def __init__(self) -> None:
        self._themes: dict[int, dict] = {}
        self._colors: dict[int, dict] = {}

    def of(self, element, layout) -> InheritedText:
        """What the placeholder ``element`` (on a slide made from ``layout``) inherits;
        nothing where its master has no text style for it."""
        ph = element.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
        kind = ph.get("type", "obj")
        idx = ph.get("idx", "0")
        master = layout.slide_master
        masters = _master_placeholders(master.element, kind)
        if len(masters) > 1:  # which one a slide follows is not settled: say it all
            unknown = (None,) * LEVELS
            return InheritedText(unknown, unknown, {}, unknown, unknown)
        chain = [element, layout_placeholder(layout.element, kind, idx), *masters]
        levels = [shape.find(f"{PML}txBody/{DML}lstStyle") for shape in chain if shape is not None]
        style = "titleStyle" if kind in _TITLES else "bodyStyle" if kind in _BODIES else None
        if style is not None:
            levels.append(master.element.find(f"{PML}txStyles/{PML}{style}"))
        levels = [found for found in levels if found is not None]
        theme = self._theme_fonts(master)
        sizes, fonts, bolds, aligns = _resolved(levels, theme)
        colors = _colors(levels, self._scheme(master))
        return InheritedText(sizes, fonts, theme, bolds, aligns, colors)

    def _scheme(self, master) -> dict:
        """The master's colours by the names text styles use (``tx1``, ``accent1`` …:
        the colour map applied to its theme's scheme) and by the scheme's own names."""
        key = id(master.part)
        if key not in self._colors:
            root = parse(master.part.part_related_by(RT.THEME).blob)
            scheme = root.find(f".//{DML}clrScheme")
            slots = {}
            for slot in scheme if scheme is not None else ():
                if isinstance(slot.tag, str) and len(slot):
                    value = slot[0].get("lastClr") or slot[0].get("val")
                    if value and len(value) == 6:
                        slots[slot.tag.rsplit("}", 1)[-1]] = value.upper()
            mapping = master.element.find(f"{PML}clrMap")
            mapped = dict(mapping.attrib) if mapping is not None else {}
            self._colors[key] = {**slots, **{k: slots[v] for k, v in mapped.items() if v in slots}}
        return self._colors[key]

    def _theme_fonts(self, master) -> dict:
        key = id(master.part)
        if key not in self._themes:
            root = parse(master.part.part_related_by(RT.THEME).blob)
            found = {}
            for ref, tag in (("+mj-lt", "majorFont"), ("+mn-lt", "minorFont")):
                latin = root.find(f".//{DML}fontScheme/{DML}{tag}/{DML}latin")
                if latin is not None and latin.get("typeface"):
                    found[ref] = latin.get("typeface")
            self._themes[key] = found
        return self._themes[key]


def _resolved(levels: list, theme: dict) -> tuple:
    """Per level, from the first of ``levels`` (list styles, nearest first) that says:
    sizes, font families, weights (OOXML's regular where none says) and alignments
    (left where none says)."""
    sizes, fonts, bolds, aligns = [], [], [], []
    for number in range(1, LEVELS + 1):
        pprs = [ppr for found in levels if (ppr := found.find(f"{DML}lvl{number}pPr")) is not None]
        rprs = [rpr for ppr in pprs if (rpr := ppr.find(f"{DML}defRPr")) is not None]
        aligns.append(next((ppr.get("algn") for ppr in pprs if ppr.get("algn")), "l"))
        sizes.append(next((rpr.get("sz") for rpr in rprs if rpr.get("sz")), None))
        bolds.append(next((rpr.get("b") for rpr in rprs if rpr.get("b")), "0") in _TRUE)
        faces = [rpr.find(f"{DML}latin") for rpr in rprs]
        typeface = next(
            (face.get("typeface") for face in faces if face is not None and face.get("typeface")),
            None,
        )
        fonts.append(theme.get(typeface, typeface) if typeface else None)
    return tuple(sizes), tuple(fonts), tuple(bolds), tuple(aligns)


def _colors(levels: list, scheme: dict) -> tuple[str | None, ...]:
    """Per level, the colour the first of ``levels`` that sets one gives ("RRGGBB"),
    None where none does or it has modifiers."""
    found = []
    for number in range(1, LEVELS + 1):
        fills = [
            fill
            for style in levels
            if (fill := style.find(f"{DML}lvl{number}pPr/{DML}defRPr/{DML}solidFill")) is not None
        ]
        color = fills[0][0] if fills and len(fills[0]) else None
        found.append(_color_value(color, scheme) if color is not None else None)
    return tuple(found)


def _color_value(color, scheme: dict) -> str | None:
    if not isinstance(color.tag, str) or len(color):  # a comment, or modifiers
        return None
    tag = color.tag.rsplit("}", 1)[-1]
    if tag == "srgbClr":
        value = color.get("val")
    elif tag == "sysClr":
        value = color.get("lastClr")
    elif tag == "schemeClr":
        return scheme.get(color.get("val", ""))
    else:
        return None
    return value.upper() if value and len(value) == 6 else None


def _placeholders(tree) -> list:
    return tree.findall(f"{PML}cSld/{PML}spTree/{PML}sp")


def _ph(shape):
    return shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")


def layout_placeholder(layout, kind: str, idx: str):
    """The layout's placeholder a slide's inherits from: the same idx, else the same type."""
    shapes = [(shape, ph) for shape in _placeholders(layout) if (ph := _ph(shape)) is not None]
    for shape, ph in shapes:
        if ph.get("idx", "0") == idx and ph.get("type", "obj") == kind:
            return shape
    for shape, ph in shapes:
        if ph.get("idx", "0") == idx and idx != "0":
            return shape
    return next((shape for shape, ph in shapes if ph.get("type", "obj") == kind), None)


def _master_placeholders(master, kind: str) -> list:
    """The master's placeholders of ``kind``'s family (titles the title, bodies,
    subtitles and content the body, others their own type): one, as a rule."""
    wanted = "title" if kind in _TITLES else "body" if kind in _BODIES else kind
    types = (wanted, "obj") if wanted == "body" else (wanted,)
    return [
        shape
        for shape in _placeholders(master)
        if (ph := _ph(shape)) is not None and ph.get("type", "obj") in types
    ]
