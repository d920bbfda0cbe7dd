"""Source positions, diagnostics and the exception tree (with exit codes).

The library never prints or exits: it raises a :class:`DeckgenError` whose
``diagnostics`` say what went wrong and where; the CLI prints them and maps the
exception class to an exit code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, order=True)
class SourcePos:
    """A 1-based line and column in a named file."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


def quoted(text: str) -> str:
    """``text`` in quotes for a message, with newlines, NULs and other control characters
    shown as escapes, so they can neither split nor corrupt the message."""
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04X}" for ch in text)
    return f"'{shown}'"


def quoted_short(text: str, most: int = 30) -> str:
    """:func:`quoted`, cut to ``most`` characters: a table row or cell named in a message."""
    return quoted(text if len(text) <= most else text[: most - 1] + "…")


def decoder_said(exc: Exception) -> str:
    """What a decoder's exception (Pillow's, base64's) says, for a message: its first line,
    without the repr of an in-memory file ('<_io.BytesIO object at 0x…>') that means
    nothing to the reader, control characters shown as escapes."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return quoted(_OBJECT_REPR.sub("", text))[1:-1]


_OBJECT_REPR = re.compile(r"\s*<[\w.]+ object at 0x[0-9a-fA-F]+>")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    message: str
    pos: SourcePos | None = None
    hint: str | None = None
    # what it is about, for reports that group them: "fit", "contrast", "font", "template"
    topic: str | None = None

    def __str__(self) -> str:
        where = f"{self.pos}: " if self.pos else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.severity.value}: {self.message}{hint}"

    def to_json(self) -> dict:
        return {
            "severity": self.severity.value,
            "message": self.message,
            "file": self.pos.file if self.pos else None,
            "line": self.pos.line if self.pos else None,
            "column": self.pos.col if self.pos else None,
            "hint": self.hint,
            "topic": self.topic,
        }


def error(
    message: str, pos: SourcePos | None = None, hint: str | None = None, topic: str | None = None
) -> Diagnostic:
    return Diagnostic(Severity.ERROR, message, pos, hint, topic)


def warning(
    message: str, pos: SourcePos | None = None, hint: str | None = None, topic: str | None = None
) -> Diagnostic:
    return Diagnostic(Severity.WARNING, message, pos, hint, topic)


class DeckgenError(Exception):
    """Root of every error deckgen raises on purpose. ``exit_code`` is the CLI's."""

    exit_code = 1

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic] = ()):
        super().__init__(message)
        self.message = message
        self.diagnostics = tuple(diagnostics)


class InputError(DeckgenError):
    """The outline, an overlay or an option is wrong: the user must fix the input."""

    exit_code = 2


class BuildError(DeckgenError):
    """The input is valid but the build could not be completed (or --strict saw warnings)."""

    exit_code = 1


class OutputError(DeckgenError):
    """An output file could not be written; earlier outputs are left as they were."""

    exit_code = 3
