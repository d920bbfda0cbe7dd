"""Setting a code listing: monospace lines at the largest size from the type scale's
code size down to its floor that fits a box, a line longer than the box continued on
the next behind a mark. Kinds hand it coloured pieces and get paragraphs and where
each line sits."""

from __future__ import annotations

from dataclasses import dataclass

from .compositions import CodeDesign
from .frames import Paragraph, Run
from .geometry import EMU_PER_PT
from .measure import MonoMeasurer

Piece = tuple[str, str | None, bool]  # text, colour (None: the listing's), bold
FEWEST_COLUMNS = 8  # a box narrower than this many characters still gets them


@dataclass(frozen=True)
class SetCode:
    """A listing as set: a paragraph per line on the slide, the source line each one
    shows (and whether it starts it), the line pitch in EMU and the size."""

    paragraphs: tuple[Paragraph, ...]
    sources: tuple[tuple[int, bool], ...]
    pitch: int
    size: float

    @property
    def height(self) -> int:
        return self.pitch * len(self.paragraphs)


@dataclass(frozen=True)
class TooLong:
    """A listing that does not fit at the floor: its lines there, and how many fit."""

    lines: int
    fits: int
    floor: float


def set_code(
    pieces: list[list[Piece]], width: int, height: int, sizes: list[float], box: CodeDesign
) -> SetCode | TooLong:
    """``pieces`` (a list of coloured pieces per source line) set ``width`` × ``height``
    EMU at the first of ``sizes`` (largest first) that fits."""
    for size in sizes:
        pitch = round(size * box.pitch * EMU_PER_PT)
        columns = int(width / EMU_PER_PT / (MonoMeasurer.EM * size)) - len(box.continuation)
        lines = _wrap(pieces, max(columns, FEWEST_COLUMNS))
        if len(lines) * pitch <= height:
            break
    else:
        return TooLong(len(lines), height // pitch, sizes[-1])
    paragraphs = []
    for _number, first, runs in lines:
        if not first:
            runs = (Run(box.continuation, color=box.mark, code=True), *runs)
        runs = runs or (Run("", code=True),)
        paragraphs.append(
            Paragraph(runs, size, box.text, lines=(runs,), line_pitch=round(size * box.pitch, 2))
        )
    sources = tuple((number, first) for number, first, _runs in lines)
    return SetCode(tuple(paragraphs), sources, pitch, size)


def _wrap(pieces: list[list[Piece]], columns: int) -> list[tuple[int, bool, tuple[Run, ...]]]:
    """(source line, first piece of it, runs) for each line on the slide: a line longer
    than ``columns`` characters continues on the next."""
    out = []
    for number, line in enumerate(pieces, 1):
        runs: list[Run] = []
        used, first = 0, True
        for text, color, bold in line:
            while text:
                room = columns - used
                if room <= 0:
                    out.append((number, first, tuple(runs)))
                    runs, used, first = [], 0, False
                    continue
                part, text = text[:room], text[room:]
                runs.append(Run(part, bold=bold, color=color, code=True))
                used += len(part)
        out.append((number, first, tuple(runs)))
    return out
