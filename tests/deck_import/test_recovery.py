"""On decks deckgen built itself (the shipped talk, each of its audiences, the starter),
import recovers the kind each slide was built from, by structure alone: at least 90 %
of the outline's slides (dividers counted as sections)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from deckgen.build import BuildOptions, build
from deckgen.deck_import.read import read_deck
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import tailor
from deckgen.scaffold import scaffold

from .roundtrip import kept_share, rebuild, words_of_deck

ROOT = Path(__file__).resolve().parents[2]


def _expected(outline_path: Path, audience: str | None) -> list[str]:
    talk = tailor(load_outline(outline_path), {}, audience)
    out = []
    for section in talk.sections:
        if section.divider:
            out.append("section")
        out += [slide.kind for slide in section.slides]
    return out


def _imported(outline: dict) -> list[str]:
    out = []
    for section in outline["sections"]:
        if section["divider"]:
            out.append("section")
        out += [slide["kind"] for slide in section["slides"]]
    return out


def _recovered(expected: list[str], imported: list[str]) -> float:
    matcher = difflib.SequenceMatcher(a=expected, b=imported, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(expected)


def _built(outline: Path, folder: Path, audience: str | None) -> Path:
    options = BuildOptions(outline=outline, out_dir=folder, formats=("pptx",), audience=audience)
    return Path(build(options).outputs[0].path)


def _starter(tmp_path: Path) -> Path:
    scaffold(tmp_path / "starter")
    return tmp_path / "starter" / "outline.yaml"


CASES = [("shipped", None), ("shipped", "executives"), ("shipped", "engineers"),
         ("shipped", "newcomers"), ("starter", None)]  # fmt: skip


@pytest.mark.parametrize(("which", "audience"), CASES)
def test_import_recovers_the_kind_of_at_least_90_percent_of_slides(tmp_path, which, audience):
    outline = ROOT / "outline.yaml" if which == "shipped" else _starter(tmp_path)
    deck_path = _built(outline, tmp_path / "built", audience)
    deck = read_deck(deck_path)
    expected = _expected(outline, audience)
    share = _recovered(expected, _imported(deck.outline))
    assert share >= 0.9, (expected, _imported(deck.outline))
    rebuilt = rebuild(deck, tmp_path / "imported")
    source_words, source_notes = words_of_deck(deck_path)
    words, notes = words_of_deck(rebuilt)
    assert kept_share(source_words, words) >= 0.95
    assert kept_share(source_notes, notes) >= 0.95


def test_a_definitions_reference_number_names_the_reference(tmp_path):
    deck = read_deck(_built(ROOT / "outline.yaml", tmp_path, None))
    definitions = [
        slide
        for section in deck.outline["sections"]
        for slide in section["slides"]
        if slide["kind"] == "definition"
    ]
    ids = [reference["id"] for reference in deck.outline["references"]]
    assert definitions and all(slide["reference"] in ids for slide in definitions)
    assert not any("[" in slide["attribution"] for slide in definitions)
