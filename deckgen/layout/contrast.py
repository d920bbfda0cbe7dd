"""The contrast guard: every run of text against what lies behind it.

WCAG AA asks 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold). What lies
behind a text box is the last filled shape drawn before it that covers its middle, else
the slide's background; a table cell's text lies on the cell's fill. A run below the
ratio is a warning naming the slide and the colours (and ``--strict`` fails on it).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .colors import LARGE_RATIO, TEXT_RATIO, contrast, luminance, readable
from .frames import Align, Anchor, Item, Paragraph, Role, Run, Shape, Table, TextBox
from .geometry import EMU_PER_PT, Rect

# the colours drawn under a box, with how many pixels show each ((count, "RRGGBB"), …)
Drawn = Callable[[Rect], tuple[tuple[int, str], ...]]
# points a run sets in at a size: (run, size, in the titles' font)
Width = Callable[[Run, float, bool], float]


class Grounds(Protocol):
    """What a template draws behind slides of each layout, as pixels
    (``render/pdf/grounds.py``'s ``DrawnGrounds``)."""

    def colors(self, layout, rect: Rect) -> tuple[tuple[int, str], ...]: ...


WORST_SHARE = 0.05  # the worst twentieth of the ground under a line decides (not a speck)


def low_contrast(
    items: Sequence[Item], background: str, drawn: bool = False
) -> list[tuple[str, str, float, float]]:
    """(text colour, background, ratio, needed) for each pair below the ratio, once each.
    With ``drawn``, text boxes that lie on nothing of the slide's own are left to
    ``low_on_drawn``."""
    found: dict[tuple[str, str], tuple[str, str, float, float]] = {}
    for _box, paragraphs, behind in _texts(items, background, drawn):
        if behind is None:
            continue
        for para in paragraphs:
            need = LARGE_RATIO if large(para) else TEXT_RATIO
            for color in {run.color or para.color for run in para.runs if run.text.strip()}:
                ratio = contrast(color, behind)
                key = (color, behind)
                if ratio < need and (key not in found or found[key][3] < need):
                    found[key] = (color, behind, ratio, need)
    return list(found.values())


PAPER = "FFFFFF"  # what a handout is printed on


def on_paper(color: str, size: float, bold: bool = False) -> str:
    """``color`` for print: as it is if it reads on white paper at WCAG AA for its size,
    else the nearest shade that does (a dark template's white text prints dark)."""
    return readable(color, PAPER, size >= 18 or (bold and size >= 14))


@dataclass(frozen=True)
class OnArtwork:
    """A paragraph that reads below WCAG AA on what the template draws under it."""

    box: TextBox
    line: int  # the paragraph's number in its box, from 1
    color: str
    ground: str  # the worst colour under it
    ratio: float
    need: float


def low_on_drawn(
    items: Sequence[Item], background: str, drawn: Drawn, width: Width | None = None
) -> list[OnArtwork]:
    """Each paragraph of a text box lying on nothing of the slide's own (only on what the
    template draws) whose ink reads below WCAG AA on the worst part of the drawn ground
    under its lines (``drawn``: the colours there). With ``width``, each line is judged
    where its words stand (``line_extents``); else the box's inner width."""
    found = []
    for box, paragraphs, behind in _texts(items, background, True):
        if behind is not None or box is None:
            continue
        if width is None:
            lines = [
                [Line(rect, _inks(para))]
                for para, rect in zip(paragraphs, _line_boxes(box), strict=True)
            ]
        else:
            lines = line_extents(box, width)
        for number, (para, placed) in enumerate(zip(paragraphs, lines, strict=True), 1):
            need = LARGE_RATIO if large(para) else TEXT_RATIO
            for color in sorted(_inks(para)):
                ratio, ground = 21.0, None
                for line in placed:
                    colors = drawn(line.rect) if line.rect.w > 0 and line.rect.h > 0 else ()
                    if color in line.colors and colors:
                        under = worst_ground(colors, color)
                        if contrast(color, under) < ratio:
                            ratio, ground = contrast(color, under), under
                if ratio < need:
                    found.append(OnArtwork(box, number, color, ground, ratio, need))
    return found


def _inks(para: Paragraph) -> frozenset[str]:
    return frozenset(run.color or para.color for run in para.runs if run.text.strip())


def worst_ground(colors: tuple[tuple[int, str], ...], ink: str) -> str:
    """The colour that bounds the worst ``WORST_SHARE`` of ``colors`` (pixels counted) for
    text in ``ink``: the ground it reads least well on, leaving out specks. The worst are
    the pixels nearest the ink's luminance, so they are taken outward from it, nearer
    side first, over the colours ranked by luminance once per ground."""
    lums, ranked, total = _by_luminance(colors)
    own = luminance(ink) + 0.05
    above = bisect.bisect_left(lums, own)
    below = above - 1
    seen = 0
    while True:
        higher = below < 0 or (
            above < len(ranked) and ranked[above][0] / own <= own / ranked[below][0]
        )
        if higher:
            _lum, color, count = ranked[above]
            above += 1
        else:
            _lum, color, count = ranked[below]
            below -= 1
        seen += count
        if seen >= total * WORST_SHARE or (below < 0 and above >= len(ranked)):
            return color


@functools.lru_cache(maxsize=4096)
def _by_luminance(colors: tuple[tuple[int, str], ...]):
    """``colors`` as (luminance + 0.05, colour, pixels), darkest first, with the
    luminances alone (to bisect) and the pixels in all."""
    ranked = sorted((luminance(color) + 0.05, color, count) for count, color in colors)
    return [lum for lum, _color, _count in ranked], ranked, sum(count for count, _ in colors)


def _line_boxes(box: TextBox) -> list[Rect]:
    """Where each paragraph's lines stand in ``box`` (EMU): the box's inner width, the
    lines' height, placed by the box's vertical anchor."""
    inner = box.rect.h - box.insets.top - box.insets.bottom
    content = round(box.content_height * EMU_PER_PT)
    top = box.rect.y + box.insets.top
    if box.anchor == Anchor.MIDDLE:
        top += (inner - content) // 2
    elif box.anchor == Anchor.BOTTOM:
        top += inner - content
    left = box.rect.x + box.insets.left
    width = box.rect.w - box.insets.left - box.insets.right
    boxes = []
    for index, para in enumerate(box.paragraphs):
        if index:
            top += round(para.space_before * EMU_PER_PT)
        height = round(len(para.lines) * para.line_pitch * EMU_PER_PT)
        boxes.append(Rect(left, top, width, height))
        top += height
    return boxes


@dataclass(frozen=True)
class Line:
    rect: Rect  # the words' extent, EMU
    colors: frozenset[str]


def line_extents(box: TextBox, width: Width) -> list[list[Line]]:
    """Where each line of each paragraph of ``box`` stands: from its bullet (or its first
    word) to its last word, the line's height, placed as the renderers place it."""
    inner = box.rect.h - box.insets.top - box.insets.bottom
    top = box.rect.y + box.insets.top
    content = box.content_height * EMU_PER_PT
    if box.anchor is Anchor.MIDDLE:
        top += (inner - content) / 2
    elif box.anchor is Anchor.BOTTOM:
        top += inner - content
    left = box.rect.x + box.insets.left
    room = box.rect.w - box.insets.left - box.insets.right
    heading = box.role is Role.TITLE
    found = []
    for index, para in enumerate(box.paragraphs):
        if index:
            top += para.space_before * EMU_PER_PT
        lines = []
        for number, line in enumerate(para.lines):
            used = sum(width(run, para.size, heading) for run in line) * EMU_PER_PT
            start = left + para.margin_left
            if number == 0 and para.hanging and not para.bullet:
                start -= para.hanging
            if para.align is not Align.LEFT:
                free = room - para.margin_left - used
                start += free / 2 if para.align is Align.CENTER else free
            end = start + used
            if number == 0 and para.bullet:
                start = min(start, left + para.margin_left - para.hanging)
            height = para.line_pitch * EMU_PER_PT
            colors = frozenset(run.color or para.color for run in line if run.text.strip())
            if number == 0 and para.bullet and any(ch.isalnum() for ch in para.bullet):
                colors |= {para.bullet_color or para.color}  # a lettered or numbered bullet
            rect = Rect(round(start), round(top), max(round(end - start), 0), round(height))
            lines.append(Line(rect, colors))
            top += height
        found.append(lines)
    return found


def _texts(
    items: Sequence[Item], background: str, drawn: bool = False
) -> Iterator[tuple[TextBox | None, tuple[Paragraph, ...], str | None]]:
    """Each run of paragraphs with what lies behind it; None: only what the template
    draws (with ``drawn``, for a text box on nothing of the slide's own)."""
    for index, item in enumerate(items):
        if isinstance(item, TextBox):
            own = item.fill if drawn else None  # a box's own fill hides the artwork
            behind = own or _behind(items[:index], item, None if drawn else background)
            yield item, item.paragraphs, behind
        elif isinstance(item, Table):
            behind = _behind(items[:index], item, background)
            for row in item.cells:
                for cell in row:
                    yield None, cell.paragraphs, cell.fill or behind


def behind_of(earlier: Sequence[Item], item) -> str | None:
    """The fill of the last of ``earlier``'s filled shapes covering ``item``'s middle (the
    slide's own ground under it), else None: only what the template draws."""
    return _behind(earlier, item, None)


def _behind(earlier: Sequence[Item], item, background: str | None) -> str | None:
    x = item.rect.x + item.rect.w // 2
    y = item.rect.y + item.rect.h // 2
    for shape in reversed(earlier):
        if isinstance(shape, Shape) and shape.fill is not None:
            under = shape.rect
            if under.x <= x <= under.right and under.y <= y <= under.bottom:
                return shape.fill
    return background


def large(para: Paragraph) -> bool:
    bold = all(run.bold for run in para.runs) if para.runs else False
    return para.size >= 18 or (bold and para.size >= 14)
