"""Text that stands one block above another, made one box (a placeholder's paragraphs).

Boxes (:func:`stacked`): a kind sets a subtitle and
the presenter lines, a quote and its attribution, as blocks in boxes of their own,
then hands them to one placeholder as its paragraphs, each block where its box put
it (the gap above a block is its first paragraph's space before) and each paragraph
as wide as its box was (``Paragraph.measure``, which the deck writes as a right
margin where the box is wider). So the slide looks exactly as with separate boxes,
and fit and its warnings are the same: blocks are fitted before they are stacked.

Paragraphs (:func:`placed_at`): a variable number of items (an analogy's pairs, the
takeaways) set where a design puts each, as one box's paragraphs: each one's space
before takes its first line to its place; :func:`one_measure` sets them for the one
measure the box is as wide as.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import SourcePos
from .frames import Align, Anchor, Paragraph, Placeholder, Role, TextBox
from .geometry import EMU_PER_PT, Rect, pt

if TYPE_CHECKING:
    from .text import ParaStyle, Typesetter


def text_top(box: TextBox) -> float:
    """EMU from the slide's top to where ``box``'s first line starts (as the renderers
    place it: by its anchor, inside its insets)."""
    inner = box.rect.h - box.insets.top - box.insets.bottom
    room = inner - box.content_height * EMU_PER_PT
    shift = {Anchor.TOP: 0, Anchor.MIDDLE: room / 2, Anchor.BOTTOM: room}[box.anchor]
    return box.rect.y + box.insets.top + shift


def stacked(
    boxes: Sequence[TextBox],
    name: str,
    role: Role,
    placeholder: Placeholder,
    pos: SourcePos | None = None,
) -> TextBox | None:
    """``boxes`` (top to bottom) as one top-anchored box in
    ``placeholder``; None where one's text does not fit its box, runs into the next
    one's, or a paragraph set otherwise than left would move (then the kind keeps the
    boxes apart, and the engine reports what does not fit, as it always has)."""
    boxes = [box for box in boxes if box.paragraphs]
    if not boxes or any(_unfit(box) for box in boxes):
        return None
    left = min(box.rect.x for box in boxes)
    width = max(box.rect.right for box in boxes) - left
    paragraphs: list[Paragraph] = []
    above = None  # EMU where the text of the block above ends
    for box in boxes:
        top = text_top(box)
        if above is not None and top < above:
            return None
        gap = 0.0 if above is None else (top - above) / EMU_PER_PT
        moved = [_moved(p, box, left) for p in box.paragraphs]
        if any(p.align is not Align.LEFT and p.margin_left + p.measure != width for p in moved):
            return None
        paragraphs += [replace(moved[0], space_before=gap + moved[0].space_before), *moved[1:]]
        above = top + box.content_height * EMU_PER_PT
    first = text_top(boxes[0])
    bottom = max(box.rect.bottom for box in boxes)
    rect = Rect(left, round(first), width, bottom - round(first))
    return TextBox(
        rect,
        tuple(paragraphs),
        role,
        boxes[0].font,
        name,
        placeholder=placeholder,
        pos=pos,
    )


def _unfit(box: TextBox) -> bool:
    """Whether the text is taller than its box (the engine's test)."""
    return pt(box.content_height) > box.rect.h + 1


def _moved(para: Paragraph, box: TextBox, left: int) -> Paragraph:
    """``para`` of ``box`` in a box whose left edge is ``left``: as far in from it as
    it was (its box's left inset included), and as wide as it was set."""
    insets = box.insets
    shift = box.rect.x + insets.left - left
    inner = box.rect.w - insets.left - insets.right
    measure = para.measure if para.measure is not None else inner - para.margin_left
    return replace(para, margin_left=para.margin_left + shift, measure=measure)


def placed_at(paragraphs: Sequence[Paragraph], tops: Sequence[int]) -> list[Paragraph]:
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


__all__ = ["one_measure", "placed_at", "stacked", "text_top"]
