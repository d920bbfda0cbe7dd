"""docs/import.md's worked example is what deckgen import prints and writes."""

from __future__ import annotations

import re

from ..conftest import ROOT
from .conftest import run
from .decks import example_deck

DOC = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```\w+\n(.*?)```", DOC, re.S)
    assert found, marker
    return found.group(1)


def test_the_worked_example_is_what_import_says_and_writes(reader, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reader.deck = example_deck()
    result = run("import", "passwords.pptx")
    assert result.exit_code == 0
    said = block_after("example-report").splitlines()
    assert said[0] == "$ deckgen import passwords.pptx"
    stderr = result.stderr.splitlines()
    assert [line for line in said[1:] if line not in stderr] == result.stdout.splitlines()
    assert [line for line in said[1:] if line in stderr] == stderr
    written = (tmp_path / "passwords" / "outline.yaml").read_text(encoding="utf-8")
    assert block_after("example-outline") == written


def test_the_refusal_shown_is_the_one_given(reader, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("import", "talk.pptx").exit_code == 0
    refused = run("import", "talk.pptx")
    assert refused.stderr.strip() in DOC
