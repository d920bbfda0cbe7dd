"""Colour arithmetic on "RRGGBB" strings: mixing and WCAG contrast."""

from __future__ import annotations

WHITE = "FFFFFF"


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


def on_color(fill: str, dark: str) -> str:
    """White or ``dark`` text, whichever reads better on ``fill``."""
    return WHITE if contrast(WHITE, fill) >= contrast(dark, fill) else dark
