"""What the layout engine and its slide compositions share: type-scale constants,
the flowing-text block, and small text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .frames import Paragraph, Run

# PowerPoint, LibreOffice and our PDF all set Arial/Liberation Sans with the same
# advance widths (to 0.1%), so lines are broken for 99.7% of the measure: the rest absorbs
# rounding without making the deck break lines where the handout does not.
WRAP_SAFETY = 0.997
BODY_PITCH = 1.2
TITLE_PITCH = 1.1
METRIC_FONTS = {"arial", "helvetica", "liberation sans", "arimo"}
ANALOGY_SIZE = 20  # two panels side by side: a step below body text
MAX_BULLETS = 6  # top-level points a slide


class NoRoom(ValueError):
    """A box that cannot hold even one line: continuing would never end."""


@dataclass
class Block:
    """One unit of flowing content (a bullet with its sub-bullets, a glossary entry…)."""

    make: Callable[[float, float], list[Paragraph]]  # (size, width in pt) -> paragraphs


def notes_text(notes) -> str:
    """Notes as text; an untailored outline may still hold a list of note paragraphs."""
    if isinstance(notes, list):
        return "\n\n".join(n.text for n in notes)
    return notes or ""


def reflow(text: str) -> str:
    """Speaker notes as paragraphs: lines are joined, a blank line starts a new paragraph.

    Outlines hard-wrap their notes (YAML block scalars); the notes page should not.
    """
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", text.strip())
    ]
    return "\n".join(p for p in paragraphs if p)


def no_space(p: Paragraph) -> Paragraph:
    return Paragraph(**{**p.__dict__, "space_before": 0.0})


def join_line(line: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs of one wrapped line, with the space the break removed put back."""
    if not line:
        return line
    last = line[-1]
    return line[:-1] + (Run(last.text + " ", last.bold, last.italic, last.color),)
