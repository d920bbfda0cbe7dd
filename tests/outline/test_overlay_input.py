"""Malformed overlays end in positioned errors, never in an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.errors import InputError
from deckgen.outline.loader import load_outline

OUTLINE = """\
meta: {title: T}
sections:
  - id: part
    title: Part
    slides:
      - {id: first, kind: bullets, title: B, bullets: [x]}
  - id: empty
    title: Empty
    slides:
"""
ADD = "slides: [{kind: bullets, title: X, bullets: [a]}]"


def errors(tmp_path: Path, overlay: str) -> list:
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    (folder / "o.yaml").write_text(overlay, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_outline(folder / "outline.yaml", overlays=[folder / "o.yaml"])
    assert info.value.exit_code == 2
    return [d for d in info.value.diagnostics if d.pos and d.pos.file.endswith("o.yaml")]


@pytest.mark.parametrize(
    ("overlay", "said"),
    [
        ("drop: [{a: 1}]", "each 'drop' item should be an id"),
        ("drop: [[1]]", "each 'drop' item should be an id"),
        (f"add:\n  - {{after: {{x: 1}}, {ADD}}}", "'after' should be an id"),
        (f"add:\n  - {{section: [1], {ADD}}}", "'section' should be an id"),
        (f"add:\n  - {{section: empty, {ADD}}}", "section 'empty' has no list of slides"),
        ('theme: {logo: {path: "a\\0b.png", alt: x}}', "is not a valid file name"),
        ("drop: [nothere]", "no section or slide with id 'nothere'"),
    ],
    ids=[
        "drop-mapping",
        "drop-list",
        "after-mapping",
        "section-list",
        "empty-section",
        "nul",
        "id",
    ],
)
def test_a_malformed_overlay_is_a_positioned_error(tmp_path, overlay, said):
    found = errors(tmp_path, overlay)
    assert any(said in d.message for d in found), [str(d) for d in found]
    assert all(d.hint for d in found if said in d.message)


def test_dropping_a_slide_without_an_id_says_how_to_name_it(tmp_path):
    (diag,) = [d for d in errors(tmp_path, "drop: [references]") if "references" in d.message]
    assert "give it an 'id:' in the outline" in diag.hint


def test_an_overlays_missing_picture_names_the_overlays_folder(tmp_path):
    folder = tmp_path / "talk"
    (folder / "clients" / "acme").mkdir(parents=True)
    (folder / "outline.yaml").write_text(
        OUTLINE.replace("  - id: empty\n    title: Empty\n    slides:\n", ""), encoding="utf-8"
    )
    overlay = folder / "clients" / "acme" / "o.yaml"
    overlay.write_text("theme: {logo: {path: logo.png, alt: Acme}}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_outline(folder / "outline.yaml", overlays=[overlay])
    (diag,) = info.value.diagnostics
    assert diag.pos.file == str(overlay) and "not found" in diag.message
    assert str(folder / "clients" / "acme" / "logo.png") in diag.message


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [("bullets", "[]", "add one"), ("words_per_minute", "fast", "e.g. 130")],
)
def test_messages_that_used_to_say_nothing_about_what_to_do_now_do(tmp_path, key, value, hint):
    text = "meta: {title: T}\nsections:\n  - title: S\n    slides:\n" + (
        f"      - {{kind: bullets, title: B, bullets: {value}}}\n"
        if key == "bullets"
        else "      - {kind: bullets, title: B, bullets: [x]}\n"
        f"pace: {{words_per_minute: {value}}}\n"
    )
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "outline.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_outline(folder / "outline.yaml")
    (diag,) = info.value.diagnostics
    assert hint in diag.hint
