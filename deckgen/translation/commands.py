"""What ``deckgen translate`` does, as library calls: extract a talk's texts into a new
translation file, update a file after the outline changed, check a file against the
outline. The CLI only says what they return."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic, InputError, SourcePos, error, warning
from ..inline import plain
from ..outline import model as m
from .apply import language_of, translate_store
from .stores import format_of, read, write
from .walk import UNNAMED, units_of


def extract(
    outline: m.Outline,
    path: Path,
    language: str,
    kind: str | None = None,
    name: str = "",
    fits: Mapping | None = None,
) -> dict:
    """Write every translatable text of ``outline`` to a new file at ``path`` for
    translation into ``language``; refuses a file that is there (its translations would
    be lost: that is :func:`update`'s work). Returns the counts and the units without a
    slide id."""
    if path.exists():
        message = f"{path} is there already: extracting again would lose its translations"
        raise InputError(
            message,
            [error(message, SourcePos(str(path), 1, 1), f"run 'deckgen translate update {path}'")],
        )
    units = units_of(outline)
    languages = _languages(outline, language)
    data, counts = write(
        units, format_of(path, kind), languages, name or "outline.yaml", None, fits
    )
    _write(path, data)
    counts["unnamed"] = sum(1 for unit in units if unit.key.startswith(UNNAMED))
    return counts


def update(outline: m.Outline, path: Path, name: str = "", fits: Mapping | None = None) -> dict:
    """Extract ``outline``'s texts again into the file at ``path``: translations kept,
    those whose source changed marked for review, new texts added, gone ones dropped."""
    previous = read(path)
    language = language_of(previous)
    data, counts = write(
        units_of(outline),
        previous.kind,
        _languages(outline, language),
        name or "outline.yaml",
        previous,
        fits,
    )
    _write(path, data)
    return counts


@dataclass
class TranslationReport:
    """What a translation file holds for the outline: counts, and what to do."""

    path: Path
    language: str
    units: int = 0
    translated: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # keys the outline no longer has
    problems: list[Diagnostic] = field(default_factory=list)
    too_long: list[Diagnostic] = field(default_factory=list)  # will not fit at full size

    @property
    def ok(self) -> bool:
        return not self.problems

    def findings(self) -> list[Diagnostic]:
        """Errors (a translation that breaks its source), then one warning each for what
        is missing, awaits review or is left over."""
        at = SourcePos(str(self.path), 1, 1)
        said = list(self.problems) + list(self.too_long)
        for keys, what, hint in (
            (self.missing, "untranslated", "translate them in the file"),
            (self.stale, "awaiting review or made from an older source", "review them"),
            (self.orphans, "no longer in the outline", "'deckgen translate update' drops them"),
        ):
            if keys:
                shown = ", ".join(keys[:5]) + (", …" if len(keys) > 5 else "")
                said.append(warning(f"{len(keys)} {what}: {shown}", at, hint, "translation"))
        return said

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "language": self.language,
            "ok": self.ok,
            "units": self.units,
            "translated": self.translated,
            "missing": self.missing,
            "stale": self.stale,
            "orphans": self.orphans,
            "too_long": len(self.too_long),
            "findings": [d.to_json() for d in self.findings()],
        }


def check(outline: m.Outline, path: Path, fits: Mapping | None = None) -> TranslationReport:
    """How complete and sound the file at ``path`` is for ``outline``: every problem at
    once, where :func:`~.apply.translate` stops at the first file with any, and each
    translation longer than its slide holds at the design's size (``fits``, by key)."""
    store = read(path)
    done = translate_store(outline, store, refuse=False)
    report = TranslationReport(path, done.language, done.units)
    report.missing, report.stale = list(done.missing), list(done.stale)
    report.problems = list(done.problems)
    report.translated = done.units - len(done.missing) - len(done.stale) - len(done.broken)
    keys = {unit.key for unit in units_of(outline)}
    report.orphans = [key for key in store.entries if key not in keys]
    report.too_long = too_long(done, store, fits or {})
    return report


def too_long(done, store, fits: Mapping) -> list[Diagnostic]:
    """A warning for each translation longer than its unit's room at the design's size."""
    said = []
    for key, text in done.texts.items():
        fit = fits.get(key)
        length = len(plain(text))
        if fit is not None and fit.most is not None and length > fit.most:
            said.append(
                warning(
                    f"unit {key}: {length} characters; {fit.most} fit on its slide at "
                    "the design's size",
                    store.at(store.entries.get(key)),
                    "shorten it: longer, the slide is set smaller, continued, or does not "
                    "fit at all",
                    "fit",
                )
            )
    return said


def _languages(outline: m.Outline, language: str) -> tuple[str, str]:
    return outline.meta.language, language


def _write(path: Path, data: bytes) -> None:
    from ..output import write_all

    path.parent.mkdir(parents=True, exist_ok=True)
    write_all([(path, data)])


__all__ = ["TranslationReport", "check", "extract", "too_long", "update"]
