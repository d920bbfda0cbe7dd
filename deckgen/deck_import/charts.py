"""A native chart as a chart slide: its type (bar, column, line, pie), categories, series
and unit (the value axis's title) from the chart part's cache. Its embedded workbook is
not read (deckgen does not depend on a spreadsheet reader): a chart without a cache is
said and its slide keeps its text."""

from __future__ import annotations

import math

from ..limits import MAX_CHART_VALUE
from .made import Made, bullet_slides, bullets_of
from .text import escape

_MAX_CATEGORIES = 40
_MAX_SERIES = 8


def chart_of(content, title: str, place) -> Made | None:
    if not content.charts or content.tables:
        return None
    warnings: list[str] = []
    chart = content.charts[0]
    kind = _kind(chart, warnings)
    data = _data(chart, warnings) if kind else None
    if kind is None or data is None:
        return _fallback(content, warnings)
    categories, series = data
    if kind == "pie" and len(series) > 1:
        warnings.append(f"a pie of {len(series)} series: the first kept")
        series = series[:1]
    if kind == "pie" and (any(v < 0 for v in series[0]["values"]) or not any(series[0]["values"])):
        warnings.append("a pie with negative or no values made a column chart")
        kind = "column"
    slide = {
        "kind": "chart",
        "title": title or _chart_title(chart) or f"Slide {place.number}",
        "chart": kind,
        "categories": categories,
        "series": series,
    }
    unit = _unit(chart)
    if unit:
        slide["unit"] = unit
    if content.chart_alts and content.chart_alts[0]:
        slide["alt"] = escape(content.chart_alts[0])
    if len(content.charts) > 1:
        warnings.append(f"{len(content.charts) - 1} more chart(s) left out: a slide shows one")
    slides = [slide]
    if content.texts:
        points = bullets_of(content.texts, warnings)
        slides += bullet_slides(f"{slide['title']} (cont.)", points, warnings)
        warnings.append("the text beside the chart made a slide of its own after it")
    shown = [picture for picture in content.pictures if not picture.decorative]
    if shown:
        from .kinds import more_pictures

        slides += more_pictures(shown, slide["title"], place, warnings)
    return Made("chart", slides, f"{kind} chart: {len(series)} series", warnings)


def _fallback(content, warnings: list[str]) -> Made | None:
    content.charts = []
    content.losses.append("a chart deckgen cannot hold (" + "; ".join(warnings) + ")")
    return None


def _kind(chart, warnings: list[str]) -> str | None:
    try:
        name = chart.chart_type.name  # e.g. COLUMN_CLUSTERED, BAR_STACKED, LINE_MARKERS
    except Exception:  # noqa: BLE001 - python-pptx raises on types it does not know
        warnings.append("a chart of a type deckgen does not know")
        return None
    for prefix, kind in (("BAR", "bar"), ("COLUMN", "column"), ("LINE", "line"), ("PIE", "pie"),
                         ("DOUGHNUT", "pie"), ("THREE_D_BAR", "bar"), ("THREE_D_COLUMN", "column"),
                         ("THREE_D_LINE", "line"), ("THREE_D_PIE", "pie")):  # fmt: skip
        if name.startswith(prefix):
            if "STACKED" in name or name.startswith(("DOUGHNUT", "THREE_D")):
                warnings.append(f"a {name.lower().replace('_', ' ')} chart shown as a plain {kind}")
            return kind
    warnings.append(f"a {name.lower().replace('_', ' ')} chart, which deckgen cannot draw")
    return None


def _data(chart, warnings: list[str]):
    try:
        plot = chart.plots[0]
        categories = [escape(str(label)) or " " for label in plot.categories]
        series = [
            {"name": escape(s.name or f"Series {i + 1}"), "values": _values(s.values, warnings)}
            for i, s in enumerate(plot.series)
        ]
    except Exception:  # noqa: BLE001 - a damaged or workbook-only chart
        warnings.append("its data is not cached in the deck (only in its workbook)")
        return None
    if not categories or not series:
        warnings.append("its data is not cached in the deck (only in its workbook)")
        return None
    count = len(categories)
    if count > _MAX_CATEGORIES or len(series) > _MAX_SERIES:
        warnings.append(
            f"{count} categories and {len(series)} series: the first {_MAX_CATEGORIES} and "
            f"{_MAX_SERIES} kept"
        )
    categories = categories[:_MAX_CATEGORIES]
    series = series[:_MAX_SERIES]
    for entry in series:
        values = entry["values"][: len(categories)]
        entry["values"] = values + [0] * (len(categories) - len(values))
    return categories, series


def _values(values, warnings: list[str]) -> list:
    out = []
    for value in values:
        if value is None or not math.isfinite(value) or abs(value) > MAX_CHART_VALUE:
            warnings.append("a missing or unreadable value made 0")
            out.append(0)
        else:
            out.append(float(f"{value:.15g}") if not float(value).is_integer() else int(value))
    return out


def _unit(chart) -> str | None:
    try:
        axis = chart.value_axis
        if axis.has_title and axis.axis_title.has_text_frame:
            return escape(axis.axis_title.text_frame.text.strip()) or None
    except Exception:  # noqa: BLE001 - a pie has no value axis
        return None
    return None


def _chart_title(chart) -> str | None:
    try:
        if chart.has_title and chart.chart_title.has_text_frame:
            return escape(chart.chart_title.text_frame.text.strip()) or None
    except Exception:  # noqa: BLE001
        return None
    return None
