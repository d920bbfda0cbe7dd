"""A table's problems name the row or the cell, at its own line, through the CLI."""

from __future__ import annotations

from tests.conftest import run_cli

TALK = """\
meta:
  title: Tables
sections:
  - title: One
    slides:
      - kind: comparison
        title: Prices
        columns: [Aspect, Locks, Ladders]
        rows:
          - [Cost, cheap, dear]
          - [Weight, {weight}, light]
          - [Risk, picked, {risk}]
"""


def _build(tmp_path, **cells):
    outline = tmp_path / "talk.yaml"
    outline.write_text(TALK.format(**{"weight": "heavy", "risk": "falls", **cells}), "utf-8")
    return outline, run_cli("build", str(outline), "-o", str(tmp_path / "out"))


def test_an_over_long_cell_is_named_by_row_and_column_at_its_line(tmp_path):
    outline, result = _build(tmp_path, risk="y" * 1_001)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert (
        f"{outline}:12:28: error: the cell in row 3 ('Risk'), column 3 ('Ladders') may be at "
        "most 1,000 characters"
    ) in result.output
    assert "'rows'" not in result.output


def test_a_row_too_tall_for_a_slide_is_named_at_its_line(tmp_path):
    outline, result = _build(tmp_path, weight="word " * 190)  # within the cell limit
    assert result.exit_code == 1, result.output  # a valid outline that cannot be laid out
    assert "Traceback" not in result.output
    assert (
        f"{outline}:11:13: error: row 2 ('Weight') of the table 'Prices' does not fit on the "
        "slide even at"
    ) in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pptx"))
