"""The PPTX renderer on hand-built decks: frames in, python-pptx reads back what was drawn.

No outline and no layout engine: every deck here comes from tests/render/decks.py, and
every assertion compares what python-pptx reads from the written file with the frame
that asked for it (placeholders, rects in EMU, runs, tables, shapes, pictures, the
slide-number field, notes, paint order, backgrounds).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_COLOR_TYPE
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn

from deckgen.render.pptx.deck import render_pptx

from ..conftest import (
    ROOT,
    check_pptx_strictly,
    color_of,
    font_of,
    inherited,
    run_bold,
    run_color,
    run_font,
    run_size,
    without_id,
)
from . import decks as d
from .decks import Align, Anchor, Insets, Placeholder, Rect, ShapeKind, inch, pt

ICON = ROOT / "tests" / "fixtures" / "small" / "assets" / "lock.png"
NAVY = "1D3557"
# the rich deck's slides, in the order rich_deck() makes them
OPENING, CONTENT, TABLED, LAYERED = range(4)

# ------------------------------------------------------------------- the hand-built deck

TITLE_RECT = Rect(inch(0.8), inch(1.2), inch(7.5), inch(2.0))
SUBTITLE_RECT = Rect(inch(0.8), inch(3.4), inch(7.5), inch(1.0))
CAPTION_RECT = Rect(inch(0.8), inch(5.2), inch(5.0), inch(0.6))
DISC_RECT = Rect(inch(9.0), inch(1.5), inch(3.0), inch(3.0))
ICON_RECT = Rect(inch(9.5), inch(2.0), inch(2.0), inch(2.0))

HEAD_RECT = Rect(inch(0.6), inch(0.4), inch(12.0), inch(1.0))
BODY_RECT = Rect(inch(0.6), inch(1.7), inch(7.0), inch(4.5))
NOTE_RECT = Rect(inch(8.2), inch(1.7), inch(4.4), inch(1.4))
FOOTER_RECT = Rect(inch(0.6), inch(6.95), inch(8.0), inch(0.32))
NUMBER_RECT = Rect(inch(11.5), inch(6.95), inch(1.2), inch(0.32))
RECT_RECT = Rect(inch(8.2), inch(3.4), inch(1.2), inch(0.8))
ROUND_RECT = Rect(inch(9.7), inch(3.4), inch(1.2), inch(0.8))
ELLIPSE_RECT = Rect(inch(11.2), inch(3.4), inch(0.9), inch(0.9))

TABLE_RECT = Rect(inch(0.6), inch(1.7), inch(11.0), inch(3.0))
COL_WIDTHS = [inch(3.0), inch(4.0), inch(4.0)]
ROW_HEIGHTS = [inch(0.8), inch(1.1), inch(1.1)]
ROWS = [["Aspect", "Locks", "Ladders"], ["Purpose", "Keep out", "Get up"], ["Risk", "Picked", ""]]
FILLS = [["1F2933", "2D5F9A", "9A4A0F"], ["EEF1F5", None, None], ["FFFFFF", "EEF1F5", None]]

BULLETS = [
    d.paragraph(
        d.run("Plain, "),
        d.run("bold", bold=True),
        d.run(" and "),
        d.run("italic red", italic=True, color="C0392B"),
        size=26,
        bullet="•",
        bullet_color="2D5F9A",
        margin_left=inch(0.4),
        hanging=inch(0.4),
        pitch=31.2,
    ),
    d.paragraph(
        "A second-level point",
        size=22,
        color="52606D",
        level=1,
        bullet="–",
        margin_left=inch(0.85),
        hanging=inch(0.35),
        space_before=4.4,
    ),
    d.paragraph("Centred, no bullet", size=18, align=Align.CENTER),
]


def rich_deck():
    opening = d.slide(
        d.shape(DISC_RECT, ShapeKind.ELLIPSE, "E8EEF6", name="Disc"),
        d.title_box(TITLE_RECT, "A hand-built deck", size=44, anchor=Anchor.BOTTOM),
        d.text_box(
            SUBTITLE_RECT,
            "Frames made by hand",
            name="Subtitle",
            role=d.Role.SUBTITLE,
            placeholder=Placeholder.SUBTITLE,
        ),
        d.text_box(CAPTION_RECT, d.paragraph(d.run("Test Author", bold=True)), name="Caption"),
        d.picture(ICON_RECT, ICON, "A blue padlock, closed", name="Icon"),
        title="A hand-built deck",
        notes="Opening notes: say hello.",
        layout=d.TITLE_LAYOUT,
    )
    content = d.slide(
        d.title_box(HEAD_RECT, "Runs, bullets and boxes"),
        d.body_box(BODY_RECT, *BULLETS),
        d.text_box(
            NOTE_RECT,
            d.paragraph("Boxed and middle-anchored", size=16, color="FFFFFF"),
            name="Callout",
            fill="2D5F9A",
            anchor=Anchor.MIDDLE,
            insets=Insets(pt(9), pt(6), pt(12), pt(3)),
        ),
        d.shape(RECT_RECT, ShapeKind.RECT, "9A4A0F", name="Bar"),
        d.shape(
            ROUND_RECT,
            ShapeKind.ROUND_RECT,
            "EEF1F5",
            name="Panel",
            line="2D5F9A",
            line_width=2,
            corner=0.25,
        ),
        d.shape(ELLIPSE_RECT, ShapeKind.ELLIPSE, None, name="Ring", line="1F2933", line_width=1.5),
        d.text_box(
            FOOTER_RECT,
            d.paragraph("A hand-built deck · Tests", size=12, color="52606D"),
            name="Footer",
            role=d.Role.FOOTER,
            anchor=Anchor.MIDDLE,
        ),
        d.text_box(
            NUMBER_RECT,
            d.paragraph("2", size=12, color="52606D", align=Align.RIGHT),
            name="Slide number",
            role=d.Role.SLIDE_NUMBER,
            anchor=Anchor.MIDDLE,
            slide_number=True,
        ),
        title="Runs, bullets and boxes",
        notes="First paragraph of the notes.\n\nSecond paragraph, after a blank line.",
    )
    tabled = d.slide(
        d.title_box(HEAD_RECT, "A native table"),
        d.table(
            TABLE_RECT, ROWS, col_widths=COL_WIDTHS, row_heights=ROW_HEIGHTS, fills=FILLS, size=18
        ),
        title="A native table",
        notes="The table slide.",
        layout=d.TITLE_ONLY_LAYOUT,
    )
    layered = d.slide(
        d.shape(Rect(inch(1), inch(2), inch(4), inch(3)), ShapeKind.RECT, "2D5F9A", name="Under"),
        d.title_box(HEAD_RECT, "Paint order"),
        d.shape(Rect(inch(2), inch(3), inch(4), inch(3)), ShapeKind.RECT, "9A4A0F", name="Over"),
        d.text_box(Rect(inch(2.5), inch(3.5), inch(3), inch(1)), "On top", name="Top text"),
        title="Paint order",
        notes="",
        background=NAVY,
    )
    return d.deck(opening, content, tabled, layered)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The rich deck rendered once: (deck frames, path, re-opened presentation)."""
    frames = rich_deck()
    path = tmp_path_factory.mktemp("pptx-render") / "hand-built.pptx"
    path.write_bytes(render_pptx(frames, d.CREATED))
    check_pptx_strictly(path)  # outside any test's tmp_path: checked here
    return frames, path, Presentation(str(path))


def by_name(slide, name: str):
    found = [sh for sh in slide.shapes if without_id(sh.name) == name]
    assert len(found) == 1, (name, [sh.name for sh in slide.shapes])
    return found[0]


def rect_of(shape) -> Rect:
    return Rect(shape.left, shape.top, shape.width, shape.height)


# --------------------------------------------------------------------------- the deck


def test_deck_size_slides_and_core_properties(written):
    frames, _path, prs = written
    assert (prs.slide_width, prs.slide_height) == (d.WIDTH, d.HEIGHT)
    assert len(prs.slides) == len(frames.slides) == 4
    core = prs.core_properties
    assert core.title == "A hand-built deck"
    assert core.subject == "Frames made by hand"
    assert core.author == "Test Author"
    assert core.keywords == "frames, renderers"
    assert core.language == "en"
    assert core.created == d.CREATED.replace(tzinfo=None)
    assert core.modified == d.CREATED.replace(tzinfo=None)


def test_the_deck_size_is_the_frames_size(tmp_path):
    four_by_three = d.deck(
        d.slide(d.title_box(Rect(inch(0.5), inch(0.5), inch(9), inch(1)), "Four by three")),
        width=inch(10),
        height=inch(7.5),
    )
    path = tmp_path / "4x3.pptx"
    path.write_bytes(render_pptx(four_by_three, d.CREATED))
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (inch(10), inch(7.5))
    (only,) = prs.slides
    assert rect_of(only.shapes.title) == Rect(inch(0.5), inch(0.5), inch(9), inch(1))


def test_member_timestamps_are_the_build_time(written):
    _frames, path, _prs = written
    with zipfile.ZipFile(path) as z:
        stamps = {info.date_time for info in z.infolist()}
    assert stamps == {(2030, 1, 2, 3, 4, 6)}


def test_rendering_is_deterministic():
    frames = rich_deck()
    assert render_pptx(frames, d.CREATED) == render_pptx(frames, d.CREATED)


# --------------------------------------------------------------------------- placeholders


def test_text_boxes_with_a_placeholder_fill_real_placeholders_at_their_rect(written):
    frames, _path, prs = written
    opening, content = prs.slides[OPENING], prs.slides[CONTENT]
    title = opening.shapes.title
    assert title.is_placeholder and title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    assert rect_of(title) == TITLE_RECT
    assert title.name == "Title" and title.text_frame.text == "A hand-built deck"
    subtitle = by_name(opening, "Subtitle")
    assert subtitle.is_placeholder and subtitle.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
    assert rect_of(subtitle) == SUBTITLE_RECT
    assert subtitle.text_frame.text == "Frames made by hand"

    head = content.shapes.title
    assert head.is_placeholder and head.placeholder_format.type == PP_PLACEHOLDER.TITLE
    assert rect_of(head) == HEAD_RECT
    body = by_name(content, "Body")
    assert body.is_placeholder
    assert body.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
    assert body.placeholder_format.idx == 1
    assert rect_of(body) == BODY_RECT
    # the rect is the slide's own, not inherited from the layout
    assert body._element.spPr.find(qn("a:xfrm")) is not None


def test_free_text_boxes_are_text_boxes_at_their_rect(written):
    _frames, _path, prs = written
    for slide_index, name, rect in (
        (OPENING, "Caption", CAPTION_RECT),
        (CONTENT, "Callout", NOTE_RECT),
        (CONTENT, "Footer", FOOTER_RECT),
        (CONTENT, "Slide number", NUMBER_RECT),
    ):
        shape = by_name(prs.slides[slide_index], name)
        assert not shape.is_placeholder, name
        assert shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX, name
        assert rect_of(shape) == rect, name


def test_each_frames_layout_picks_its_template_layout(tmp_path):
    layouts = [d.TITLE_LAYOUT, d.SECTION_LAYOUT, d.CONTENT_LAYOUT, d.TITLE_ONLY_LAYOUT]
    frames = d.deck(*(d.slide(d.title_box(HEAD_RECT, "Title"), layout=lay) for lay in layouts))
    path = tmp_path / "layouts.pptx"
    path.write_bytes(render_pptx(frames, d.CREATED))
    prs = Presentation(str(path))
    assert [s.slide_layout.name for s in prs.slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
        "Title Only",
    ]
    # the title lands in each layout's own title placeholder
    assert [s.shapes.title.placeholder_format.type for s in prs.slides] == [
        PP_PLACEHOLDER.CENTER_TITLE,
        PP_PLACEHOLDER.TITLE,
        PP_PLACEHOLDER.TITLE,
        PP_PLACEHOLDER.TITLE,
    ]


def test_unused_layout_placeholders_are_removed(written):
    _frames, _path, prs = written
    for slide in prs.slides:
        texts = [ph for ph in slide.placeholders if not ph.text_frame.text.strip()]
        assert texts == [], [ph.name for ph in texts]
    # the table slide has only its title placeholder; the last slide only its title
    assert [ph.placeholder_format.type for ph in prs.slides[TABLED].placeholders] == [
        PP_PLACEHOLDER.TITLE
    ]
    assert [ph.placeholder_format.type for ph in prs.slides[LAYERED].placeholders] == [
        PP_PLACEHOLDER.TITLE
    ]


# ------------------------------------------------------------------------ text and runs


def test_paragraphs_and_runs_keep_text_size_weight_and_colour(written):
    _frames, _path, prs = written
    slide = prs.slides[CONTENT]
    shape = by_name(slide, "Body")
    body = shape.text_frame
    assert [p.text for p in body.paragraphs] == [
        "Plain, bold and italic red",
        "A second-level point",
        "Centred, no bullet",
    ]
    first, second, third = body.paragraphs
    got = [
        (
            r.text,
            run_size(r, shape, slide),
            run_bold(r, shape, slide),
            bool(r.font.italic),
            run_color(r, shape, slide, prs),
            run_font(r, shape, slide, prs),
        )
        for r in first.runs
    ]
    assert got == [
        ("Plain, ", pt(26), False, False, d.TEXT, "Arial"),
        ("bold", pt(26), True, False, d.TEXT, "Arial"),
        (" and ", pt(26), False, False, d.TEXT, "Arial"),
        ("italic red", pt(26), False, True, "C0392B", "Arial"),
    ]
    (sub,) = second.runs
    assert (run_size(sub, shape, slide, 1), run_color(sub, shape, slide, prs, 1)) == (
        pt(22),
        "52606D",
    )
    # the placeholder gives these sizes and the font: the runs leave them out
    assert (sub.font.size, first.runs[0].font.size) == (None, None)
    # the text colour is what the placeholder gives, as the theme's slot (Design > Colors
    # changes it): the run says none; others are literals; text is in the theme's body
    # font (Design > Fonts changes it)
    plain, red = first.runs[0].font, first.runs[3].font
    assert plain.color.type is None and red.color.type == MSO_COLOR_TYPE.RGB
    style = slide.slide_layout.slide_master.element.find(
        f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"
    )
    assert style.find(f"{qn('a:solidFill')}/{qn('a:schemeClr')}").get("val") == "tx1"
    assert color_of(style.find(qn("a:solidFill")), prs) == d.TEXT
    assert plain.name is None and inherited(shape, slide).fonts[0] == font_of("+mn-lt", prs)
    assert second.level == 1
    # left is what the body inherits: only the centred paragraph says its alignment
    assert third.alignment == PP_ALIGN.CENTER and first.alignment is None
    assert inherited(shape, slide).align(0) == "l"
    assert all(r._r.get_or_add_rPr().get("lang") == "en" for p in body.paragraphs for r in p.runs)


def test_bullets_spacing_and_indents_are_exact(written):
    _frames, _path, prs = written
    body = by_name(prs.slides[CONTENT], "Body").text_frame
    first, second, third = (p._p.get_or_add_pPr() for p in body.paragraphs)
    assert first.find(qn("a:buChar")).get("char") == "•"
    assert color_of(first.find(qn("a:buClr")), prs) == "2D5F9A"
    assert second.find(qn("a:buChar")).get("char") == "–"
    # a bullet without its own colour takes the paragraph's
    assert color_of(second.find(qn("a:buClr")), prs) == "52606D"
    assert third.find(qn("a:buChar")) is None and third.find(qn("a:buNone")) is not None
    assert (first.get("marL"), first.get("indent")) == (str(inch(0.4)), str(-inch(0.4)))
    assert (second.get("marL"), second.get("indent")) == (str(inch(0.85)), str(-inch(0.35)))

    def spc(ppr, tag):
        return ppr.find(qn(tag)).find(qn("a:spcPts")).get("val")

    assert spc(first, "a:lnSpc") == "3120"  # 31.2 pt exactly, in hundredths
    assert spc(second, "a:spcBef") == "440"
    assert spc(third, "a:lnSpc") == str(round(18 * 1.2 * 100))


def test_box_fill_anchor_and_insets(written):
    _frames, _path, prs = written
    callout = by_name(prs.slides[CONTENT], "Callout")
    assert color_of(callout.fill.fore_color, prs) == "2D5F9A"
    tf = callout.text_frame
    assert tf.vertical_anchor == MSO_ANCHOR.MIDDLE
    assert (tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom) == (
        pt(9),
        pt(6),
        pt(12),
        pt(3),
    )
    assert tf.word_wrap is True
    title = prs.slides[OPENING].shapes.title.text_frame
    assert title.vertical_anchor == MSO_ANCHOR.BOTTOM
    assert by_name(prs.slides[CONTENT], "Body").text_frame.vertical_anchor == MSO_ANCHOR.TOP


def test_the_slide_number_is_a_slidenum_field(written):
    _frames, _path, prs = written
    number = by_name(prs.slides[CONTENT], "Slide number")
    (para,) = number.text_frame.paragraphs
    fields = para._p.findall(qn("a:fld"))
    assert len(fields) == 1
    assert fields[0].get("type") == "slidenum"
    assert fields[0].findtext(qn("a:t")) == "2"
    assert para._p.findall(qn("a:r")) == []  # the number is the field, not plain text
    rpr = fields[0].find(qn("a:rPr"))
    assert rpr.get("sz") == "1200"
    assert font_of(rpr.find(qn("a:latin")).get("typeface"), prs) == "Arial"
    assert para.alignment == PP_ALIGN.RIGHT
    # the footer beside it is plain text
    footer = by_name(prs.slides[CONTENT], "Footer")
    assert footer.text_frame.text == "A hand-built deck · Tests"
    assert footer._element.findall(".//" + qn("a:fld")) == []


# ------------------------------------------------------------------ tables, shapes, pictures


def test_a_table_is_a_native_table_with_widths_heights_text_and_fills(written):
    _frames, _path, prs = written
    frame = by_name(prs.slides[TABLED], "Table")
    assert frame.has_table and rect_of(frame) == TABLE_RECT
    table = frame.table
    assert [c.width for c in table.columns] == COL_WIDTHS
    assert [r.height for r in table.rows] == ROW_HEIGHTS
    assert [[c.text for c in row.cells] for row in table.rows] == ROWS
    for r, row in enumerate(FILLS):
        for c, fill in enumerate(row):
            cell = table.cell(r, c)
            if fill is None:
                assert cell._tc.tcPr is None or cell._tc.tcPr.find(qn("a:solidFill")) is None
            else:
                assert color_of(cell.fill.fore_color, prs) == fill, (r, c)
    assert table.first_row is True
    assert table.horz_banding is False
    cell = table.cell(1, 1)
    assert (cell.margin_left, cell.margin_top, cell.margin_right, cell.margin_bottom) == (
        pt(6),
        pt(4),
        pt(6),
        pt(4),
    )
    run = cell.text_frame.paragraphs[0].runs[0]
    assert (run.text, run.font.size, font_of(run.font.name, prs)) == ("Keep out", pt(18), "Arial")


def test_a_table_without_header_rows_has_no_first_row_style(tmp_path):
    frames = d.deck(
        d.slide(
            d.table(
                TABLE_RECT,
                [["a", "b"], ["c", "d"]],
                col_widths=[inch(5.5), inch(5.5)],
                row_heights=[inch(1), inch(1)],
                header_rows=0,
            ),
            layout=d.TITLE_ONLY_LAYOUT,
        )
    )
    path = tmp_path / "plain-table.pptx"
    path.write_bytes(render_pptx(frames, d.CREATED))
    (frame,) = [sh for sh in Presentation(str(path)).slides[0].shapes if sh.has_table]
    assert frame.table.first_row is False
    assert [[c.text for c in row.cells] for row in frame.table.rows] == [["a", "b"], ["c", "d"]]


def test_shapes_have_their_kind_fill_line_and_rect(written):
    _frames, _path, prs = written
    slide = prs.slides[CONTENT]
    bar, panel, ring = (by_name(slide, n) for n in ("Bar", "Panel", "Ring"))
    assert bar.auto_shape_type == MSO_SHAPE.RECTANGLE
    assert panel.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE
    assert ring.auto_shape_type == MSO_SHAPE.OVAL
    assert (rect_of(bar), rect_of(panel), rect_of(ring)) == (RECT_RECT, ROUND_RECT, ELLIPSE_RECT)
    assert color_of(bar.fill.fore_color, prs) == "9A4A0F"
    assert color_of(panel.fill.fore_color, prs) == "EEF1F5"
    assert ring._element.spPr.find(qn("a:noFill")) is not None  # fill None: no fill at all
    assert bar._element.spPr.find(qn("a:ln")).find(qn("a:noFill")) is not None  # no line
    assert color_of(panel.line.color, prs) == "2D5F9A" and panel.line.width == pt(2)
    assert panel.adjustments[0] == pytest.approx(0.25)  # the frame's corner radius
    assert color_of(ring.line.color, prs) == "1F2933" and ring.line.width == pt(1.5)
    # no theme style (shadow, outline) rides along
    for shape in (bar, panel, ring):
        assert shape._element.find(qn("p:style")) is None
        assert not shape.has_text_frame or shape.text_frame.text == ""


def test_a_picture_is_a_picture_with_its_alt_text(written):
    _frames, _path, prs = written
    icon = by_name(prs.slides[OPENING], "Icon")
    assert icon.shape_type == MSO_SHAPE_TYPE.PICTURE
    assert rect_of(icon) == ICON_RECT
    assert icon._element.nvPicPr.cNvPr.get("descr") == "A blue padlock, closed"
    assert icon.image.blob == ICON.read_bytes()
    pictures = [
        sh for s in prs.slides for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert [without_id(p.name) for p in pictures] == ["Icon"]


# ------------------------------------------------------------ notes, order and backgrounds


def test_notes_go_to_the_notes_page(written):
    frames, _path, prs = written
    for frame, slide in zip(frames.slides, prs.slides, strict=True):
        assert slide.has_notes_slide
        assert slide.notes_slide.notes_text_frame.text == frame.notes
    notes = prs.slides[CONTENT].notes_slide.notes_text_frame
    assert [p.text for p in notes.paragraphs] == [
        "First paragraph of the notes.",
        "",
        "Second paragraph, after a blank line.",
    ]
    # and never on the slide itself
    on_slide = [sh.text_frame.text for sh in prs.slides[CONTENT].shapes if sh.has_text_frame]
    assert not any("First paragraph" in text for text in on_slide)


def test_paint_order_follows_item_order(written):
    frames, _path, prs = written
    for frame, slide in zip(frames.slides, prs.slides, strict=True):
        assert [without_id(sh.name) for sh in slide.shapes] == [item.name for item in frame.items]
    layered = [without_id(sh.name) for sh in prs.slides[LAYERED].shapes]
    assert layered == ["Under", "Title", "Over", "Top text"]


def test_background_colour(written):
    _frames, _path, prs = written
    layered = prs.slides[LAYERED]
    assert not layered.follow_master_background
    assert color_of(layered.background.fill.fore_color, prs) == NAVY
    # a white frame keeps the master's (white) background
    assert prs.slides[CONTENT].follow_master_background


def test_every_written_part_is_in_the_package(written):
    _frames, path, _prs = written
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    assert len(names) == len(set(names))
    assert sum(n.startswith("ppt/slides/slide") and n.endswith(".xml") for n in names) == 4
    assert sum(n.startswith("ppt/notesSlides/notesSlide") for n in names) == 4
    assert any(n.startswith("ppt/media/") for n in names)


def test_the_theme_carries_the_decks_font_and_colours(written):
    from lxml import etree

    _frames, path, _prs = written
    with zipfile.ZipFile(path) as z:
        theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    fonts = {e.get("typeface") for e in theme.iterfind(".//a:fontScheme/*/a:latin", ns)}
    assert fonts == {"Arial"}  # the stock template says Calibri
    slots = {
        slot: theme.find(f".//a:clrScheme/a:{slot}/a:srgbClr", ns).get("val")
        for slot in ("dk1", "lt1", "dk2", "lt2")
    }
    assert slots == {"dk1": d.TEXT, "lt1": "FFFFFF", "dk2": d.PRIMARY, "lt2": d.SURFACE}


def test_a_deck_with_no_slides_still_opens(tmp_path):
    path = Path(tmp_path) / "empty.pptx"
    path.write_bytes(render_pptx(d.deck(), d.CREATED))
    assert len(Presentation(str(path)).slides) == 0


def test_core_properties_longer_than_office_allows_are_clipped_not_a_crash(tmp_path):
    """A 275-character subtitle or many keywords used to end in 'exceeded 255 char limit'."""
    built = d.deck(
        d.slide(title="One"),
        subtitle="word " * 60,
        keywords=tuple(f"keyword number {i}" for i in range(30)),
    )
    path = tmp_path / "long.pptx"
    path.write_bytes(render_pptx(built, d.CREATED))
    core = Presentation(str(path)).core_properties
    assert len(core.subject) <= 255 and core.subject.endswith("…")
    assert len(core.keywords) <= 255 and core.keywords.endswith("…")
    assert core.keywords.startswith("keyword number 0, keyword number 1")


def test_the_package_describes_this_deck_not_the_stock_template(tmp_path):
    """app.xml said 'On-screen Show (4:3)' and 0 slides; presentation.xml had no
    notesMasterIdLst; the thumbnail was a blank picture."""
    from PIL import Image

    from deckgen.render.pdf.thumbnail import render_thumbnail

    built = d.deck(d.slide(title="One", notes="Say one.", background=NAVY), d.slide(title="Two"))
    thumbnail = render_thumbnail(built, d.CREATED)
    path = tmp_path / "described.pptx"
    path.write_bytes(render_pptx(built, d.CREATED, thumbnail))
    with zipfile.ZipFile(path) as package:
        app = package.read("docProps/app.xml").decode()
        presentation = package.read("ppt/presentation.xml").decode()
        stored = package.read("docProps/thumbnail.jpeg")
    assert "<Slides>2</Slides>" in app and "<Notes>1</Notes>" in app
    assert "<PresentationFormat>Widescreen</PresentationFormat>" in app
    assert "<Application>deckgen</Application>" in app and "4:3" not in app
    assert "<vt:lpstr>One</vt:lpstr><vt:lpstr>Two</vt:lpstr>" in app
    assert "<p:notesMasterIdLst><p:notesMasterId r:id=" in presentation
    assert stored == thumbnail
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size[0] == 256
    assert image.size[1] == round(256 * built.height / built.width)
    red, green, blue = image.convert("RGB").getpixel((128, 72))  # the first slide, drawn
    assert abs(red - 0x1D) < 12 and abs(green - 0x35) < 12 and abs(blue - 0x57) < 12
    assert render_thumbnail(built, d.CREATED) == thumbnail  # reproducible


HOSTILE_RUNS = [
    "a<b & c>d \"quoted\" 'single'",
    "</a:t></a:r><a:r><a:t>injected",
    "tab\there, a form feed \x0c, a bell \x07, a return \r and a vertical tab \v",
    "&amp; stays &amp;, _x0041_ stays, ]]> and <!-- not a comment -->",
    "Ελληνικά, кириллица, emoji 🔐, a non-breaking\u00a0space, trailing   ",
    " ",
]


def test_any_text_is_written_as_text_and_reads_back_the_same(tmp_path):
    """Paragraphs are written as markup and parsed: no text may become markup, and every
    character reads back (python-pptx's own escapes for control characters included)."""
    from pptx.oxml.text import CT_RegularTextRun

    box = d.body_box(
        BODY_RECT,
        d.paragraph(*[d.run(t, bold=i % 2 == 1) for i, t in enumerate(HOSTILE_RUNS)]),
        d.paragraph("bullet & quote", bullet='"', level=1),
        d.paragraph("an ampersand bullet", bullet="&"),
    )
    frames = d.deck(d.slide(d.title_box(HEAD_RECT, '<title> & "more"'), box, title="t"))
    path = tmp_path / "hostile.pptx"
    path.write_bytes(render_pptx(frames, d.CREATED))
    slide = Presentation(str(path)).slides[0]
    assert slide.shapes.title.text_frame.text == '<title> & "more"'
    first, second, third = by_name(slide, "Body").text_frame.paragraphs
    assert len(first.runs) == len(HOSTILE_RUNS)
    for run, text in zip(first.runs, HOSTILE_RUNS, strict=True):
        # the file holds python-pptx's escape of each control character, as it writes them
        assert run._r.t.text == CT_RegularTextRun._escape_ctrl_chars(text)
    assert [bool(r.font.bold) for r in first.runs] == [i % 2 == 1 for i in range(len(HOSTILE_RUNS))]
    bullets = [p._p.get_or_add_pPr().find(qn("a:buChar")).get("char") for p in (second, third)]
    assert bullets == ['"', "&"]
    assert second.level == 1 and second.text == "bullet & quote"
