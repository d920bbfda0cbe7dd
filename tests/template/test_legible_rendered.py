"""LibreOffice's own render of decks on its templates, measured word by word
(benchmarks/rendered.py): text deckgen made to read on the artwork after layout (a colour
changed, a panel behind it, the theme's hyperlink colour) reads at 3:1 or better there."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from benchmarks.rendered import FLOOR, word_contrasts

from ..conftest import build_on_template, soffice_pdf

pytestmark = pytest.mark.libreoffice

TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
OUTLINE = Path("outline.yaml")  # the shipped talk
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Candy (a ribbon under the body) and Lights (a dark gradient, translucent discs):
    the shipped talk built on each and rendered by LibreOffice; (deck, render) by name."""
    names = ("Candy", "Lights")
    sources = [TEMPLATES / f"{name}.otp" for name in names]
    if not all(path.exists() for path in sources):
        pytest.skip(f"no LibreOffice templates in {TEMPLATES}")
    work = tmp_path_factory.mktemp("legible")
    profile = tmp_path_factory.mktemp("legible-profile")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(work), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    decks = {}
    for name in names:
        template = (work / f"{name}.pptx").rename(work / f"{name}.template")
        deck = build_on_template(OUTLINE, template, work / name)
        decks[name] = deck.rename(work / f"{name}.pptx")
    renders = work / "renders"
    soffice_pdf(list(decks.values()), renders, profile)
    return {name: (deck, renders / f"{name}.pdf") for name, deck in decks.items()}


def _backed(deck: Path) -> list[int]:
    """The slides (from 1) with a panel deckgen set behind text on the artwork."""
    slides = Presentation(str(deck)).slides
    return [
        number
        for number, slide in enumerate(slides, 1)
        if any(shape.name.endswith(" backing") for shape in slide.shapes)
    ]


def test_candys_glossary_reads_on_a_quiet_panel_over_the_ribbon(rendered):
    deck, pdf = rendered["Candy"]
    backed = _backed(deck)
    assert backed, "no panel behind the glossary's terms on the ribbon"
    slide = Presentation(str(deck)).slides[backed[0] - 1]
    (panel,) = [shape for shape in slide.shapes if shape.name.endswith(" backing")]
    # a plain decorative shape, in a theme slot, behind (before) its text box
    assert panel._element.find(f".//{A}solidFill/{A}schemeClr") is not None
    assert "decorative" in panel._element.xml
    names = [shape.name for shape in slide.shapes]
    assert names.index(panel.name) + 1 == names.index(panel.name.removesuffix(" backing"))
    measured = [word for word in word_contrasts(pdf) if word.slide in backed]
    assert measured and min(word.ratio for word in measured) >= FLOOR, measured


@pytest.mark.parametrize("name", ["Candy", "Lights"])
def test_no_word_of_the_deck_reads_below_3_to_1_in_libreoffices_render(rendered, name):
    _deck, pdf = rendered[name]
    below = [word for word in word_contrasts(pdf) if word.ratio < FLOOR]
    # Lights' slide 7: its number's word box reaches past the panel onto a pale disc
    allowed = {("Lights", 7, "7")}
    assert {(name, word.slide, word.word) for word in below} <= allowed, below


def test_lights_links_are_drawn_in_the_themes_hyperlink_colour_made_to_read(rendered):
    deck, _pdf = rendered["Lights"]
    prs = Presentation(str(deck))
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME).blob.decode()
    hlink = theme.split("<a:hlink>")[1].split("</a:hlink>")[0]
    links = [
        run
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        for run in para.runs
        if run.hyperlink.address
    ]
    assert links
    # every link's run says the theme's hyperlink slot, and the slot's colour is the one
    # deckgen decided (LibreOffice draws links in it)
    said = {run._r.find(f"{A}rPr/{A}solidFill/{A}schemeClr").get("val") for run in links}
    assert said == {"hlink"}, said
    assert 'srgbClr val="' in hlink
