"""Tables: cell fills, white rules, the cells' wrapped lines."""

from __future__ import annotations

from ...layout.frames import Table
from .fonts import Fonts
from .tagging import artifact, tagged
from .text import draw_paragraphs
from .units import Transform, rgb


def draw_table(canvas, table: Table, to_page: Transform, fonts: Fonts, within=()) -> None:
    """The table; on a tagged page each cell's text is a TH (header rows, and the first
    column where it names the rows) or TD of its TR, under ``within``, and the fills and
    rules are artifacts."""
    ins = table.insets
    y = table.rect.y
    key = (*within, table.name, table.rect)
    for r, (row, height) in enumerate(zip(table.cells, table.row_heights, strict=True)):
        x = table.rect.x
        for c, (cell, width) in enumerate(zip(row, table.col_widths, strict=True)):
            if cell.fill:
                with artifact(canvas):
                    canvas.setFillColorRGB(*rgb(cell.fill))
                    canvas.rect(
                        to_page.x(x),
                        to_page.y(y + height),
                        to_page.length(width),
                        to_page.length(height),
                        stroke=0,
                        fill=1,
                    )
            with tagged(canvas, (*within, ("Table", key), ("TR", (key, r)), _cell(table, r, c))):
                draw_paragraphs(
                    canvas,
                    cell.paragraphs,
                    x + ins.left,
                    table.text_top(y, height, cell),
                    width - ins.left - ins.right,
                    to_page,
                    fonts,
                    where=table.name,
                )
            x += width
        y += height
    with artifact(canvas):
        _rules(canvas, table, to_page)


def _cell(table: Table, row: int, column: int) -> tuple:
    """A cell's structure: TH of its column in a header row, TH of its row in the first
    column of a table whose first column names the rows, else TD."""
    key = (table.name, table.rect, row, column)
    if row < table.header_rows:
        return ("TH", key, {"Scope": "Column"})
    if column == 0 and table.row_headers:
        return ("TH", key, {"Scope": "Row"})
    return ("TD", key)


def _rules(canvas, table: Table, to_page: Transform) -> None:
    """White rules between cells, as the PPTX table style draws them."""
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
