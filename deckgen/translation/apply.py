"""A talk in another language: each unit's translation put in place of the outline's
text, before the talk is tailored, so every output and every audience follows.

A unit the file lacks, leaves empty, marks for review or translated from another source
keeps the outline's text and is counted in one warning for the file. A translation that
breaks its source's markup (a ``{variable}`` dropped, a link's target changed, a tag
unknown) or runs past the outline's limits is an error at the file's line, naming the
unit: all of them at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, SourcePos, error, warning
from ..nodes import Foreign
from ..outline import model as m
from ..outline.yamltree import forbidden_character
from . import markup
from .stores import FileEntry, Store, read, source_words, words_of
from .walk import Unit, map_texts

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Translated:
    """The outline in the file's language, and what stayed in the outline's."""

    outline: m.Outline
    language: str
    units: int
    missing: tuple[str, ...]  # keys of units the file does not translate
    stale: tuple[str, ...]  # keys whose translation awaits review or whose source changed
    path: Path
    broken: tuple[str, ...] = ()  # keys whose translation breaks its source (check only)
    problems: tuple = ()  # what breaks, at the file's lines
    texts: dict = field(default_factory=dict)  # each translation put in place, by key

    def warnings(self):
        """One warning for the file: how many texts stay in the outline's language."""
        left = len(self.missing) + len(self.stale)
        if not left:
            return []
        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} untranslated")
        if self.stale:
            parts.append(f"{len(self.stale)} awaiting review or made from an older source")
        first = (self.missing or self.stale)[0]
        return [
            warning(
                f"{left} of {self.units} texts stay in the outline's language "
                f"({', '.join(parts)}; the first: {first})",
                SourcePos(str(self.path), 1, 1),
                "run 'deckgen translate update' and give the file to the translator; "
                "'deckgen translate check' lists them",
                topic="translation",
            )
        ]


def for_build(outline: m.Outline, variables, path: Path):
    """For a build: the outline in the translation's language, (that language, the slug of
    the outline's own title, which names the outputs) and the warnings about what stayed
    untranslated."""
    from ..outline.tailor import fill
    from ..output import slug

    done = translate(outline, translation_file(outline, path))
    values = {k: v for k, v in outline.variables.items() if v is not None} | dict(variables)
    return done.outline, (done.language, slug(fill(outline.meta.title, values))), done.warnings()


def translation_file(outline: m.Outline, given) -> Path:
    """The file ``given`` names: a language the outline's ``translations:`` lists (its
    file, from the outline's folder), else a path."""
    listed = outline.translations.get(str(given))
    if listed is not None:
        return Path(outline.base_dir) / listed
    path = Path(given)
    if not path.is_file():
        message = f"no translation file {given}"
        names = ", ".join(sorted(outline.translations)) or "none"
        hint = (
            "give a .po or .xlf file, or a language the outline's translations: list "
            f"(listed: {names})"
        )
        raise InputError(message, [error(message, outline.pos, hint)])
    return path


def translate(outline: m.Outline, path: Path) -> Translated:
    """``outline`` with the translations of the file at ``path`` in place."""
    return translate_store(outline, read(path))


def translate_store(outline: m.Outline, store: Store, refuse: bool = True) -> Translated:
    """``outline`` translated by ``store``; a translation that breaks its source is an
    :class:`InputError` (all of them), or with ``refuse=False`` kept in the source's
    words and listed (``deckgen translate check``)."""
    language = language_of(store)
    found = _Finder(store, outline.meta.language)
    done = map_texts(outline, found)
    if found.problems and refuse:
        count = len(found.problems)
        raise InputError(
            f"{count} translation(s) in {store.path.name} break their source", found.problems
        )
    meta = done.meta.model_copy(update={"language": language})
    return Translated(
        done.model_copy(update={"meta": meta}),
        language,
        found.units,
        tuple(found.missing),
        tuple(found.stale),
        store.path,
        tuple(dict.fromkeys(found.broken)),
        tuple(found.problems),
        found.texts,
    )


def language_tag(text: str) -> str | None:
    """``text`` as a BCP 47 tag (``de_DE`` as tools write it: ``de-DE``); None where it is
    none."""
    tag = text.strip().replace("_", "-")
    return tag if _LANGUAGE.match(tag) else None


def language_of(store: Store) -> str:
    """The file's target language as a BCP 47 tag (``de_DE`` as tools write it: ``de-DE``)."""
    tag = language_tag(store.language)
    if tag is None:
        where = "its header's Language:" if store.kind == "po" else "<file target-language=…>"
        message = (
            f"the translation file names no language it is in ({where} is "
            f"{store.language.strip() or 'empty'})"
        )
        hint = "set it to the language's BCP 47 tag: de, fr, pt-BR"
        raise InputError(message, [error(message, SourcePos(str(store.path), 1, 1), hint)])
    return tag


class _Finder:
    """Each unit's text in the file's language, or the outline's (counted), which keeps
    its language (``Foreign``: its runs say it)."""

    def __init__(self, store: Store, source_language: str) -> None:
        self.store = store
        self.source_language = source_language
        self.units = 0
        self.missing: list[str] = []
        self.stale: list[str] = []
        self.broken: list[str] = []
        self.problems: list = []
        self.texts: dict[str, str] = {}

    def __call__(self, unit: Unit) -> str:
        self.units += 1
        entry = self.store.entries.get(unit.key)
        if entry is None or entry.target is None:
            self.missing.append(unit.key)
            return self._kept(unit)
        if entry.fuzzy or words_of(entry.source) != source_words(unit.source, self.store.kind):
            self.stale.append(unit.key)
            return self._kept(unit)
        text = self._text(unit, entry)
        if text is None:
            return self._kept(unit)
        said = markup.problems(unit.source, text)
        forbidden = forbidden_character(text)
        if forbidden:
            said.append(f"it holds {forbidden}: remove it; text may hold tabs and line breaks")
        if unit.limit and len(text) > unit.limit:
            said.append(f"{len(text):,} characters; the outline allows {unit.limit:,} here")
        for problem in said:
            self._say(unit, entry, problem)
        if said:
            return self._kept(unit)
        self.texts[unit.key] = text
        return text

    def _kept(self, unit: Unit) -> str:
        """The outline's text, in the outline's language."""
        return Foreign(unit.source, self.source_language)

    def _text(self, unit: Unit, entry: FileEntry) -> str | None:
        if self.store.kind == "po":
            text = str(entry.target)
        else:
            from lxml import etree

            codes = markup.fill_xliff(etree.Element("source"), unit.source)
            try:
                text = markup.read_xliff(entry.target, codes)
            except markup.MarkupError as exc:
                self._say(unit, entry, str(exc))
                return None
        if text.strip() != text and unit.source.strip() == unit.source:
            text = text.strip()  # a tool's stray space or newline at either end
        return text

    def _say(self, unit: Unit, entry: FileEntry, problem: str) -> None:
        self.broken.append(unit.key)
        self.problems.append(
            error(
                f"unit {unit.key}: {problem}",
                self.store.at(entry),
                "correct the translation in the file (or in the translator's tool)",
                topic="translation",
            )
        )
