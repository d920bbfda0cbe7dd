"""A table as a comparison: its header row as the columns, its first column kept (deckgen
makes it the row headers where it names the rows), merged cells spread over the cells
they cover, more than eight columns split over several slides (the first column
repeated), long cells shortened; each change said."""

from __future__ import annotations

from ..limits import MAX_CELL, MAX_COLUMNS, MAX_ROWS
from ..pptx_private import cell_element
from .made import Made, bullet_slides, bullets_of, fitted, unstyled
from .text import paragraphs


def comparison_of(content, title: str, place) -> Made | None:
    if not content.tables:
        return None
    warnings: list[str] = []
    title = title or f"Slide {place.number}"
    if not content.title:
        warnings.append(f"no title: called '{title}'")
    slides: list[dict] = []
    for _order, table in content.tables:
        grid = _grid(table, warnings)
        if len(grid) < 2 or len(grid[0]) < 2:
            points = bullets_of([para for row in grid for cell in row for para in cell], warnings)
            if points:
                slides += bullet_slides(title, [p for p in points], warnings)
            continue
        slides += _comparisons(title, grid, warnings)
    if content.texts:
        slides += bullet_slides(f"{title} (cont.)", bullets_of(content.texts, warnings), warnings)
        warnings.append("the text beside the table made a slide of its own after it")
    shown = [picture for picture in content.pictures if not picture.decorative]
    if shown:
        from .kinds import more_pictures

        slides += more_pictures(shown, title, place, warnings)
    if len(content.tables) > 1:
        warnings.append(f"{len(content.tables)} tables: one slide each")
    if not slides:
        return None
    first = slides[0]
    kind = first["kind"]
    rows = len(first.get("rows", []))
    return Made(kind, slides, f"comparison: {rows} row(s)" if kind == "comparison" else kind,
                warnings)  # fmt: skip


def _grid(table, warnings: list[str]) -> list[list]:
    """Each cell's paragraphs; a merged cell's text in every cell it covers."""
    rows = []
    merged = 0
    for row in table.rows:
        cells = []
        for cell in row.cells:
            body = cell_element(cell).txBody
            cells.append(paragraphs(body, None) if body is not None else [])
            merged += cell.is_merge_origin
        rows.append(cells)
    if merged:
        _spread(table, rows)
        warnings.append(f"{merged} merged cell(s): their text repeated in each cell they cover")
    return [[cell_paras for cell_paras in row] for row in rows]


def _spread(table, rows: list[list]) -> None:
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell.is_merge_origin:
                for dr in range(cell.span_height):
                    for dc in range(cell.span_width):
                        if r + dr < len(rows) and c + dc < len(rows[r + dr]):
                            rows[r + dr][c + dc] = rows[r][c]


def _cell(paras: list, warnings: list[str], plain: bool = False) -> str:
    text = "\n".join(unstyled(p) if plain else p.markdown for p in paras).strip()
    return fitted(text, MAX_CELL, "a table cell", warnings) if text else " "


def _comparisons(title: str, grid: list[list], warnings: list[str]) -> list[dict]:
    header, *body = [
        [_cell(paras, warnings, r == 0 or c == 0) for c, paras in enumerate(row)]
        for r, row in enumerate(grid)
    ]
    width = len(header)
    body = [row + [" "] * (width - len(row)) for row in body]
    spans = [
        list(range(1, width))[i : i + MAX_COLUMNS - 1] for i in range(0, width - 1, MAX_COLUMNS - 1)
    ]
    if len(spans) > 1:
        warnings.append(
            f"{width} columns, over the limit of {MAX_COLUMNS}: split into {len(spans)} "
            "slides, the first column on each"
        )
    chunks = [body[i : i + MAX_ROWS] for i in range(0, len(body), MAX_ROWS)]
    if len(chunks) > 1:
        warnings.append(f"{len(body)} rows, over the limit of {MAX_ROWS}: split")
    slides = []
    for columns in spans:
        keep = [0, *columns]
        for chunk in chunks:
            slides.append(
                {
                    "kind": "comparison",
                    "title": title if not slides else f"{title} (cont.)",
                    "columns": [header[i] for i in keep],
                    "rows": [[row[i] for i in keep] for row in chunk],
                }
            )
    return slides
