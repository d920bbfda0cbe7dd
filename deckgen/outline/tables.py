"""A table's rows and cells named for a message: by number, and by the text that heads
them (the row's first cell, the column's label), as a reader finds them in the outline."""

from __future__ import annotations

from ..errors import quoted_short as short
from .yamltree import PosDict, PosList


def cell_name(slide, row: int, column: int) -> str:
    """'the cell in row 3 ('Cost'), column 2 ('Locks')' of a slide as written (PosDict)."""
    heads = slide.get("columns") if isinstance(slide, PosDict) else None
    head = heads[column] if isinstance(heads, PosList) and column < len(heads) else None
    head = head.get("label") if isinstance(head, PosDict) else head
    rows = slide.get("rows") if isinstance(slide, PosDict) else None
    cells = rows[row] if isinstance(rows, PosList) and row < len(rows) else None
    first = cells[0] if isinstance(cells, PosList) and cells else None
    return f"the cell in {row_name(row, first if column else None)}, column {column + 1}" + (
        f" ({short(head)})" if isinstance(head, str) else ""
    )


def row_name(row: int, first) -> str:
    """'row 3 ('Cost')': a row by its number and its first cell (when it is text)."""
    return f"row {row + 1}" + (f" ({short(first)})" if isinstance(first, str) else "")
