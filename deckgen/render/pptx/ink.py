"""Colours and fonts as references to the deck's theme, so that PowerPoint's Design >
Colors and Fonts change the whole deck.

A colour that is one of the theme's slots (text, background, primary, surface, the
concepts' accents) is written as that slot (``a:schemeClr``); any other colour (a
tint, say) stays a literal. Text is set in the theme's fonts: titles in the major
(heading) font, everything else in the minor (body) font.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from lxml.etree import SubElement
from pptx.enum.dml import MSO_THEME_COLOR

from ...layout.colors import WHOLE, hue_gap, modulation
from ...layout.compositions import Typefaces
from ...layout.frames import Deck
from .inherit import InheritedText

# theme slot -> (the name a shape's colour uses, python-pptx's enum for it)
_SLOTS = {
    "dk1": ("tx1", MSO_THEME_COLOR.TEXT_1),
    "lt1": ("bg1", MSO_THEME_COLOR.BACKGROUND_1),
    "dk2": ("tx2", MSO_THEME_COLOR.TEXT_2),
    "lt2": ("bg2", MSO_THEME_COLOR.BACKGROUND_2),
    **{f"accent{i}": (f"accent{i}", getattr(MSO_THEME_COLOR, f"ACCENT_{i}")) for i in range(1, 7)},
    "hlink": ("hlink", MSO_THEME_COLOR.HYPERLINK),
}
_DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_UNCHANGED = {"lumMod": WHOLE, "lumOff": 0, "satMod": WHOLE}
HEADING_FONT = "+mj-lt"
BODY_FONT = "+mn-lt"


@dataclass(frozen=True)
class Ink:
    by_color: dict[str, str]  # "RRGGBB" -> theme slot (the first slot that has it)
    lang: str
    background: str  # "RRGGBB" the master shows: slides on it need no background of their own
    heading_font: str = HEADING_FONT  # as written: a theme reference, or a template's family
    body_font: str = BODY_FONT
    # a hyperlink's relationship id in the part being written (None: links are not made)
    links: Callable[[str], str] | None = None
    # what the placeholder being written inherits (None: a text box, which names all)
    inherited: InheritedText | None = None
    # (slot, "RRGGBB") in the theme's order: shades of them are written as the slot
    slot_colors: tuple[tuple[str, str], ...] = ()
    fixed: tuple[str, ...] = ()  # colours the outline sets: they and their shades stay
    faces: Typefaces = Typefaces()  # the design's: code's and bullets' families

    def on_part(self, part) -> Ink:
        """This ink for writing into ``part`` (a slide): links become its relationships,
        one per address."""
        return replace(self, links=functools.partial(_link_rid, part))

    def inheriting(self, inherited: InheritedText | None) -> Ink:
        """This ink for a placeholder that inherits ``inherited``."""
        return replace(self, inherited=inherited)

    @classmethod
    def of(cls, deck: Deck) -> Ink:
        by_color: dict[str, str] = {}
        design = deck.design
        for slot, color in design.slots():
            if slot in _SLOTS:  # folHlink, say, is no colour a shape or run may name
                by_color.setdefault(color.upper(), slot)
        heading, body = design.fonts_written
        return cls(
            by_color,
            deck.meta.language,
            design.palette.background.upper(),
            heading,
            body,
            slot_colors=tuple((slot, color.upper()) for slot, color in design.slots()),
            fixed=tuple(color.upper() for color in design.fixed_colors),
            faces=design.faces,
        )

    def paint(self, color_format, color: str) -> None:
        """Set a python-pptx ColorFormat to ``color``: its theme slot, or the literal."""
        slot = self.by_color.get(color.upper())
        if slot is not None:
            color_format.theme_color = _SLOTS[slot][1]
        else:
            from pptx.dml.color import RGBColor

            color_format.rgb = RGBColor.from_string(color)

    def put(self, parent, color: str):
        """``color`` as a DrawingML colour element (a:schemeClr, with the modifiers that
        make a shade of a slot, or a:srgbClr), appended to ``parent``, which is returned."""
        tag, value, mods = self._written(color)
        element = SubElement(parent, _DML + tag, val=value)
        for name, amount in mods:
            SubElement(element, _DML + name, val=str(amount))
        return parent

    def xml(self, color: str) -> str:
        """``color`` as the markup of the element ``put`` appends."""
        tag, value, mods = self._written(color)
        if not mods:
            return f'<a:{tag} val="{value}"/>'
        inner = "".join(f'<a:{name} val="{amount}"/>' for name, amount in mods)
        return f'<a:{tag} val="{value}">{inner}</a:{tag}>'

    def _written(self, color: str) -> tuple[str, str, tuple]:
        """The element's tag, its ``val`` and its modifiers (name, value) for ``color``: a
        theme slot; else a slot made lighter or darker (PowerPoint's "Accent 1, Darker
        25 %"), where modifiers give the colour to within one step a channel; else the
        literal."""
        key = color.upper()
        slot = self.by_color.get(key)
        if slot is not None:
            return "schemeClr", _SLOTS[slot][0], ()
        shades = [
            (_nearness(key, base, found), slot, found)
            for slot, base in self.slot_colors
            if slot in _SLOTS and (found := modulation(key, base)) is not None
        ]
        if not shades:
            return "srgbClr", color, ()
        # the slot of its hue it is the least change of (a darker accent1, rather than
        # dk2 lightened and greyed), unless a colour the outline sets is as near: its shade
        nearness, slot, found = min(shades)
        own = [
            _nearness(key, fixed, mods)
            for fixed in self.fixed
            if (mods := modulation(key, fixed)) is not None
        ]
        if own and min(own) <= nearness:
            return "srgbClr", color, ()
        mods = zip(("lumMod", "lumOff", "satMod"), found, strict=True)
        kept = tuple((name, amount) for name, amount in mods if amount != _UNCHANGED[name])
        return "schemeClr", _SLOTS[slot][0], kept


def _nearness(color: str, base: str, mods: tuple[int, int, int]) -> tuple[float, int]:
    """How near ``color`` is to ``base``: their hues' gap (to a thousandth of the circle),
    then how far ``(lumMod, lumOff, satMod)`` take ``base``."""
    lum_mod, lum_off, sat_mod = mods
    return (
        round(hue_gap(color, base), 3),
        abs(WHOLE - lum_mod) + abs(lum_off) + abs(WHOLE - sat_mod),
    )


def _link_rid(part, url: str) -> str:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    return part.relate_to(url, RT.HYPERLINK, is_external=True)
