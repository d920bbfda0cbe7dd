"""Text boxes: the layout's wrapped lines, drawn run by run (selectable, never parsed)."""

from __future__ import annotations

from ...layout.frames import Align, Anchor, Paragraph, TextBox
from .fonts import Fonts
from .units import EMU_PER_PT, Transform, rgb

# Where the baseline sits in a line of exact spacing, as a share of the font size
# below the line's top, beyond half the leading: Arial's ascent is 0.905 em.
ASCENT = 0.905
LINE_BOX = 1.15  # Arial's ascent + descent + gap, in em


def draw_text_box(c, box: TextBox, t: Transform, fonts: Fonts) -> None:
    r = box.rect
    if box.fill:
        c.setFillColorRGB(*rgb(box.fill))
        c.rect(t.x(r.x), t.y(r.bottom), t.length(r.w), t.length(r.h), stroke=0, fill=1)
    if not box.paragraphs:
        return
    content = box.content_height * EMU_PER_PT  # EMU
    inner_h = r.h - box.insets.top - box.insets.bottom
    top = r.y + box.insets.top
    if box.anchor is Anchor.MIDDLE:
        top += (inner_h - content) / 2
    elif box.anchor is Anchor.BOTTOM:
        top += inner_h - content
    left = r.x + box.insets.left
    width = r.w - box.insets.left - box.insets.right
    draw_paragraphs(c, box.paragraphs, left, top, width, t, fonts, where=box.name)


def draw_paragraphs(
    c,
    paragraphs,
    left: float,
    top: float,
    width: float,
    t: Transform,
    fonts: Fonts,
    where: str = "",
) -> float:
    """Draw paragraphs from ``top`` (EMU); returns the EMU y below the last line."""
    y = top
    for i, p in enumerate(paragraphs):
        if i:
            y += p.space_before * EMU_PER_PT
        for j, line in enumerate(p.lines):
            baseline = y + _baseline_offset(p) * EMU_PER_PT
            _draw_line(c, p, line, j == 0, left, baseline, width, t, fonts, where)
            y += p.line_pitch * EMU_PER_PT
    return y


def _baseline_offset(p: Paragraph) -> float:
    return (p.line_pitch - p.size * LINE_BOX) / 2 + p.size * ASCENT


def _draw_line(c, p: Paragraph, line, first: bool, left, baseline, width, t, fonts, where):
    size = t.size(p.size)
    x0 = left + p.margin_left
    if first and p.hanging and not p.bullet:  # a hanging indent: the first line starts left
        x0 -= p.hanging
    if p.align is not Align.LEFT:
        used = sum(fonts.width(r.text, p.size, r.bold, r.italic) for r in line) * EMU_PER_PT
        room = width - p.margin_left - used
        x0 += room / 2 if p.align is Align.CENTER else room
    y = t.y(baseline)
    if first and p.bullet:
        c.setFillColorRGB(*rgb(p.bullet_color or p.color))
        for name, text in fonts.pieces(p.bullet, False, False, where):
            c.setFont(name, size)
            c.drawString(t.x(left + p.margin_left - p.hanging), y, text)
    x = t.x(x0)
    for run in line:
        c.setFillColorRGB(*rgb(run.color or p.color))
        for name, text in fonts.pieces(run.text, run.bold, run.italic, where):
            c.setFont(name, size)
            c.drawString(x, y, text)
            x += c.stringWidth(text, name, size)
