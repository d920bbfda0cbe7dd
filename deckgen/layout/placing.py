"""Where a renderer puts what a frame holds, decided once for every renderer that draws
frames itself (the PDFs, the web handout): a text box's first line, and the grounds a
template's layout gives its placeholders' boxes."""

from __future__ import annotations

from dataclasses import replace

from .frames import Anchor, Shape, SlideFrame, TextBox
from .geometry import EMU_PER_PT


def text_origin(box: TextBox) -> tuple[float, float, float]:
    """(left, top, width) in EMU of the box's text: inside its insets, the top where its
    anchor puts the lines (``content_height`` high) in the inner height."""
    rect = box.rect
    content = box.content_height * EMU_PER_PT
    inner = rect.h - box.insets.top - box.insets.bottom
    top = rect.y + box.insets.top
    if box.anchor is Anchor.MIDDLE:
        top += (inner - content) / 2
    elif box.anchor is Anchor.BOTTOM:
        top += inner - content
    return rect.x + box.insets.left, top, rect.w - box.insets.left - box.insets.right


def placeholder_grounds(design, frame: SlideFrame) -> list[Shape]:
    """The plain fill a template's layout gives its placeholders' boxes, placed under
    the frame's first box of each kind (one placeholder takes it), in frame order."""
    grounds = design.placeholder_grounds.get(frame.layout.value, {}) if design.plain else {}
    placed, drawn = [], set()
    for item in frame.items:
        kind = item.placeholder if isinstance(item, TextBox) else None
        if kind is None or kind in drawn or kind.value not in grounds:
            continue
        drawn.add(kind)
        placed.append(replace(grounds[kind.value], rect=item.rect))
    return placed
