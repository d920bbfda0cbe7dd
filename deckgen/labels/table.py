"""Every word deckgen writes itself, in each language it ships: one module a language
in ``languages/`` (a translator edits one file). Each language gives every label (a test
holds them to English's keys and placeholders); ``{name}`` is filled in where the label
is used."""

from __future__ import annotations

from .languages import de, en, es, fr, it, nl, pt

TABLE: dict[str, dict[str, str]] = {
    "en": en.WORDS,
    "de": de.WORDS,
    "fr": fr.WORDS,
    "es": es.WORDS,
    "it": it.WORDS,
    "nl": nl.WORDS,
    "pt": pt.WORDS,
}
