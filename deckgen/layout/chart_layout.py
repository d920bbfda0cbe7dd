"""A chart's geometry, decided once: the marks every renderer that draws a chart itself
draws (the PDFs, the web handout), from the chart's data, the measurer and the design.

The chart fills its frame's rect: the legend in a band along the bottom, the unit above
the plot, the value axis's labels left of a column or line chart's plot (under a bar
chart's), the categories under the columns (left of the bars, first at the bottom), a
pie in the middle with each share's label outside its slice. Every gap is an em of the
chart's label size from the design record (:class:`~.compositions.ChartDesign`).

Lengths here are points from the rect's top-left (y down) until a mark is made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from .chart_axis import Scale, fitted, nice_scale, spelled
from .chart_marks import (
    ChartBar,
    ChartLine,
    ChartMark,
    ChartMarks,
    ChartPolyline,
    ChartText,
    ChartWedge,
)
from .compositions import ChartDesign
from .frames import Chart, ChartKind
from .geometry import EMU_PER_PT, Rect, pt
from .measure import Measurer


@dataclass(frozen=True)
class _Box:
    """A box in points from the chart's top-left."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass
class _Pen:
    """Makes marks in EMU from points, each in its layer: gridlines, bars and wedges, axes,
    lines, labels, the legend (the order they are drawn in)."""

    chart: Chart
    measurer: Measurer
    design: ChartDesign
    layers: dict[str, list[ChartMark]] = field(default_factory=dict)

    @property
    def em(self) -> float:
        return self.chart.label_size

    @property
    def width(self) -> float:
        return self.chart.rect.w / EMU_PER_PT

    @property
    def height(self) -> float:
        return self.chart.rect.h / EMU_PER_PT

    def at(self, x: float, y: float) -> tuple[int, int]:
        return self.chart.rect.x + pt(x), self.chart.rect.y + pt(y)

    def add(self, layer: str, mark: ChartMark) -> None:
        self.layers.setdefault(layer, []).append(mark)

    def line(self, layer: str, start: tuple[float, float], end: tuple[float, float]) -> None:
        width = self.design.grid_width if layer == "grid" else self.design.axis_width
        self.add(layer, ChartLine(*self.at(*start), *self.at(*end), self.chart.grid_color, width))

    def bar(self, box: _Box, color: str, label: str, layer: str = "data") -> None:
        x, y = self.at(box.x, box.y)
        self.add(layer, ChartBar(Rect(x, y, pt(box.w), pt(box.h)), color, label))

    def text(self, x: float, y: float, text: str, anchor: str, layer: str = "labels") -> None:
        color = self.chart.text_color
        self.add(layer, ChartText(*self.at(x, y), text, self.em, color, anchor))

    def width_of(self, text: str) -> float:
        return self.measurer.width(text, self.em)

    def fit(self, text: str, room: float) -> str:
        return fitted(text, room, self.em, self.measurer)

    def marks(self) -> ChartMarks:
        order = ("grid", "data", "axes", "lines", "labels", "legend")
        return ChartMarks(tuple(mark for name in order for mark in self.layers.get(name, ())))


def chart_marks(chart: Chart, measurer: Measurer, design: ChartDesign) -> ChartMarks:
    """Everything ``chart`` draws, in drawing order."""
    pen = _Pen(chart, measurer, design)
    below = _legend(pen) if chart.legend else pen.em * design.pad
    if chart.kind is ChartKind.PIE:
        _pie(pen, below)
    else:
        _axes_chart(pen, below)
    return pen.marks()


def with_ink(chart: Chart, color: str) -> Chart:
    """``chart`` with its labels and legend in ``color``, the marks with them."""
    marks = chart.marks
    if marks is not None:
        inked = (replace(m, color=color) if isinstance(m, ChartText) else m for m in marks.marks)
        marks = ChartMarks(tuple(inked))
    return replace(chart, text_color=color, marks=marks)


# ------------------------------------------------------------------- axes and data


def _axes_chart(pen: _Pen, below: float) -> None:
    chart, design, em = pen.chart, pen.design, pen.em
    values = [value for series in chart.series for value in series.values]
    scale = nice_scale(values, design, chart.decimal)
    across = chart.kind is ChartKind.BAR  # values left to right, categories bottom to top
    pad = em * design.pad
    if across:
        widest = max(pen.width_of(category) for category in chart.categories)
        left = min(widest, pen.width * design.bar_label_share)
    else:
        left = max(pen.width_of(label) for label in scale.labels)
    top = pad + (em * design.unit_band if chart.unit else 0)
    x, right = pad + left + pad, pen.width - pad
    if across:  # the value labels under the plot's ends stay inside the chart
        x = max(x, pen.width_of(scale.labels[0]) / 2)
        right = min(right, pen.width - pen.width_of(scale.labels[-1]) / 2)
    bottom = pen.height - below - em * design.axis_band
    box = _Box(x, top, max(right - x, 0), max(bottom - top, 0))
    if chart.unit:
        pen.text(pad, em, pen.fit(chart.unit, pen.width - pad * 2), "start")
    _value_axis(pen, box, scale, across)
    _category_axis(pen, box, across, left)
    if chart.kind is ChartKind.LINE:
        _lines(pen, box, scale)
    else:
        _bars(pen, box, scale, across)


def _value_axis(pen: _Pen, box: _Box, scale: Scale, across: bool) -> None:
    """Gridlines, ticks and labels at each tick value; the axis along the plot's left
    side (under a bar chart's plot)."""
    design, em = pen.design, pen.em
    tick, gap = em * design.tick, em * design.label_gap
    for value, label in zip(scale.ticks, scale.labels, strict=True):
        if across:
            x = box.x + box.w * scale.share(value)
            pen.line("grid", (x, box.y), (x, box.bottom))
            pen.line("axes", (x, box.bottom), (x, box.bottom + tick))
            pen.text(x, box.bottom + gap + em, label, "middle")
        else:
            y = box.bottom - box.h * scale.share(value)
            pen.line("grid", (box.x, y), (box.right, y))
            pen.line("axes", (box.x - tick, y), (box.x, y))
            pen.text(box.x - gap, y + em * design.middle, label, "end")
    if across:
        pen.line("axes", (box.x, box.bottom), (box.right, box.bottom))
    else:
        pen.line("axes", (box.x, box.bottom), (box.x, box.y))


def _category_axis(pen: _Pen, box: _Box, across: bool, left: float) -> None:
    """The axis along the plot's bottom (left of a bar chart's plot), a tick between
    categories, each category's name in the middle of its slot."""
    design, em, categories = pen.design, pen.em, pen.chart.categories
    tick, gap = em * design.tick, em * design.label_gap
    slot = (box.h if across else box.w) / len(categories)
    for index in range(len(categories) + 1):
        if across:
            y = box.bottom - index * slot
            pen.line("axes", (box.x - tick, y), (box.x, y))
        else:
            x = box.x + index * slot
            pen.line("axes", (x, box.bottom), (x, box.bottom + tick))
    for index, category in enumerate(categories):
        middle = (index * 2 + 1) * slot / 2
        if across:
            y = box.bottom - middle + em * design.middle
            pen.text(box.x - gap, y, pen.fit(category, left), "end")
        else:
            pen.text(box.x + middle, box.bottom + gap + em, pen.fit(category, slot), "middle")
    if across:
        pen.line("axes", (box.x, box.bottom), (box.x, box.y))
    else:
        pen.line("axes", (box.x, box.bottom), (box.right, box.bottom))


def _bars(pen: _Pen, box: _Box, scale: Scale, across: bool) -> None:
    """A bar a value, from 0 to the value; a category's bars side by side (the first
    series leftmost, or lowest), half a gap before and after them."""
    chart = pen.chart
    slot = (box.h if across else box.w) / len(chart.categories)
    bar = slot / (len(chart.series) + pen.design.bar_gap)
    zero = scale.share(0)
    for order, series in enumerate(chart.series):
        for index, (category, value) in enumerate(
            zip(chart.categories, series.values, strict=True)
        ):
            start = index * slot + bar * pen.design.bar_gap / 2 + order * bar
            low, high = sorted((zero, scale.share(value)))
            if across:
                drawn = _Box(
                    box.x + box.w * low, box.bottom - start - bar, box.w * (high - low), bar
                )
            else:
                drawn = _Box(box.x + start, box.bottom - box.h * high, bar, box.h * (high - low))
            label = f"{series.name}, {category}: {spelled(value, chart.decimal)}"
            pen.bar(drawn, series.color, label)


def _lines(pen: _Pen, box: _Box, scale: Scale) -> None:
    """Each series through the middle of its categories' slots, a disc on each point."""
    chart = pen.chart
    slot = box.w / len(chart.categories)
    width, marker = pen.em * pen.design.line_width, pt(pen.em * pen.design.marker)
    for series in chart.series:
        points = tuple(
            pen.at(box.x + (index * 2 + 1) * slot / 2, box.bottom - box.h * scale.share(value))
            for index, value in enumerate(series.values)
        )
        said = ", ".join(
            f"{category} {spelled(value, chart.decimal)}"
            for category, value in zip(chart.categories, series.values, strict=True)
        )
        pen.add(
            "lines", ChartPolyline(points, series.color, width, marker, f"{series.name}: {said}")
        )


# ------------------------------------------------------------------------ the pie


def _pie(pen: _Pen, below: float) -> None:
    """Slices clockwise from twelve o'clock in the category's colour, a light line
    between them, each share's label outside its slice (none for an empty slice)."""
    chart, design, em = pen.chart, pen.design, pen.em
    pad = em * design.pad
    box = _Box(pad, pad, pen.width - pad * 2, pen.height - below - pad)
    radius = max(min(box.w, box.h) - em * design.pie_room, 0) / 2
    centre = (box.x + box.w / 2, box.y + box.h / 2)
    series = chart.series[0]
    total = sum(series.values) or 1
    turn = math.degrees(math.tau)
    shares = chart.percents or tuple(f"{value / total:.0%}" for value in series.values)
    cx, cy = pen.at(*centre)
    start: float = 0
    for category, value, color, share in zip(
        chart.categories, series.values, chart.slices, shares, strict=False
    ):
        sweep = turn * value / total
        label = f"{series.name}, {category}: {spelled(value, chart.decimal)} ({share})"
        pen.add("data", ChartWedge(cx, cy, pt(radius), start, sweep, color, label))
        if value:
            middle = math.radians(start + sweep / 2)
            reach = radius * design.pie_labels
            x = centre[0] + reach * math.sin(middle)
            pen.text(x, centre[1] - reach * math.cos(middle), share, "middle")
        start += sweep
    _edges(pen, centre, radius, [value * turn / total for value in series.values])


def _edges(pen: _Pen, centre: tuple[float, float], radius: float, sweeps: list[float]) -> None:
    """A light line from the centre to the rim where one slice meets the next."""
    if sum(1 for sweep in sweeps if sweep) < 2:
        return
    angle: float = 0
    for sweep in sweeps:
        if sweep:
            turned = math.radians(angle)
            rim = (centre[0] + radius * math.sin(turned), centre[1] - radius * math.cos(turned))
            color, width = pen.design.wedge_edge_color, pen.design.wedge_edge
            pen.add("axes", ChartLine(*pen.at(*centre), *pen.at(*rim), color, width))
        angle += sweep


# --------------------------------------------------------------------- the legend


def _legend(pen: _Pen) -> float:
    """The legend in rows along the bottom, each row centred, a swatch and a name an
    entry (a series, or a pie's category); the height of the band it takes."""
    chart, design, em = pen.chart, pen.design, pen.em
    if chart.kind is ChartKind.PIE:
        entries = list(zip(chart.slices, chart.categories, strict=False))
    else:
        entries = [(series.color, series.name) for series in chart.series]
    spacing = em * design.legend_spacing
    widest = min(max(pen.width_of(name) for _color, name in entries), pen.width - spacing)
    widest = max(widest, 0)
    pitch = widest + spacing
    per_row = max(1, int(pen.width // pitch))
    rows = [entries[index : index + per_row] for index in range(0, len(entries), per_row)]
    swatch = em * design.swatch
    for number, row in enumerate(rows):
        middle = pen.height - em * design.legend_middle
        middle -= (len(rows) - 1 - number) * em * design.legend_row
        x = pen.width / 2 - len(row) * pitch / 2
        for color, name in row:
            square = _Box(x, middle - swatch / 2, swatch, swatch)
            pen.bar(square, color, "", layer="legend")
            text_x = x + swatch + em * design.swatch_gap
            pen.text(
                text_x, middle + em * design.swatch_text, pen.fit(name, widest), "start", "legend"
            )
            x += pitch
    return em * design.legend_band + (len(rows) - 1) * em * design.legend_row
