"""Titles on their layout's box (issue 20, "Must hold"): a template's title box narrower
than its body is the titles' box (not widened to the margins); a layout that places its
title oddly (mid-slide) has it moved where the slides' titles go, said once; a balanced
title keeps its placeholder's box and narrows with insets. Decks built through the CLI
and read back with python-pptx and the fidelity measure."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from deckgen.check.fidelity import measure_fidelity

from ..conftest import built_on

OUTLINE = """\
meta:
  title: "Titles"
sections:
  - title: "One"
    divider: false
    slides:
      - kind: bullets
        title: "A title long enough to be balanced over two lines of text here"
        bullets: ["One point", "Another point"]
      - kind: bullets
        title: "Short"
        bullets: ["One point"]
"""
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _template(path: Path, title_box: tuple[int, int, int, int], center: bool = False) -> Path:
    """python-pptx's stock template, 16:9, with the content layouts' title at ``title_box``
    (EMU), centred if asked."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12_192_000, 6_858_000
    for layout in prs.slide_layouts:
        if layout.name not in ("Title and Content", "Title Only", "Two Content"):
            continue
        title = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
        title.left, title.top, title.width, title.height = (Emu(v) for v in title_box)
        for ph in layout.placeholders:
            if ph.placeholder_format.idx != 0 and ph.placeholder_format.type in (2, 7):
                ph.left, ph.top, ph.width, ph.height = (
                    Emu(v) for v in (600_000, 1_700_000, 10_992_000, 4_400_000)
                )
    if center:
        level = prs.slide_master._element.find(f"{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr")
        level.set("algn", "ctr")
    prs.save(str(path))
    return path


def _build(folder: Path, title_box, center: bool = False):
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    template = _template(folder / "house.pptx", title_box, center)
    return built_on(folder / "outline.yaml", template, folder / "o")


def test_a_narrow_title_box_is_the_titles_box(tmp_path):
    narrow = (3_000_000, 300_000, 6_192_000, 1_000_000)  # centred, half the body's width
    deck, _ = _build(tmp_path, narrow)
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title
        assert (title.left, title.width) == (narrow[0], narrow[2])
    assert measure_fidelity(deck).titles_off_box == 0


def test_a_title_placed_mid_slide_is_moved_to_the_masters_place_and_said(tmp_path):
    odd = (600_000, 3_000_000, 10_992_000, 1_000_000)  # below the body's top
    deck, output = _build(tmp_path, odd)
    assert (
        "places its title at 0.66, 3.28 in" in output
        or "place their titles at 0.66, 3.28 in" in output
    )
    assert output.count("not where slides' titles go") == 1
    prs = Presentation(str(deck))
    layout = prs.slides[0].slide_layout
    held = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
    assert held.top < 1_700_000  # above the body, where the master has it
    assert measure_fidelity(deck).titles_off_box == 0
    assert all(slide.shapes.title.top == held.top for slide in prs.slides)


def test_a_balanced_centred_title_keeps_its_box_and_narrows_inside_it(tmp_path):
    box = (600_000, 300_000, 10_992_000, 1_200_000)
    deck, _ = _build(tmp_path, box, center=True)
    title = Presentation(str(deck)).slides[0].shapes.title
    assert (title.left, title.width) == (box[0], box[2])
    body_pr = title._element.find(f"{_P}txBody/{_A}bodyPr")
    left, right = int(body_pr.get("lIns", "0")), int(body_pr.get("rIns", "0"))
    assert left > 0 and abs(left - right) <= 1  # the measure, centred in the box
