"""The fidelity measures (deckgen/check/fidelity.py) on decks made here with python-pptx,
where every answer is known: text in placeholders, runs with their own size, colour and
font, titles moved, realigned or reweighted against what they inherit."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from deckgen.check.fidelity import FidelityFinding, measure_fidelity

TITLE_ONLY, SECTION_HEADER = 5, 2  # python-pptx's default template's layouts
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _save(prs, tmp_path):
    path = tmp_path / "deck.pptx"
    prs.save(str(path))
    return path


def test_a_deck_that_inherits_everything_scores_clean(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = "Hello"
    measured = measure_fidelity(_save(prs, tmp_path))
    assert (measured.characters, measured.characters_in_placeholders) == (5, 5)
    assert measured.share_in_placeholders == 1.0
    assert (measured.placeholder_runs, measured.runs_with_size, measured.runs_with_rgb) == (1, 0, 0)
    assert (measured.runs_naming_a_font, measured.runs_naming_theme_font) == (0, 0)
    assert (measured.titles, measured.titles_off_box) == (1, 0)
    assert (measured.titles_realigned, measured.titles_reweighted) == (0, 0)
    assert measured.findings == []


def test_overrides_are_counted_run_by_run(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    title = slide.shapes.title
    title.text_frame.text = "Fixed"
    extra = title.text_frame.paragraphs[0].add_run()
    extra.text = "free"  # a second run, inheriting all
    run = title.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.bold, run.font.name = Pt(20), True, "Calibri"  # the theme's
    run.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT  # the master says centred
    title.left = title.left + Inches(1)  # given a box of its own, off the master's
    box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
    box.text_frame.text = "0123456789"
    box.text_frame.paragraphs[0].runs[0].font.name = "Courier New"
    measured = measure_fidelity(_save(prs, tmp_path))
    assert (measured.characters, measured.characters_in_placeholders) == (19, 9)
    assert abs(measured.share_in_placeholders - 9 / 19) < 1e-9
    assert (measured.placeholder_runs, measured.runs_with_size, measured.runs_with_rgb) == (2, 1, 1)
    assert (measured.share_with_size, measured.share_with_rgb) == (0.5, 0.5)
    assert (measured.runs_naming_a_font, measured.runs_naming_theme_font) == (2, 1)
    assert (measured.titles_off_box, measured.titles_realigned, measured.titles_reweighted) == (
        1,
        1,
        1,
    )
    assert set(measured.findings) == {
        FidelityFinding(1, box.name, "free text"),
        FidelityFinding(1, title.name, "title off its box"),
        FidelityFinding(1, title.name, "title alignment"),
        FidelityFinding(1, title.name, "title weight"),
    }


def test_a_title_keeps_its_layouts_style_and_box(tmp_path):
    """Section Header's title is left-aligned and bold on the layout: saying so again is
    no change, a box equal to the layout's (within a point) is no move; centring it is."""
    prs = Presentation()
    layout = prs.slide_layouts[SECTION_HEADER]
    level = layout.placeholders[0]._element.find(f".//{DML}lstStyle/{DML}lvl1pPr")
    inherited = (level.get("algn"), level.find(f"{DML}defRPr").get("b"))
    assert inherited == ("l", "1")  # what the test relies on
    slide = prs.slides.add_slide(layout)
    title = slide.shapes.title
    source = layout.placeholders[0]
    title.left, title.top = Emu(source.left + 6000), source.top
    title.width, title.height = source.width, source.height
    title.text = "Part one"
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    title.text_frame.paragraphs[0].runs[0].font.bold = True
    second = prs.slides.add_slide(layout)
    second.shapes.title.text = "Part two"
    second.shapes.title.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    second.shapes.title.text_frame.paragraphs[0].runs[0].font.bold = False
    measured = measure_fidelity(_save(prs, tmp_path))
    assert (measured.titles, measured.titles_off_box) == (2, 0)
    assert (measured.titles_realigned, measured.titles_reweighted) == (1, 1)
    assert {(f.slide, f.what) for f in measured.findings} == {
        (2, "title alignment"),
        (2, "title weight"),
    }


def test_theme_font_references_and_fields_are_read(tmp_path):
    """``+mj-lt`` is the theme's font by reference (not counted); a field (the slide
    number) is a run like any other."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = "Numbered"
    run = slide.shapes.title.text_frame.paragraphs[0].runs[0]
    run.font.name = "+mj-lt"
    paragraph = slide.shapes.title.text_frame.paragraphs[0]._p
    field = etree.SubElement(paragraph, f"{DML}fld", id="{00000000-0000-0000-0000-000000000001}")
    field.set("type", "slidenum")
    etree.SubElement(field, f"{DML}rPr", lang="en", sz="1200")
    etree.SubElement(field, f"{DML}t").text = "1"
    measured = measure_fidelity(_save(prs, tmp_path))
    assert (measured.placeholder_runs, measured.runs_with_size) == (2, 1)
    assert (measured.runs_naming_a_font, measured.runs_naming_theme_font) == (0, 0)
    assert measured.characters == len("Numbered1")


def test_an_empty_deck_has_shares_of_nothing(tmp_path):
    measured = measure_fidelity(_save(Presentation(), tmp_path))
    assert (measured.share_in_placeholders, measured.share_with_size) == (0.0, 0.0)
