"""Any font: found beside the outline or through fontconfig, shaped with kerning, its
licence bits read; a missing one is measured with its stand-in, and said."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from deckgen.errors import Severity
from deckgen.layout.fonts import ShapingMeasurer, find_family, measurer_for
from deckgen.layout.measure import AfmMeasurer

from ..conftest import SMALL, run_cli

LIBERATION = Path(__file__).resolve().parents[2] / "deckgen" / "fonts"
FAMILY = "Deckgen Test Sans"


def renamed_font(folder: Path, family: str = FAMILY, fs_type: int = 0) -> Path:
    """Liberation Sans under another family name (so it is no metric twin of Arial), in
    its four faces: a real font with real kerning that no system has installed."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(LIBERATION.glob("LiberationSans-*.ttf")):
        font = TTFont(str(source))
        style = source.stem.split("-")[1]
        for record in font["name"].names:
            if record.nameID in (1, 16):
                record.string = family
            elif record.nameID in (4, 6):
                record.string = f"{family} {style}".replace(" ", "" if record.nameID == 6 else " ")
        font["OS/2"].fsType = fs_type
        font.save(str(folder / f"{family.replace(' ', '')}-{style}.ttf"))
    return folder


def test_a_family_in_a_fonts_folder_is_found_in_every_style(tmp_path):
    folder = renamed_font(tmp_path / "fonts")
    choice = find_family(FAMILY, [folder])
    assert choice.exact
    assert {style: face.path.parent for style, face in choice.faces.items()} == {
        (False, False): folder,
        (True, False): folder,
        (False, True): folder,
        (True, True): folder,
    }
    assert choice.faces[(True, False)].bold and choice.faces[(False, True)].italic
    assert all(face.embeddable and face.truetype for face in choice.faces.values())


def test_shaping_applies_the_fonts_kerning_and_keeps_its_advances(tmp_path):
    choice = find_family(FAMILY, [renamed_font(tmp_path / "fonts")])
    shaped, afm = ShapingMeasurer(choice.faces), AfmMeasurer()
    # Liberation Sans has Arial's advance widths: unkerned text measures the same
    assert shaped.width("Minimum", 20) == pytest.approx(afm.width("Minimum", 20), rel=1e-3)
    assert shaped.width("Minimum", 20, bold=True) == pytest.approx(
        afm.width("Minimum", 20, bold=True), rel=1e-3
    )
    # and its kerning pulls "AV" and "To" together, which Arial's tables alone cannot
    assert shaped.width("AV", 40) < shaped.width("A", 40) + shaped.width("V", 40) - 1
    assert shaped.width("To", 40) < afm.width("To", 40) - 1


def test_a_font_whose_licence_forbids_embedding_says_so(tmp_path):
    choice = find_family("Locked Sans", [renamed_font(tmp_path / "fonts", "Locked Sans", 2)])
    assert choice.exact and not choice.faces[(False, False)].embeddable


def test_a_missing_family_is_measured_with_its_stand_in_and_said(tmp_path):
    measurer, (said,), _files = measurer_for("No Such Family Anywhere", [tmp_path], None)
    assert said.severity is Severity.WARNING
    assert "the font 'No Such Family Anywhere' is not installed here" in said.message
    assert "text is measured with '" in said.message and "fonts/" in said.hint
    assert measurer.width("Minimum", 20) > 0
    # Arial and its metric twins need no file and no word
    assert measurer_for("Helvetica", [], None)[1:] == ([], {})


def test_a_build_finds_the_font_beside_the_outline(tmp_path):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    assert 'font: "Arial"' in text
    outline.write_text(text.replace('font: "Arial"', f'font: "{FAMILY}"'), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0 and "is not installed" in result.output  # not yet beside it
    renamed_font(folder / "fonts")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    assert "is not installed" not in result.output


def _pdf_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(str(pdf)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.parametrize("fs_type, embedded", [(0, True), (2, False)])
def test_the_pdfs_embed_the_decks_font_where_its_licence_allows(tmp_path, fs_type, embedded):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    outline.write_text(text.replace('font: "Arial"', f'font: "{FAMILY}"'), encoding="utf-8")
    renamed_font(folder / "fonts", fs_type=fs_type)
    out = tmp_path / "out"
    args = ("build", str(outline), "-o", str(out), "--format", "handout", "--format", "slides-pdf")
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    for pdf in out.glob("*.pdf"):
        fonts = _pdf_fonts(pdf)
        ours = {name for name in fonts if name.startswith("DeckgenTestSans")}
        assert bool(ours) is embedded, (pdf.name, fonts)
        assert any(name.startswith("LiberationSans") for name in fonts) is not embedded
    said = "set 'Deckgen Test Sans' text in Liberation Sans: its licence does not allow"
    assert (said in result.output) is not embedded
