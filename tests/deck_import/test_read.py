"""read_deck on decks made with python-pptx the way people make them: text boxes
instead of placeholders, groups, tables, charts, notes, hidden slides, sections,
pictures with and without alt text (one shown twice), bold, links. Each outline is
dumped (yaml.safe_dump, here only), loaded by deckgen's loader and built."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Inches, Pt

from deckgen.deck_import.read import read_deck
from deckgen.inline import plain
from deckgen.outline.tailor import tailor

from .roundtrip import kept_share, load, rebuild, words_of_deck


def _png(color: str, size=(120, 80), kind="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, kind)
    return out.getvalue()


def _box(slide, text, left, top, width=6, height=1, bold=False, link=None):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    paragraph = box.text_frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.bold = bold or None
    if link:
        run.hyperlink.address = link
    return box


def _people_deck(path: Path) -> Path:
    prs = Presentation()
    blank, title_only, title_layout = (
        prs.slide_layouts[6],
        prs.slide_layouts[5],
        prs.slide_layouts[0],
    )
    first = prs.slides.add_slide(title_layout)
    first.shapes.title.text = "Phishing 101"
    first.placeholders[1].text = "Spotting fake mail"
    # 2: text boxes only, added bottom first (spTree order disagrees with reading order)
    boxes = prs.slides.add_slide(blank)
    second = _box(boxes, "Then check the sender", 1, 3)
    second.text_frame.paragraphs[0].level = 0
    _box(boxes, "Look before you click", 1, 0.3, bold=True)
    lead = _box(boxes, "First hover over the link", 1, 2)
    sub = lead.text_frame.add_paragraph()
    sub.text = "the address shows at the bottom"
    sub.level = 1
    tail = lead.text_frame.add_paragraph()
    tail.text = "see "
    link_run = tail.add_run()
    link_run.text = "the guide"
    link_run.hyperlink.address = "https://example.org/guide"
    boxes.notes_slide.notes_text_frame.text = "Tell the story of the fake invoice."
    # 3: a table
    table_slide = prs.slides.add_slide(title_only)
    table_slide.shapes.title.text = "Mail or phish?"
    table = table_slide.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for r, row in enumerate(
        [["Sign", "Mail", "Phish"], ["Sender", "known", "odd"], ["Tone", "calm", "urgent"]]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # 4: a chart
    chart_slide = prs.slides.add_slide(title_only)
    chart_slide.shapes.title.text = "Reports a month"
    data = CategoryChartData()
    data.categories = ["Jan", "Feb"]
    data.add_series("Reports", (3, 7.5))
    chart_slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data
    )
    # 5 and 6: the same picture twice, with and without alt text
    for alt in ("A fake login page", ""):
        pic_slide = prs.slides.add_slide(title_only)
        pic_slide.shapes.title.text = "What it looks like"
        picture = pic_slide.shapes.add_picture(io.BytesIO(_png("red")), Inches(1), Inches(2))
        picture._element.nvPicPr.cNvPr.set("descr", alt)
    # 7: a group holding text and a drawn shape; hidden
    group_slide = prs.slides.add_slide(title_only)
    group_slide.shapes.title.text = "Grouped"
    group = group_slide.shapes.add_group_shape()
    group.shapes.add_shape(1, Inches(1), Inches(2), Inches(1), Inches(1))
    inner = group.shapes.add_textbox(Inches(3), Inches(2), Inches(4), Inches(1))
    inner.text_frame.text = "Text inside a group"
    group_slide._element.set("show", "0")
    # 8: a quote with an attribution
    quote = prs.slides.add_slide(title_only)
    quote.shapes.title.text = "What is phishing?"
    _box(quote, "“Mail that pretends to be someone you trust.”", 1, 2)
    _box(quote, "— NCSC, 2023", 1, 3.5)
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    folder = tmp_path_factory.mktemp("people")
    return read_deck(_people_deck(folder / "people.pptx")), folder


def test_a_deck_people_made_becomes_the_kinds_that_fit(people):
    deck, _ = people
    kinds = [record.kind for record in deck.slides]
    assert kinds == [
        "meta", "bullets", "comparison", "chart", "picture", "picture", "bullets", "definition"
    ]  # fmt: skip
    assert deck.outline["meta"] == {"title": "Phishing 101", "subtitle": "Spotting fake mail"}
    assert len(deck.comments) >= 7
    assert deck.comments[("sections", 0, "slides", 1)] == "slide 2 of people.pptx"


def test_text_boxes_read_top_to_bottom_with_levels_bold_and_links(people):
    deck, _ = people
    slide = deck.outline["sections"][0]["slides"][1]
    assert slide["title"] == "Look before you click"  # its own bold is the title's weight
    assert slide["bullets"] == [
        {"text": "First hover over the link", "sub": ["the address shows at the bottom"]},
        "see [the guide](https://example.org/guide)",
        "Then check the sender",
    ]
    assert slide["notes"] == "Tell the story of the fake invoice."


def test_tables_and_charts_keep_their_data(people):
    deck, _ = people
    slides = deck.outline["sections"][0]["slides"]
    assert slides[2]["columns"] == ["Sign", "Mail", "Phish"]
    assert slides[2]["rows"] == [["Sender", "known", "odd"], ["Tone", "calm", "urgent"]]
    assert slides[3]["chart"] == "column"
    assert slides[3]["categories"] == ["Jan", "Feb"]
    assert slides[3]["series"] == [{"name": "Reports", "values": [3, 7.5]}]


def test_a_picture_shown_twice_is_one_asset_and_missing_alt_is_marked(people):
    deck, _ = people
    assert [(asset.name, asset.slides) for asset in deck.assets] == [
        ("a-fake-login-page.png", (5, 6))
    ]
    slides = deck.outline["sections"][0]["slides"]
    assert slides[4]["image"] == {
        "path": "assets/a-fake-login-page.png",
        "alt": "A fake login page",
    }
    assert slides[5]["image"]["alt"] == " "
    assert ("sections", 0, "slides", 5, "image", "alt") in deck.comments
    assert any(w.slide == 6 and "no alt text" in w.message for w in deck.warnings)


def test_a_hidden_slide_is_imported_but_no_build_shows_it(people, tmp_path):
    deck, _ = people
    hidden = deck.outline["sections"][0]["slides"][6]
    assert hidden["only"] == []
    assert hidden["bullets"] == ["Text inside a group"]
    assert any(w.slide == 7 and "grouped art" in w.message for w in deck.warnings)
    outline = load(deck, tmp_path)
    titles = [getattr(s, "title", None) for sec in tailor(outline).sections for s in sec.slides]
    assert "Grouped" not in titles and "What it looks like" in titles


def test_a_quote_with_an_attribution_is_a_definition(people):
    deck, _ = people
    slide = deck.outline["sections"][0]["slides"][7]
    assert slide["term"] == "phishing"
    assert slide["quote"] == "Mail that pretends to be someone you trust."
    assert slide["attribution"] == "NCSC, 2023"


def test_the_imported_outline_builds_and_keeps_the_words(people, tmp_path):
    deck, folder = people
    built = rebuild(deck, tmp_path)
    source_words, source_notes = words_of_deck(folder / "people.pptx")
    words, notes = words_of_deck(built)
    assert kept_share(source_words, words) >= 0.95
    assert kept_share(source_notes, notes) >= 0.95
    assert (tmp_path / "template.pptx").is_file()
    assert len(Presentation(tmp_path / "template.pptx").slides) == 0


def test_markdown_characters_in_plain_text_read_back_as_they_were(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Literal [brackets] and *stars*"
    slide.placeholders[1].text = "use {name} and 2*3 or a\\b `tick`"
    prs.save(tmp_path / "chars.pptx")
    deck = read_deck(tmp_path / "chars.pptx")
    slide_data = deck.outline["sections"][0]["slides"][-1]
    assert plain(slide_data["title"]) == "Literal [brackets] and *stars*"
    text = slide_data["bullets"][0]
    assert plain(text).replace("{{", "{").replace("}}", "}") == "use {name} and 2*3 or a\\b `tick`"
    load(deck, tmp_path / "out")  # braces doubled: no unknown variable


def _with_sections(prs, ids) -> None:
    p14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
    ext = (
        '<p:extLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        '<p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
        f'<p14:sectionLst xmlns:p14="{p14}">'
        f'<p14:section name="Start" id="{{A}}"><p14:sldIdLst><p14:sldId id="{ids[0]}"/>'
        "</p14:sldIdLst></p14:section>"
        f'<p14:section name="Later" id="{{B}}"><p14:sldIdLst><p14:sldId id="{ids[1]}"/>'
        f'<p14:sldId id="{ids[2]}"/></p14:sldIdLst></p14:section></p14:sectionLst>'
        "</p:ext></p:extLst>"
    )
    from lxml import etree

    prs.part._element.append(etree.fromstring(ext))


def test_a_section_header_opening_a_powerpoint_section_is_its_divider(tmp_path):
    prs = Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[1])
    first.shapes.title.text = "Hello"
    first.placeholders[1].text = "A point"
    header = prs.slides.add_slide(prs.slide_layouts[2])
    header.shapes.title.text = "Part two"
    header.placeholders[1].text = "What comes next"
    last = prs.slides.add_slide(prs.slide_layouts[1])
    last.shapes.title.text = "Next"
    last.placeholders[1].text = "Another point"
    _with_sections(prs, [entry.get("id") for entry in prs.slides._sldIdLst])
    prs.save(tmp_path / "both.pptx")
    sections = read_deck(tmp_path / "both.pptx").outline["sections"]
    assert [(s["title"], s["divider"], s.get("subtitle"), len(s["slides"])) for s in sections] == [
        ("Start", False, None, 1),
        ("Part two", True, "What comes next", 1),
    ]


def test_sections_from_powerpoints_section_list(tmp_path):
    prs = Presentation()
    for title in ("One", "Two", "Three"):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = f"{title} point"
    _with_sections(prs, [entry.get("id") for entry in prs.slides._sldIdLst])
    prs.save(tmp_path / "sections.pptx")
    deck = read_deck(tmp_path / "sections.pptx")
    sections = deck.outline["sections"]
    assert [(s["title"], s["divider"], len(s["slides"])) for s in sections] == [
        ("Start", False, 1),
        ("Later", False, 2),
    ]


def test_a_thirty_slide_deck_reads_quickly_enough_to_count_its_slides(tmp_path):
    prs = Presentation()
    for number in range(30):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Slide about topic {number}"
        body = slide.placeholders[1].text_frame
        body.text = "A point"
        for level in (1, 0, 1):
            para = body.add_paragraph()
            para.text = "More"
            para.level = level
        slide.notes_slide.notes_text_frame.text = "Say this."
    prs.save(tmp_path / "thirty.pptx")
    deck = read_deck(tmp_path / "thirty.pptx")
    assert len(deck.slides) == 30
    assert sum(len(s["slides"]) for s in deck.outline["sections"]) == 30
    assert Emu(Pt(1)) > 0


def test_columns_of_a_heading_over_its_text_read_column_by_column(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Three steps"
    for i, (head, text) in enumerate([("Hover", "See the address"), ("Check", "Know the sender")]):
        _box(slide, text, 1 + 4 * i, 3, width=3)  # drawn before its heading
        _box(slide, head, 1 + 4 * i, 2, width=3, bold=True)
    prs.save(tmp_path / "columns.pptx")
    deck = read_deck(tmp_path / "columns.pptx")
    assert deck.outline["sections"][0]["slides"][0]["bullets"] == [
        {"text": "**Hover**", "sub": ["See the address"]},
        {"text": "**Check**", "sub": ["Know the sender"]},
    ]
