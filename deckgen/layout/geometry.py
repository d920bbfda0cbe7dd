"""One unit for all layout: EMU integers (914400 per inch, 12700 per point), origin top-left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated


@dataclass(frozen=True)
class Scaling:
    """How a number of the design record follows another slide size
    (``layout.scaling.scaled``), said by its type: a length and a type size scale; a
    number of any other type (a count, a ratio, a colour) does not, nor anything on paper."""

    how: str


LENGTH = Scaling("length")  # EMU: times the factor, rounded to an EMU
TYPE_SIZE = Scaling("type size")  # points: times the factor, in half points
ON_PAPER = Scaling("paper")  # a part of the record for paper (the notes page, the handout)
Emu = Annotated[int, LENGTH]  # a length on the slide
Pt = Annotated[float, TYPE_SIZE]  # a type size (or a rule's width) on the slide, in points

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700
MM = 72.0 / 2.54 * 0.1  # points per millimetre, computed as reportlab does


def inch(value: float) -> int:
    return round(value * EMU_PER_INCH)


def pt(value: float) -> int:
    return round(value * EMU_PER_PT)


@dataclass(frozen=True)
class Rect:
    x: Emu
    y: Emu
    w: Emu
    h: Emu

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def inset(
        self, left: int, top: int | None = None, right: int | None = None, bottom: int | None = None
    ) -> Rect:
        top = left if top is None else top
        right = left if right is None else right
        bottom = top if bottom is None else bottom
        return Rect(self.x + left, self.y + top, self.w - left - right, self.h - top - bottom)

    def overlaps(self, other: Rect) -> bool:
        """The two share some area (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def contains(self, other: Rect) -> bool:
        return (
            other.x >= self.x
            and other.y >= self.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@dataclass(frozen=True)
class Insets:
    left: Emu = 0
    top: Emu = 0
    right: Emu = 0
    bottom: Emu = 0
