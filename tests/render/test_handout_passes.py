"""The handout's passes: one that only measures, then one drawn, also when the contents
table runs over a page; and a wrong guess at the contents costs a pass, never a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from deckgen.render.pdf import handout as handout_module
from deckgen.render.pdf.handout import flowables

from ..conftest import SMALL, run_cli

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def long_contents(folder: Path, sections: int = 70) -> Path:
    """A talk whose contents table takes more than the cover page."""
    body = "".join(
        f"  - title: 'Section number {i} of a long course'\n"
        f"    slides:\n"
        f"      - {{kind: bullets, title: 'Point {i}', bullets: [one, two], notes: 'Say {i}.'}}\n"
        for i in range(sections)
    )
    folder.mkdir()
    outline = folder / "outline.yaml"
    outline.write_text("meta: {title: Long course}\nsections:\n" + body, encoding="utf-8")
    return outline


@pytest.fixture
def flags(monkeypatch):
    """Whether each pass of the handout only measured, in order."""
    seen: list[bool] = []
    real = flowables.PageCount.beforeBuild

    def noting(self):
        real(self)
        seen.append(flowables.LayoutPass.measuring)

    monkeypatch.setattr(flowables.PageCount, "beforeBuild", noting)
    return seen


def handout(tmp_path: Path, outline: Path, *args: str) -> Path:
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "handout", *args, env=EPOCH)
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*-handout.pdf")
    return pdf


@pytest.mark.parametrize("per_page", ["notes", "1", "4", "9"])
def test_a_long_contents_table_takes_two_passes(tmp_path, flags, per_page):
    pdf = handout(tmp_path, long_contents(tmp_path / "talk"), "--per-page", per_page)
    assert flags == [True, False], flags  # measured once, drawn once
    # the contents really ran over the cover: the seeding had something to do
    first_body_page = PdfReader(str(pdf)).pages[1].extract_text()
    assert "Section number" in first_body_page


def test_the_guess_at_the_contents_is_what_the_handout_makes(tmp_path, monkeypatch):
    made = {}
    guessed = []
    real_entries = flowables.contents_entries

    def guessing(story):
        guessed.extend(real_entries(story))
        return guessed

    monkeypatch.setattr(handout_module, "contents_entries", guessing)
    real_after = flowables.PageCount.afterBuild

    def after(self):
        real_after(self)
        made["entries"] = [(lv, text, key) for lv, text, _p, key in self.contents._entries]

    monkeypatch.setattr(flowables.PageCount, "afterBuild", after)
    for per_page in ("notes", "3", "9"):
        guessed.clear()
        handout(tmp_path / per_page, SMALL, "--per-page", per_page)
        assert guessed and guessed == made["entries"], per_page


def test_a_wrong_guess_costs_a_pass_not_a_difference(tmp_path, monkeypatch, flags):
    outline = long_contents(tmp_path / "talk")
    right = handout(tmp_path / "right", outline).read_bytes()
    assert flags == [True, False]
    flags.clear()
    monkeypatch.setattr(handout_module, "contents_entries", lambda story: [])
    wrong = handout(tmp_path / "wrong", outline).read_bytes()
    assert flags == [True, True, False], flags  # one more measuring pass
    assert wrong == right
