"""Colour arithmetic on "RRGGBB" strings: mixing and WCAG contrast."""

from __future__ import annotations

import functools

WHITE = "FFFFFF"


def hex6(color: str) -> str:
    return color.lstrip("#").upper()


def mix(color: str, other: str, amount: float) -> str:
    """``amount`` of ``color`` over ``other`` (both RRGGBB)."""
    over = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    under = [int(other[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(
        f"{round(top * amount + bottom * (1 - amount)):02X}"
        for top, bottom in zip(over, under, strict=True)
    )


@functools.lru_cache(maxsize=65536)  # a drawn ground's colours are asked about often
def luminance(color: str) -> float:
    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


@functools.lru_cache(maxsize=4096)
def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two RRGGBB colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def on_color(fill: str, dark: str) -> str:
    """White or ``dark`` text, whichever reads better on ``fill``."""
    return WHITE if contrast(WHITE, fill) >= contrast(dark, fill) else dark


TEXT_RATIO, LARGE_RATIO = 4.5, 3.0  # WCAG AA: body text, large text


def readable(color: str, behind: str, large: bool = False) -> str:
    """``color`` for text on ``behind``, darkened or lightened as little as it takes to
    reach WCAG AA (4.5:1, or 3:1 for large text)."""
    need = LARGE_RATIO if large else TEXT_RATIO
    if contrast(color, behind) >= need:
        return color
    toward = "000000" if contrast("000000", behind) >= contrast("FFFFFF", behind) else "FFFFFF"
    for step in range(1, 11):
        candidate = mix(toward, color, step / 10)
        if contrast(candidate, behind) >= need:
            return candidate
    return toward
