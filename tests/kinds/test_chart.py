"""Chart slides: a native, editable chart in the deck with the outline's data, the same
chart drawn in the PDFs, alt text (written from the data when missing, and said), and
positioned errors for data of the wrong shape."""

from __future__ import annotations

import subprocess
import time

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from deckgen.layout.frames import Chart

from ..conftest import run_cli, slide_titled
from ..layout.support import deck_from, named, outline_text

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = (
    "{kind: chart, title: C, chart: column, categories: [a], series: [{name: s, "
    "values: [1]}], alt: one bar}"
)

COLUMN = """\
- kind: chart
  title: Incidents
  chart: column
  unit: incidents
  categories: [Q1, Q2, Q3]
  series:
    - {name: Phishing, values: [12, 18, 9]}
    - {name: Malware, values: [3, 5, 2]}
  alt: Phishing peaked in Q2.
"""
PIE = """\
- kind: chart
  title: Sources
  chart: pie
  categories: [Email, Web, USB]
  series: [{name: Alerts, values: [60, 30, 10]}]
"""


def test_the_frame_holds_the_data_in_distinct_colours():
    deck = deck_from(outline_text(COLUMN))
    chart = named(deck.slides[0], "Chart")
    assert isinstance(chart, Chart)
    assert chart.categories == ("Q1", "Q2", "Q3")
    assert [(s.name, s.values) for s in chart.series] == [
        ("Phishing", (12, 18, 9)),
        ("Malware", (3, 5, 2)),
    ]
    assert chart.series[0].color != chart.series[1].color
    assert chart.alt == "Phishing peaked in Q2." and chart.legend and chart.unit == "incidents"
    assert chart.rect == deck.design.grid.body_box


def test_missing_alt_text_is_written_from_the_data_and_said():
    deck = deck_from(outline_text(PIE))
    chart = named(deck.slides[0], "Chart")
    assert chart.alt == "Pie chart. Alerts: Email 60, Web 30, USB 10."
    assert len(set(chart.slices)) == 3
    said = [d for d in deck.diagnostics if "alt text was written from its data" in d.message]
    assert said and said[0].topic == "accessibility"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chart")
    outline = folder / "outline.yaml"
    outline.write_text(
        "meta: {title: Charts}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        + "\n".join("      " + line for line in (COLUMN + PIE).splitlines()),
        encoding="utf-8",
    )
    out = folder / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx", "--format",
                     "slides-pdf")  # fmt: skip
    assert result.exit_code == 0, result.output
    return next(out.glob("*.pptx")), next(out.glob("*-slides.pdf"))


def test_the_deck_has_a_native_chart_with_the_data(built):
    deck, _pdf = built
    prs = Presentation(str(deck))
    frame = next(s for s in slide_titled(prs, "Incidents").shapes if s.has_chart)
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == ["Q1", "Q2", "Q3"]
    assert [(s.name, s.values) for s in chart.series] == [
        ("Phishing", (12.0, 18.0, 9.0)),
        ("Malware", (3.0, 5.0, 2.0)),
    ]
    assert chart.has_legend and not chart.has_title
    assert chart.value_axis.axis_title.text_frame.text == "incidents"
    assert frame._element.nvGraphicFramePr.cNvPr.get("descr") == "Phishing peaked in Q2."
    assert chart.part.chart_workbook.xlsx_part is not None  # the data is embedded: editable
    pie = next(s for s in slide_titled(prs, "Sources").shapes if s.has_chart).chart
    assert pie.chart_type == XL_CHART_TYPE.PIE and pie.series[0].values == (60.0, 30.0, 10.0)


@pytest.mark.tools("pdftotext")
def test_the_pdf_draws_the_chart(built):
    _deck, pdf = built
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for word in ("Q1", "Q3", "Phishing", "Malware", "incidents", "Email", "60%"):
        assert word in text, word


@pytest.mark.parametrize(
    ("slide", "message"),
    [
        (COLUMN.replace("values: [3, 5, 2]", "values: [3, 5]"), "has 2 values for 3 categories"),
        (PIE.replace("series: [{name: Alerts, values: [60, 30, 10]}]",
                     "series: [{name: A, values: [1, 2, 3]}, {name: B, values: [1, 2, 3]}]"),
         "a pie chart shows one series"),
        (PIE.replace("[60, 30, 10]", "[60, -30, 10]"), "cannot be negative"),
    ],
)  # fmt: skip
def test_data_of_the_wrong_shape_is_a_positioned_error(tmp_path, slide, message):
    outline = tmp_path / "outline.yaml"
    outline.write_text(outline_text(slide), encoding="utf-8")
    result = run_cli("validate", str(outline))
    assert result.exit_code == 2
    assert message in result.stderr and f"{outline}:" in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e308", "'1e308' is beyond what a chart can show (±1e15)"),
        ("-1e16", "'-1e16' is beyond what a chart can show"),
        ("1" + "0" * 399, "is beyond what a chart can show"),
        ("1e99999", "'1e99999' is beyond what a chart can show"),
        ("0.1234567890123456789", "has 19 significant digits; a chart keeps 15"),
        ("12345678901234567890e-10", "has 19 significant digits"),
        ("nan", "'nan' is not a number"),
        ("inf", "'inf' is not a number"),
        ("-Infinity", "'-Infinity' is not a number"),
        ("1_000", "'1_000' is not a number"),
    ],
)
def test_a_value_no_chart_can_show_is_a_positioned_error(tmp_path, value, message):
    outline = tmp_path / "outline.yaml"
    slide = COLUMN.replace("values: [3, 5, 2]", f"values: [3, '{value}', 2]")
    outline.write_text(outline_text(slide), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    line = (
        outline_text(slide)
        .splitlines()
        .index(next(x for x in outline_text(slide).splitlines() if value in x))
    )
    assert f"{outline}:{line + 1}:" in result.stderr and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_values_a_chart_can_draw_are_drawn_a_subnormal_as_zero(tmp_path):
    """±1e15, 15 significant digits, tiny and subnormal values: every chart draws them
    (the deck's embedded workbook and the PDFs' reportlab charts alike)."""
    values = ["1e15", "-999999999999999", "1e-300", "1e-320", "0.000000000000001"]
    outline = tmp_path / "outline.yaml"
    slides = "".join(
        COLUMN.replace("chart: column", f"chart: {kind}")
        .replace("title: Incidents", f"title: {kind}")
        .replace("categories: [Q1, Q2, Q3]", "categories: [A, B, C, D, E]")
        .replace("[12, 18, 9]", "[" + ", ".join(f"'{v}'" for v in values) + "]")
        .replace("[3, 5, 2]", "[1, 2, 3, 4, 5]")
        for kind in ("column", "bar", "line")
    )
    pie = PIE.replace("[Email, Web, USB]", "[A, B, C]").replace(
        "[60, 30, 10]", "['1e15', '1e-320', 1]"
    )
    outline.write_text(outline_text(slides + pie), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx", "--format",
                     "handout", "--format", "slides-pdf")  # fmt: skip
    assert result.exit_code == 0, result.output
    prs = Presentation(str(out / "talk.pptx"))
    frame = next(s for s in slide_titled(prs, "column").shapes if s.has_chart)
    assert frame.chart.series[0].values == (1e15, -999999999999999.0, 1e-300, 0.0, 1e-15)
    pie_chart = next(s for s in slide_titled(prs, "Sources").shapes if s.has_chart).chart
    assert pie_chart.series[0].values == (1e15, 0.0, 1.0)


def test_a_pie_of_zeros_is_refused(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(outline_text(PIE.replace("[60, 30, 10]", "[0, 0, 0]")), encoding="utf-8")
    result = run_cli("validate", str(outline))
    assert result.exit_code == 2 and "a pie chart needs a value above 0" in result.stderr


def test_categories_too_wide_for_their_columns_are_said():
    long = COLUMN.replace(
        "categories: [Q1, Q2, Q3]",
        "categories: [The first quarter of the financial year, Q2, Q3]",
    )
    deck = deck_from(outline_text(long))
    said = [d.message for d in deck.diagnostics if "wider than its place" in d.message]
    assert said and "The first quarter of the financial year" in said[0]
    as_bars = deck_from(outline_text(long.replace("chart: column", "chart: bar")))
    assert not [d for d in as_bars.diagnostics if "wider than its place" in d.message]
    assert not [d for d in deck_from(outline_text(COLUMN)).diagnostics if "place" in d.message]


def test_a_deck_with_a_chart_is_the_same_twice_under_source_date_epoch(tmp_path):
    """The chart's embedded workbook is dated by the build, not by the clock."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(outline_text(COLUMN), encoding="utf-8")
    decks = []
    for name in ("one", "two"):
        args = ("build", str(outline), "-o", str(tmp_path / name), "--format", "pptx")
        result = run_cli(*args, env={"SOURCE_DATE_EPOCH": "1700000000"})
        assert result.exit_code == 0, result.output
        decks.append(next((tmp_path / name).glob("*.pptx")).read_bytes())
        time.sleep(1.1)  # the workbook used to carry the second it was written
    assert decks[0] == decks[1]


def test_a_generated_alt_text_is_one_sentence_a_series_with_the_languages_punctuation():
    """Two series, a decimal value and a category ending in a full stop: each series is its
    own sentence, never with a doubled full stop; French puts its space before the colon and
    parts "1,5" from the next value with a semicolon."""
    two = PIE.replace("chart: pie", "chart: column").replace(
        "values: [60, 30, 10]}]", "values: [60, 30, 10]}, {name: Blocked, values: [1.5, 2, 3]}]"
    )
    two = two.replace("USB]", "USB etc.]")
    english = named(deck_from(outline_text(two)).slides[0], "Chart").alt
    assert english == (
        "Column chart. Alerts: Email 60, Web 30, USB etc. 10. "
        "Blocked: Email 1.5, Web 2, USB etc. 3."
    )
    french = named(deck_from(outline_text(two, meta="{title: T, language: fr}")).slides[0], "Chart")
    assert (
        "Alerts\u00a0: Email 60; Web 30; USB etc. 10. Blocked\u00a0: Email 1,5; Web 2;"
        in french.alt
    )


def test_a_chart_speaks_the_talks_language():
    """A German pie: its alt text, its shares ("60 %") and its decimal sign (the PDFs'
    labels) as German writes them."""
    deck = deck_from(outline_text(PIE, meta="{title: Vortrag, language: de}"))
    chart = named(deck.slides[0], "Chart")
    # German writes 1,5: values are parted by semicolons, so no comma is ambiguous
    assert chart.alt == "Kreisdiagramm. Alerts: Email 60; Web 30; USB 10."
    assert chart.percents == ("60\u00a0%", "30\u00a0%", "10\u00a0%")
    assert chart.decimal == ","
    english = named(deck_from(outline_text(PIE)).slides[0], "Chart")
    assert english.percents == ("60%", "30%", "10%") and english.decimal == "."
