"""`deckgen import` end to end through the CLI, with the deck reader replaced by one
that hands over a deck made by hand (the reader is tested on its own)."""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation

from deckgen.deck_import.model import ImportedDeck, ImportWarning, SlideRecord
from deckgen.errors import InputError, error
from deckgen.outline.loader import load_outline

from .conftest import run
from .decks import sample_deck


def test_import_writes_an_outline_that_builds(reader, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("import", "deck.pptx")
    assert result.exit_code == 0, result.output
    assert reader.asked == [Path("deck.pptx")]
    out = Path("deck")  # named after the deck, in the current directory
    lines = result.stdout.splitlines()
    assert lines[0] == "slide 1 → meta: title, subtitle, presenter (sections[0].slides[0])"
    assert "slide 2 → section: Opening (sections[0])" in lines
    assert "slide 3 → bullets: from slide 3 (sections[0].slides[1])" in lines
    assert "slide 9 → quiz: 2 options (sections[1].slides[2]), hidden in the deck" in lines
    assert lines[-2:] == [
        "wrote deck/outline.yaml, 2 pictures, template.pptx",
        "next: deckgen build deck/outline.yaml",
    ]
    assert result.stderr.splitlines() == [
        "deck.pptx: slide 7: warning: SmartArt 'Process' left out: its text is kept as bullets",
        "deck.pptx: warning: animations left out",
    ]
    loaded = load_outline(out / "outline.yaml")
    assert loaded.meta.title == "Locks: an import"
    built = run("build", str(out / "outline.yaml"), "--format", "pptx", "-o", "built", "-q")
    assert built.exit_code == 0, built.output
    (built_deck,) = Path("built").glob("*.pptx")
    deck = Presentation(str(built_deck))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "Hello: world" in titles and "Side by side" in titles


def test_json_prints_a_manifest(reader, tmp_path):
    out = tmp_path / "talk"
    result = run("import", "deck.pptx", "-o", str(out), "--json")
    assert result.exit_code == 0
    manifest = json.loads(result.stdout)
    assert manifest["ok"] is True and manifest["outline"] == str(out / "outline.yaml")
    assert manifest["files"] == [
        str(out / "outline.yaml"),
        str(out / "assets" / "blue-square.png"),
        str(out / "assets" / "photo.jpg"),
        str(out / "template.pptx"),
    ]
    assert manifest["warnings"][0] == {
        "slide": 7,
        "message": "SmartArt 'Process' left out: its text is kept as bullets",
    }
    assert manifest["slides"][2] == {
        "slide": 3,
        "kind": "bullets",
        "path": "sections[0].slides[1]",
        "outline_path": ["sections", 0, "slides", 1],
        "summary": "bullets: from slide 3",
        "hidden": False,
    }
    assert manifest["next"] == f"deckgen build {out / 'outline.yaml'}"
    assert all(Path(f).is_file() for f in manifest["files"])


def test_quiet_leaves_out_the_slides_not_the_warnings(reader, tmp_path):
    result = run("import", "deck.pptx", "-o", str(tmp_path / "q"), "-q")
    assert result.exit_code == 0
    assert not any(line.startswith("slide ") for line in result.stdout.splitlines())
    assert "SmartArt" in result.stderr


def test_an_earlier_import_is_refused_before_the_deck_is_read(reader, tmp_path):
    out = tmp_path / "talk"
    assert run("import", "deck.pptx", "-o", str(out)).exit_code == 0
    before = (out / "outline.yaml").read_bytes()
    reader.asked.clear()
    result = run("import", "deck.pptx", "-o", str(out))
    assert result.exit_code == 2
    assert reader.asked == []
    assert f"{out} already holds outline.yaml" in result.stderr
    assert "--force" in result.stderr and "Traceback" not in result.output
    assert (out / "outline.yaml").read_bytes() == before
    again = run("import", "deck.pptx", "-o", str(out), "--force")
    assert again.exit_code == 0 and reader.asked == [Path("deck.pptx")]


def test_a_deck_the_reader_refuses_is_a_clear_error(reader, tmp_path):
    reader.deck = InputError(
        "old format",
        [error("deck.ppt: a .ppt file", hint="convert it with LibreOffice: soffice ...")],
    )
    result = run("import", "deck.ppt", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert (
        result.stderr == "error: deck.ppt: a .ppt file (convert it with LibreOffice: soffice ...)\n"
    )
    assert not (tmp_path / "x").exists()
    as_json = run("import", "deck.ppt", "-o", str(tmp_path / "x"), "--json")
    assert json.loads(as_json.stdout)["exit_code"] == 2


def test_an_outline_deckgen_refuses_exits_1_naming_the_bug(reader, tmp_path):
    bad = sample_deck()
    bad.outline["sections"][0]["slides"][1]["bullets"] = []  # a bullets slide needs one
    reader.deck = bad
    result = run("import", "deck.pptx", "-o", str(tmp_path / "bad"))
    assert result.exit_code == 1
    assert "a bug in deckgen import" in result.stderr and "Traceback" not in result.output


def test_a_deck_with_nothing_to_warn_about(reader, tmp_path):
    reader.deck = ImportedDeck(
        {"meta": {"title": "Tiny"}, "sections": [{"title": "S", "slides": [{"kind": "title"}]}]},
        slides=[SlideRecord(1, "title", ("sections", 0, "slides", 0), "title: Tiny")],
    )
    result = run("import", "tiny.pptx", "-o", str(tmp_path / "t"))
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "slide 1 → title: Tiny (sections[0].slides[0])",
        f"wrote {tmp_path / 't' / 'outline.yaml'}",
        f"next: deckgen build {tmp_path / 't' / 'outline.yaml'}",
    ]
    text = (tmp_path / "t" / "outline.yaml").read_text("utf-8")
    assert "# The import left no warnings." in text


def test_a_picture_without_alt_text_is_the_loaders_warning_too(reader, tmp_path):
    """What deckgen build will warn about is said at import, after the import's own."""
    deck = sample_deck()
    image = deck.outline["sections"][0]["slides"][4]["image"]
    image.pop("alt")
    image["decorative"] = True
    deck.warnings.append(ImportWarning(6, "the picture has no alt text"))
    reader.deck = deck
    result = run("import", "deck.pptx", "-o", str(tmp_path / "p"))
    assert result.exit_code == 0
    assert "deck.pptx: slide 6: warning: the picture has no alt text" in result.stderr


def test_what_a_deck_says_cannot_drive_the_terminal(reader, tmp_path):
    deck = sample_deck()
    deck.warnings = [ImportWarning(4, "SmartArt '\x1b[2J\x1b]0;pwned\x07' left out")]
    deck.slides = [SlideRecord(4, "bullets", ("sections", 0, "slides", 1), "bullets: \x1b[31mred")]
    reader.deck = deck
    result = run("import", "deck.pptx", "-o", str(tmp_path / "t"))
    assert result.exit_code == 0 and "\x1b" not in result.output
    assert "slide 4 → bullets: \\u001B[31mred (sections[0].slides[1])" in result.stdout
    assert "warning: SmartArt '\\u001B[2J\\u001B]0;pwned\\u0007' left out" in result.stderr
