"""Greedy line breaking over styled runs, measured with a :class:`Measurer`."""

from __future__ import annotations

import re

from .frames import Run
from .measure import Measurer

# a line may break at spaces, at newlines, and after a hyphen inside a word
# ("fine-|tuning", "ai-risk-|management"), as PowerPoint and LibreOffice do
_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s-]+-+(?=[^\s\d-])|[^\s]+")


_SOFT_BREAK = "/-._?&=#"  # where a long URL or path may break, after the character


def wrap_runs(
    runs: tuple[Run, ...],
    width: float,
    size: float,
    measurer: Measurer,
    first_width: float | None = None,
) -> tuple[tuple[Run, ...], ...]:
    """Break ``runs`` into lines no wider than ``width`` points (the first line
    ``first_width``, for a hanging indent).

    Breaks at spaces and at explicit newlines; a word wider than the whole line
    (a URL, say) is broken after a '/', '-', '.' or similar where it can be, else
    between characters. Spaces at a line break are dropped.
    """
    lines = _Lines(width, size, measurer, first_width)
    for run in runs:
        for token in _TOKEN.findall(run.text):
            lines.add(token, run)
    return lines.done()


class _Lines:
    """The lines being filled, and the width used on the current one."""

    def __init__(self, width: float, size: float, measurer: Measurer, first: float | None):
        self.width, self.size, self.measurer, self.first = width, size, measurer, first
        self.lines: list[list[Run]] = []
        self.line: list[Run] = []
        self.used = 0.0

    def room(self) -> float:
        return self.first if self.first is not None and not self.lines else self.width

    def measure(self, text: str, run: Run) -> float:
        return self.measurer.width(text, self.size, run.bold, run.italic)

    def add(self, token: str, run: Run) -> None:
        if token == "\n":
            self.newline()
            return
        width = self.measure(token, run)
        if token.isspace():
            if self.line:
                self.push(token, run)
                self.used += width
            return
        if self.used + width <= self.room():
            self.push(token, run)
            self.used += width
            return
        if self.line:
            self.newline()
        while self.measure(token, run) > self.room():  # a word longer than the line
            cut = self.cut(token, run)
            self.push(token[:cut], run)
            self.newline()
            token = token[cut:]
        self.push(token, run)
        self.used = self.measure(token, run)

    def cut(self, token: str, run: Run) -> int:
        """Where to break a word too long for the line: after a soft break character that
        fits, else after the last character that fits."""
        cut = len(token) - 1
        while cut > 1 and self.measure(token[:cut], run) > self.room():
            cut -= 1
        soft = max(token.rfind(ch, 0, cut) for ch in _SOFT_BREAK)
        return soft + 1 if soft > 0 else cut

    def push(self, text: str, run: Run) -> None:
        line = self.line
        if line and (line[-1].bold, line[-1].italic, line[-1].color) == (
            run.bold,
            run.italic,
            run.color,
        ):
            line[-1] = Run(line[-1].text + text, run.bold, run.italic, run.color)
        else:
            line.append(Run(text, run.bold, run.italic, run.color))

    def newline(self) -> None:
        line = self.line
        while line and line[-1].text.endswith(" "):
            stripped = line[-1].text.rstrip(" ")
            if stripped:
                line[-1] = Run(stripped, line[-1].bold, line[-1].italic, line[-1].color)
                break
            line.pop()
        self.lines.append(line)
        self.line = []
        self.used = 0.0

    def done(self) -> tuple[tuple[Run, ...], ...]:
        if self.line or not self.lines:
            self.newline()
        return tuple(tuple(line) for line in self.lines)


def truncate(text: str, width: float, size: float, measurer: Measurer) -> str:
    """``text`` if it fits on one line of ``width`` points, else its longest word-prefix + "…"."""
    if measurer.width(text, size) <= width:
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ·-–—,;:") + "…"
        if measurer.width(candidate, size) <= width:
            return candidate
    return "…"
