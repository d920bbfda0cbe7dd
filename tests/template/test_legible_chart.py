"""A chart on the template's drawn artwork: its labels and legend are judged there like
text, and made to read (issue 20: "the footer, number, captions and chart legends
included"): the theme's other colour where one reads, else a panel behind the chart."""

from __future__ import annotations

from pptx import Presentation

from deckgen.layout.frames import Chart, ChartKind, ChartSeries, Shape
from deckgen.layout.geometry import Rect
from deckgen.layout.legible import make_legible

from ..conftest import run_cli
from .test_legible_deck import _half_dark

SLIDE = Rect(0, 0, 12_192_000, 6_858_000)
INKS = ("000000", "FFFFFF", "1F2937", "F3F4F6")


def _chart(color: str = "333333") -> Chart:
    return Chart(
        Rect(1_000_000, 1_500_000, 8_000_000, 4_000_000), ChartKind.COLUMN, ("A", "B"),
        (ChartSeries("One", (1.0, 2.0), "1F5AA6"),), "Chart", "alt", None, color, "CCCCCC",
        14.0, True,
    )  # fmt: skip


def test_a_chart_on_dark_artwork_takes_the_themes_light_colour():
    made = make_legible([_chart()], lambda rect: ((100, "1A1A1A"),), INKS, None, SLIDE)
    (chart,) = made.items
    assert chart.text_color == "FFFFFF"
    (change,) = made.changes
    assert "its labels and legend in #333333 read at" in change.message


def test_a_chart_on_light_artwork_is_left_as_it_is():
    made = make_legible([_chart()], lambda rect: ((100, "FFFFFF"),), INKS, None, SLIDE)
    assert made.items == [_chart()] and made.changes == []


def test_a_chart_on_black_and_white_artwork_gets_a_panel_behind_it(tmp_path):
    drawn = lambda rect: ((50, "000000"), (50, "FFFFFF"))  # noqa: E731
    made = make_legible([_chart()], drawn, INKS, None, SLIDE)
    panel, chart = made.items
    assert isinstance(panel, Shape) and panel.name == "Chart backing"
    assert panel.rect.x < chart.rect.x and panel.rect.right > chart.rect.right
    assert 0 < panel.opacity <= 1
    assert "panel" in made.changes[0].message


CHART_TALK = """\
meta:
  title: "Charted"
sections:
  - title: "One"
    slides:
      - kind: chart
        title: "Across the halves"
        chart: column
        unit: "cases"
        categories: ["Jan", "Feb", "Mar", "Apr"]
        series:
          - {name: "Idea A", values: [12, 18, 9, 4]}
        alt: "Cases rose in February."
"""


def test_the_deck_puts_the_panel_behind_the_chart_on_half_dark_artwork(tmp_path):
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "outline.yaml").write_text(CHART_TALK, encoding="utf-8")
    template = _half_dark(folder)
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    result = run_cli(*args, "--format", "pptx")
    assert result.exit_code == 0, result.output
    assert "its labels and legend in #" in result.output
    (deck,) = out.glob("*.pptx")
    slide = Presentation(str(deck)).slides[-1]
    names = [shape.name for shape in slide.shapes]
    chart = next(shape for shape in slide.shapes if shape.has_chart)
    backing = names.index(f"{chart.name} backing")
    assert backing < names.index(chart.name)  # drawn under the chart
