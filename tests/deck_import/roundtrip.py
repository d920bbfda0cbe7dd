"""Test helpers: an ImportedDeck written out the simplest way (yaml.safe_dump, in the
tests only), loaded by deckgen's loader and built; words counted as the issue counts
them (footers and slide numbers aside)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pptx import Presentation

from deckgen.build import BuildOptions, build
from deckgen.deck_import.model import ImportedDeck
from deckgen.outline.loader import load_outline

_CHROME = ("dt", "ftr", "sldNum", "hdr")


def write_out(deck: ImportedDeck, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "assets").mkdir(exist_ok=True)
    for asset in deck.assets:
        (folder / "assets" / asset.name).write_bytes(asset.data)
    if deck.template is not None:
        (folder / "template.pptx").write_bytes(deck.template)
    outline = folder / "outline.yaml"
    outline.write_text(yaml.safe_dump(deck.outline, allow_unicode=True, sort_keys=False), "utf-8")
    return outline


def load(deck: ImportedDeck, folder: Path):
    return load_outline(write_out(deck, folder))


def rebuild(deck: ImportedDeck, folder: Path) -> Path:
    outline = write_out(deck, folder)
    result = build(BuildOptions(outline=outline, out_dir=folder / "out", formats=("pptx",)))
    return Path(result.outputs[0].path)


def words_of_deck(path: Path) -> tuple[list[str], list[str]]:
    """The words on the slides (footers, numbers and dates aside) and in the notes, hidden
    slides aside."""
    prs = Presentation(path)
    slide_words, note_words = [], []
    for slide in prs.slides:
        if slide._element.get("show") in ("0", "false"):
            continue  # hidden: imported, and left out of every build
        for shape in _shapes(slide.shapes):
            ph = shape._element.find(".//{*}nvPr/{*}ph")
            if ph is not None and ph.get("type") in _CHROME:
                continue
            if shape.has_text_frame:
                slide_words += _words(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        slide_words += _words(cell.text)
        if slide.has_notes_slide and slide.notes_slide.notes_placeholder is not None:
            note_words += _words(slide.notes_slide.notes_placeholder.text_frame.text)
    return slide_words, note_words


def _shapes(shapes):
    for shape in shapes:
        if shape.shape_type == 6:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _words(text: str) -> list[str]:
    return [word for word in re.findall(r"\w+", text.lower()) if not word.isdigit()]


def kept_share(source: list[str], rebuilt: list[str]) -> float:
    """The share of the source's words (as a multiset) the rebuilt deck still has."""
    if not source:
        return 1.0
    from collections import Counter

    have = Counter(rebuilt)
    kept = 0
    for word, count in Counter(source).items():
        kept += min(count, have[word])
    return kept / len(source)


def pictures_of(path: Path, share: float = 0.0) -> set[str]:
    """The distinct pictures the deck's slides show (by content) at least ``share`` of the
    slide wide, hidden slides aside."""
    import hashlib

    found = set()
    prs = Presentation(path)
    for slide in prs.slides:
        if slide._element.get("show") in ("0", "false"):
            continue
        for shape in _shapes(slide.shapes):
            if shape._element.tag.endswith("}pic") and shape.width >= share * prs.slide_width:
                try:
                    found.add(hashlib.sha256(shape.image.blob).hexdigest())
                except Exception:  # noqa: BLE001 - a linked or missing picture
                    continue
    return found
