"""The order a slide's text boxes read in, by where they stand (not the order they were
drawn in): boxes stacked in a column (one just below another, overlapping it across)
read as one block, a heading above its text; blocks read top to bottom, those whose
tops lie within a tolerance of each other as a row, left to right. A block that is a
short heading over text gives its text a level below the heading."""

from __future__ import annotations

import re
from dataclasses import replace

_LETTER = re.compile(r"[^\W\d_]")
_HEADING_WORDS = 6


def reading_order(boxes: list, tolerance: int) -> list:
    """``boxes`` (slides.Box) in reading order."""
    blocks: list[list] = []
    for box in sorted(boxes, key=lambda item: item.order):
        block = next((block for block in blocks if _stacked(block[-1], box, tolerance)), None)
        if block is None:
            blocks.append([box])
        else:
            block.append(box)
    rows: list[list[list]] = []
    for block in blocks:  # already by their first box's top
        if rows and abs(block[0].order[0] - rows[-1][0][0].order[0]) <= tolerance:
            rows[-1].append(block)
        else:
            rows.append([block])
    out = []
    for row in rows:
        for block in sorted(row, key=lambda item: item[0].order[1:]):
            out += _headed(block)
    return out


def _stacked(upper, lower, tolerance: int) -> bool:
    """Whether ``lower`` stands just below ``upper``, overlapping it across by at least
    half the narrower of the two."""
    if not upper.extent or not lower.extent or len(upper.order) != len(lower.order):
        return False
    left, top, width, height = upper.extent
    other_left, other_top, other_width, _ = lower.extent
    gap = other_top - (top + height)
    overlap = min(left + width, other_left + other_width) - max(left, other_left)
    return -tolerance <= gap <= 2 * tolerance and overlap >= 0.5 * min(width, other_width) > 0


def _headed(block: list) -> list:
    """A short heading box over text boxes: the text one level below the heading."""
    first, rest = block[0], block[1:]
    if not rest or len(first.paras) != 1 or first.kind is not None and first.kind != "body":
        return block
    words = first.paras[0].words
    if len(words.split()) > _HEADING_WORDS or not _LETTER.search(words):
        return block
    if any(para.level for box in rest for para in box.paras):
        return block
    return [first] + [
        replace(box, paras=[replace(para, level=1) for para in box.paras]) for box in rest
    ]
