"""`deckgen sync` on a deck built with a translation: the edits go into the translation
file, as each unit's translation (its review mark cleared), never into the outline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from translate.storage import po, xliff

from ..conftest import ROOT, SHIPPED, run_cli
from .test_sync import shape


@pytest.fixture(params=["po", "xliff"])
def translated(tmp_path: Path, request):
    """(outline, translation file, deck): the shipped talk pseudo-translated by
    translate-toolkit's podebug and built with it."""
    folder = tmp_path / "talk"
    folder.mkdir()
    shutil.copy(SHIPPED, folder / "outline.yaml")
    shutil.copytree(ROOT / "assets", folder / "assets")
    outline = folder / "outline.yaml"
    suffix = "po" if request.param == "po" else "xlf"
    made = folder / f"made.{suffix}"
    done = run_cli("translate", "extract", str(outline), "--to", "de", "-o", str(made))
    assert done.exit_code == 0, done.output
    file = folder / f"de.{suffix}"
    podebug = [
        sys.executable,
        "-m",
        "translate.tools.podebug",
        "--rewrite=xxx",
        str(made),
        str(file),
    ]
    subprocess.run(podebug, check=True, capture_output=True)
    out = folder / "out"
    done = run_cli(
        "build", str(outline), "--translation", str(file), "-o", str(out), "--format", "pptx"
    )
    assert done.exit_code == 0, done.output
    (deck,) = out.glob("*.pptx")
    return outline, file, deck


def _target(file: Path, key: str) -> tuple[str, bool]:
    if file.suffix == ".po":
        unit = next(u for u in po.pofile.parsefile(str(file)).units if u.getcontext() == key)
        return unit.target, unit.isfuzzy()
    unit = next(
        u for u in xliff.xlifffile.parsefile(str(file)).units if u.xmlelement.get("id") == key
    )
    target = unit.xmlelement.find("{*}target")
    return "".join(target.itertext()), target.get("state") != "translated"


def test_an_edit_in_a_translated_deck_goes_into_the_translation_file(translated):
    outline, file, deck = translated
    before = outline.read_bytes()
    edited = Presentation(deck)
    body = shape(edited.slides[3], "Body")  # "Two terms, two kinds of risk"
    body.text_frame.paragraphs[0].runs[0].text = "Oft verwechselt, doch verschieden"
    edited.save(deck)
    done = run_cli("sync", str(deck), str(outline))
    assert done.exit_code == 0, done.output
    assert outline.read_bytes() == before  # the outline is the source language's
    assert _target(file, "two-terms/bullets/1/text") == ("Oft verwechselt, doch verschieden", False)
    assert _target(file, "two-terms/bullets/2/text")[0].startswith("xxx")  # nothing else
    rebuilt = run_cli(
        "build",
        str(outline),
        "--translation",
        str(file),
        "-o",
        str(outline.parent / "b"),
        "--format",
        "pptx",
    )
    assert rebuilt.exit_code == 0, rebuilt.output
    (again,) = (outline.parent / "b").glob("*.pptx")
    body = shape(Presentation(again).slides[3], "Body")
    assert body.text_frame.paragraphs[0].text == "Oft verwechselt, doch verschieden"


def test_an_unedited_translated_deck_changes_nothing(translated):
    outline, file, deck = translated
    before_outline, before_file = outline.read_bytes(), file.read_bytes()
    done = run_cli("sync", str(deck), str(outline))
    assert done.exit_code == 0, done.output
    assert outline.read_bytes() == before_outline and file.read_bytes() == before_file
