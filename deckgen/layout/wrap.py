"""Greedy line breaking over styled runs, measured with a :class:`Measurer`."""

from __future__ import annotations

import re
from dataclasses import replace

from .frames import Run
from .measure import Measurer

# a line may break at spaces, at newlines, and after a hyphen inside a word
# ("fine-|tuning", "ai-risk-|management"), as PowerPoint and LibreOffice do
_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s-]+-+(?=[^\s\d-])|[^\s]+")


_SOFT_BREAK = "/-._?&=#"  # where a long URL or path may break, after the character


class TooNarrow(ValueError):
    """A box narrower than one character of its text: no line break can help."""

    def __init__(self, characters: str):
        super().__init__(f"a box is narrower than one character of its text ({characters!r})")
        self.characters = characters


def wrap_runs(
    runs: tuple[Run, ...],
    width: float,
    size: float,
    measurer: Measurer,
    first_width: float | None = None,
    mono: Measurer | None = None,
) -> tuple[tuple[Run, ...], ...]:
    """Break ``runs`` into lines no wider than ``width`` points (the first line
    ``first_width``, for a hanging indent).

    Breaks at spaces and at explicit newlines; a word wider than the whole line
    (a URL, say) is broken after a '/', '-', '.' or similar where it can be, else
    between characters. Spaces at a line break are dropped. Linear in the text.
    Raises :class:`TooNarrow` if a single character is wider than the line. Code runs
    are measured with ``mono`` (the same measurer if none).
    """
    lines = _Lines(width, size, measurer, first_width, mono or measurer)
    for run in runs:
        # the common steps of _Lines.add inline: a 1,000-slide talk adds 300,000 words
        measure = lines.mono.width if run.code else measurer.width
        bold, italic = run.bold, run.italic
        style = (bold, italic, run.color, run.code, run.link, run.lang)
        for token in _TOKEN.findall(run.text):
            if token == "\n":
                lines.newline()
                continue
            width_of = measure(token, size, bold, italic)
            line = lines.line
            if token.isspace():
                if line:
                    _push(line, token, style)
                    lines.used += width_of
                continue
            if lines.used + width_of <= (
                lines.first if lines.first is not None and not lines.lines else lines.width
            ):
                _push(line, token, style)
                lines.used += width_of
                continue
            lines.add_overflowing(token, run, width_of)
    return lines.done()


def _push(line: list, text: str, style: tuple) -> None:
    """Add ``text`` to ``line``: to its last piece if in the same style (pieces are joined
    into runs once, when the line is done)."""
    if line and line[-1][0] == style:
        line[-1][1].append(text)
    else:
        line.append((style, [text]))


class _Lines:
    """The lines being filled, and the width used on the current one."""

    def __init__(
        self, width: float, size: float, measurer: Measurer, first: float | None, mono: Measurer
    ):
        self.width, self.size, self.measurer, self.first = width, size, measurer, first
        self.mono = mono
        self.lines: list[list[Run]] = []
        self.line: list[tuple[tuple, list[str]]] = []  # (bold, italic, colour, code, link), pieces
        self.used = 0.0
        self.too_wide: list[str] = []  # characters wider than a whole line

    def room(self) -> float:
        return self.first if self.first is not None and not self.lines else self.width

    def measure(self, text: str, run: Run) -> float:
        measurer = self.mono if run.code else self.measurer
        return measurer.width(text, self.size, run.bold, run.italic)

    def add_overflowing(self, token: str, run: Run, width: float) -> None:
        """A word (``width`` wide) that does not fit on the current line."""
        if self.line:
            self.newline()
        if width > self.room():  # a word longer than the line
            token = self.break_word(token, run)
            width = self.measure(token, run)
        self.push(token, run)
        self.used = width

    def break_word(self, token: str, run: Run) -> str:
        """Set the lines a word too long for one line fills, and return its last piece.

        Each line breaks after a soft break character ('/', '-', '.' …) where one fits,
        else after the last character that fits; a character wider than the whole line
        takes a line of its own (and is reported as too wide). Linear in the word."""
        widths = [self.measure(ch, run) for ch in token]
        start = 0
        rest = sum(widths)
        while rest > self.room() and start < len(token) - 1:
            room, used, cut = self.room(), 0.0, start
            while cut < len(token) and used + widths[cut] <= room:
                used += widths[cut]
                cut += 1
            if cut == start:  # not even one character fits
                self.too_wide.append(token[start])
                cut = start + 1
            else:
                soft = max(token.rfind(ch, start, cut) for ch in _SOFT_BREAK)
                if soft > start:
                    cut = soft + 1
            self.push(token[start:cut], run)
            self.newline()
            rest -= sum(widths[start:cut])
            start = cut
        if widths[start] > self.room() and start == len(token) - 1:
            self.too_wide.append(token[start])
        return token[start:]

    def push(self, text: str, run: Run) -> None:
        _push(self.line, text, (run.bold, run.italic, run.color, run.code, run.link, run.lang))

    def newline(self) -> None:
        line = [Run("".join(parts), *style) for style, parts in self.line]
        while line and line[-1].text.endswith(" "):
            stripped = line[-1].text.rstrip(" ")
            if stripped:
                line[-1] = replace(line[-1], text=stripped)
                break
            line.pop()
        self.lines.append(line)
        self.line = []
        self.used = 0.0

    def done(self) -> tuple[tuple[Run, ...], ...]:
        if self.too_wide:
            raise TooNarrow("".join(dict.fromkeys(self.too_wide)))
        if self.line or not self.lines:
            self.newline()
        return tuple(tuple(line) for line in self.lines)


def truncate(text: str, width: float, size: float, measurer: Measurer) -> str:
    """``text`` if it fits on one line of ``width`` points, else its longest word-prefix + "…"."""
    if measurer.width(text, size) <= width:
        return text
    words = text.split()

    def candidate(count: int) -> str:
        return " ".join(words[:count]).rstrip(" ·-–—,;:") + "…"

    # the most words that fit (a candidate is never narrower with more words)
    low, high = 0, len(words) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measurer.width(candidate(middle), size) <= width:
            low = middle
        else:
            high = middle - 1
    return candidate(low)
