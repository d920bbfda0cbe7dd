"""benchmarks/sparse.py, the measure of half-empty slides (issue 23 item 4): it runs on
the small talk and gives a row for every kind the talk uses, each share a percentage."""

from __future__ import annotations

import subprocess
import sys

from .facts import ROOT, SMALL, written_kinds


def test_sparse_lists_every_kind_of_the_small_talk():
    found = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "sparse.py"), str(SMALL)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    rows = {}
    for line in found.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[3].endswith("%"):
            rows[cells[0]] = cells
    assert written_kinds(SMALL) <= set(rows), found
    for kind, slides, mean, least in rows.values():
        assert int(slides) >= 1, kind
        assert 0 <= int(least.rstrip("%")) <= int(mean.rstrip("%")) <= 100, kind
