"""The counting behind benchmarks/import_corpus.py, on decks made with python-pptx the
way people build them: placeholders and text boxes, groups, tables, footers, numbers,
notes, hidden slides and pictures."""

from __future__ import annotations

from collections import Counter

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches

from benchmarks.import_corpus import (
    DeckRow,
    Measures,
    kept,
    notes_words,
    picture_count,
    share,
    slide_words,
    total_lines,
    words_of,
)

from ..pictures import png


def _footer_boxes(slide) -> None:
    """The layout's footer, number and date placeholders on the slide, with text."""
    for placeholder in slide.slide_layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE):
            slide.shapes.clone_placeholder(placeholder)
            slide.shapes[-1].text_frame.text = f"Footer words {kind}"


def made_deck(tmp_path):
    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])  # title and content
    first.shapes.title.text = "Locks and ladders"
    first.placeholders[1].text_frame.text = "Keep people out"
    first.placeholders[1].text_frame.add_paragraph().text = "Version 2.0 of 12 May 2024"
    _footer_boxes(first)
    first.notes_slide.notes_text_frame.text = "Say hello.\nThen the locks."
    second = deck.slides.add_slide(deck.slide_layouts[6])  # blank: text boxes, a group
    box = second.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "A text box"
    group = second.shapes.add_group_shape()
    inner = group.shapes.add_textbox(Inches(1), Inches(3), Inches(3), Inches(1))
    inner.text_frame.text = "Grouped words"
    (tmp_path / "p.png").write_bytes(png(8, 8))
    group.shapes.add_picture(str(tmp_path / "p.png"), Inches(5), Inches(3))
    second.shapes.add_picture(str(tmp_path / "p.png"), Inches(6), Inches(1))
    table = second.shapes.add_table(2, 2, Inches(1), Inches(5), Inches(4), Inches(1)).table
    for i, text in enumerate(["Aspect", "Locks", "Purpose", "Keep out"]):
        table.cell(i // 2, i % 2).text = text
    hidden = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    hidden.shapes.title.text = "Hidden slide words"
    hidden.shapes.add_picture(str(tmp_path / "p.png"), Inches(1), Inches(2))
    hidden.notes_slide.notes_text_frame.text = "Hidden notes"
    hidden._element.set("show", "0")
    path = tmp_path / "made.pptx"
    deck.save(str(path))
    return Presentation(str(path))


def test_words_leave_numbers_and_dates_aside():
    assert words_of("Version 2.0 of 12 May 2024, v2 — Zoë's") == [
        "version",
        "of",
        "may",
        "zoë",
        "s",
    ]


def test_slide_words_count_placeholders_boxes_groups_and_tables_not_footers(tmp_path):
    words = slide_words(made_deck(tmp_path))
    title = ["locks", "and", "ladders"]
    body = ["keep", "people", "out", "version", "of", "may"]
    boxes = ["a", "text", "box", "grouped", "words"]
    table = ["aspect", "locks", "purpose", "keep", "out"]
    assert words == Counter(title + body + boxes + table)
    assert words["footer"] == 0 and words["hidden"] == 0


def test_notes_words_leave_hidden_slides_aside(tmp_path):
    assert notes_words(made_deck(tmp_path)) == Counter(["say", "hello", "then", "the", "locks"])


def test_pictures_are_counted_in_groups_and_not_on_hidden_slides(tmp_path):
    assert picture_count(made_deck(tmp_path)) == 2


def test_a_word_lost_is_not_made_up_by_words_added():
    source = Counter({"locks": 2, "ladders": 1})
    rebuilt = Counter({"locks": 1, "agenda": 5, "cont": 3})
    assert kept(source, rebuilt) == (1, 3)
    assert share((1, 3)) == "33%" and share((0, 0)) == "-"


def test_the_total_sums_over_the_decks():
    rows = [
        DeckRow("a.pptx", "ok", 1.5, built="ok", measures=Measures((9, 10), (4, 4), (1, 2))),
        DeckRow("b.pptx", "ok", 0.5, built="ok", measures=Measures((10, 10), (0, 0), (2, 2))),
        DeckRow("c.ppt", "refused", 0.2, "error: a .ppt file"),
    ]
    lines = total_lines(rows)
    assert lines[0].startswith("3 decks: 2 imported, 1 refused with a clear error, 0 crashed")
    assert "2 of 2 imported outlines build; slowest import 1.5 s" in lines[0]
    assert lines[1] == "kept: slide words 95% of 20, notes' words 100% of 4, pictures 75% of 4"
