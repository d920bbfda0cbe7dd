"""The room notes (deckgen/fitnotes.py): measured fast, as they are (a layout stopped at the
first text that gives way with a word, lines broken once for all the probes of a talk,
display text balanced only at the size it keeps), they are the rooms measured plainly,
every probe laid out in full; and a translation as long as a note says keeps its slide as
it is where a tenth more does not, for texts that share their slide with others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from translate.storage import po

from deckgen import fitnotes
from deckgen.errors import DeckgenError
from deckgen.layout.engine import layout_deck
from deckgen.outline.loader import load_outline

from ..conftest import run_cli
from ..facts import SMALL, WEB
from .test_translate_cli import _room, _translated, extract, talk


class _Plainly(fitnotes._Probe):
    """Each probe laid out in full, as a build lays it out: every size tried, every
    continuation made, nothing kept from one probe to the next."""

    def laid_out(self, talk):
        try:
            return layout_deck(talk, self.body, self.design, self.titles)
        except DeckgenError:
            return None


def _on_a_template(folder: Path) -> Path:
    """The small fixture on a plain 16:9 template (python-pptx's own, widened): its
    layouts, its sizes and its silent subtitle box instead of deckgen's design."""
    shutil.copytree(SMALL.parent, folder, dirs_exist_ok=True)
    template = Presentation()
    template.slide_width, template.slide_height = 12_192_000, 6_858_000
    template.save(str(folder / "plain.pptx"))
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    assert '\ntheme:\n  font: "Arial"\n' in text
    text = text.replace("\ntheme:\n", '\ntheme:\n  template: "plain.pptx"\n', 1)
    outline.write_text(text, encoding="utf-8")
    return outline


@pytest.mark.parametrize("outline", [SMALL, WEB, None], ids=["small", "web", "on-a-template"])
def test_the_rooms_measured_fast_are_the_rooms_measured_plainly(outline, monkeypatch, tmp_path):
    """Every kind of slide the fixtures hold (tables, quizzes, charts, code, analogies,
    dividers, several texts on one slide), on deckgen's design and on a template: the
    same room for every unit, to the character, and the same units without one."""
    outline = outline or _on_a_template(tmp_path)
    loaded = load_outline(outline, outline.name)
    fast = fitnotes.fit_limits(loaded)
    assert sum(fit.most is not None for fit in fast.values()) > 20
    monkeypatch.setattr(fitnotes, "_Probe", _Plainly)
    assert fitnotes.fit_limits(loaded) == fast


def test_rooms_shared_out_between_processes_are_the_rooms_measured_in_one(monkeypatch):
    """The slides measured in forked shares (as on a machine with two cores or more):
    every unit's room, in the same order, as one process measures them."""
    from deckgen import forked

    loaded = load_outline(WEB, WEB.name)
    monkeypatch.setattr(forked, "cores", lambda: 4)
    monkeypatch.setattr(fitnotes, "SHARE", 2)
    shared = fitnotes.fit_limits(loaded)
    monkeypatch.setattr(forked, "enabled", False)
    alone = fitnotes.fit_limits(loaded)
    assert list(shared.items()) == list(alone.items())
    assert any(key.startswith("@sections/") for key in alone)  # the dividers' too


def _source(file, key: str) -> str:
    store = po.pofile.parsefile(str(file))
    return next(u for u in store.units if u.getcontext() == key).source


# a table's cell, a bullet among six, a quiz's option: each shares its slide (and, but for
# the bullet, its box's size) with other texts
SHARED = ("comparison/rows/2/3", "interconnection/bullets/3/text", "check-safety/options/2")


def test_a_text_as_long_as_its_note_says_keeps_a_shared_slide_as_it_is(tmp_path):
    """Its room measured with the slide's other texts as they are; and speaker notes, on
    no slide's face, have no room to give."""
    outline = talk(tmp_path)
    file = extract(outline, "de")
    units = po.pofile.parsefile(str(file)).units
    notes = [u for u in units if u.getcontext().endswith("/notes")]
    assert len(notes) > 10 and not any("Fits:" in u.getnotes() for u in notes)
    plain = run_cli("build", str(outline), "--format", "pptx", "-o", str(tmp_path / "en"))
    assert plain.exit_code == 0, plain.output
    slides = len(Presentation(next((tmp_path / "en").glob("*.pptx"))).slides)
    for key in SHARED:
        most, source = _room(file, key), _source(file, key)
        assert 20 < most < 700, key
        verdicts = []
        for length in (most, most + most // 10 + 4):
            text = fitnotes._longer(source, length)
            _translated(file, key, text)
            out = tmp_path / f"{key.replace('/', '-')}-{length}"
            done = run_cli(
                "build",
                str(outline),
                "--translation",
                str(file),
                "--format",
                "pptx",
                "-o",
                str(out),
            )
            assert done.exit_code == 0, done.output
            deck = Presentation(next(out.glob("*.pptx")))
            shown = " ".join(
                shape.text_frame.text if shape.has_text_frame else ""
                for slide in deck.slides
                for shape in slide.shapes
            )
            assert text[:40] in shown.replace("\n", " ") or text[:40] in _cells(deck), key
            gave_way = "to fit" in done.stderr or len(deck.slides) > slides
            verdicts.append(gave_way)
        assert verdicts == [False, True], (key, verdicts)
        _translated(file, key, "")


def _cells(deck) -> str:
    return " ".join(
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    )
