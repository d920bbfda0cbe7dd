"""Measuring a chart's labels before it is drawn: the categories must read where the
chart puts them (under their column, or left of their bar)."""

from __future__ import annotations

from .frames import Chart, ChartKind
from .geometry import EMU_PER_PT
from .measure import Measurer


def crowded_labels(chart: Chart, measurer: Measurer, bar_share: float) -> str | None:
    """The category label that does not fit its place at the chart's label size, or None.
    A column or line chart gives each category an equal share of its width; a bar chart
    sets them left of the bars, in at most ``bar_share`` of its width; a pie lists them
    in its legend."""
    if chart.kind is ChartKind.PIE or not chart.categories:
        return None
    widest = max(chart.categories, key=lambda label: measurer.width(label, chart.label_size))
    width = measurer.width(widest, chart.label_size) * EMU_PER_PT
    if chart.kind is ChartKind.BAR:
        room = chart.rect.w * bar_share
    else:
        room = chart.rect.w / len(chart.categories)
    return widest if width > room else None
