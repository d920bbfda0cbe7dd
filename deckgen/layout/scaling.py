"""A design for another slide size than deckgen's own 13.333 × 7.5 in."""

from __future__ import annotations

from dataclasses import replace

from .design import Design

# Scaling a design for another slide size: lengths (EMU, ints) and point sizes scale;
# counts and ratios (floats outside the type scale but for these sizes) do not.
_COUNTS = frozenset({"title_lines", "most", "columns", "tab", "max_ticks"})
_POINTS = frozenset({"subtitle_floor", "rule_width"})
_UNSCALED = frozenset({"spacing", "palette", "handout", "notes_page", "font", "heading_font"})


def scaled(design: Design, factor: float) -> Design:
    """``design`` for a slide ``factor`` times the size of 13.333 × 7.5 in: every length
    and type size times ``factor``, so a slide looks the same, only smaller or larger
    (the notes page and the handout are paper: they keep their sizes)."""
    if factor == 1:
        return design
    changes = {
        name: _scaled(getattr(design, name), factor, name, points=name == "scale")
        for name in design.__dataclass_fields__
        if name not in _UNSCALED
    }
    return replace(design, **changes)


def _scaled(value, factor: float, name: str, points: bool = False):
    if hasattr(value, "__dataclass_fields__"):  # a part of the record, a Rect, Insets
        return replace(
            value,
            **{
                part: _scaled(getattr(value, part), factor, part, points)
                for part in value.__dataclass_fields__
            },
        )
    if isinstance(value, bool) or name in _COUNTS:
        return value
    if (points and isinstance(value, int | float)) or (
        isinstance(value, float) and name in _POINTS
    ):
        return round(value * factor * 2) / 2  # type in half points, as PowerPoint offers

    if isinstance(value, int):
        return round(value * factor)
    return value
