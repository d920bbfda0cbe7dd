"""The contrast guard: every run of text against what lies behind it.

WCAG AA asks 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold). What lies
behind a text box is the last filled shape drawn before it that covers its middle, else
the slide's background; a table cell's text lies on the cell's fill. A run below the
ratio is a warning naming the slide and the colours (and ``--strict`` fails on it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .colors import LARGE_RATIO, TEXT_RATIO, contrast, readable
from .frames import Item, Paragraph, Shape, Table, TextBox


def low_contrast(items: Sequence[Item], background: str) -> list[tuple[str, str, float, float]]:
    """(text colour, background, ratio, needed) for each pair below the ratio, once each."""
    found: dict[tuple[str, str], tuple[str, str, float, float]] = {}
    for paragraphs, behind in _texts(items, background):
        for para in paragraphs:
            need = LARGE_RATIO if _large(para) else TEXT_RATIO
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


def _texts(items: Sequence[Item], background: str) -> Iterator[tuple[tuple[Paragraph, ...], str]]:
    for index, item in enumerate(items):
        if isinstance(item, TextBox):
            yield item.paragraphs, _behind(items[:index], item, background)
        elif isinstance(item, Table):
            behind = _behind(items[:index], item, background)
            for row in item.cells:
                for cell in row:
                    yield cell.paragraphs, cell.fill or behind


def _behind(earlier: Sequence[Item], item, background: str) -> str:
    x = item.rect.x + item.rect.w // 2
    y = item.rect.y + item.rect.h // 2
    for shape in reversed(earlier):
        if isinstance(shape, Shape) and shape.fill is not None:
            under = shape.rect
            if under.x <= x <= under.right and under.y <= y <= under.bottom:
                return shape.fill
    return background


def _large(para: Paragraph) -> bool:
    bold = all(run.bold for run in para.runs) if para.runs else False
    return para.size >= 18 or (bold and para.size >= 14)
