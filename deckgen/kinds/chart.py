"""Chart: bar, column, line or pie from data in the outline. The deck gets a native
PowerPoint chart (its data embedded, editable in PowerPoint and LibreOffice), the PDFs
the same chart as vector graphics; both in the theme's colours. Alt text is the
author's, or written from the data (and said so)."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import Field, model_validator

from ..inline import plain
from ..labels import Labels
from ..layout.chart_layout import chart_marks
from ..layout.charts import crowded_labels
from ..layout.chrome import title_items
from ..layout.context import Page, SlideContext
from ..layout.frames import Chart, ChartKind, ChartSeries, SlideLayout
from ..layout.text import plain_like
from ..nodes import ChartNumber, Node, SlideBase, Text, spliced, spliced_join
from .base import InHandout, SlideKind


class Series(Node):
    name: Text
    values: list[ChartNumber] = Field(min_length=1, max_length=40)


class ChartSlide(SlideBase):
    kind: Literal["chart"]
    title: Text
    chart: Literal["bar", "column", "line", "pie"] = Field(
        description="bar (horizontal), column (vertical), line or pie (one series)."
    )
    categories: list[Text] = Field(min_length=1, max_length=40)
    series: list[Series] = Field(min_length=1, max_length=8)
    unit: Text | None = Field(default=None, description="What the values count: an axis title.")
    alt: Text | None = Field(
        default=None, description="What the chart shows, for screen readers (else written)."
    )

    @model_validator(mode="after")
    def _shape_of_the_data(self):
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series '{series.name}' has {len(series.values)} values for "
                    f"{len(self.categories)} categories: give one value per category"
                )
        if self.chart == "pie":
            if len(self.series) != 1:
                raise ValueError("a pie chart shows one series: make the others their own pie")
            if any(v < 0 for v in self.series[0].values):
                raise ValueError("a pie chart's values cannot be negative")
            if not any(self.series[0].values):
                raise ValueError("a pie chart needs a value above 0: all of its values are 0")
        return self


def compose(slide: ChartSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    labels = ctx.talk.labels
    palette, body = design.palette, design.grid.body_box
    items = title_items(ctx, slide.title, palette.primary)
    inks = chart_inks(palette, design.chart.tints)
    series = tuple(
        ChartSeries(plain_like(s.name), tuple(s.values), inks[i % len(inks)])
        for i, s in enumerate(slide.series)
    )
    alt = slide.alt
    if alt is None:
        alt = describe(slide, ctx.talk.labels)
        ctx.report.warn(
            "the chart's alt text was written from its data",
            "add 'alt:' saying what the chart shows (the trend, not only the numbers)",
            topic="accessibility",
        )
    kind = ChartKind(slide.chart)
    chart = Chart(
        body,
        kind,
        tuple(plain_like(c) for c in slide.categories),
        series,
        "Chart",
        plain_like(alt),
        plain(slide.unit) if slide.unit else None,
        palette.text,
        palette.tint(palette.muted, design.chart.grid_tint),
        design.scale.chart,
        legend=kind is ChartKind.PIE or len(series) > 1,
        slices=tuple(inks[i % len(inks)] for i in range(len(slide.categories))),
        pos=slide.pos,
        decimal=labels.decimal,
        percents=_shares(slide, labels) if kind is ChartKind.PIE else (),
    )
    chart = replace(chart, marks=chart_marks(chart, ctx.text.measurer, design.chart))
    crowded = crowded_labels(chart, ctx.text.measurer, design.chart.bar_label_share)
    if crowded is not None:
        ctx.report.warn(
            f"the category '{crowded}' is wider than its place on the chart",
            "shorten the categories, or make it a bar chart (labels beside the bars)",
        )
    items.append(chart)
    return [Page(slide.title, items, slide.notes or "", SlideLayout.TITLE_ONLY)]


def _shares(slide: ChartSlide, labels: Labels) -> tuple[str, ...]:
    """A pie's slices as shares of the whole, in the talk's locale: "60%", "60 %"."""
    values = slide.series[0].values
    total = sum(values) or 1
    return tuple(labels.percent(round(v / total, 2)) for v in values)


def chart_inks(palette, tints: tuple[float, ...]) -> list[str]:
    """Series and slices in the concepts' colours, the primary and the muted one, then
    lighter shades of each: neighbours always differ."""
    base = list(dict.fromkeys([*palette.accents, palette.primary, palette.muted]))
    return base + [palette.tint(color, amount) for amount in tints for color in base]


def describe(slide: ChartSlide, labels: Labels) -> str:
    """Alt text from the data, in the talk's language: the kind of chart, then a sentence
    per series giving its value per category ("Alerts: Email 60, Web 30."). Where the
    language writes decimals with a comma, the values are parted by semicolons, so
    "1,5, 2" never reads as three numbers."""
    unit = (" (", plain_like(slide.unit), ")") if slide.unit else ()
    between = "; " if labels.decimal == "," else ", "
    said = [labels.sentence(spliced(labels(f"chart_{slide.chart}"), *unit))]
    for series in slide.series:  # each name in its language (a fallback's in the outline's)
        values = spliced_join(
            between,
            [
                spliced(plain_like(c), f" {labels.number(v)}")
                for c, v in zip(slide.categories, series.values, strict=True)
            ],
        )
        named = labels("chart_series", series=plain_like(series.name), values=values)
        said.append(labels.sentence(named))
    return spliced_join(" ", said)


KIND = SlideKind(
    "chart",
    ChartSlide,
    compose,
    in_handout=InHandout.LARGE,
    slide_layout=SlideLayout.TITLE_ONLY,
)
