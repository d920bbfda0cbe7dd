"""Text boxes: the layout's wrapped lines, drawn run by run (selectable, never parsed)."""

from __future__ import annotations

from contextlib import nullcontext

from ...layout.compositions import LineModel
from ...layout.frames import Align, Paragraph, Role, TextBox
from ...layout.placing import text_origin
from .fonts import Fonts
from .kerning import draw_kerned
from .tagging import artifact, language_span, link_text, tagged
from .units import EMU_PER_PT, Transform, rgb


def draw_text_box(canvas, box: TextBox, to_page: Transform, fonts: Fonts, within=()) -> None:
    """The box; ``within`` (a tagged page's structure path for the box) makes each of its
    paragraphs a P, or an item of a list (L › LI › LBody, a sub-list in its item)."""
    rect = box.rect
    if box.fill:
        with artifact(canvas):
            canvas.setFillColorRGB(*rgb(box.fill))
            canvas.rect(
                to_page.x(rect.x),
                to_page.y(rect.bottom),
                to_page.length(rect.w),
                to_page.length(rect.h),
                stroke=0,
                fill=1,
            )
    if not box.paragraphs:
        return
    left, top, width = text_origin(box)
    heading = box.role is Role.TITLE  # in the titles' font
    paths = _structure(box, within) if within else None
    draw_paragraphs(
        canvas, box.paragraphs, left, top, width, to_page, fonts, box.name, heading, paths
    )


def _structure(box: TextBox, within) -> list:
    """Each paragraph's structure path: a P, or a list item (its sub-items in a list of
    their own inside it)."""
    key = (*within, box.name, box.rect)
    out, item = [], None
    for i, para in enumerate(box.paragraphs):
        if para.bullet is None:
            out.append((*within, ("P", None)))
        elif para.level == 0 or item is None:
            item = (("L", key), ("LI", (key, i)))
            out.append((*within, *item, ("LBody", None)))
        else:
            sub = (("L", (key, item[1][1], "sub")), ("LI", (key, i)))
            out.append((*within, *item, *sub, ("LBody", None)))
    return out


def draw_paragraphs(
    canvas,
    paragraphs,
    left: float,
    top: float,
    width: float,
    to_page: Transform,
    fonts: Fonts,
    where: str = "",
    heading: bool = False,
    paths=None,
) -> float:
    """Draw paragraphs from ``top`` (EMU); returns the EMU y below the last line.
    ``paths``: each paragraph's structure path on a tagged page."""
    y = top
    for i, para in enumerate(paragraphs):
        if i:
            y += para.space_before * EMU_PER_PT
        with tagged(canvas, paths[i]) if paths else nullcontext():
            for j, line in enumerate(para.lines):
                baseline = y + _baseline_offset(para, fonts.lines) * EMU_PER_PT
                at = (left, baseline, width)
                _draw_line(canvas, para, line, j == 0, at, to_page, fonts, where, heading)
                y += para.line_pitch * EMU_PER_PT
    return y


def _baseline_offset(para: Paragraph, lines: LineModel) -> float:
    """Where the baseline sits in a line of exact spacing, in points below its top."""
    return lines.baseline(para.size, para.line_pitch)


def _draw_line(
    canvas, para: Paragraph, line, first: bool, at, to_page, fonts, where, heading=False
):
    left, baseline, width = at
    size = to_page.size(para.size)
    x0 = left + para.margin_left
    if first and para.hanging and not para.bullet:  # a hanging indent: the first line starts left
        x0 -= para.hanging
    if para.align is not Align.LEFT:
        used = (
            sum(
                fonts.width(run.text, para.size, run.bold, run.italic, heading, run.code)
                for run in line
            )
            * EMU_PER_PT
        )
        room = width - para.margin_left - used
        x0 += room / 2 if para.align is Align.CENTER else room
    y = to_page.y(baseline)
    if first and para.bullet:
        canvas.setFillColorRGB(*rgb(para.bullet_color or para.color))
        for name, text in fonts.pieces(para.bullet, False, False, where):
            canvas.setFont(name, size)
            canvas.drawString(to_page.x(left + para.margin_left - para.hanging), y, text)
    x = to_page.x(x0)
    for run in line:
        color = rgb(run.color or para.color)
        canvas.setFillColorRGB(*color)
        start = x
        # a link's words and annotation are one Link element on a tagged page
        with link_text(canvas, run.text) if run.link else nullcontext(False) as annotate:
            with language_span(canvas, run.lang):
                for name, text in fonts.pieces(
                    run.text, run.bold, run.italic, where, heading, run.code
                ):
                    canvas.setFont(name, size)
                    x = draw_kerned(canvas, name, text, x, y, size)
            if run.link:
                _link(canvas, run.link, (start, x, y, size), color, fonts.lines, annotate)


def _link(canvas, url: str, span, color, lines: LineModel, annotate: bool = True) -> None:
    """A link as the deck shows it (underlined, in its run's colour) and, unless told
    not to (inside an artifact), a link annotation over its line box, so the PDF opens
    it. ``span``: (start, end, baseline, size) on the page."""
    start, end, y, size = span
    drop = size * lines.underline_drop
    canvas.setStrokeColorRGB(*color)
    canvas.setLineWidth(size * lines.underline_width)
    canvas.line(start, y - drop, end, y - drop)
    if not annotate:
        return
    top, bottom = y + size * lines.ascent, y - size * (lines.line_box - lines.ascent)
    canvas.linkURL(url, (start, bottom, end, top), relative=1, thickness=0)
