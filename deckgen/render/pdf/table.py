"""Tables: cell fills, white rules, the cells' wrapped lines."""

from __future__ import annotations

from ...layout.frames import Table
from .fonts import Fonts
from .text import draw_paragraphs
from .units import Transform, rgb


def draw_table(canvas, table: Table, to_page: Transform, fonts: Fonts) -> None:
    ins = table.insets
    y = table.rect.y
    for row, height in zip(table.cells, table.row_heights, strict=True):
        x = table.rect.x
        for cell, width in zip(row, table.col_widths, strict=True):
            if cell.fill:
                canvas.setFillColorRGB(*rgb(cell.fill))
                canvas.rect(
                    to_page.x(x),
                    to_page.y(y + height),
                    to_page.length(width),
                    to_page.length(height),
                    stroke=0,
                    fill=1,
                )
            draw_paragraphs(
                canvas,
                cell.paragraphs,
                x + ins.left,
                y + ins.top,
                width - ins.left - ins.right,
                to_page,
                fonts,
                where=table.name,
            )
            x += width
        y += height
    # white rules between cells, as the PPTX table style draws them
    canvas.setStrokeColorRGB(*rgb(table.border))
    canvas.setLineWidth(to_page.size(table.border_width))
    x = table.rect.x
    for width in table.col_widths[:-1]:
        x += width
        canvas.line(
            to_page.x(x), to_page.y(table.rect.y), to_page.x(x), to_page.y(table.rect.bottom)
        )
    y = table.rect.y
    for height in table.row_heights[:-1]:
        y += height
        canvas.line(
            to_page.x(table.rect.x), to_page.y(y), to_page.x(table.rect.right), to_page.y(y)
        )
