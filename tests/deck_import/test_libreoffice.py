"""Decks nobody here wrote: LibreOffice's 23 Impress templates, filled with their sample
slides by LibreOffice and saved as .pptx at test time (never committed). Each imports,
its outline builds on its own design, and the rebuilt deck keeps at least 95 % of the
slides' words and the notes' words and 90 % of the pictures shown a quarter of the
slide wide or more (a slide holds one picture: more become picture slides after it,
smaller ones, icons and logos beside text, are left out and said)."""

from __future__ import annotations

import pytest

from deckgen.deck_import.read import read_deck

from ..conftest import lo_templates
from .roundtrip import kept_share, pictures_of, rebuild, words_of_deck

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    out = tmp_path_factory.mktemp("filled")
    return lo_templates(None, out, tmp_path_factory.mktemp("filled-profile"))


def test_libreoffice_decks_import_build_and_keep_their_words_and_pictures(filled, tmp_path):
    assert len(filled) == 23
    for source in filled:
        deck = read_deck(source)
        rebuilt = rebuild(deck, tmp_path / source.stem)
        words, notes = words_of_deck(source)
        new_words, new_notes = words_of_deck(rebuilt)
        assert kept_share(words, new_words) >= 0.95, source.name
        assert kept_share(notes, new_notes) >= 0.95, source.name
        shown = pictures_of(source, 0.25)  # icons and logos beside a slide's text aside
        kept = {asset.data for asset in deck.assets}
        assert len(kept) >= 0.9 * len(shown), source.name
        (tmp_path / source.stem / "template.pptx").unlink()  # its design, not a deck


def test_an_emf_picture_is_converted_to_png_by_libreoffice(tmp_path):
    import subprocess

    from pptx import Presentation
    from pptx.util import Inches

    svg = tmp_path / "shape.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
        '<rect width="200" height="100" fill="#c00"/></svg>'
    )
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "emf", "--outdir", str(tmp_path), str(svg)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Vector"
    picture = slide.shapes.add_picture(str(tmp_path / "shape.emf"), Inches(1), Inches(2))
    picture._element.nvPicPr.cNvPr.set("descr", "A red box")
    prs.save(tmp_path / "emf.pptx")
    deck = read_deck(tmp_path / "emf.pptx")
    assert [asset.name for asset in deck.assets] == ["a-red-box.png"]
    assert deck.assets[0].data.startswith(b"\x89PNG")
