"""The output formats, as the slide kinds are: each a module of this package exporting
``FORMAT`` (its name, the file it writes, what the progress line calls it, how ``check``
reads it, and how it renders), listed once in ``REGISTRY``.

``build`` renders every format through it, the CLI offers its names, ``check`` reads
each output the way its format says (a deck, a PDF, a web page), and the manifest and ``--json``
name outputs by it. Importing this package imports no renderer: a format's module
imports its own when it renders, so ``deckgen --help`` stays fast.

Adding a format: its module here and one line in ``REGISTRY``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import BuildError, error

if TYPE_CHECKING:
    from pathlib import Path

# the --format name -> its module in this package, in the order the CLI lists them
REGISTRY = {
    "pptx": "deck",
    "handout": "handout",
    "slides-pdf": "slides_pdf",
    "guide": "guide",
    "html": "html",
}
NAMES = tuple(REGISTRY)
DEFAULT = ("pptx", "handout")  # what a build writes unless --format says otherwise


@dataclass(frozen=True)
class Job:
    """What one build gives every format it renders."""

    prepared: Any  # build.Prepared: the talk laid out
    options: Any  # build.BuildOptions
    stem: str  # the output files' common stem
    created: Any  # datetime: every timestamp the outputs carry
    profile: Any  # the audience's profile, or None
    thumbnail: Any  # the deck's thumbnail, rendered beside (``result()``)


@dataclass(frozen=True)
class Format:
    """An output format."""

    name: str  # as --format, the manifest and --json say it
    stage: str  # what the progress line calls it: "the deck"
    suffix: str  # the file name after the stem: ".pptx", "-handout.pdf"
    # the file's bytes and what rendering said (diagnostics)
    render: Callable[[Job], tuple[bytes, list]]
    # what ``deckgen check`` finds in the written file: (its bytes, its name, the
    # laid-out deck) -> diagnostics; None: check does not read this format
    inspect: Callable[[bytes, str, Any], list] | None = None
    # the file name after the stem of the presenter's copy (``--answers``): never the
    # participants' name, so one never replaces the other; None: the format prints the
    # same with or without answers
    answers_suffix: str | None = None

    def prints_answers(self, answers: bool) -> bool:
        """Whether this build's file of the format is the presenter's copy."""
        return answers and self.answers_suffix is not None

    def path(self, folder: Path, stem: str, answers: bool = False) -> Path:
        suffix = self.answers_suffix if self.prints_answers(answers) else self.suffix
        return folder / f"{stem}{suffix}"


def distinct_paths(outputs: list[tuple[str, Path]]) -> None:
    """Refuse outputs of one build that share a file name, which would replace each
    other: ``outputs`` are (what the output is, its path); the error names both.
    Names that differ only in case count as one (macOS and Windows keep them one)."""
    seen: dict[str, str] = {}
    problems = []
    for what, path in outputs:
        key = str(path).casefold()
        if key in seen:
            problems.append(
                error(
                    f"{seen[key]} and {what} would both be written to {path}",
                    hint="rename an audience, or build them one at a time into different folders",
                )
            )
        else:
            seen[key] = what
    if problems:
        raise BuildError("two outputs with one name", problems)


def format_of(name: str) -> Format:
    """The registered format ``name``."""
    module = REGISTRY.get(name)
    if module is None:
        known = ", ".join(NAMES)
        raise BuildError(
            f"unknown format {name}", [error(f"unknown format '{name}'", hint=f"one of: {known}")]
        )
    return importlib.import_module(f"{__name__}.{module}").FORMAT
