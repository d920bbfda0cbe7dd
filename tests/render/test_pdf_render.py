"""The slides-PDF renderer on hand-built decks: frames in, pypdf and poppler read back.

No outline and no layout engine: the decks come from tests/render/decks.py. Text must
sit where its box puts it (pdftotext -bbox, within a point or two), fills must have
their colours where their rects are (pdftoppm at 72 dpi: one pixel a point), pages must
be the deck's size, one a slide, each with its bookmark.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from deckgen.render.pdf.slides import render_slides_pdf

from ..conftest import pdf_words
from . import decks as d
from .decks import Align, Anchor, Insets, Rect, ShapeKind, inch, pt

EMU_PER_PT = 12_700

NAVY, BLUE, ORANGE, GREY, GREEN = "1D3557", "2D5F9A", "9A4A0F", "EEF1F5", "3A7D44"

# slide 1: text boxes anchored and aligned every way
TITLE = Rect(inch(0.8), inch(0.5), inch(11.0), inch(1.2))
LEFT_TOP = Rect(inch(0.8), inch(2.0), inch(5.5), inch(1.5))
RIGHT_MIDDLE = Rect(inch(6.8), inch(2.0), inch(5.5), inch(1.5))
CENTRE_BOTTOM = Rect(inch(0.8), inch(4.0), inch(5.5), inch(1.5))
INSET_BOX = Rect(inch(6.8), inch(4.0), inch(5.5), inch(1.5))
INSETS = Insets(pt(18), pt(12), pt(6), pt(6))
TWO_LINES = Rect(inch(0.8), inch(5.8), inch(11.0), inch(1.2))

# slide 2: a table
TABLE = Rect(inch(0.8), inch(1.5), inch(11.0), inch(3.0))
COLS = [inch(3.0), inch(4.0), inch(4.0)]
ROWS_H = [inch(0.8), inch(1.1), inch(1.1)]
CELLS = [["Aspect", "Locks", "Ladders"], ["Purpose", "Keepout", "Getup"], ["Risk", "Picked", ""]]
FILLS = [[NAVY, BLUE, ORANGE], [GREY, None, GREY], [GREY, GREY, None]]

# slide 3: shapes and a picture over a coloured background
UNDER = Rect(inch(1.0), inch(1.0), inch(4.0), inch(3.0))
OVER = Rect(inch(3.0), inch(2.0), inch(4.0), inch(3.0))
DISC = Rect(inch(8.0), inch(1.0), inch(2.0), inch(2.0))
PANEL = Rect(inch(8.0), inch(4.0), inch(3.0), inch(1.5))
PICTURE = Rect(inch(10.5), inch(1.0), inch(2.0), inch(2.0))


def pts(emu: int) -> float:
    return emu / EMU_PER_PT


def line_band(rect: Rect, paragraph_pitch: float, lines: int, anchor: Anchor, insets=d.NO_INSETS):
    """The top and bottom (points) of the text block a box of ``lines`` lines implies."""
    content = paragraph_pitch * lines
    inner_top, inner_h = pts(rect.y + insets.top), pts(rect.h - insets.top - insets.bottom)
    top = {
        Anchor.TOP: inner_top,
        Anchor.MIDDLE: inner_top + (inner_h - content) / 2,
        Anchor.BOTTOM: inner_top + inner_h - content,
    }[anchor]
    return top, top + content


@pytest.fixture(scope="module")
def solid_png(tmp_path_factory) -> Path:
    from PIL import Image

    path = tmp_path_factory.mktemp("pdf-render-img") / "green.png"
    Image.new("RGB", (16, 16), "#" + GREEN).save(path)
    return path


@pytest.fixture(scope="module")
def frames(solid_png):
    p = d.paragraph
    texts = d.slide(
        d.title_box(TITLE, "Anchored title words", size=36, anchor=Anchor.BOTTOM),
        d.text_box(LEFT_TOP, p("Lefttop", size=20), name="Left top"),
        d.text_box(
            RIGHT_MIDDLE,
            p("Rightmiddle", size=20, align=Align.RIGHT),
            name="Right middle",
            anchor=Anchor.MIDDLE,
        ),
        d.text_box(
            CENTRE_BOTTOM,
            p("Centrebottom", size=20, align=Align.CENTER),
            name="Centre bottom",
            anchor=Anchor.BOTTOM,
        ),
        d.text_box(INSET_BOX, p("Insetword", size=20), name="Inset", insets=INSETS, fill=GREY),
        d.text_box(
            TWO_LINES,
            p(
                d.run("Firstline "),
                d.run("Secondline", bold=True),
                size=18,
                pitch=24,
                lines=[[d.run("Firstline ")], [d.run("Secondline", bold=True)]],
            ),
            name="Two lines",
        ),
        title="Text everywhere",
    )
    tabled = d.slide(
        d.title_box(Rect(inch(0.8), inch(0.3), inch(11), inch(1.0)), "Tabletitle"),
        d.table(TABLE, CELLS, col_widths=COLS, row_heights=ROWS_H, fills=FILLS, size=18),
        title="A table",
        layout=d.TITLE_ONLY_LAYOUT,
    )
    shapes = d.slide(
        d.shape(UNDER, ShapeKind.RECT, BLUE, name="Under"),
        d.shape(OVER, ShapeKind.RECT, ORANGE, name="Over"),
        d.shape(DISC, ShapeKind.ELLIPSE, GREY, name="Disc"),
        d.shape(PANEL, ShapeKind.ROUND_RECT, BLUE, name="Panel", corner=0.3),
        d.picture(PICTURE, solid_png, "A green square", name="Green"),
        title="Shapes and a picture",
        background=NAVY,
    )
    return d.deck(texts, tabled, shapes)


@pytest.fixture(scope="module")
def pdf(frames, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf-render") / "slides.pdf"
    path.write_bytes(render_slides_pdf(frames, d.CREATED))
    return path


@pytest.fixture(scope="module")
def words(pdf):
    """Per page: (width, height, [(x0, y0, x1, y1, word)]) in points, origin top-left."""
    return pdf_words(pdf)


@pytest.fixture(scope="module")
def pixels(pdf, tmp_path_factory):
    """Each page rasterised at 72 dpi, so a pixel is a point: [PIL image]."""
    from PIL import Image

    out = tmp_path_factory.mktemp("pdf-render-png")
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", str(pdf), str(out / "page")],
        check=True,
        capture_output=True,
    )
    return [Image.open(p).convert("RGB") for p in sorted(out.glob("page-*.png"))]


def word(page, text: str):
    found = [w for w in page[2] if w[4] == text]
    assert len(found) == 1, (text, [w[4] for w in page[2]])
    return found[0]


def colour_at(image, x_pt: float, y_pt: float) -> str:
    r, g, b = image.getpixel((round(x_pt), round(y_pt)))
    return f"{r:02X}{g:02X}{b:02X}"


def close(colour: str, expected: str, tol: int = 3) -> bool:
    return all(
        abs(int(colour[i : i + 2], 16) - int(expected[i : i + 2], 16)) <= tol for i in (0, 2, 4)
    )


def centre(rect: Rect) -> tuple[float, float]:
    return pts(rect.x + rect.w // 2), pts(rect.y + rect.h // 2)


# ------------------------------------------------------------------------ the document


def test_one_page_per_slide_at_the_deck_size(frames, pdf):
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(frames.slides) == 3
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == (pts(d.WIDTH), pts(d.HEIGHT))


def test_the_page_size_follows_the_deck(tmp_path):
    square = d.deck(
        d.slide(d.text_box(Rect(0, 0, inch(2), inch(1)), "x")), width=inch(6), height=inch(6)
    )
    path = tmp_path / "square.pdf"
    path.write_bytes(render_slides_pdf(square, d.CREATED))
    box = PdfReader(str(path)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (432.0, 432.0)


def test_a_bookmark_per_slide_leads_to_its_page(frames, pdf):
    reader = PdfReader(str(pdf))
    outline = reader.outline
    assert [item.title for item in outline] == [
        "1. Text everywhere",
        "2. A table",
        "3. Shapes and a picture",
    ]
    assert [reader.get_destination_page_number(item) for item in outline] == [0, 1, 2]


def test_metadata_comes_from_the_deck(pdf):
    reader = PdfReader(str(pdf))
    info = reader.metadata
    assert info.title == "A hand-built deck"
    assert info.author == "Test Author"
    assert info.subject == "Frames made by hand (slides)"
    assert info["/Keywords"] == "frames, renderers"
    assert info["/CreationDate"].startswith("D:20300102030406")
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_rendering_is_deterministic(frames):
    assert render_slides_pdf(frames, d.CREATED) == render_slides_pdf(frames, d.CREATED)


# ---------------------------------------------------------------------------- text


@pytest.mark.tools("pdftotext")
def test_text_sits_where_its_box_and_anchor_put_it(words):
    page = words[0]
    tol = 1.5

    def assert_in_band(w, rect, pitch, lines, anchor, insets=d.NO_INSETS):
        top, bottom = line_band(rect, pitch, lines, anchor, insets)
        assert top - tol <= w[1] and w[3] <= bottom + tol, (w, top, bottom)

    # top-anchored, left-aligned: starts on the box's left edge, in its first line
    w = word(page, "Lefttop")
    assert abs(w[0] - pts(LEFT_TOP.x)) < tol
    assert_in_band(w, LEFT_TOP, 24, 1, Anchor.TOP)
    # middle-anchored, right-aligned: ends on the right edge, in the middle
    w = word(page, "Rightmiddle")
    assert abs(w[2] - pts(RIGHT_MIDDLE.right)) < tol
    assert_in_band(w, RIGHT_MIDDLE, 24, 1, Anchor.MIDDLE)
    # bottom-anchored, centred
    w = word(page, "Centrebottom")
    assert abs((w[0] + w[2]) / 2 - centre(CENTRE_BOTTOM)[0]) < tol
    assert_in_band(w, CENTRE_BOTTOM, 24, 1, Anchor.BOTTOM)
    # insets move the text in from the box's edges
    w = word(page, "Insetword")
    assert abs(w[0] - pts(INSET_BOX.x + INSETS.left)) < tol
    assert_in_band(w, INSET_BOX, 24, 1, Anchor.TOP, INSETS)
    # the title: bottom-anchored in its box
    for text in ("Anchored", "title", "words"):
        assert_in_band(word(page, text), TITLE, round(36 * 1.2, 2), 1, Anchor.BOTTOM)


@pytest.mark.tools("pdftotext")
def test_the_layouts_lines_are_the_pdfs_lines(words):
    """A paragraph's lines are set as laid out: one under the other, a pitch apart."""
    page = words[0]
    first, second = word(page, "Firstline"), word(page, "Secondline")
    assert abs(first[0] - pts(TWO_LINES.x)) < 1.5 and abs(second[0] - pts(TWO_LINES.x)) < 1.5
    assert abs((second[3] - first[3]) - 24) < 1.5  # the pitch, in points
    assert_all_inside(page, [TITLE, LEFT_TOP, RIGHT_MIDDLE, CENTRE_BOTTOM, INSET_BOX, TWO_LINES])


def assert_all_inside(page, rects, tol: float = 1.5):
    for x0, y0, x1, y1, text in page[2]:
        assert any(
            pts(r.x) - tol <= x0
            and x1 <= pts(r.right) + tol
            and pts(r.y) - tol <= y0
            and y1 <= pts(r.bottom) + tol
            for r in rects
        ), text


@pytest.mark.tools("pdftotext")
def test_table_cells_hold_their_text_in_their_cell(words):
    page = words[1]
    ins = d.CELL_INSETS
    y = TABLE.y
    for r, row in enumerate(CELLS):
        x = TABLE.x
        for c, text in enumerate(row):
            if text:
                w = word(page, text)
                assert abs(w[0] - pts(x + ins.left)) < 1.5, (r, c, w)
                # in the cell's first line, from the top inset down one pitch (18 pt x 1.2)
                top = pts(y + ins.top)
                assert top - 1.5 <= w[1] and w[3] <= top + 18 * 1.2 + 1.5, (r, c, w)
            x += COLS[c]
        y += ROWS_H[r]


# ------------------------------------------------------------------- fills and pictures


@pytest.mark.tools("pdftoppm")
def test_table_fills_are_in_their_cells(pixels):
    image = pixels[1]
    y = TABLE.y
    for r, row in enumerate(FILLS):
        x = TABLE.x
        for c, fill in enumerate(row):
            # near the cell's bottom-right corner, away from its text and the white rules
            probe = colour_at(image, pts(x + COLS[c]) - 8, pts(y + ROWS_H[r]) - 6)
            assert close(probe, fill or "FFFFFF"), (r, c, probe)
            x += COLS[c]
        y += ROWS_H[r]


@pytest.mark.tools("pdftoppm")
def test_shapes_background_and_paint_order(pixels):
    image = pixels[2]
    assert close(colour_at(image, 5, 5), NAVY)  # the background
    assert close(colour_at(image, pts(UNDER.x) + 10, pts(UNDER.y) + 10), BLUE)
    # where the two overlap, the later item is on top
    assert close(colour_at(image, pts(OVER.x) + 10, pts(OVER.y) + 10), ORANGE)
    assert close(colour_at(image, pts(OVER.right) - 10, pts(OVER.bottom) - 10), ORANGE)
    # an ellipse fills its centre, not its bounding box's corner
    assert close(colour_at(image, *centre(DISC)), GREY)
    assert close(colour_at(image, pts(DISC.x) + 2, pts(DISC.y) + 2), NAVY)
    assert close(colour_at(image, *centre(PANEL)), BLUE)
    # a round rectangle's corner is cut: 0.3 of its height, so 2 pt in is background
    assert close(colour_at(image, pts(PANEL.x) + 2, pts(PANEL.y) + 2), NAVY)
    assert close(colour_at(image, pts(PANEL.x) + 2, pts(PANEL.y + PANEL.h // 2)), BLUE)
    # the first slide's white background and its filled text box
    assert close(colour_at(pixels[0], 5, 5), "FFFFFF")
    assert close(colour_at(pixels[0], pts(INSET_BOX.right) - 4, pts(INSET_BOX.bottom) - 4), GREY)


@pytest.mark.tools("pdftoppm")
def test_a_picture_is_drawn_in_its_rect(pixels, pdf):
    image = pixels[2]
    assert close(colour_at(image, *centre(PICTURE)), GREEN)
    assert close(colour_at(image, pts(PICTURE.x) + 2, pts(PICTURE.y) + 2), GREEN)
    assert close(colour_at(image, pts(PICTURE.x) - 3, pts(PICTURE.y) - 3), NAVY)
    assert close(colour_at(image, pts(PICTURE.right) + 3, pts(PICTURE.bottom) + 3), NAVY)
    images = [len(page.images) for page in PdfReader(str(pdf)).pages]
    assert images == [0, 0, 1]
