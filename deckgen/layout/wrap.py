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
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0

    def room() -> float:
        return first_width if first_width is not None and not lines else width

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
            if used + w <= room():
                push(token, run)
                used += w
                continue
            if line:
                newline()
            while measure(token, run) > room():  # a word longer than the line
                cut = len(token) - 1
                while cut > 1 and measure(token[:cut], run) > room():
                    cut -= 1
                soft = max(token.rfind(ch, 0, cut) for ch in _SOFT_BREAK)
                if soft > 0:
                    cut = soft + 1
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
