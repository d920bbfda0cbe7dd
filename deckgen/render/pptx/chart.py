"""A chart as PowerPoint's own: python-pptx's chart part with the data embedded as a
workbook, so the chart stays editable (Edit Data) in PowerPoint and LibreOffice; the
series in the deck's colours (theme slots where they are), labels in its body font."""

from __future__ import annotations

import datetime as _dt

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION

from ...layout.frames import Chart, ChartKind
from ...pptx_private import DatedChartData
from .ink import Ink
from .units import emu, points

_TYPES = {
    ChartKind.BAR: XL_CHART_TYPE.BAR_CLUSTERED,
    ChartKind.COLUMN: XL_CHART_TYPE.COLUMN_CLUSTERED,
    ChartKind.LINE: XL_CHART_TYPE.LINE_MARKERS,
    ChartKind.PIE: XL_CHART_TYPE.PIE,
}


def add_chart(shapes, item: Chart, ink: Ink, created: _dt.datetime):
    data = DatedChartData(created)
    data.categories = list(item.categories)
    for series in item.series:
        data.add_series(series.name, list(series.values))
    rect = item.rect
    frame = shapes.add_chart(
        _TYPES[item.kind], emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h), data
    )
    frame.name = item.name
    frame.element.nvGraphicFramePr.cNvPr.set("descr", item.alt)
    chart = frame.chart
    chart.has_title = False  # the slide's title says it
    chart.font.size = points(item.label_size)
    ink.paint(chart.font.color, item.text_color)
    chart.has_legend = item.legend
    if item.legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    if item.kind is ChartKind.PIE:
        for point, color in zip(plot.series[0].points, item.slices, strict=False):
            point.format.fill.solid()
            ink.paint(point.format.fill.fore_color, color)
        plot.has_data_labels = True
        plot.data_labels.show_percentage = True
        plot.data_labels.show_value = False
        plot.data_labels.number_format = "0%"
        plot.data_labels.number_format_is_linked = False
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        return frame.element
    for drawn, series in zip(plot.series, item.series, strict=True):
        if item.kind is ChartKind.LINE:
            drawn.format.line.width = points(item.label_size / 6)
            ink.paint(drawn.format.line.color, series.color)
            drawn.marker.format.fill.solid()
            ink.paint(drawn.marker.format.fill.fore_color, series.color)
            drawn.smooth = False
        else:
            drawn.format.fill.solid()
            ink.paint(drawn.format.fill.fore_color, series.color)
    axis = chart.value_axis
    axis.has_major_gridlines = True
    ink.paint(axis.major_gridlines.format.line.color, item.grid_color)
    if item.unit:
        axis.has_title = True
        axis.axis_title.text_frame.text = item.unit
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = points(item.label_size)
    return frame.element
