"""Comparisons: a native table, the header in the concepts' colours, banded rows; rows
that do not fit continue with the header repeated; the handout prints it again."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckgen.errors import BuildError, InputError, Severity
from deckgen.kinds import kind_named
from deckgen.layout.engine import layout_deck
from deckgen.layout.frames import Placeholder, SlideLayout, SlideSource, Table
from deckgen.layout.geometry import Insets, inch
from deckgen.layout.handout import page_frame
from deckgen.layout.handout_blocks import HandoutContext
from deckgen.layout.measure import AfmMeasurer

from ..layout.support import (
    CONCEPTS,
    assert_inside,
    build_errors,
    deadline,
    deck_from,
    line_of,
    named,
    names,
    outline_from,
    outline_text,
    placeholders,
    talk_from,
)

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: comparison, title: C, columns: [A, B], rows: [[x, y]]}"

COLUMNS = "[Aspect, {label: Security, concept: security}, {label: Safety, concept: safety}]"


def comparison(rows: list[list[str]], columns: str = COLUMNS, title: str = "Side by side") -> str:
    body = "\n".join("    - [" + ", ".join(repr(c) for c in row) + "]" for row in rows)
    return outline_text(
        f"- kind: comparison\n  id: table\n  title: {title}\n  columns: {columns}\n"
        f"  rows:\n{body}\n  notes: Compare.\n",
        CONCEPTS,
    )


ROWS = [
    ["Goal", "Keep out", "Keep safe"],
    ["Risk", "Attack", "Accident"],
    ["Test", "Red team", "Eval"],
]


def table_of(slide) -> Table:
    table = named(slide, "Comparison table")
    assert isinstance(table, Table)
    return table


def texts(row) -> list[str]:
    return [cell.paragraphs[0].text for cell in row]


def test_a_comparison_is_one_table_below_the_title():
    deck = deck_from(comparison(ROWS))
    (slide,) = deck.slides
    assert names(slide) == ["Title", "Accent rule", "Comparison table", "Footer", "Slide number"]
    assert slide.layout is SlideLayout.TITLE_ONLY
    assert placeholders(slide) == [Placeholder.TITLE]
    assert slide.source == SlideSource(0, 0, "comparison", "table")
    table, body = table_of(slide), deck.design.grid.body_box
    assert (table.rect.x, table.rect.y, table.rect.w) == (body.x, body.y, body.w)
    assert table.rect.h == sum(table.row_heights) <= body.h
    assert [texts(row) for row in table.cells] == [["Aspect", "Security", "Safety"], *ROWS]
    assert table.header_rows == 1 and table.border == deck.design.palette.table_rule
    assert deck.diagnostics == ()


def test_the_header_is_in_the_columns_concept_colours():
    deck = deck_from(comparison(ROWS))
    palette = deck.design.palette
    header = table_of(deck.slides[0]).cells[0]
    assert [c.fill for c in header] == [palette.primary, "1F5AA6", "B4530A"]
    for cell in header:
        para = cell.paragraphs[0]
        assert para.color == palette.on(cell.fill) and para.runs[0].bold


def test_the_rows_are_banded_and_the_first_column_names_the_aspect():
    deck = deck_from(comparison(ROWS))
    palette = deck.design.palette
    rows = table_of(deck.slides[0]).cells[1:]
    assert [row[0].fill for row in rows] == [palette.surface, palette.background, palette.surface]
    assert all(len({c.fill for c in row}) == 1 for row in rows)
    for row in rows:
        first, *rest = row
        assert first.paragraphs[0].color == palette.primary and first.paragraphs[0].runs[0].bold
        assert all(c.paragraphs[0].color == palette.text for c in rest)
        assert not any(c.paragraphs[0].runs[0].bold for c in rest)


@pytest.mark.parametrize(
    "columns, count, share",
    [("[Aspect, A]", 2, 0.3), (COLUMNS, 3, 0.2), ("[Aspect, A, B, C]", 4, 0.2)],
)
def test_the_first_column_takes_the_designs_share_the_rest_share_equally(columns, count, share):
    rows = [[f"r{i}"] + ["v"] * (count - 1) for i in range(2)]
    deck = deck_from(comparison(rows, columns))
    table, body = table_of(deck.slides[0]), deck.design.grid.body_box
    widths = table.col_widths
    assert len(widths) == count and sum(widths) == body.w
    assert widths[0] == round(body.w * share)
    assert max(widths[1:]) - min(widths[1:]) <= count


def test_rows_that_do_not_fit_continue_with_the_header_repeated():
    rows = [[f"Row {i}", "cell text " * 12, "more text " * 12] for i in range(9)]
    text = comparison(rows, title="Big table")
    deck = deck_from(text)
    slides = deck.slides
    assert len(slides) >= 2
    assert [s.title for s in slides] == ["Big table"] + ["Big table (cont.)"] * (len(slides) - 1)
    assert [s.continued for s in slides] == [False] + [True] * (len(slides) - 1)
    assert {s.source for s in slides} == {SlideSource(0, 0, "comparison", "table")}
    assert slides[0].notes == "Compare." and "Continued from" in slides[1].notes
    palette, body = deck.design.palette, deck.design.grid.body_box
    body_rows = []
    for slide in slides:
        table = table_of(slide)
        assert texts(table.cells[0]) == ["Aspect", "Security", "Safety"]
        assert table.rect.h == sum(table.row_heights) and table.rect.bottom <= body.bottom
        # banding starts again under each header
        fills = [row[0].fill for row in table.cells[1:]]
        assert fills == [palette.surface, palette.background] * (len(fills) // 2) + (
            [palette.surface] if len(fills) % 2 else []
        )
        body_rows += [row[0].paragraphs[0].text for row in table.cells[1:]]
    assert body_rows == [f"Row {i}" for i in range(9)]
    assert {
        p.size for s in slides for row in table_of(s).cells[1:] for c in row for p in c.paragraphs
    } == {18}
    (warning,) = deck.diagnostics
    assert warning.message.endswith(
        f"the table does not fit; continued on {len(slides) - 1} '(cont.)' slide(s) "
        "with the header repeated"
    )
    assert warning.pos.line == line_of(text, "kind: comparison")
    assert_inside(deck)


def test_a_crowded_table_shrinks_its_text_and_says_so():
    # two lines a cell at 20 pt, one at 18 pt
    rows = [[f"Row {i}", "cell text " * 3 + "abcde", "more text"] for i in range(8)]
    deck = deck_from(comparison(rows))
    assert len(deck.slides) == 1
    cells = [c for row in table_of(deck.slides[0]).cells[1:] for c in row]
    assert {p.size for c in cells for p in c.paragraphs} == {18}
    (warning,) = deck.diagnostics
    assert "table text set at" in warning.message and "instead of 20 pt" in warning.message


def test_a_table_row_taller_than_a_slide_is_an_error_not_an_overflow():
    text = comparison([["x", "word " * 190, "y"]], title="Big cell")  # within the cell limit
    (err,) = build_errors(text)
    assert "row 1 ('x') of the table 'Big cell' does not fit on the slide" in err.message
    assert err.pos.line == line_of(text, "word word")  # the row's own line


def test_the_handout_hook_gives_the_table_with_its_first_slide_number():
    talk = talk_from(comparison(ROWS))
    deck = deck_from(comparison(ROWS))
    slide = talk.sections[0].slides[0]
    page = page_frame(deck.design, "a4")
    ctx = HandoutContext(5, deck.design, page, talk.labels)
    (table,) = kind_named("comparison").handout(slide, ctx)
    assert table.note.text == "The comparison from slide 5, at reading size."
    assert table.heading.text.text == "Side by side" and table.heading.key == "table"
    assert [h.text for h in table.header] == ["Aspect", "Security", "Safety"]
    assert [[c.text for c in row] for row in table.rows] == [list(row) for row in ROWS]
    assert {c.pos for row in table.rows for c in row} == {slide.pos}
    assert table.header_fills == tuple(c.fill for c in table_of(deck.slides[0]).cells[0])
    palette = deck.design.palette
    assert table.header_inks == tuple(palette.on(fill) for fill in table.header_fills)
    # the slide's proportions across the printed page
    assert sum(table.col_widths) == pytest.approx(page.frame_width)
    share = deck.design.comparison.first_share(3)
    assert table.col_widths[0] == pytest.approx(page.frame_width * share)


def test_a_table_of_many_narrow_columns_is_refused_at_load_not_a_hang():
    # forty columns used to run for a minute, climb to 3 GB and end in MemoryError
    columns = ", ".join(f"Column{i}" for i in range(40))
    cells = ", ".join("x" for _ in range(40))
    text = outline_text(
        f"- {{kind: comparison, title: Wide, columns: [{columns}], rows: [[{cells}]]}}"
    )
    with deadline(10), pytest.raises(InputError) as info:
        outline_from(text)
    (err,) = info.value.diagnostics
    assert err.pos.line == line_of(text, "kind: comparison")
    assert "'columns' may have at most 8 items" in err.message


def test_a_cell_narrower_than_one_character_is_an_error_at_its_line_not_a_hang():
    text = comparison(ROWS)
    design = deck_from(text).design
    wide = Insets(inch(1.2), 0, inch(1.2), 0)  # the first column keeps almost no room
    cramped = replace(design, comparison=replace(design.comparison, insets=wide))
    with deadline(10), pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), AfmMeasurer(), cramped)
    (err,) = [d for d in info.value.diagnostics if d.severity is Severity.ERROR]
    assert err.pos.line == line_of(text, "kind: comparison")
    assert "narrower than one character" in err.message
