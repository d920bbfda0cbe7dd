"""A chart's geometry, decided once by layout: what every renderer that draws a chart
itself (the web handout's SVG; the PDFs) draws, mark by mark, in order.

Positions are EMU on the slide (origin top-left, as the frames); sizes of text and lines
are points. The deck writes a native chart from the :class:`~.frames.Chart`'s data
instead, and PowerPoint lays that out itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import Rect


@dataclass(frozen=True)
class ChartLine:
    """An axis, a tick, a gridline or the light edge between two pie slices."""

    x1: int
    y1: int
    x2: int
    y2: int
    color: str  # "RRGGBB"
    width: float  # points


@dataclass(frozen=True)
class ChartBar:
    """A bar or column (``label`` says what it stands for), or a legend's swatch (no
    ``label``: its name is the text beside it)."""

    rect: Rect
    color: str
    label: str = ""  # what it stands for ("Series 1, 2024: 42"), for a screen reader


@dataclass(frozen=True)
class ChartWedge:
    """A pie's slice: from ``start`` degrees clockwise from twelve o'clock, ``sweep``
    degrees on, around (``cx``, ``cy``)."""

    cx: int
    cy: int
    radius: int
    start: float
    sweep: float
    color: str
    label: str = ""


@dataclass(frozen=True)
class ChartPolyline:
    """A line chart's series through its points, a marker at each: a disc in the line's
    colour, ``marker`` across."""

    points: tuple[tuple[int, int], ...]
    color: str
    width: float  # points
    marker: int = 0  # EMU across each point's marker (0: none)
    label: str = ""


@dataclass(frozen=True)
class ChartText:
    """A label: ``x`` is where ``anchor`` ("start", "middle", "end") puts it, ``y`` its
    baseline."""

    x: int
    y: int
    text: str
    size: float  # points
    color: str
    anchor: str = "start"


ChartMark = ChartLine | ChartBar | ChartWedge | ChartPolyline | ChartText


@dataclass(frozen=True)
class ChartMarks:
    """Everything a chart draws, in drawing order (gridlines first, labels last)."""

    marks: tuple[ChartMark, ...]
