"""The deck reader, replaced in CLI tests by one that hands over a deck made by hand."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

from .decks import sample_deck


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def reader(monkeypatch):
    """Replace the deck reader: ``reader.deck`` is what it hands over (or raises, if it is
    an exception); ``reader.asked`` the paths it was asked for."""
    fake = types.ModuleType("deckgen.deck_import.read")
    fake.deck = sample_deck()
    fake.asked = []

    def read_deck(path):
        fake.asked.append(Path(path))
        if isinstance(fake.deck, Exception):
            raise fake.deck
        return fake.deck

    fake.read_deck = read_deck
    monkeypatch.setitem(sys.modules, "deckgen.deck_import.read", fake)
    return fake
