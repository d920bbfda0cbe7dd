"""Writing an import: the outline a person would write, the pictures and the template,
all or none, never over an earlier import unasked; and the outline deckgen loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen import output
from deckgen.deck_import.model import Asset, ImportedDeck
from deckgen.deck_import.write import check_written, outline_text, write_import
from deckgen.errors import BuildError, InputError, OutputError
from deckgen.outline.loader import load_outline
from deckgen.outline.yamltree import parse

from .decks import LONG_NOTE, NOTES, sample_deck
from .test_outline_yaml_roundtrip import as_read

SOURCE = Path("talks/deck.pptx")


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_sample_deck_is_written_whole_and_loads(tmp_path):
    deck = sample_deck()
    written = write_import(deck, tmp_path / "out", SOURCE)
    out = tmp_path / "out"
    assert written == [
        out / "outline.yaml",
        out / "assets" / "blue-square.png",
        out / "assets" / "photo.jpg",
        out / "template.pptx",
    ]
    assert files_in(out) == [
        "assets/blue-square.png",
        "assets/photo.jpg",
        "outline.yaml",
        "template.pptx",
    ]
    assert (out / "assets" / "photo.jpg").read_bytes() == deck.assets[1].data
    assert len(Presentation(str(out / "template.pptx")).slides) == 0
    assert check_written(out / "outline.yaml") == ()
    loaded = load_outline(out / "outline.yaml")
    first = loaded.sections[0].slides[1]
    assert [b.text for b in first.bullets][:6] == [
        "yes",
        "no",
        "1.10",
        "#x",
        "- not a sub-point",
        "{{not a variable}}",
    ]
    assert first.notes == NOTES
    assert loaded.sections[0].slides[2].notes == LONG_NOTE
    assert loaded.meta.presenter == "Zoë Ñúñez"
    tree, _problems = parse((out / "outline.yaml").read_text("utf-8"), "outline.yaml")
    assert tree == as_read(deck.outline)


def test_it_reads_like_an_outline_a_person_wrote():
    text = outline_text(sample_deck(), "deck.pptx")
    assert text.startswith(
        "# Imported from deck.pptx by `deckgen import`. A comment above a part names the\n"
        "# slide of deck.pptx it came from.\n"
        "# The import left 2 warnings: read them before you build and present this outline:\n"
        "#   slide 7: SmartArt 'Process' left out: its text is kept as bullets\n"
        "#   the deck: animations left out\n"
    )
    assert (
        "# slide 1 of deck.pptx\n"
        "meta:\n"
        '  title: "Locks: an import"\n'
        '  subtitle: "Off"\n'
        "  presenter: Zoë Ñúñez\n"
        "\n"
        "theme:\n"
        "  template:\n"
        "    path: template.pptx\n"
    ) in text
    assert (
        "      # slide 6 of deck.pptx\n"
        "      - kind: picture\n"
        "        title: A picture\n"
        "        image:\n"
        "          path: assets/blue-square.png\n"
        "          alt: A blue square\n"
        "        notes:\n"
        "          - First paragraph.\n"
        '          - "Second: paragraph."\n'
    ) in text
    assert (
        "        columns: [Aspect, Locks, Ladders]\n"
        "        rows:\n"
        "          - [Purpose, Keep people out, Get people up]\n"
        '          - [Risk, "a, b", "c: d"]\n'
    ) in text
    assert (
        "        code: |\n"
        "          def admit(user, door):\n"
        "              return user in door.allowed  # {braces}\n"
    ) in text
    assert "        notes: >-\n          A single paragraph of notes as PowerPoint" in text
    assert "      # slide 9 of deck.pptx (hidden there: only for 'full')\n" in text
    assert "        only: [full]\n" in text
    assert max(len(line) for line in text.splitlines() if "- text: With" not in line) <= 88


def test_notes_of_several_lines_are_a_literal_block():
    outline = {"meta": {"title": "T"}, "sections": [{"title": "S", "slides": []}]}
    outline["sections"][0]["slides"].append(
        {"kind": "bullets", "title": "T", "bullets": ["a"], "notes": "One: yes.\n\tTwo #2.\n"}
    )
    text = outline_text(ImportedDeck(outline), "d.pptx")
    assert "        notes: |\n          One: yes.\n          \tTwo #2.\n" in text


def test_an_existing_import_is_not_replaced_unasked(tmp_path):
    out = tmp_path / "out"
    write_import(sample_deck(), out, SOURCE)
    before = {name: (out / name).read_bytes() for name in files_in(out)}
    changed = sample_deck()
    changed.outline["meta"]["title"] = "Another title"
    with pytest.raises(InputError) as info:
        write_import(changed, out, SOURCE)
    (diag,) = info.value.diagnostics
    assert str(out) in diag.message and "outline.yaml" in diag.message
    assert "--force" in diag.hint
    assert info.value.exit_code == 2
    assert {name: (out / name).read_bytes() for name in files_in(out)} == before
    write_import(changed, out, SOURCE, force=True)
    assert "title: Another title" in (out / "outline.yaml").read_text("utf-8")


def test_a_picture_alone_in_the_way_is_refused_too(tmp_path):
    out = tmp_path / "out"
    (out / "assets").mkdir(parents=True)
    (out / "assets" / "photo.jpg").write_bytes(b"mine")
    with pytest.raises(InputError) as info:
        write_import(sample_deck(), out, SOURCE)
    assert "assets/photo.jpg" in info.value.diagnostics[0].message
    assert files_in(out) == ["assets/photo.jpg"]
    assert (out / "assets" / "photo.jpg").read_bytes() == b"mine"


def test_a_failure_midway_writes_nothing(tmp_path, monkeypatch):
    """The second picture cannot be put in place: the outline and the first picture,
    already replaced, are undone; the earlier import stays as it was."""
    out = tmp_path / "out"
    write_import(sample_deck(), out, SOURCE)
    before = {name: (out / name).read_bytes() for name in files_in(out)}
    changed = sample_deck()
    changed.outline["meta"]["title"] = "Changed"
    changed.assets[0] = Asset("blue-square.png", b"\x89PNG other", (6,))
    real = os.replace

    def failing(src, dst):
        if Path(dst).name == "photo.jpg":
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError) as info:
        write_import(changed, out, SOURCE, force=True)
    monkeypatch.undo()
    assert info.value.exit_code == 3
    assert {name: (out / name).read_bytes() for name in files_in(out)} == before
    assert [p.name for p in out.rglob(".*")] == []


def test_a_failure_on_a_first_import_leaves_no_outline(tmp_path, monkeypatch):
    out = tmp_path / "new"
    real = os.replace

    def failing(src, dst):
        if Path(dst).name == "template.pptx":
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError):
        write_import(sample_deck(), out, SOURCE)
    monkeypatch.undo()
    assert files_in(out) == []


def test_a_linked_assets_folder_is_never_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "assets").symlink_to(elsewhere)
    with pytest.raises(InputError) as info:
        write_import(sample_deck(), out, SOURCE, force=True)
    assert "symbolic link" in info.value.diagnostics[0].message
    assert list(elsewhere.iterdir()) == [] and not (out / "outline.yaml").exists()


@pytest.mark.parametrize("name", ["../up.png", "sub/x.png", ".hidden.png", "", "a\\b.png"])
def test_a_picture_name_outside_assets_is_a_bug_said_plainly(tmp_path, name):
    deck = sample_deck()
    deck.assets.append(Asset(name, b"x", (3,)))
    with pytest.raises(BuildError) as info:
        write_import(deck, tmp_path / "out", SOURCE)
    assert "bug in deckgen import" in info.value.diagnostics[0].hint
    assert not (tmp_path / "out").exists() and not (tmp_path / "up.png").exists()


def test_an_outline_deckgen_refuses_fails_loudly(tmp_path):
    deck = sample_deck()
    deck.outline["sections"][0]["slides"][0]["kind"] = "no-such-kind"
    write_import(deck, tmp_path, SOURCE)
    with pytest.raises(BuildError) as info:
        check_written(tmp_path / "outline.yaml")
    first, *rest = info.value.diagnostics
    assert "a bug in deckgen import" in first.message and rest
