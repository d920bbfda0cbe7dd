"""A chart's value axis and its words: "nice" ticks that cover the data, numbers written
with the talk's decimal sign, and labels cut to the room they have.

Tick values are worked out in decimal arithmetic, so 0.1 + 0.2 is 0.3 on an axis and a
label never reads 0.30000000000000004.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from decimal import Decimal

from .compositions import ChartDesign
from .measure import Measurer

ELLIPSIS = "…"


@dataclass(frozen=True)
class Scale:
    """The value axis: from ``low`` to ``high``, a tick and its label at each of ``ticks``."""

    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]

    def share(self, value: float) -> float:
        """Where ``value`` lies on the axis: 0 at ``low``, 1 at ``high``."""
        return (value - self.low) / (self.high - self.low)


def nice_scale(values: list[float], design: ChartDesign, decimal: str) -> Scale:
    """An axis from a multiple of a nice step at or below the lowest value (and 0) to one
    at or above the highest (and 0), with at most ``design.max_ticks`` ticks; all-zero
    data gets 0 to 1."""
    drawable = [value if abs(value) >= sys.float_info.min else 0 for value in values]
    low, high = min([0, *drawable]), max([0, *drawable])  # a subnormal value is 0
    if low == high:
        high = 1
    low_end, high_end = Decimal(repr(float(low))), Decimal(repr(float(high)))
    step = _step((high_end - low_end) / (design.max_ticks - 1), design.steps)
    while True:  # rounding both ends out can add a tick: then the next step up
        first, last = math.floor(low_end / step), math.ceil(high_end / step)
        if last - first < design.max_ticks:
            break
        step = _step(step, design.steps, strictly=True)
    ticks = [step * index for index in range(first, last + 1)]
    labels = tuple(spelled(float(tick), decimal) for tick in ticks)
    return Scale(float(ticks[0]), float(ticks[-1]), tuple(float(t) for t in ticks), labels)


def _step(raw: Decimal, steps: tuple[int, ...], strictly: bool = False) -> Decimal:
    """The smallest nice step (one of ``steps`` times a power of ten) of at least ``raw``
    (above it, ``strictly``)."""
    unit = Decimal(1).scaleb(raw.adjusted())
    candidates = [step * unit for step in steps] + [steps[0] * unit.scaleb(1)]
    for candidate in candidates:
        if candidate > raw or (candidate == raw and not strictly):
            return candidate
    return candidates[-1]


def spelled(value: float, decimal: str) -> str:
    """A value as Python writes a float, its needless ".0" dropped, with the talk's
    decimal sign: 2400000, 0.35, 14.5, 1e-05 (an exponent only below 0.0001: a chart's
    values stay within ±1e15); a tick with as few digits as it needs: 0, 0.2, 0.4."""
    text = repr(float(value) + 0)  # + 0: never "-0"
    if text.endswith(".0"):
        text = text[: -len(".0")]
    return text.replace(".", decimal)


def fitted(text: str, room: float, size: float, measurer: Measurer) -> str:
    """``text``, or as much of it as fits ``room`` points with an ellipsis after."""
    if measurer.width(text, size) <= room:
        return text
    if getattr(measurer, "grows", False):  # the longest that fits, found by halving
        kept = text[: _most(text, room, size, measurer)]
        return kept.rstrip() + ELLIPSIS if kept else ""
    kept = text
    while kept and measurer.width(kept.rstrip() + ELLIPSIS, size) > room:
        kept = kept[:-1]
    return kept.rstrip() + ELLIPSIS if kept else ""


def _most(text: str, room: float, size: float, measurer: Measurer) -> int:
    """How many of ``text``'s characters fit ``room`` with an ellipsis after (0: none),
    for a measurer whose widths only grow as a text does (``grows``): the first count,
    from the whole text down, that fits, as trying each would find it, in a logarithm of
    the tries (a label a translation made 2,000 characters long is cut in 11, not 2,000,
    each measuring its whole text)."""
    fits, fails = 0, len(text) + 1
    while fails - fits > 1:
        middle = (fits + fails) // 2
        if measurer.width(text[:middle].rstrip() + ELLIPSIS, size) <= room:
            fits = middle
        else:
            fails = middle
    return fits
