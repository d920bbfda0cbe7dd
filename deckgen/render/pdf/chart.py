"""A chart as vector graphics: the marks layout decided (axes, gridlines, bars, lines,
wedges, labels, legend), drawn where they stand on the slide, in deckgen's embedded
faces; a thumbnail scales them with the page, text and lines included."""

from __future__ import annotations

import math

from ...layout.chart_marks import ChartBar, ChartLine, ChartPolyline, ChartText, ChartWedge
from ...layout.frames import Chart
from .fonts import Fonts
from .kerning import draw_kerned
from .units import Transform, rgb

# where a wedge starts, in reportlab's terms: degrees counter-clockwise from three o'clock
TWELVE = math.degrees(math.tau) / 4


def draw_chart(canvas, item: Chart, to_page: Transform, fonts: Fonts) -> None:
    if item.marks is None:  # a chart layout has not measured: nothing to draw
        return
    canvas.saveState()
    for mark in item.marks.marks:
        match mark:
            case ChartLine():
                _line(canvas, mark, to_page)
            case ChartBar():
                rect = mark.rect
                canvas.setFillColorRGB(*rgb(mark.color))
                x, y = to_page.x(rect.x), to_page.y(rect.bottom)
                canvas.rect(x, y, to_page.length(rect.w), to_page.length(rect.h), stroke=0, fill=1)
            case ChartWedge():
                _wedge(canvas, mark, to_page)
            case ChartPolyline():
                _polyline(canvas, mark, to_page)
            case ChartText():
                _text(canvas, mark, to_page, fonts)
    canvas.restoreState()


def _line(canvas, mark: ChartLine, to_page: Transform) -> None:
    canvas.setStrokeColorRGB(*rgb(mark.color))
    canvas.setLineWidth(to_page.size(mark.width))
    start = to_page.x(mark.x1), to_page.y(mark.y1)
    canvas.line(*start, to_page.x(mark.x2), to_page.y(mark.y2))


def _wedge(canvas, mark: ChartWedge, to_page: Transform) -> None:
    canvas.setFillColorRGB(*rgb(mark.color))
    cx, cy, radius = to_page.x(mark.cx), to_page.y(mark.cy), to_page.length(mark.radius)
    if mark.sweep >= TWELVE * 4:  # the whole pie
        canvas.circle(cx, cy, radius, stroke=0, fill=1)
        return
    if not mark.sweep:
        return
    path = canvas.beginPath()
    path.moveTo(cx, cy)
    box = (cx - radius, cy - radius, cx + radius, cy + radius)
    path.arcTo(*box, startAng=TWELVE - mark.start, extent=-mark.sweep)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _polyline(canvas, mark: ChartPolyline, to_page: Transform) -> None:
    points = [(to_page.x(x), to_page.y(y)) for x, y in mark.points]
    canvas.setStrokeColorRGB(*rgb(mark.color))
    canvas.setFillColorRGB(*rgb(mark.color))
    canvas.setLineWidth(to_page.size(mark.width))
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
    if mark.marker:
        radius = to_page.length(mark.marker) / 2
        for x, y in points:
            canvas.circle(x, y, radius, stroke=0, fill=1)


def _text(canvas, mark: ChartText, to_page: Transform, fonts: Fonts) -> None:
    size = to_page.size(mark.size)
    x = to_page.x(mark.x)
    if mark.anchor != "start":
        width = fonts.width(mark.text, size)
        x -= width / 2 if mark.anchor == "middle" else width
    canvas.setFillColorRGB(*rgb(mark.color))
    y = to_page.y(mark.y)
    for name, text in fonts.pieces(mark.text, False, False, "a chart"):
        canvas.setFont(name, size)
        x = draw_kerned(canvas, name, text, x, y, size)
