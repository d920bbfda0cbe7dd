"""A template's master with no footer or slide-number placeholder (as several of
LibreOffice's have) gets them, where deckgen's footer and number stand, and its layouts
get ones that inherit them: the deck's footer and number are placeholders Insert ›
Header & Footer manages, not free text boxes (issue 20, deliverable 2)."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from deckgen.check.fidelity import measure_fidelity

from ..conftest import SMALL, built_on

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_CHROME = ("dt", "ftr", "sldNum")


def _types(owner) -> list[str]:
    return [ph.get("type", "obj") for ph in owner._element.iter(f"{_P}ph")]


def _bare(path: Path) -> Path:
    """python-pptx's stock template with every date, footer and number placeholder gone."""
    prs = Presentation()
    for owner in (prs.slide_master, *prs.slide_layouts):
        tree = owner._element.cSld.spTree
        for shape in list(tree):
            ph = shape.find(f"*/{_P}nvPr/{_P}ph")
            if ph is not None and ph.get("type") in _CHROME:
                tree.remove(shape)
    prs.save(str(path))
    return path


def test_a_master_without_footer_and_number_gets_them_and_slides_fill_them(tmp_path):
    deck, _ = built_on(SMALL, _bare(tmp_path / "bare.pptx"), tmp_path / "o")
    prs = Presentation(str(deck))
    master = prs.slide_master
    assert {"ftr", "sldNum"} <= set(_types(master))
    assert master._element.find(f"{_P}hf") is not None
    for layout in master.slide_layouts:
        held = [ph for ph in layout.placeholders if ph.placeholder_format.type in (13, 15)]
        assert len(held) == 2, layout.name  # footer and number, placed by the master's
        assert all(ph._element.find(f"{_P}spPr/{_A}xfrm") is None for ph in held)
    numbered = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name in ("Footer", "Slide number"):
                assert shape.is_placeholder, shape.name
                numbered += shape.name == "Slide number"
                if shape.name == "Slide number":
                    assert shape._element.find(f".//{_A}fld").get("type") == "slidenum"
    assert numbered >= 3
    free = {f.shape for f in measure_fidelity(deck).findings if f.what == "free text"}
    assert not free & {"Footer", "Slide number"}
