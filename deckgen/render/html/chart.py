"""A chart in the web handout: the marks layout decided (``Chart.marks``) as SVG, one
picture to a screen reader (its alt text; the page puts its figures in a table after
the slide)."""

from __future__ import annotations

from html import escape

from ...layout.chart_marks import ChartBar, ChartLine, ChartPolyline, ChartText, ChartWedge
from ...layout.frames import Chart
from .units import num, pt


def chart_svg(chart: Chart) -> str:
    marks = chart.marks.marks if chart.marks is not None else ()
    drawn = "".join(_mark(mark) for mark in marks)
    return f'<g role="img" aria-label="{escape(chart.alt, quote=True)}">{drawn}</g>'


def _mark(mark) -> str:
    match mark:
        case ChartLine():
            return (
                f'<line x1="{pt(mark.x1)}" y1="{pt(mark.y1)}" x2="{pt(mark.x2)}" '
                f'y2="{pt(mark.y2)}" stroke="#{mark.color}" stroke-width="{num(mark.width)}"/>'
            )
        case ChartBar():
            rect = mark.rect
            return (
                f'<rect x="{pt(rect.x)}" y="{pt(rect.y)}" width="{pt(rect.w)}" '
                f'height="{pt(rect.h)}" fill="#{mark.color}"/>'
            )
        case ChartWedge():
            return f'<path d="{wedge_path(mark)}" fill="#{mark.color}"/>'
        case ChartPolyline():
            return _polyline(mark)
        case ChartText():
            anchor = f' text-anchor="{mark.anchor}"' if mark.anchor != "start" else ""
            return (
                f'<text x="{pt(mark.x)}" y="{pt(mark.y)}" font-size="{num(mark.size)}" '
                f'fill="#{mark.color}"{anchor}>{escape(mark.text)}</text>'
            )
    raise TypeError(f"unknown chart mark {mark!r}")  # pragma: no cover - a closed set


def wedge_path(wedge: ChartWedge) -> str:
    """A slice clockwise from ``start`` degrees (twelve o'clock is 0)."""
    import math

    if wedge.sweep >= 359.999:  # a whole circle: two arcs
        cx, cy, radius = wedge.cx, wedge.cy, wedge.radius
        arc = f"A{pt(radius)} {pt(radius)} 0 1 1"
        return (
            f"M{pt(cx - radius)} {pt(cy)}{arc} {pt(cx + radius)} {pt(cy)}"
            f"{arc} {pt(cx - radius)} {pt(cy)}Z"
        )

    def at(angle: float) -> str:
        turn = math.radians(angle)
        x = wedge.cx + wedge.radius * math.sin(turn)
        y = wedge.cy - wedge.radius * math.cos(turn)
        return f"{pt(x)} {pt(y)}"

    large = 1 if wedge.sweep > 180 else 0
    radius = pt(wedge.radius)
    return (
        f"M{pt(wedge.cx)} {pt(wedge.cy)}L{at(wedge.start)}"
        f"A{radius} {radius} 0 {large} 1 {at(wedge.start + wedge.sweep)}Z"
    )


def _polyline(mark: ChartPolyline) -> str:
    points = " ".join(f"{pt(x)},{pt(y)}" for x, y in mark.points)
    out = [
        f'<polyline points="{points}" fill="none" stroke="#{mark.color}" '
        f'stroke-width="{num(mark.width)}" stroke-linejoin="round"/>'
    ]
    if mark.marker:
        half = mark.marker / 2
        out += [
            f'<circle cx="{pt(x)}" cy="{pt(y)}" r="{pt(half)}" fill="#{mark.color}"/>'
            for x, y in mark.points
        ]
    return "".join(out)
