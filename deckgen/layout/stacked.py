"""Paragraphs that stand where a design puts them, set as the paragraphs of one text box
(a placeholder holding a variable number of items): each one's space before takes its
first line to its place (:func:`stacked`), and all are set for one measure, the one the
box is as wide as (:func:`one_measure`), so the box looks as separate boxes did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .frames import Paragraph
from .geometry import EMU_PER_PT

if TYPE_CHECKING:
    from .text import ParaStyle, Typesetter


def stacked(paragraphs: Sequence[Paragraph], tops: Sequence[int]) -> list[Paragraph]:
    """``paragraphs`` with the space before each that puts its first line's top at its
    ``tops`` (EMU, from the first's, which the box starts at: a box's first paragraph
    has no space drawn before it). Spaces are whole hundredths of a point, as the deck
    writes them, and each is reckoned from where the last one really ends, so rounding
    never adds up; a paragraph that would have to rise stands right below the last."""
    out: list[Paragraph] = []
    cursor = float(tops[0]) if tops else 0.0
    for i, (para, top) in enumerate(zip(paragraphs, tops, strict=True)):
        before = 0.0 if i == 0 else max(0.0, round((top - cursor) / EMU_PER_PT, 2))
        placed = replace(para, space_before=before)
        cursor += (before + len(placed.lines) * placed.line_pitch) * EMU_PER_PT
        out.append(placed)
    return out


def one_measure(
    typesetter: Typesetter,
    texts: Sequence[str],
    paragraphs: Sequence[Paragraph],
    width: int,
    style: ParaStyle,
) -> list[Paragraph]:
    """``paragraphs`` (``texts`` set ``width`` wide in ``style``, some balanced) set for
    one measure: a box is as wide as its widest paragraph needs, and the deck wraps each
    of its paragraphs at the box's width. Where one was balanced narrower, the measure is
    the widest any of them needs (no line longer than it must be); those balanced
    narrower than it are set for it as they come, in as many lines as balanced."""
    if all(p.measure is None for p in paragraphs):
        return list(paragraphs)  # none balanced narrower: all are set for the full width
    plain = replace(style, balance=False).at(paragraphs[0].size)
    widest = max(
        p.measure if p.measure is not None else _narrowest(typesetter, text, width, plain)
        for text, p in zip(texts, paragraphs, strict=True)
    )
    out = []
    for text, para in zip(texts, paragraphs, strict=True):
        if para.measure is not None and para.measure < widest:
            again = typesetter.set(text, widest, plain)
            if len(again.lines) == len(para.lines):
                para = again
        out.append(replace(para, measure=widest))
    return out


def _narrowest(typesetter: Typesetter, text: str, width: int, style: ParaStyle) -> int:
    """The narrowest measure (to a point) that sets ``text`` in as few lines as ``width``."""
    lines = len(typesetter.set(text, width, style).lines)
    low, high = 0, width
    while high - low > EMU_PER_PT:
        mid = (low + high) // 2
        if len(typesetter.set(text, mid, style).lines) == lines:
            high = mid
        else:
            low = mid
    return high


__all__ = ["one_measure", "stacked"]
