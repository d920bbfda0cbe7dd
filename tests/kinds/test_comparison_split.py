"""A comparison that continues spreads its rows evenly over the slides it needs (issue 23
item 4): as many slides as filling each in turn would take, no slide over the room,
and row counts that differ by at most one where the rows are alike (not 6/5/5/2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from deckgen.layout import fit

from ..layout.support import ROOT
from .test_comparison import comparison


def _table_rows(deck: Path) -> list[tuple[int, int]]:
    """Each slide's table: its body rows (the header left out) and its bottom in EMU."""
    out = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_table:
                out.append((len(shape.table.rows) - 1, shape.top + shape.height))
    return out


def test_a_table_that_needs_four_slides_spreads_its_rows_evenly(tmp_path: Path):
    # alike rows; first find how many fill a slide, then ask for three slides and two rows
    source = tmp_path / "outline.yaml"
    shutil.copytree(ROOT / "assets", tmp_path / "assets")  # the concepts' icons
    source.write_text(comparison([[f"row {i}", "a", "b"] for i in range(80)]))
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    full, full_bottom = _table_rows(next((tmp_path / "a").glob("*.pptx")))[0]
    rows = 3 * full + 2
    source.write_text(comparison([[f"row {i}", "a", "b"] for i in range(rows)]))
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    deck = next((tmp_path / "b").glob("*.pptx"))
    tables = _table_rows(deck)
    counts = [count for count, _ in tables]
    assert len(counts) == 4 and sum(counts) == rows
    assert max(counts) - min(counts) <= 1, counts
    assert all(bottom <= full_bottom for _, bottom in tables)  # never over the room
    assert max(counts) <= full


def test_even_rows_takes_as_many_pages_as_filling_them_would():
    for heights, room in [([3] * 18, 15), ([3, 4, 2, 5, 3, 3, 1, 6], 9), ([5], 5), ([2] * 7, 6)]:
        pages = fit.even_rows(heights, room)
        assert len(pages) == len(fit.group_rows(heights, room))
        assert [i for page in pages for i in page] == list(range(len(heights)))
        assert all(sum(heights[i] for i in page) <= room for page in pages)
    assert [len(p) for p in fit.even_rows([3] * 18, 15)] == [5, 5, 4, 4]
    assert [len(p) for p in fit.even_rows([3] * 18, 18)] == [6, 6, 6]


def test_even_rows_keeps_the_gap_within_the_room():
    pages = fit.even_rows([3] * 10, 12, gap=1)
    assert len(pages) == len(fit.group_rows([3] * 10, 12, 1))
    assert all(sum(3 + 1 for _ in page) <= 12 for page in pages)
