"""The comparison table as a native PowerPoint table."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR

from ...layout.frames import Table
from .ink import Ink
from .text import write_paragraphs
from .units import emu


def add_table(shapes, table: Table, ink: Ink):
    rows, cols = len(table.cells), len(table.col_widths)
    frame = shapes.add_table(
        rows, cols, emu(table.rect.x), emu(table.rect.y), emu(table.rect.w), emu(table.rect.h)
    )
    frame.name = table.name
    tbl = frame.table
    tbl.first_row = table.header_rows > 0
    tbl.horz_banding = False  # the layout bands rows itself, in the theme's colours
    for i, w in enumerate(table.col_widths):
        tbl.columns[i].width = emu(w)
    for i, h in enumerate(table.row_heights):
        tbl.rows[i].height = emu(h)
    ins = table.insets
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            target = tbl.cell(r, c)
            target.margin_left, target.margin_right = emu(ins.left), emu(ins.right)
            target.margin_top, target.margin_bottom = emu(ins.top), emu(ins.bottom)
            target.vertical_anchor = MSO_ANCHOR.TOP
            if cell.fill:
                target.fill.solid()
                ink.paint(target.fill.fore_color, cell.fill)
            target.text_frame.word_wrap = True
            write_paragraphs(target.text_frame._txBody, cell.paragraphs, ink.body_font, ink)
    return frame
