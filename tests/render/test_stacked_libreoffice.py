"""Text stacked into one placeholder (a subtitle and the presenter lines, a quote and its
attribution, the closing message and presenter) looks in LibreOffice as it did in boxes
of their own: the same line breaks (the right margins hold a balanced paragraph to its
measure) and every line at the same height, the deck built both ways and rendered by
LibreOffice; and on LibreOffice's own Vivid template (converted at test time, never
committed) that text is in placeholders too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deckgen.check.fidelity import measure_fidelity
from deckgen.kinds import closing, definition, title

from ..conftest import SMALL, build_on_template, lo_templates, pdf_words, run_cli, soffice_pdf

pytestmark = pytest.mark.libreoffice
TITLES = ("Locks and Ladders", "What is a lock?", "What is a ladder?", "Thank you")
SLACK = 0.5  # points


def _lines(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Per page, its lines (words on one baseline, left to right): text, left, bottom."""
    pages = []
    for _, _, words in pdf_words(pdf):
        rows: dict[float, list] = {}
        for x0, _, _, y1, word in words:
            rows.setdefault(round(y1, 1), []).append((x0, word))
        pages.append(
            [
                (" ".join(w for _, w in sorted(row)), min(row)[0], y)
                for y, row in sorted(rows.items())
            ]
        )
    return pages


def _page(pages, name: str) -> list[tuple[str, float, float]]:
    (page,) = [p for p in pages if p and p[0][0] == name]
    return page


def _build(out: Path) -> Path:
    assert run_cli("build", str(SMALL), "-o", str(out), "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    return deck


@pytest.fixture(scope="module")
def renders(tmp_path_factory):
    """LibreOffice's render of the small talk as built, and as built with every block in
    a box of its own (the kinds' stacking refused)."""
    out = tmp_path_factory.mktemp("stacked-lo")
    stacked = _build(out / "stacked")
    with pytest.MonkeyPatch.context() as patch:
        for kind in (closing, definition, title):
            patch.setattr(kind, "stacked", lambda *args, **kwargs: None)
        apart = _build(out / "apart")
    decks = [shutil.copy(stacked, out / "stacked.pptx"), shutil.copy(apart, out / "apart.pptx")]
    soffice_pdf(decks, out / "lo", tmp_path_factory.mktemp("profile"))
    return _lines(out / "lo" / "stacked.pdf"), _lines(out / "lo" / "apart.pdf")


@pytest.mark.parametrize("name", TITLES)
def test_libreoffice_breaks_and_places_the_lines_as_in_separate_boxes(renders, name):
    stacked, apart = (_page(pages, name) for pages in renders)
    assert [text for text, *_ in stacked] == [text for text, *_ in apart]
    for (text, x, y), (_, x_apart, y_apart) in zip(stacked, apart, strict=True):
        assert abs(x - x_apart) <= SLACK and abs(y - y_apart) <= SLACK, (text, y, y_apart)


def test_on_vivid_the_stacked_text_is_in_placeholders(tmp_path):
    (template,) = lo_templates(("Vivid",), tmp_path, tmp_path / "profile")
    deck = build_on_template(SMALL, template, tmp_path / "out")
    fidelity = measure_fidelity(deck)
    free = {f.shape for f in fidelity.findings if f.what == "free text"}
    assert not free & {"Presenter", "Attribution", "Message", "Subtitle"}, free
