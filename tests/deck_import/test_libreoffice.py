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
