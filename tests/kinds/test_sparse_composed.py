"""Short composed slides use the room (issue 23 item 4): a code listing of a few lines
takes the type scale's larger code step, a short comparison table the larger table step
and taller rows with its cells centred, a few takeaways open up to the design's most gap;
the body box's top stays where it was, and a slide that fills its body is laid out as
before. On a template the scale has no larger step: the room goes to spacing alone."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.design import default_design
from deckgen.layout.frames import Anchor
from deckgen.layout.geometry import EMU_PER_PT
from deckgen.layout.text import height

from ..layout.support import deck_from, named, talk_from
from .test_code import code_slide, listing
from .test_comparison import COLUMNS, ROWS, comparison, table_of
from .test_takeaways import NO_ICONS, POINTS, takeaways

SHORT_CODE = 'ALLOWED = {"search", "calendar"}\ndef allowed(tool):\n    return tool in ALLOWED\n'
SHORT_ROWS = [["Does", "Stops attacks", "Measures"], ["When", "Before", "After"]]


def natural_heights(table) -> list[int]:
    """Each row's height as the rows' text and the cells' insets need it."""
    ins = table.insets
    return [max(height(c.paragraphs) for c in row) + ins.top + ins.bottom for row in table.cells]


def test_a_short_listing_takes_the_larger_code_step_at_the_top_of_the_body():
    deck = deck_from(code_slide(SHORT_CODE))
    scale, box, body = deck.design.scale, deck.design.code, deck.design.grid.body_box
    code = listing(deck)
    assert scale.code_lead > scale.code
    assert {p.size for p in code.paragraphs} == {scale.code_lead}
    assert len(code.paragraphs) == 3  # no line wrapped at the larger size
    panel = named(deck.slides[0], "Code panel")
    assert (panel.rect.x, panel.rect.y, panel.rect.w) == (body.x, body.y, body.w)
    assert panel.rect.h == code.rect.h + box.padding * 2 <= body.h * box.fill
    assert code.rect.y == body.y + box.padding


def test_a_listing_that_fills_its_panel_keeps_the_code_size():
    long = "".join(f"value_{i} = compute({i})\n" for i in range(11))
    deck = deck_from(code_slide(long))
    assert {p.size for p in listing(deck).paragraphs} == {deck.design.scale.code}


def test_a_line_the_larger_step_would_wrap_keeps_the_code_size():
    wide = "x = " + "'a' + " * 9 + "'bc'\n"  # 62 characters: one line at 20 pt only
    deck = deck_from(code_slide(wide))
    code = listing(deck)
    assert len(wide.strip()) == 62 and len(code.paragraphs) == 1
    assert code.paragraphs[0].size == deck.design.scale.code


def test_a_short_table_grows_its_rows_and_centres_its_cells():
    deck = deck_from(comparison(SHORT_ROWS))
    design = deck.design
    scale, box, body = design.scale, design.comparison, design.grid.body_box
    table = table_of(deck.slides[0])
    assert table.anchor is Anchor.MIDDLE
    assert (table.rect.x, table.rect.y) == (body.x, body.y)
    sizes = {p.size for row in table.cells for c in row for p in c.paragraphs}
    assert sizes == {scale.table_lead}
    natural = natural_heights(table)
    assert table.row_heights[0] == natural[0]  # the header keeps its height
    for row, (grown, set_) in enumerate(zip(table.row_heights[1:], natural[1:], strict=True), 1):
        assert set_ < grown <= round(set_ * box.row_stretch), row
    assert sum(natural) < table.rect.h <= body.h * box.fill + 2


def test_a_table_that_fills_its_slide_is_laid_out_as_before():
    rows = [[f"Row {i}", "cell text " * 6, "more text " * 6] for i in range(4)]
    deck = deck_from(comparison(rows, COLUMNS))
    table = table_of(deck.slides[0])
    assert table.anchor is Anchor.TOP
    assert list(table.row_heights) == natural_heights(table)
    sizes = {p.size for row in table.cells[1:] for c in row for p in c.paragraphs}
    assert sizes == {deck.design.scale.table}


def _gaps(slide, count: int) -> list[int]:
    discs = [named(slide, f"Takeaway {i} disc").rect for i in range(1, count + 1)]
    return [low.y - high.bottom for high, low in zip(discs, discs[1:], strict=False)]


def test_a_few_takeaways_open_up_to_the_designs_most_gap():
    deck = deck_from(takeaways(POINTS, NO_ICONS))
    box, body = deck.design.takeaways, deck.design.grid.body_box
    gaps = _gaps(deck.slides[0], 3)
    assert len(set(gaps)) == 1 and box.gap < gaps[0] <= box.most_gap
    text = named(deck.slides[0], "Takeaways")
    assert body.y <= text.rect.y and text.rect.bottom <= body.bottom
    # the space is the paragraphs' space before, which the deck writes as spcBef
    assert all(p.space_before > 0 for p in text.paragraphs[1:])


def test_four_long_takeaways_keep_their_spacing():
    long = "'A takeaway long enough to need two lines on the slide, or nearly three'"
    points = "".join(f"    - {long}\n" for _ in range(4))
    deck = deck_from(takeaways(points, NO_ICONS))
    gaps = _gaps(deck.slides[0], 4)
    assert max(gaps) <= deck.design.takeaways.gap


def test_a_templates_scale_has_no_larger_code_or_table_step():
    """On a template the larger steps are its own code and table sizes: a short listing
    and a short table grow by spacing alone (no run gets a size of its own)."""
    deck = deck_from(code_slide(SHORT_CODE))
    scale = deck.design.scale
    plain = replace(scale, code_lead=scale.code, table_lead=scale.table)
    design = replace(deck.design, scale=plain)
    code = listing(deck_from(code_slide(SHORT_CODE), design=design))
    assert {p.size for p in code.paragraphs} == {scale.code}
    table = table_of(deck_from(comparison(SHORT_ROWS), design=design).slides[0])
    assert {p.size for row in table.cells for c in row for p in c.paragraphs} == {scale.table}
    assert table.anchor is Anchor.MIDDLE and sum(natural_heights(table)) < table.rect.h


def test_a_row_a_renderer_may_set_a_line_shorter_has_its_cells_centred():
    """The shipped talk's "Source of Threat" row: a line that fits the cell's full width
    but not the 99.7 % the layout breaks at is set on two lines here and on one by
    PowerPoint and LibreOffice; the row is as tall as two, so its cells are centred (a
    blank line at the row's foot otherwise). The other rows keep their cells at the top."""
    talk = talk_from(comparison([["a", "b", "c"]]))
    design = default_design(talk)
    # insets that leave each concept column 330.5 pt for text: 33 half-em letters at
    # 20 pt (330 pt) fit its full width but not 99.7 % of it
    side = round((design.grid.body_box.w * 0.4 - 330.5 * EMU_PER_PT) / 2)
    insets = replace(design.comparison.insets, left=side, right=side)
    design = replace(design, comparison=replace(design.comparison, insets=insets))
    rows = [["Unsure", "abcdefghij abcdefghij abcdefghijk", "Short"], *ROWS, *ROWS]
    deck = deck_from(comparison(rows), design=design)
    table = table_of(deck.slides[0])
    assert [len(p.lines) for p in table.cells[1][1].paragraphs] == [2]
    assert {c.anchor for c in table.cells[1]} == {Anchor.MIDDLE}
    assert all(c.anchor is None for row in table.cells[2:4] for c in row)
    assert table.anchor is Anchor.TOP  # a table that fills its slide is not stretched
