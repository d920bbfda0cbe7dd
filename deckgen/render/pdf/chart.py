"""A chart as vector graphics, with reportlab's own charts: the same kind, data, colours
and labels as the deck's native chart, drawn where the frame puts it."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor

from ...layout.frames import Chart, ChartKind
from .fonts import Fonts
from .image import embedded_fonts
from .units import EMU_PER_PT, Transform

GAP = 0.6  # em: between the plot and its labels, and around the drawing


def draw_chart(canvas, item: Chart, to_page: Transform, fonts: Fonts) -> None:
    """Drawn at the slide's own size, then scaled with the page: reportlab's charts keep
    some offsets (ticks, label gaps) in fixed points, which would crowd a thumbnail."""
    rect = item.rect
    width, height = rect.w / EMU_PER_PT, rect.h / EMU_PER_PT
    size = item.label_size
    face = fonts.face(False, False)
    drawing = Drawing(width, height)
    pad = size * GAP
    bottom = size * 2.5 if item.legend else pad
    if item.legend:
        drawing.add(_legend(item, width, size, face, fonts))
    box = (pad, bottom, width - 2 * pad, height - bottom - pad)
    if item.kind is ChartKind.PIE:
        drawing.add(_pie(item, box, size, face))
    else:
        drawing.add(_axes(item, box, size, face, fonts))
        if item.unit:
            drawing.add(String(pad, height - size, item.unit, fontName=face, fontSize=size,
                               fillColor=HexColor("#" + item.text_color)))  # fmt: skip
    canvas.saveState()
    canvas.translate(to_page.x(rect.x), to_page.y(rect.bottom))
    canvas.scale(to_page.scale, to_page.scale)
    # the chart's parts as plain shapes, every one in an embedded face (a part the
    # settings above do not reach, such as a bar's label, would be in base Helvetica)
    expanded = drawing.expandUserNodes()
    embedded_fonts(expanded, fonts)
    renderPDF.draw(expanded, canvas, 0, 0)
    canvas.restoreState()


def _axes(item: Chart, box, size: float, face: str, fonts: Fonts):
    x, y, w, h = box
    labels = max(fonts.width(c, size) for c in item.categories)
    values = max(fonts.width(_number(item, v), size) for s in item.series for v in s.values)
    top = size * 1.5 if item.unit else 0
    if item.kind is ChartKind.BAR:  # categories left of the bars
        chart, left = HorizontalBarChart(), labels
    else:  # values left of the plot
        chart = HorizontalLineChart() if item.kind is ChartKind.LINE else VerticalBarChart()
        left = values
    chart.x, chart.width = x + left + size * GAP, w - left - size * GAP
    chart.y, chart.height = y + size * 1.5, h - size * 1.5 - top
    chart.data = [list(s.values) for s in item.series]
    ink = HexColor("#" + item.text_color)
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = face, size, ink
        axis.strokeColor = HexColor("#" + item.grid_color)
    chart.categoryAxis.categoryNames = list(item.categories)
    lowest = min(min(s.values) for s in item.series)
    chart.valueAxis.valueMin = min(0.0, lowest)
    if lowest < 0:  # the categories' labels below (or left of) the plot, not under a bar
        chart.categoryAxis.joinAxisMode = "left" if item.kind is ChartKind.BAR else "bottom"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = HexColor("#" + item.grid_color)
    chart.valueAxis.labelTextFormat = lambda value: _number(item, value)
    for i, series in enumerate(item.series):
        color = HexColor("#" + series.color)
        if item.kind is ChartKind.LINE:
            chart.lines[i].strokeColor = color
            chart.lines[i].strokeWidth = size / 6
        else:
            chart.bars[i].fillColor = color
            chart.bars[i].strokeColor = None
    return chart


def _number(item: Chart, value: float) -> str:
    """A value label with the talk's decimal sign."""
    return f"{value:g}".replace(".", item.decimal)


def _pie(item: Chart, box, size: float, face: str):
    x, y, w, h = box
    side = min(w, h) - size * 4  # room for the labels outside
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = x + (w - side) / 2, y + (h - side) / 2, side, side
    values = list(item.series[0].values)
    pie.data = values
    total = sum(values) or 1
    pie.labels = list(item.percents) or [f"{v / total:.0%}" for v in values]
    pie.simpleLabels = 1
    pie.slices.strokeColor = HexColor("#FFFFFF")
    pie.slices.fontName, pie.slices.fontSize = face, size
    pie.slices.fontColor = HexColor("#" + item.text_color)
    pie.slices.labelRadius = 1.15
    for i, color in enumerate(item.slices):
        pie.slices[i].fillColor = HexColor("#" + color)
    return pie


def _legend(item: Chart, width: float, size: float, face: str, fonts: Fonts):
    legend = Legend()
    if item.kind is ChartKind.PIE:
        pairs = [(HexColor("#" + c), n) for c, n in zip(item.slices, item.categories, strict=True)]
    else:
        pairs = [(HexColor("#" + s.color), s.name) for s in item.series]
    legend.colorNamePairs = pairs
    legend.fontName, legend.fontSize = face, size
    legend.fillColor = HexColor("#" + item.text_color)
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "s"
    legend.dx = legend.dy = size * 0.8
    legend.deltax = max(fonts.width(n, size) for _c, n in pairs) + size * 2.5
    legend.x, legend.y = width / 2, size * 0.4
    legend.strokeColor = None
    return legend
