"""A chart's geometry, decided once in layout (layout/chart_layout.py): bars inside the
plot and in proportion to their values, a value axis of nice ticks covering the data,
wedges that make a whole pie, a legend entry a series (a category for a pie), labels
inside the chart's rect, and the awkward data: negative values, one value, all zeros,
long names. Facts are read from the marks, the way a renderer reads them."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from deckgen.layout.chart_axis import fitted, nice_scale, spelled
from deckgen.layout.chart_layout import chart_marks, with_ink
from deckgen.layout.chart_marks import ChartBar, ChartLine, ChartPolyline, ChartText, ChartWedge
from deckgen.layout.compositions import ChartDesign
from deckgen.layout.design import default_design
from deckgen.layout.frames import Chart, ChartKind, ChartSeries
from deckgen.layout.geometry import EMU_PER_PT, Rect, inch
from deckgen.layout.measure import MONO, AfmMeasurer
from deckgen.layout.scaling import scaled

from ..conftest import fuzz_budget
from .support import FAKE, deck_from, named, outline_text, talk_from
from .test_design import design_numbers_in

DESIGN = ChartDesign()
BASE = default_design(talk_from(outline_text("- {kind: bullets, title: B, bullets: [x]}")))
RECT = BASE.grid.body_box
INKS = ("1F2A44", "5B6670", "797F8F", "9DA3A9", "B5BAC0")
TEXT, GRID = "1F2933", "C6C9CD"
MEASURER = AfmMeasurer()


def make(kind: str, categories, *series, unit=None, rect=RECT, decimal=".", size=16.0):
    """A chart as the chart kind makes it, its marks laid out."""
    chart = Chart(
        rect,
        ChartKind(kind),
        tuple(categories),
        tuple(
            ChartSeries(name, tuple(values), INKS[i % len(INKS)])
            for i, (name, values) in enumerate(series)
        ),
        "Chart",
        "alt",
        unit,
        TEXT,
        GRID,
        size,
        legend=kind == "pie" or len(series) > 1,
        slices=tuple(INKS[i % len(INKS)] for i in range(len(categories))),
        decimal=decimal,
    )
    return replace(chart, marks=chart_marks(chart, MEASURER, DESIGN))


def of(chart: Chart, kind) -> list:
    return [mark for mark in chart.marks.marks if isinstance(mark, kind)]


def data_bars(chart: Chart) -> list[ChartBar]:
    return [bar for bar in of(chart, ChartBar) if bar.label]


def swatches(chart: Chart) -> list[ChartBar]:
    return [bar for bar in of(chart, ChartBar) if not bar.label]


def axis_labels(chart: Chart) -> list[ChartText]:
    """The value axis's labels: right-aligned left of a column chart's plot, centred under
    a bar chart's."""
    anchor = "middle" if chart.kind is ChartKind.BAR else "end"
    return [
        text
        for text in of(chart, ChartText)
        if text.anchor == anchor and text.text not in chart.categories
    ]


def number(text: str, decimal: str = ".") -> float:
    return float(text.replace(decimal, "."))


def zero_line(chart: Chart) -> float:
    """Where the value 0 is (EMU, y for columns, x for bars): its gridline."""
    (label,) = [t for t in axis_labels(chart) if t.text == "0"]
    grid = [line for line in of(chart, ChartLine) if line.width == DESIGN.grid_width]
    if chart.kind is ChartKind.BAR:
        return min((line.x1 for line in grid), key=lambda x: abs(x - label.x))
    return min((line.y1 for line in grid), key=lambda y: abs(y - label.y))


def text_box(text: ChartText) -> tuple[float, float, float, float]:
    """A label's extent (EMU): left, top (its ascent), right, bottom (its descent)."""
    width = MEASURER.width(text.text, text.size) * EMU_PER_PT
    left = text.x - {"start": 0, "middle": width / 2, "end": width}[text.anchor]
    em = text.size * EMU_PER_PT
    return left, text.y - em * 0.75, left + width, text.y + em * 0.25


def inside(chart: Chart) -> None:
    """Every mark within the chart's rect."""
    rect = chart.rect
    rect = Rect(rect.x - 1, rect.y - 1, rect.w + 2, rect.h + 2)  # EMU rounding
    for text in of(chart, ChartText):
        left, top, right, bottom = text_box(text)
        assert rect.x <= left and right <= rect.right, text
        assert rect.y <= top and bottom <= rect.bottom, text
    for bar in of(chart, ChartBar):
        assert rect.x <= bar.rect.x and bar.rect.right <= rect.right, bar
        assert rect.y <= bar.rect.y and bar.rect.bottom <= rect.bottom, bar
    for line in of(chart, ChartLine):
        assert rect.x <= min(line.x1, line.x2) and max(line.x1, line.x2) <= rect.right, line
        assert rect.y <= min(line.y1, line.y2) and max(line.y1, line.y2) <= rect.bottom, line


COLUMN = make("column", ["Q1", "Q2", "Q3"], ("Phishing", [12, 18, 9]), ("Malware", [3, 5, 2]))


def test_columns_stand_on_zero_in_proportion_to_their_values():
    bars = data_bars(COLUMN)
    assert len(bars) == 6
    zero = zero_line(COLUMN)
    assert all(bar.rect.bottom == pytest.approx(zero, abs=2) for bar in bars)
    per_unit = bars[1].rect.h / 18  # Phishing, Q2
    for bar, value in zip(bars, [12, 18, 9, 3, 5, 2], strict=True):
        assert bar.rect.h == pytest.approx(value * per_unit, abs=2)
    # the axis's top is its highest tick, at or above the highest value
    top = max(number(t.text) for t in axis_labels(COLUMN))
    assert top >= 18 and bars[1].rect.h <= per_unit * top


def test_a_categorys_columns_stand_side_by_side_in_the_series_order_and_colours():
    bars = data_bars(COLUMN)
    phishing, malware = bars[:3], bars[3:]
    for left, right in zip(phishing, malware, strict=True):
        assert left.rect.right == pytest.approx(right.rect.x, abs=2)  # touching, in order
        assert left.rect.w == right.rect.w
    assert {b.color for b in phishing} == {INKS[0]} and {b.color for b in malware} == {INKS[1]}
    gap = malware[0].rect.right - phishing[1].rect.x  # between one category and the next
    assert gap < 0 < phishing[1].rect.x - malware[0].rect.right


def test_every_bar_wedge_and_line_says_what_it_stands_for():
    assert [b.label for b in data_bars(COLUMN)][:2] == ["Phishing, Q1: 12", "Phishing, Q2: 18"]
    line = make("line", ["Jan", "Feb"], ("Idea A", [0.2, 1250000]), decimal=",")
    (polyline,) = of(line, ChartPolyline)
    assert polyline.label == "Idea A: Jan 0,2, Feb 1250000"
    pie = make("pie", ["Email", "Web"], ("Alerts", [75, 25]))
    assert [w.label for w in of(pie, ChartWedge)] == [
        "Alerts, Email: 75 (75%)",
        "Alerts, Web: 25 (25%)",
    ]


@pytest.mark.parametrize(
    "values",
    [[12, 18, 9], [7.5, 3, 11], [0.2, 0.72], [-4, 6, -1.5], [-40, 60], [42], [0.001, 0.0042],
     [125000, 2400000], [-3, -5], [1e15], [0.1, 0.2, 0.3], [99, 101]],
)  # fmt: skip
def test_the_ticks_cover_the_data_in_nice_even_steps(values):
    chart = make("column", [f"c{i}" for i in range(len(values))], ("S", values))
    ticks = sorted(number(t.text) for t in axis_labels(chart))
    assert ticks[0] <= min(0, *values) and ticks[-1] >= max(0, *values)
    assert 0 in ticks and 2 <= len(ticks) <= DESIGN.max_ticks
    steps = {Decimal(str(b)) - Decimal(str(a)) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1, ticks
    (step,) = steps
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {1, 2, 5}, (ticks, step)


@given(st.lists(st.floats(-1e15, 1e15, allow_nan=False), min_size=1, max_size=40))
@fuzz_budget(200)
def test_any_data_gets_an_axis_that_covers_it(values):
    scale = nice_scale(values, DESIGN, ".")
    values = [value if abs(value) >= sys.float_info.min else 0 for value in values]
    assert scale.low <= min(0, *values) and scale.high >= max(0, *values)
    assert scale.low < scale.high and len(scale.ticks) <= DESIGN.max_ticks
    assert len(set(scale.labels)) == len(scale.labels)  # no two ticks read the same
    assert [float(label) for label in scale.labels] == list(scale.ticks)  # read back
    assert all(label != "-0" for label in scale.labels)
    plain = zip(scale.labels, scale.ticks, strict=True)
    assert all("e" not in label for label, tick in plain if abs(tick) >= 1e-4)


def test_the_unit_stands_above_the_plot_and_the_value_labels_left_of_it():
    chart = make("column", ["a", "b"], ("S", [1, 2]), unit="incidents")
    (unit,) = [t for t in of(chart, ChartText) if t.text == "incidents"]
    plot_top = min(min(line.y1, line.y2) for line in of(chart, ChartLine))
    assert unit.y < plot_top and unit.x < min(t.x for t in axis_labels(chart))
    bars = data_bars(chart)
    assert all(t.x < min(b.rect.x for b in bars) for t in axis_labels(chart))


def test_negative_values_hang_below_zero():
    chart = make("column", ["N", "S", "E"], ("Change", [-4, 6, -1.5]))
    north, south, east = data_bars(chart)
    zero = zero_line(chart)
    assert north.rect.y == pytest.approx(zero, abs=2) and north.rect.bottom > zero
    assert south.rect.bottom == pytest.approx(zero, abs=2) and south.rect.y < zero
    assert north.rect.h == pytest.approx(south.rect.h * 4 / 6, abs=2)
    assert east.rect.h == pytest.approx(south.rect.h * 1.5 / 6, abs=2)
    assert min(number(t.text) for t in axis_labels(chart)) <= -4
    inside(chart)


def test_horizontal_bars_grow_right_from_zero_their_categories_left_first_at_the_bottom():
    chart = make("bar", ["North", "South"], ("A", [-40, 60]), ("B", [20, -10]))
    bars = data_bars(chart)
    zero = zero_line(chart)
    a_north, a_south, b_north, _b_south = bars
    assert a_north.rect.right == pytest.approx(zero, abs=2)  # -40: left of zero
    assert a_south.rect.x == pytest.approx(zero, abs=2)
    assert a_south.rect.w == pytest.approx(a_north.rect.w * 60 / 40, abs=2)
    assert a_north.rect.y > a_south.rect.y  # the first category lowest
    assert b_north.rect.bottom == pytest.approx(a_north.rect.y, abs=2)  # series 2 above 1
    names = {t.text: t for t in of(chart, ChartText) if t.text in chart.categories}
    assert names["North"].y > names["South"].y
    assert all(t.anchor == "end" and t.x < min(b.rect.x for b in bars) for t in names.values())
    inside(chart)


def test_one_value_makes_one_bar_in_the_middle():
    chart = make("column", ["Only"], ("One", [42]))
    (bar,) = data_bars(chart)
    grid = [line for line in of(chart, ChartLine) if line.width == DESIGN.grid_width]
    left, right = min(line.x1 for line in grid), max(line.x2 for line in grid)
    assert bar.rect.x + bar.rect.w / 2 == pytest.approx((left + right) / 2, abs=2)
    assert max(number(t.text) for t in axis_labels(chart)) >= 42
    assert not swatches(chart)  # one series: no legend
    inside(chart)


def test_all_zero_data_gets_an_axis_from_0_to_1_and_flat_marks():
    column = make("column", ["a", "b", "c"], ("Z", [0, 0, 0]))
    assert [t.text for t in axis_labels(column)] == ["0", "0.2", "0.4", "0.6", "0.8", "1"]
    assert all(bar.rect.h == 0 for bar in data_bars(column))
    line = make("line", ["a", "b", "c"], ("Z", [0, 0, 0]))
    (polyline,) = of(line, ChartPolyline)
    assert len({y for _x, y in polyline.points}) == 1
    inside(column)
    inside(line)


def test_line_points_sit_in_their_slots_with_a_marker_each():
    chart = make("line", ["Jan", "Feb", "Mar"], ("A", [1, 3, 2]), ("B", [2, 2, 2]))
    first, second = of(chart, ChartPolyline)
    assert [x for x, _y in first.points] == [x for x, _y in second.points]
    xs = [x for x, _y in first.points]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], abs=2)
    ys = [y for _x, y in first.points]
    assert ys[1] < ys[2] < ys[0]  # 3 highest, 1 lowest
    assert first.marker == round(16 * DESIGN.marker * EMU_PER_PT)
    assert first.width == pytest.approx(16 * DESIGN.line_width)
    for text in of(chart, ChartText):  # the categories under their points
        if text.text in chart.categories:
            assert text.x == pytest.approx(xs[chart.categories.index(text.text)], abs=2)


def test_the_wedges_make_a_whole_pie_clockwise_from_twelve_in_the_slices_colours():
    pie = make("pie", ["Email", "Web", "USB", "Other"], ("Alerts", [60, 25, 10, 5]))
    wedges = of(pie, ChartWedge)
    assert sum(w.sweep for w in wedges) == pytest.approx(360)
    assert wedges[0].start == 0
    for before, after in zip(wedges, wedges[1:], strict=False):
        assert after.start == pytest.approx(before.start + before.sweep)
    assert [w.sweep for w in wedges] == pytest.approx([216, 90, 36, 18])
    assert [w.color for w in wedges] == list(pie.slices)
    assert len({(w.cx, w.cy, w.radius) for w in wedges}) == 1
    labels = [t.text for t in of(pie, ChartText) if t.text.endswith("%")]
    assert labels == ["60%", "25%", "10%", "5%"]
    inside(pie)


def test_a_pies_share_labels_are_the_talks_and_sit_outside_their_slice():
    chart = make("pie", ["a", "b"], ("S", [3, 1]))
    chart = replace(chart, percents=("75 %", "25 %"))
    chart = replace(chart, marks=chart_marks(chart, MEASURER, DESIGN))
    wedge_a = of(chart, ChartWedge)[0]
    (label,) = [t for t in of(chart, ChartText) if t.text == "75 %"]
    middle = math.radians(wedge_a.start + wedge_a.sweep / 2)
    distance = math.hypot(label.x - wedge_a.cx, label.y - wedge_a.cy)
    assert distance > wedge_a.radius
    assert label.x - wedge_a.cx == pytest.approx(distance * math.sin(middle), abs=2)


def test_an_empty_slice_keeps_its_wedge_and_legend_entry_but_no_label():
    pie = make("pie", ["a", "b", "c"], ("S", [1, 0, 1]))
    assert [w.sweep for w in of(pie, ChartWedge)] == pytest.approx([180, 0, 180])
    assert [t.text for t in of(pie, ChartText) if t.text.endswith("%")] == ["50%", "50%"]
    assert len(swatches(pie)) == 3


@pytest.mark.parametrize(
    ("chart", "names"),
    [
        (COLUMN, ["Phishing", "Malware"]),
        (make("line", ["a"], ("X", [1]), ("Y", [2]), ("Z", [3])), ["X", "Y", "Z"]),
        (make("pie", ["Email", "Web", "USB"], ("Alerts", [6, 3, 1])), ["Email", "Web", "USB"]),
    ],
)
def test_the_legend_has_an_entry_a_series_or_a_pies_category_along_the_bottom(chart, names):
    squares = swatches(chart)
    assert [s.color for s in squares] == list(INKS[: len(names)])
    words = [t for t in of(chart, ChartText) if t.text in names and t.anchor == "start"]
    assert [t.text for t in words] == names
    for square, word in zip(squares, words, strict=True):
        assert square.rect.right < word.x  # the name right of its square
        assert square.rect.y < word.y < square.rect.bottom + square.rect.h
    plot_bottom = max(max(line.y1, line.y2) for line in of(chart, ChartLine))
    assert all(s.rect.y > plot_bottom for s in squares) or chart.kind is ChartKind.PIE
    inside(chart)


def test_a_legend_too_wide_for_one_row_takes_more_rows_inside_the_chart():
    names = [f"Category number {i}" for i in range(24)]
    pie = make("pie", names, ("S", list(range(1, 25))))
    rows = {square.rect.y for square in swatches(pie)}
    assert len(rows) > 1 and len(swatches(pie)) == 24
    inside(pie)
    wedge = of(pie, ChartWedge)[0]
    assert wedge.cy + wedge.radius < min(rows)  # the pie above the legend


def test_long_category_names_are_cut_to_their_room_and_said_whole():
    long = "A category whose name goes on and on well past any room a chart could give it"
    bar = make("bar", [long, "Short"], ("S", [3, 4]))
    cut = [t for t in of(bar, ChartText) if t.text.endswith("…")]
    assert len(cut) == 1 and long.startswith(cut[0].text[:-1])
    room = RECT.w / EMU_PER_PT * DESIGN.bar_label_share
    assert MEASURER.width(cut[0].text, 16) <= room
    assert data_bars(bar)[0].label == f"S, {long}: 3"
    assert any(t.text == "Short" for t in of(bar, ChartText))
    inside(bar)
    column = make("column", [long, "b", "c"], ("S", [1, 2, 3]))
    (cut,) = [t for t in of(column, ChartText) if t.text.endswith("…")]
    slot = (data_bars(column)[1].rect.x - data_bars(column)[0].rect.x) / EMU_PER_PT
    assert MEASURER.width(cut.text, 16) <= slot
    inside(column)


@pytest.mark.parametrize(
    "chart",
    [
        COLUMN,
        make("bar", ["Reading the logs", "Patching"], ("Time", [7.5, 3]), unit="hours"),
        make("line", list("abcdef"), ("A", [0.2, 0.35, 0.3, 0.55, 0.6, 0.72]), ("B", [1] * 6)),
        make("pie", ["Email", "Web", "USB", "Other"], ("Alerts", [60, 25, 10, 5])),
        make("column", ["2021", "2022"], ("Revenue", [125000, 2400000]), unit="euros"),
        make("column", ["a", "b"], ("S", [-1e15, 1e15])),
        make("bar", ["a", "b"], ("S", [-2400000, 12500000])),
        make("column", ["a", "b"], ("S", [1, 2]), rect=Rect(inch(1), inch(1), inch(4), inch(3))),
        make("pie", ["a", "b"], ("S", [1, 1]), rect=Rect(0, 0, inch(3), inch(2)), size=9),
    ],
)
def test_every_label_bar_and_line_stays_inside_the_charts_rect(chart):
    inside(chart)


def test_value_labels_are_written_with_the_talks_decimal_sign():
    chart = make("line", ["a", "b"], ("S", [0.2, 0.7]), decimal=",")
    assert "0,2" in [t.text for t in axis_labels(chart)]
    assert spelled(2.5, ",") == "2,5" and spelled(2400000.0, ".") == "2400000"
    assert spelled(-0.0, ".") == "0" and spelled(1e-05, ",") == "1e-05"
    assert spelled(1e15, ".") == "1000000000000000" and spelled(0.0001, ",") == "0,0001"


def test_a_new_text_colour_reaches_every_label_and_nothing_else():
    inked = with_ink(COLUMN, "FFFFFF")
    assert inked.text_color == "FFFFFF"
    assert {t.color for t in of(inked, ChartText)} == {"FFFFFF"}
    assert of(inked, ChartBar) == of(COLUMN, ChartBar)
    assert of(inked, ChartLine) == of(COLUMN, ChartLine)
    bare = replace(COLUMN, marks=None)
    assert with_ink(bare, "FFFFFF").marks is None


def test_the_drawing_order_is_gridlines_first_then_data_axes_and_labels():
    marks = COLUMN.marks.marks
    kinds = [type(m).__name__ for m in marks]
    first_bar, first_text = kinds.index("ChartBar"), kinds.index("ChartText")
    assert all(isinstance(m, ChartLine) and m.width == DESIGN.grid_width for m in marks[:first_bar])
    assert first_bar < first_text and all(
        isinstance(m, ChartText | ChartBar) for m in marks[first_text:]
    )


def test_the_chart_kind_lays_its_marks_out():
    deck = deck_from(
        outline_text(
            "- {kind: chart, title: C, chart: column, categories: [a, b], "
            "series: [{name: s, values: [1, 2]}], alt: A}"
        )
    )
    chart = named(deck.slides[0], "Chart")
    assert chart.marks is not None
    assert chart.marks == chart_marks(chart, FAKE, deck.design.chart)


def test_a_smaller_slides_chart_shrinks_its_gaps_but_keeps_its_tick_count():
    small = scaled(BASE, 0.75)
    assert small.chart.max_ticks == DESIGN.max_ticks and small.chart.steps == DESIGN.steps
    assert small.chart.pad == DESIGN.pad  # ems of the label size, which scales itself
    assert small.scale.chart < BASE.scale.chart


def test_the_chart_layout_holds_no_number_or_colour_of_its_own():
    from pathlib import Path

    layout = Path(__file__).resolve().parents[2] / "deckgen" / "layout"
    for name in ("chart_layout.py", "chart_axis.py"):
        source = (layout / name).read_text(encoding="utf-8")
        found = [
            hit for hit in design_numbers_in(source, name) if " number " in hit or "colour" in hit
        ]
        assert found == [], found


NAMES = st.text(
    st.characters(codec="latin-1", categories=("L", "N", "Zs")), min_size=1, max_size=60
)


@given(
    st.sampled_from(["column", "bar", "line"]),
    st.lists(NAMES, min_size=1, max_size=12),
    st.integers(1, 4),
    st.data(),
)
@fuzz_budget(100)
def test_any_axes_chart_stays_inside_its_rect(kind, categories, count, data):
    values = st.lists(
        st.floats(-1e15, 1e15, allow_nan=False),
        min_size=len(categories),
        max_size=len(categories),
    )
    series = [(f"Series {i}", data.draw(values)) for i in range(count)]
    inside(make(kind, categories, *series, unit=data.draw(NAMES)))


@given(st.lists(st.tuples(NAMES, st.floats(0, 1e15)), min_size=1, max_size=40))
@fuzz_budget(100)
def test_any_pie_stays_inside_its_rect_and_makes_a_whole(slices):
    if not any(value for _name, value in slices):
        slices = [*slices, ("more", 1.0)]
    pie = make("pie", [name for name, _v in slices], ("S", [v for _n, v in slices]))
    inside(pie)
    assert sum(w.sweep for w in of(pie, ChartWedge)) == pytest.approx(360)


def _cut_one_by_one(text: str, room: float, size: float, measurer) -> str:
    """A label cut as it always was: a character at a time, from the end, until it fits."""
    if measurer.width(text, size) <= room:
        return text
    kept = text
    while kept and measurer.width(kept.rstrip() + "…", size) > room:
        kept = kept[:-1]
    return kept.rstrip() + "…" if kept else ""


@given(
    st.text(st.characters(codec="cp1252"), max_size=300),
    st.floats(0, 400),
    st.sampled_from([MEASURER, FAKE, MONO]),
)
@example("Revenue by region      ", MEASURER.width("Revenue by region…", 12.0), MEASURER)
@example("   Q1", MEASURER.width("…", 12.0), MEASURER)
@example("Q1 Q2 Q3", 0.0, FAKE)
@fuzz_budget(300)
def test_a_label_cut_by_halving_is_the_label_cut_a_character_at_a_time(text, room, measurer):
    """A measurer whose widths only grow with the text (``grows``) has a long label cut
    in a logarithm of the tries (a 2,000-character translation, when its room is
    measured), to the same characters."""
    assert measurer.grows
    assert fitted(text, room, 12.0, measurer) == _cut_one_by_one(text, room, 12.0, measurer)


def test_a_label_is_cut_a_character_at_a_time_where_widths_need_not_grow():
    """A shaped measurer (a ligature is narrower than its letters) is asked at every
    length from the whole label down, as before."""

    class Shaped:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def width(self, text, size, bold=False, italic=False):
            self.asked.append(text)
            return len(text.replace("fi", "ﬁ")) * size / 2

    shaped = Shaped()
    label = "fifty fine fish " * 4
    assert fitted(label, 60, 10, shaped) == _cut_one_by_one(label, 60, 10, Shaped())
    assert len(shaped.asked) > len(label) // 2
