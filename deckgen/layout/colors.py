"""Colour arithmetic on "RRGGBB" strings: mixing and WCAG contrast."""

from __future__ import annotations

import colorsys
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


WHOLE = 100_000  # DrawingML's percentages: 100000 is 100 %


def modulated(color: str, lum_mod: int = WHOLE, lum_off: int = 0, sat_mod: int = WHOLE) -> str:
    """``color`` with DrawingML's ``lumMod``, ``lumOff`` and ``satMod`` (as written,
    100000 = 1) applied in HSL, as PowerPoint and LibreOffice apply them."""
    hue, light, sat = colorsys.rgb_to_hls(*(int(color[i : i + 2], 16) / 255 for i in (0, 2, 4)))
    light = min(1.0, max(0.0, light * lum_mod / WHOLE + lum_off / WHOLE))
    sat = min(1.0, max(0.0, sat * sat_mod / WHOLE))
    return "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(hue, light, sat))


@functools.lru_cache(maxsize=4096)
def modulation(color: str, base: str) -> tuple[int, int, int] | None:
    """``(lumMod, lumOff, satMod)`` that make ``base`` into ``color`` (darker: lumMod;
    lighter: lumMod and lumOff, as PowerPoint's "Lighter 40 %"), where they give it to
    within one step a channel; None where they do not (another hue, or grey from a
    colour)."""
    _, base_light, base_sat = colorsys.rgb_to_hls(*_shares(base))
    _, light, sat = colorsys.rgb_to_hls(*_shares(color))
    if base_sat < GREY and sat >= GREY or base_sat >= GREY and sat < GREY:
        return None
    if light <= base_light:
        mod, off = (light / base_light if base_light else 1.0), 0.0
    else:
        mod = (1 - light) / (1 - base_light)
        off = 1 - mod
    sat_mod = sat / base_sat if base_sat >= GREY else 1.0
    for saturation in (WHOLE, round(sat_mod * WHOLE)):  # without satMod where it does
        found = (round(mod * WHOLE), round(off * WHOLE), saturation)
        made = modulated(base, *found)
        if all(abs(int(made[i : i + 2], 16) - int(color[i : i + 2], 16)) <= 1 for i in (0, 2, 4)):
            return found
    return None


GREY = 0.02  # HSL saturation below which a colour counts as grey


def hue_gap(color: str, base: str) -> float:
    """How far apart the hues of two colours are (0 to 0.5 of the circle; 0 where either
    is grey): a shade made by mixing with black or white keeps its colour's hue."""
    hue, _, sat = colorsys.rgb_to_hls(*_shares(color))
    base_hue, _, base_sat = colorsys.rgb_to_hls(*_shares(base))
    if sat < GREY or base_sat < GREY:
        return 0.0
    gap = abs(hue - base_hue) % 1
    return min(gap, 1 - gap)


def _shares(color: str) -> tuple[float, float, float]:
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue
