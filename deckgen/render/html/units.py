"""Numbers and attribute values as the web handout writes them."""

from __future__ import annotations

from html import escape

from ...layout.geometry import EMU_PER_PT

__all__ = ["EMU_PER_PT", "attr", "num", "pt"]


def num(value: float) -> str:
    """A number, two decimals at most, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def pt(emu: float) -> str:
    """EMU as points."""
    return num(emu / EMU_PER_PT)


def attr(value: str) -> str:
    """Text for an attribute value in double quotes."""
    return escape(value, quote=True)
