"""What a template draws behind slides, read from its master and drawn in the PDFs."""

from __future__ import annotations

import io
import shutil

import pypdfium2
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu

from deckgen.layout.frames import Picture, Shape, ShapeKind
from deckgen.template import look
from deckgen.template.scenery import placeholder_grounds, scenery

from ..conftest import SMALL, run_cli

BAND = "C0392B"  # a red band across the top of the master
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    f'xmlns:a="{A}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _sp(shape_id: int, xfrm: tuple[int, int, int, int], geometry: str, fill: str) -> str:
    x, y, w, h = xfrm
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Art {shape_id}"/><p:cNvSpPr/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" '
        f'cy="{h}"/></a:xfrm>{geometry}<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def banded_template(folder, name="banded.template"):
    """python-pptx's default, 16:9, whose master has a red band across the top, a green
    triangle drawn as a freeform, a small PNG in the corner and a group."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)
    master = prs.slide_master
    tree = master.shapes._spTree
    rect = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    triangle = (
        '<a:custGeom><a:pathLst><a:path w="100" h="100"><a:moveTo><a:pt x="0" y="0"/>'
        '</a:moveTo><a:lnTo><a:pt x="100" y="0"/></a:lnTo><a:lnTo><a:pt x="100" y="100"/>'
        "</a:lnTo><a:close/></a:path></a:pathLst></a:custGeom>"
    )
    tree.append(etree.fromstring(_sp(901, (0, 0, 12_192_000, 400_000), rect, BAND)))
    tree.append(
        etree.fromstring(_sp(902, (11_000_000, 6_000_000, 1_192_000, 858_000), triangle, "1E8449"))
    )
    png = io.BytesIO()
    Image.new("RGB", (8, 8), (40, 90, 200)).save(png, "PNG")
    png.seek(0)
    _part, rid = master.part.get_or_add_image_part(png)
    tree.append(
        etree.fromstring(
            f'<p:pic {NS}><p:nvPicPr><p:cNvPr id="903" name="Logo"/><p:cNvPicPr/><p:nvPr/>'
            f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="6400000"/><a:ext '
            'cx="400000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></p:spPr></p:pic>"
        )
    )
    tree.append(
        etree.fromstring(
            f'<p:grpSp {NS}><p:nvGrpSpPr><p:cNvPr id="904" name="Group"/><p:cNvGrpSpPr/>'
            '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" '
            'cy="10"/><a:chOff x="0" y="0"/><a:chExt cx="10" cy="10"/></a:xfrm></p:grpSpPr>'
            f"{_sp(905, (0, 0, 10, 10), rect, BAND)}</p:grpSp>"
        )
    )
    path = folder / name
    prs.save(str(path))
    return path


def test_scenery_reads_shapes_freeforms_and_pictures_and_counts_what_it_leaves_out(tmp_path):
    prs = Presentation(str(banded_template(tmp_path)))
    layout = prs.slide_layouts[1]
    found = scenery(layout, look.ThemeLook(prs.slide_master))
    shapes = [item for item in found.items if isinstance(item, Shape)]
    pictures = [item for item in found.items if isinstance(item, Picture)]
    band = next(s for s in shapes if s.fill == BAND)
    assert band.kind is ShapeKind.RECT and band.rect.w == 12_192_000
    (triangle,) = [s for s in shapes if s.kind is ShapeKind.PATH]
    assert triangle.path[0] == ("M", 11_000_000, 6_000_000) and triangle.path[-1] == ("Z",)
    assert ("L", 12_192_000, 6_858_000) in triangle.path
    assert len(pictures) == 1 and pictures[0].data.startswith(b"\x89PNG")
    assert found.skipped == set()  # the group is drawn too (its child space mapped)
    (grouped,) = [s for s in shapes if s.rect.w == 10 and s.fill == BAND]
    assert grouped.rect.x == 0
    # a layout that hides its master's shapes draws none of them
    layout._element.set("showMasterSp", "0")
    assert scenery(layout, look.ThemeLook(prs.slide_master)).items == []


def test_the_slides_pdf_draws_the_templates_band_under_the_slide(tmp_path):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    template = banded_template(folder)
    out = tmp_path / "out"
    result = run_cli(
        "build",
        str(folder / "outline.yaml"),
        "-o",
        str(out),
        "--template",
        str(template),
        "--format",
        "slides-pdf",
    )
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*-slides.pdf")
    document = pypdfium2.PdfDocument(str(pdf))
    for index in (1, 3):  # the agenda and a content slide
        page = document[index].render(scale=1).to_pil().convert("RGB")
        width, height = page.size
        red, green, blue = page.getpixel((width // 2, 3))  # the band, above every title
        assert f"{red:02X}{green:02X}{blue:02X}" == BAND
        inside = page.getpixel((width - 10, round(height * 0.9)))  # the triangle's corner
        assert all(abs(got - want) <= 3 for got, want in zip(inside, (30, 132, 73), strict=True))


def test_the_deck_does_not_copy_the_templates_shapes_onto_slides(tmp_path):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    template = banded_template(folder)
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    prs = Presentation(str(deck))
    fills = [
        etree.tostring(shape._element)
        for slide in prs.slides
        for shape in slide.shapes
        if not shape.is_placeholder
    ]
    assert not [f for f in fills if BAND.encode() in f.upper()]
    assert BAND.encode() in etree.tostring(prs.slide_master._element).upper()


def _veiled_template(folder):
    """python-pptx's stock template on a dark ground, its "Title and Content" body
    placeholder filled with 50 % white (as LibreOffice's Nature_Illustration veils its
    text boxes): slides' bodies inherit the fill."""
    prs = Presentation()
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0x20, 0x30, 0x40)
    layout = prs.slide_layouts[1]
    body = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 1)
    props = body._element.spPr
    fill = etree.SubElement(props, qn("a:solidFill"))
    color = etree.SubElement(fill, qn("a:srgbClr"), val="FFFFFF")
    etree.SubElement(color, qn("a:alpha"), val="50000")
    path = folder / "veiled.template"
    prs.save(str(path))
    return path, body


def test_a_layout_placeholders_fill_is_drawn_under_the_slides_box_of_its_kind(tmp_path):
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    template, layout_body = _veiled_template(folder)
    layout = Presentation(str(template)).slide_layouts[1]
    grounds = placeholder_grounds(layout, look.ThemeLook(layout.slide_master))
    assert set(grounds) == {"body"} and grounds["body"].opacity == 0.5
    out = tmp_path / "out"
    args = ("--template", str(template), "--format", "slides-pdf", "--format", "pptx")
    result = run_cli("build", str(folder / "outline.yaml"), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    deck = Presentation(str(next(out.glob("*.pptx"))))
    (pdf,) = out.glob("*-slides.pdf")
    document = pypdfium2.PdfDocument(str(pdf))
    veiled = bare = 0
    for index, slide in enumerate(deck.slides):
        body = next((ph for ph in slide.placeholders if ph.placeholder_format.idx == 1), None)
        if slide.slide_layout.name != "Title and Content" or body is None:
            continue
        page = document[index].render(scale=1).to_pil().convert("L")
        scale = page.size[0] / deck.slide_width
        left, top = body.left or layout_body.left, body.top or layout_body.top
        height = body.height or layout_body.height
        corner = (round((left + 4 * 12700) * scale), round((top + height - 4 * 12700) * scale))
        outside = (round((left - 8 * 12700) * scale), corner[1])
        # half white over #203040 is ~#8F97A0: far lighter than the ground beside it
        assert page.getpixel(corner) > 130 and page.getpixel(outside) < 60, index
        veiled += 1
    assert veiled >= 2
    for index, slide in enumerate(deck.slides):  # slides of other layouts show no veil
        if slide.slide_layout.name != "Title and Content":
            page = document[index].render(scale=1).to_pil().convert("L")
            bare += page.getpixel((page.size[0] // 2, page.size[1] - 40)) < 60
    assert bare >= 1


def test_a_sixteen_bit_grey_background_picture_is_drawn_grey_not_white(tmp_path):
    """A master background picture in 16-bit grey (pandoc's reference template has one):
    Pillow's conversions clip it to white, so the PDFs drew a white slide and the colour
    behind text was judged white."""
    from PIL import Image as PILImage

    picture = io.BytesIO()
    PILImage.new("I;16", (64, 36), 0x9000).save(picture, "PNG")  # 144 of 255: mid grey
    picture.seek(0)
    prs = Presentation()
    master = prs.slide_master
    _image, rid = master.part.get_or_add_image_part(picture)
    background = etree.fromstring(
        '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<p:bgPr><a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        "</a:blipFill><a:effectLst/></p:bgPr></p:bg>"
    )
    master._element.cSld.insert(0, background)
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    template = folder / "grey.template"
    prs.save(str(template))
    out = tmp_path / "out"
    args = ("--template", str(template), "--format", "slides-pdf")
    result = run_cli("build", str(folder / "outline.yaml"), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*-slides.pdf")
    page = pypdfium2.PdfDocument(str(pdf))[1].render(scale=1).to_pil().convert("L")
    corner = page.getpixel((4, page.size[1] - 4))
    assert 130 <= corner <= 160, corner  # the picture's grey, not white
