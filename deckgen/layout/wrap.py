"""Greedy line breaking over styled runs, measured with a :class:`Measurer`."""

from __future__ import annotations

import re

from .frames import Run
from .measure import Measurer

_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")


def wrap_runs(
    runs: tuple[Run, ...], width: float, size: float, measurer: Measurer
) -> tuple[tuple[Run, ...], ...]:
    """Break ``runs`` into lines no wider than ``width`` points.

    Breaks at spaces and at explicit newlines; a word wider than the whole line
    is broken between characters. Spaces at a line break are dropped.
    """
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0

    def measure(text: str, run: Run) -> float:
        return measurer.width(text, size, run.bold, run.italic)

    def push(text: str, run: Run) -> None:
        if (
            line
            and line[-1].bold == run.bold
            and line[-1].italic == run.italic
            and (line[-1].color == run.color)
        ):
            line[-1] = Run(line[-1].text + text, run.bold, run.italic, run.color)
        else:
            line.append(Run(text, run.bold, run.italic, run.color))

    def newline() -> None:
        nonlocal line, used
        while line and line[-1].text.endswith(" "):
            stripped = line[-1].text.rstrip(" ")
            if stripped:
                line[-1] = Run(stripped, line[-1].bold, line[-1].italic, line[-1].color)
                break
            line.pop()
        lines.append(line)
        line = []
        used = 0.0

    for run in runs:
        for token in _TOKEN.findall(run.text):
            if token == "\n":
                newline()
                continue
            w = measure(token, run)
            if token.isspace():
                if line:
                    push(token, run)
                    used += w
                continue
            if used + w <= width:
                push(token, run)
                used += w
                continue
            if line:
                newline()
            while measure(token, run) > width:  # a word longer than the line
                cut = len(token) - 1
                while cut > 1 and measure(token[:cut], run) > width:
                    cut -= 1
                push(token[:cut], run)
                newline()
                token = token[cut:]
            push(token, run)
            used = measure(token, run)
    if line or not lines:
        newline()
    return tuple(tuple(line) for line in lines)


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
