"""The default theme: slide grid, type scale and colours, resolved from the outline's theme."""

from __future__ import annotations

from dataclasses import dataclass

from ..outline import model as m
from .geometry import Rect, inch


def hex6(color: str) -> str:
    return color.lstrip("#").upper()


def mix(color: str, other: str, amount: float) -> str:
    """``amount`` of ``color`` over ``other`` (both RRGGBB)."""
    a = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(other[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x * amount + y * (1 - amount)):02X}" for x, y in zip(a, b, strict=True))


def luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two RRGGBB colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def on_color(fill: str, dark: str = "1F2933") -> str:
    """White or dark text, whichever reads better on ``fill``."""
    return "FFFFFF" if contrast("FFFFFF", fill) >= contrast(dark, fill) else dark


@dataclass(frozen=True)
class TypeScale:
    """Preferred sizes and the readable floor, in points."""

    title: float = 36
    title_floor: float = 28
    hero: float = 44  # title slide, dividers, closing
    subtitle: float = 24
    body: float = 26
    sub_body: float = 22
    floor: float = 18  # nothing on a slide (but chrome) goes below this
    quote: float = 28
    table: float = 20
    table_header: float = 20
    chrome: float = 12
    step: float = 2


@dataclass(frozen=True)
class Theme:
    font: str
    primary: str
    text: str
    muted: str
    background: str
    surface: str
    concepts: dict
    logo: m.Image | None
    scale: TypeScale = TypeScale()
    width: int = inch(13.333)
    height: int = inch(7.5)
    margin: int = inch(0.6)

    @property
    def slide(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @property
    def title_box(self) -> Rect:
        return Rect(self.margin, inch(0.35), self.width - 2 * self.margin, inch(1.15))

    @property
    def rule_y(self) -> int:
        # clearly apart from the title's last line, so it never reads as an underline
        return inch(1.66)

    @property
    def body_box(self) -> Rect:
        top = inch(1.98)
        return Rect(self.margin, top, self.width - 2 * self.margin, inch(6.8) - top)

    @property
    def footer_y(self) -> int:
        return inch(6.98)

    def concept_color(self, name: str | None) -> str:
        if name and name in self.concepts:
            return hex6(self.concepts[name].color)
        return self.primary

    def concept_label(self, name: str | None) -> str | None:
        return self.concepts[name].label if name and name in self.concepts else None

    def tint(self, color: str, amount: float = 0.12) -> str:
        return mix(color, self.background, amount)


def resolve_theme(outline: m.Outline) -> Theme:
    colors = outline.theme.colors
    # the width is 13.333 in (16:9): 12192000 EMU exactly
    return Theme(
        font=outline.theme.font,
        primary=hex6(colors.primary),
        text=hex6(colors.text),
        muted=hex6(colors.muted),
        background=hex6(colors.background),
        surface=hex6(colors.surface),
        concepts=dict(outline.concepts),
        logo=outline.theme.logo,
        width=12_192_000,
        height=6_858_000,
    )
