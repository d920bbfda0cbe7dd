"""Text boxes that stand one above another, made one box: a kind sets a subtitle and
the presenter lines, a quote and its attribution, as blocks in boxes of their own,
then hands them to one placeholder as its paragraphs, each block where its box put
it (the gap above a block is its first paragraph's space before) and each paragraph
as wide as its box was (``Paragraph.measure``, which the deck writes as a right
margin where the box is wider). So the slide looks exactly as with separate boxes,
and fit and its warnings are the same: blocks are fitted before they are stacked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..errors import SourcePos
from .frames import Align, Anchor, Paragraph, Placeholder, Role, TextBox
from .geometry import EMU_PER_PT, Rect, pt


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


__all__ = ["stacked", "text_top"]
