"""Tables: cell fills, white rules, the cells' wrapped lines."""

from __future__ import annotations

from ...layout.frames import Table
from .fonts import Fonts
from .text import draw_paragraphs
from .units import Transform, rgb


def draw_table(c, table: Table, t: Transform, fonts: Fonts) -> None:
    ins = table.insets
    y = table.rect.y
    for row, height in zip(table.cells, table.row_heights, strict=True):
        x = table.rect.x
        for cell, width in zip(row, table.col_widths, strict=True):
            if cell.fill:
                c.setFillColorRGB(*rgb(cell.fill))
                c.rect(t.x(x), t.y(y + height), t.length(width), t.length(height), stroke=0, fill=1)
            draw_paragraphs(
                c,
                cell.paragraphs,
                x + ins.left,
                y + ins.top,
                width - ins.left - ins.right,
                t,
                fonts,
                where=table.name,
            )
            x += width
        y += height
    # white rules between cells, as the PPTX table style draws them
    c.setStrokeColorRGB(*rgb(table.border))
    c.setLineWidth(t.size(1))
    x = table.rect.x
    for width in table.col_widths[:-1]:
        x += width
        c.line(t.x(x), t.y(table.rect.y), t.x(x), t.y(table.rect.bottom))
    y = table.rect.y
    for height in table.row_heights[:-1]:
        y += height
        c.line(t.x(table.rect.x), t.y(y), t.x(table.rect.right), t.y(y))
