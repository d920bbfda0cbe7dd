"""The PDFs draw a template's gradients, picture fills and transparent shapes inside
their outlines: read back from the content stream (pikepdf) and the pixels (pdfium)."""

from __future__ import annotations

import io
import shutil

import pikepdf
import pypdfium2
from lxml import etree
from PIL import Image
from pptx import Presentation
from reportlab.pdfgen.canvas import Canvas

from deckgen.layout.frames import Gradient, PictureFill, Shape, ShapeKind
from deckgen.layout.geometry import Rect
from deckgen.render.pdf.paint import draw_painted
from deckgen.render.pdf.units import Transform

from ..conftest import SMALL, run_cli
from ..template.test_scenery import NS

SIDE = 914_400  # one inch, EMU: a 72 × 72 point page
TRIANGLE = (("M", 0, 0), ("L", SIDE, 0), ("L", 0, SIDE), ("Z",))  # the top-left half
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _page(shape: Shape):
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(72, 72))
    draw_painted(canvas, shape, Transform(0, 72))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pixel(pdf: bytes, x: int, y: int) -> tuple[int, int, int]:
    page = pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    return page.getpixel((x, y))


def _near(got, want, slack=8) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(got, want, strict=True))


def test_a_linear_gradient_is_a_shading_clipped_to_the_outline():
    stops = ((0.0, "FF0000", 1.0), (1.0, "0000FF", 1.0))
    paint = Gradient(stops, SIDE, SIDE, IDENTITY, angle=90.0)  # red at the top, blue below
    pdf = _page(Shape(Rect(0, 0, SIDE, SIDE), ShapeKind.PATH, "800080", "T", path=TRIANGLE,
                      paint=paint))  # fmt: skip
    with pikepdf.open(io.BytesIO(pdf)) as document:
        operators = [str(op) for _operands, op in pikepdf.parse_content_stream(document.pages[0])]
        assert "sh" in operators and {"W", "W*"} & set(operators)  # a shading inside a clip
    top, low = _pixel(pdf, 5, 2), _pixel(pdf, 2, 66)
    assert top[0] > 230 and top[2] < 25 and low[2] > 200 and low[0] < 40
    assert _pixel(pdf, 66, 66) == (255, 255, 255)  # outside the triangle: nothing drawn


def test_a_radial_gradient_spreads_from_its_centre():
    stops = ((0.0, "FFFF00", 1.0), (1.0, "FF8000", 1.0))
    paint = Gradient(stops, SIDE, SIDE, IDENTITY, radial=True, centre=(0.5, 1.0))
    box = (("M", 0, 0), ("L", SIDE, 0), ("L", SIDE, SIDE), ("L", 0, SIDE), ("Z",))
    pdf = _page(Shape(Rect(0, 0, SIDE, SIDE), ShapeKind.PATH, "FFC000", "T", path=box,
                      paint=paint))  # fmt: skip
    assert _near(_pixel(pdf, 36, 71), (255, 255, 0), 12)
    assert _pixel(pdf, 1, 1)[1] < 190  # the far corner is orange


def test_a_cropped_picture_fill_shows_the_cropped_part_and_a_flip_mirrors_it():
    png = io.BytesIO()
    picture = Image.new("RGB", (4, 1), (255, 0, 0))
    for x, color in ((1, (0, 255, 0)), (2, (0, 0, 255)), (3, (0, 0, 0))):
        picture.putpixel((x, 0), color)
    picture.save(png, "PNG")
    box = (-SIDE // 2, 0, 2 * SIDE, SIDE)  # the middle half (green, blue) across the box
    square = (("M", 0, 0), ("L", SIDE, 0), ("L", SIDE, SIDE), ("L", 0, SIDE), ("Z",))
    flat = PictureFill(png.getvalue(), box, SIDE, SIDE, IDENTITY)
    pdf = _page(Shape(Rect(0, 0, SIDE, SIDE), ShapeKind.PATH, None, "T", path=square, paint=flat))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        operators = [str(op) for _operands, op in pikepdf.parse_content_stream(document.pages[0])]
        assert "Do" in operators and {"W", "W*"} & set(operators)
    assert _near(_pixel(pdf, 10, 36), (0, 255, 0)) and _near(_pixel(pdf, 62, 36), (0, 0, 255))
    mirrored = PictureFill(png.getvalue(), box, SIDE, SIDE, (-1.0, 0.0, 0.0, 1.0, SIDE, 0.0))
    pdf = _page(Shape(Rect(0, 0, SIDE, SIDE), ShapeKind.PATH, None, "T", path=square,
                      paint=mirrored))  # fmt: skip
    assert _near(_pixel(pdf, 10, 36), (0, 0, 255)) and _near(_pixel(pdf, 62, 36), (0, 255, 0))


def test_a_transparent_shape_lets_the_page_through():
    square = (("M", 0, 0), ("L", SIDE, 0), ("L", SIDE, SIDE), ("L", 0, SIDE), ("Z",))
    pdf = _page(Shape(Rect(0, 0, SIDE, SIDE), ShapeKind.PATH, "000000", "T", path=square,
                      opacity=0.25))  # fmt: skip
    assert _near(_pixel(pdf, 36, 36), (191, 191, 191), 3)


def test_the_slides_pdf_draws_a_templates_gradient_band_and_picture_filled_disc(tmp_path):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    prs = Presentation()
    master = prs.slide_master
    png = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 160, 60)).save(png, "PNG")
    png.seek(0)
    _part, rid = master.part.get_or_add_image_part(png)
    width = prs.slide_width
    band = (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="901" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="300000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:gradFill><a:gsLst><a:gs pos="0">'
        '<a:srgbClr val="FF0000"/></a:gs><a:gs pos="100000"><a:srgbClr val="0000FF"/></a:gs>'
        '</a:gsLst><a:lin ang="0"/></a:gradFill></p:spPr></p:sp>'
    )
    disc = (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="902" name="Disc"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{width - 600000}" y="{prs.slide_height - 600000}"/>'
        '<a:ext cx="600000" cy="600000"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/>'
        f'</a:prstGeom><a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
        "</a:stretch></a:blipFill></p:spPr></p:sp>"
    )
    for shape in (band, disc):
        master.shapes._spTree.append(etree.fromstring(shape))
    template = folder / "art.template"
    prs.save(str(template))
    out = tmp_path / "out"
    result = run_cli("build", str(folder / "outline.yaml"), "-o", str(out), "--template",
                     str(template), "--format", "slides-pdf")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "leave out" not in result.output
    (pdf,) = out.glob("*-slides.pdf")
    page = pypdfium2.PdfDocument(str(pdf))[3].render(scale=1).to_pil().convert("RGB")
    pixels_w, pixels_h = page.size
    left, right = page.getpixel((2, 2)), page.getpixel((pixels_w - 3, 2))
    assert left[0] > 220 and left[2] < 40 and right[2] > 220 and right[0] < 40
    middle = page.getpixel((pixels_w // 2, 2))
    assert 90 < middle[0] < 170 and 90 < middle[2] < 170  # half way: purple
    disc_at = page.getpixel((pixels_w - 23, pixels_h - 23))  # the disc's middle: the picture
    assert _near(disc_at, (20, 160, 60), 6)
    assert page.getpixel((pixels_w - 1, pixels_h - 1)) != disc_at  # its corner: outside it
