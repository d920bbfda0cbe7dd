"""Why the PDFs put every face's baseline by one line model (``LineModel``, Arial's
metrics) rather than by each face's own ascent: LibreOffice draws a deck's lines of
exact spacing on the same baseline whatever the face (measured here with Liberation
Sans and DejaVu Sans, whose ascents differ by 0.023 em), and so do the PDFs. If
LibreOffice ever places them by each face's ascent, this test says so."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from ..conftest import run_cli, soffice_pdf

pytestmark = pytest.mark.libreoffice

TALK = """\
meta: {{title: Lines}}
theme: {{font: "{font}"}}
sections:
  - title: S
    divider: false
    slides:
      - kind: bullets
        title: Lines
        bullets: [Number one, Number two]
"""


def _baseline(path, page: int = 0) -> float:
    """The baseline of the first 'N' on the slide (PDF points from the page's bottom)."""
    text = pdfium.PdfDocument(str(path))[page].get_textpage()
    at = text.get_text_range().index("Number")
    return text.get_charbox(at, loose=False)[1]


@pytest.fixture(scope="module")
def baselines(tmp_path_factory):
    root = tmp_path_factory.mktemp("lines")
    found = {}
    for name, font in (("arial", "Arial"), ("dejavu", "DejaVu Sans")):
        outline = root / f"{name}.yaml"
        outline.write_text(TALK.format(font=font), encoding="utf-8")
        out = root / name
        args = ("build", str(outline), "-o", str(out), "--format", "pptx", "--format", "slides-pdf")
        assert run_cli(*args).exit_code == 0
        (deck,) = out.glob("*.pptx")
        soffice_pdf([deck], root / f"lo-{name}", root / "profile")
        (ours,) = out.glob("*-slides.pdf")
        (theirs,) = (root / f"lo-{name}").glob("*.pdf")
        found[name] = (_baseline(ours), _baseline(theirs))
    return found


def test_libreoffice_puts_lines_of_both_faces_on_one_baseline(baselines):
    assert baselines["arial"][1] == pytest.approx(baselines["dejavu"][1], abs=0.2)


def test_the_pdfs_put_them_on_one_baseline_too(baselines):
    assert baselines["arial"][0] == pytest.approx(baselines["dejavu"][0], abs=0.2)
    # by each face's own ascent, DejaVu's line would sit 0.023 em × 26 pt = 0.6 pt lower
