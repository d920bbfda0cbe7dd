"""Setting a code listing: monospace lines at a size (``fit`` tries the type scale's code
size down to its floor), a line longer than the box continued on the next behind a mark;
at the floor, a listing taller than the box is cut into pages between lines, a source
line kept whole where a page can hold it. Kinds hand it coloured pieces and get
paragraphs and where each line sits."""

from __future__ import annotations

from dataclasses import dataclass

from .compositions import CodeDesign
from .fit import NoRoom
from .frames import Paragraph, Run
from .geometry import EMU_PER_PT
from .measure import MonoMeasurer

Piece = tuple[str, str | None, bool]  # text, colour (None: the listing's), bold
SetLine = tuple[int, bool, tuple[Run, ...]]  # source line (from 1), starts it, runs
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
class CodeBox:
    """Where a listing is set: ``width`` × ``height`` EMU, in a code design."""

    width: int
    height: int
    design: CodeDesign

    def pitch(self, size: float) -> int:
        return round(size * self.design.pitch * EMU_PER_PT)

    def lines(self, pieces: list[list[Piece]], size: float) -> list[SetLine]:
        columns = int(self.width / EMU_PER_PT / (MonoMeasurer.EM * size))
        return _wrap(pieces, max(columns - len(self.design.continuation), FEWEST_COLUMNS))


def set_code(pieces: list[list[Piece]], box: CodeBox, size: float) -> SetCode | None:
    """``pieces`` (a list of coloured pieces per source line) set at ``size`` in ``box``,
    or None where they are taller than it (``fit``'s attempt)."""
    lines = box.lines(pieces, size)
    if len(lines) * box.pitch(size) > box.height:
        return None
    return _listing(lines, size, box.design)


def page_code(pieces: list[list[Piece]], box: CodeBox, size: float) -> list[SetCode]:
    """``pieces`` set at ``size`` (the floor) and cut into listings no taller than ``box``
    (``fit``'s paginate): a page ends before a source line it cannot hold whole, unless
    that line alone is taller than a page. Raises NoRoom for a box that holds no line."""
    room = box.height // box.pitch(size)
    if room < 1:
        raise NoRoom(f"{box.height} EMU hold no line of code at {size:g} pt")
    pages: list[list[SetLine]] = [[]]
    for whole in _by_source(box.lines(pieces, size)):
        if pages[-1] and len(pages[-1]) + len(whole) > room and len(whole) <= room:
            pages.append([])
        for line in whole:
            if len(pages[-1]) == room:
                pages.append([])
            pages[-1].append(line)
    return [_listing(lines, size, box.design) for lines in pages]


def _by_source(lines: list[SetLine]) -> list[list[SetLine]]:
    """The lines on the slide grouped by the source line they show."""
    groups: list[list[SetLine]] = []
    for line in lines:
        if line[1] or not groups:
            groups.append([])
        groups[-1].append(line)
    return groups


def _listing(lines: list[SetLine], size: float, box: CodeDesign) -> SetCode:
    paragraphs = []
    for _number, first, runs in lines:
        if not first:
            runs = (Run(box.continuation, color=box.mark, code=True), *runs)
        runs = runs or (Run("", code=True),)
        paragraphs.append(
            Paragraph(runs, size, box.text, lines=(runs,), line_pitch=round(size * box.pitch, 2))
        )
    sources = tuple((number, first) for number, first, _runs in lines)
    pitch = round(size * box.pitch * EMU_PER_PT)
    return SetCode(tuple(paragraphs), sources, pitch, size)


def _wrap(pieces: list[list[Piece]], columns: int) -> list[SetLine]:
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
