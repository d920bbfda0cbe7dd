"""The words deckgen writes itself, in the talk's language.

Every word that is deckgen's and not the outline's (the handout's "Contents", "page 2
of 5", a glossary slide's default title, the guide's headings …) is a label, looked up
in one table per language (:mod:`deckgen.labels.table`). An outline, an overlay or an
audience profile may override any label (``labels:``). Dates, times and lists are
formatted for the locale by Babel, which is imported only when one is formatted.

:func:`labels_for` picks the table: the language tag as given (``pt-BR``), else its
language (``pt``), else English, which :attr:`Labels.shipped` then says.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from ..nodes import Foreign, Spliced, foreign_like, spliced
from .table import TABLE

ENGLISH = TABLE["en"]
KEYS: tuple[str, ...] = tuple(ENGLISH)
LANGUAGES: tuple[str, ...] = tuple(TABLE)

_FIELD = re.compile(r"\{(\w+)\}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# what ends a sentence already, in the languages deckgen writes (and the CJK marks an
# outline may use); looked for before closing quotes, brackets and inline markup
_ENDS_SENTENCE = (".", "!", "?", "…", "\u3002", "\uff01", "\uff1f")
_CLOSING = "\"'”“’»›)]*_` \u00a0"


def fields(text: str) -> set[str]:
    """The ``{name}`` placeholders in a label."""
    return set(_FIELD.findall(text))


def table_language(language: str) -> str | None:
    """The shipped table for a BCP 47 tag: the tag itself, else its primary language."""
    tag = language.lower()
    if tag in TABLE:
        return tag
    primary = tag.split("-")[0]
    return primary if primary in TABLE else None


@dataclass(frozen=True)
class Labels:
    language: str  # the BCP 47 tag the talk is built in
    words: Mapping[str, str]  # every key of KEYS
    shipped: bool = True  # the language has a table of its own (else the words are English)

    def __call__(self, key: str, **values: object) -> str:
        """The label ``key`` with its placeholders filled; a brace that names no value is
        left as written (an override may say "{" and mean it)."""
        text = self.words[key]
        if not values:
            return text
        if not any(isinstance(value, Foreign | Spliced) for value in (text, *values.values())):
            return _FIELD.sub(lambda found: str(values.get(found[1], found[0])), text)
        # a value in another language (a translation's fallback) keeps it, and so do the
        # label's words (the talk's, or an override's the translation lacks)
        pieces, start = [], 0
        for found in _FIELD.finditer(text):
            value = values.get(found[1], found[0])
            pieces += [foreign_like(text[start : found.start()], text)]
            pieces += [value if isinstance(value, str) else str(value)]
            start = found.end()
        return spliced(*pieces, foreign_like(text[start:], text))

    def full_stop(self, text: str) -> str:
        """What deckgen adds to end ``text`` as a sentence: the language's full stop, or
        nothing where ``text`` ends in one already ("Co.", "Why?", "„Stop.“")."""
        return "" if ends_sentence(text) else self.words["full_stop"]

    def sentence(self, text: str) -> str:
        """``text`` ended as a sentence, never with a doubled full stop; in its own
        language, the full stop in the talk's."""
        if not isinstance(text, Foreign | Spliced):
            return text.rstrip() + self.full_stop(text)
        pieces = list(text.pieces if isinstance(text, Spliced) else (text,))
        while pieces and not pieces[-1].rstrip():
            pieces.pop()
        if pieces:
            pieces[-1] = foreign_like(pieces[-1].rstrip(), pieces[-1])
        return spliced(*pieces, self.full_stop(text))

    @cached_property
    def _locale(self):
        from babel import Locale, UnknownLocaleError

        try:
            return Locale.parse(self.language, sep="-")
        except (UnknownLocaleError, ValueError):
            return Locale.parse(table_language(self.language) or "en")

    def date(self, day: _dt.date) -> str:
        """A date as the locale writes it in full: "14 March 2026", "14. März 2026"."""
        from babel.dates import format_date

        return format_date(day, "long", locale=self._locale)

    def time(self, clock: _dt.time) -> str:
        """A time of day as the locale writes it: "9:30 AM", "09:30"."""
        from babel.dates import format_time

        return format_time(clock, "short", locale=self._locale)

    def number(self, value: float) -> str:
        """A number as the locale writes it: "1.5", "1,5"."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self._locale)

    @property
    def decimal(self) -> str:
        """The locale's decimal sign: "." or ","."""
        from babel.numbers import get_decimal_symbol

        return get_decimal_symbol(self._locale)

    def percent(self, share: float) -> str:
        """A share as the locale writes a percentage: "60%", "60 %"."""
        from babel.numbers import format_percent

        return format_percent(share, locale=self._locale)

    def join(self, items: Iterable[str]) -> str:
        """A list as the locale writes one: "A, B and C", "A, B und C"."""
        listed = list(items)
        if len(listed) < 2:  # nothing to join: no need to load the locale's data
            return listed[0] if listed else ""
        from babel.lists import format_list

        if not any(isinstance(item, Foreign | Spliced) for item in listed):
            return format_list(listed, locale=self._locale)
        # each item in its own language, the words between them in the talk's: the list
        # made of marks no item has, then the items put in their places
        marks = [f"\ue000{number}\ue001" for number in range(len(listed))]
        made = re.split("\ue000([0-9]+)\ue001", format_list(marks, locale=self._locale))
        return spliced(
            *(listed[int(part)] if index % 2 else part for index, part in enumerate(made))
        )

    def text_date(self, text: str) -> str:
        """The outline's date as written, or in the locale's words if it is an ISO date."""
        if _ISO_DATE.match(text.strip()):
            try:
                return self.date(_dt.date.fromisoformat(text.strip()))
            except ValueError:
                return text
        return text


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence itself, before any closing quote or bracket."""
    return text.rstrip(_CLOSING).endswith(_ENDS_SENTENCE)


def labels_for(language: str, *overrides: Mapping[str, str | None]) -> Labels:
    """The labels for a talk in ``language``, with the overrides applied in order."""
    shipped = table_language(language)
    words = dict(TABLE[shipped or "en"])
    for override in overrides:
        words.update({k: v for k, v in override.items() if v is not None})
    return Labels(language, words, shipped is not None)


__all__ = [
    "ENGLISH",
    "KEYS",
    "LANGUAGES",
    "Labels",
    "ends_sentence",
    "fields",
    "labels_for",
    "table_language",
]
