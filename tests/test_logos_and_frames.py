"""Logos and pictures that disappear (issue 23, item 5): a logo is checked against what
lies under it where it is placed (WCAG's non-text 3:1), its light variant (logo.on_dark)
placed where it reads and the plain one does not, else one warning per ground; the
closing slide shows the logo; a picture whose outer pixels are within 3:1 of the ground
gets a hairline frame (frame: auto, the default), written as the picture's own line and
drawn by the PDFs and the web handout. Everything through the CLI, read back."""

from __future__ import annotations

import hashlib
import re

import pypdfium2
import pytest
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.util import Emu

from .conftest import check_pptx_strictly, run_cli, soffice_pdf

GREEN = (46, 125, 50)  # the client's green: #2E7D32
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _logo(color, path) -> bytes:
    """A rounded badge with a hole, on a see-through ground, as logos come."""
    picture = Image.new("RGBA", (400, 150), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((10, 20, 390, 130), 30, fill=(*color, 255))
    draw.ellipse((40, 45, 100, 105), fill=(0, 0, 0, 0))
    picture.save(path)
    return path.read_bytes()


def _screenshot(path, edge) -> None:
    """A window on a plain ground of colour ``edge`` (white: a screenshot's white margin)."""
    picture = Image.new("RGB", (800, 500), edge)
    ImageDraw.Draw(picture).rectangle((100, 100, 700, 400), fill=(30, 60, 120))
    picture.save(path)


OUTLINE = """\
meta: {{title: Phishing, presenter: Ada, language: de}}
theme:
  colors: {{primary: "#2E7D32"}}
  logo: {logo}
concepts:
  mail: {{label: Mail, color: "#2E7D32"}}
sections:
  - title: Was ist Phishing?
    concept: mail
    slides:
      - kind: title
      - kind: bullets
        title: Erkennen
        bullets: [Absender prüfen, Links prüfen]
  - title: Was tun?
    concept: mail
    slides:
      - kind: bullets
        title: Melden
        bullets: [Weiterleiten, Löschen]
      - kind: closing
"""


def _talk(tmp_path, logo: str) -> None:
    (tmp_path / "outline.yaml").write_text(OUTLINE.format(logo=logo), encoding="utf-8")


def _build(tmp_path, *args: str):
    result = run_cli(
        "build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "out"), "-q", *args
    )
    assert result.exit_code == 0, result.output + result.stderr
    return result


def _logos(deck) -> list[str | None]:
    """Each slide's logo, by the digest of its picture's bytes (None: no logo)."""
    found = []
    for slide in Presentation(str(deck)).slides:
        logos = [shape for shape in slide.shapes if shape.name.startswith("Logo")]
        found.append(hashlib.sha256(logos[0].image.blob).hexdigest() if logos else None)
    return found


def test_a_green_logo_on_green_dividers_is_said_once_with_its_ratio(tmp_path):
    _logo(GREEN, tmp_path / "logo.png")
    _talk(tmp_path, "{path: logo.png, alt: Client}")
    result = _build(tmp_path)
    said = [line for line in result.stderr.splitlines() if "the logo reads at" in line]
    # two dividers and the closing slide stand on one green: one warning, at its ratio
    assert len(said) == 1, result.stderr
    assert "reads at 1.0:1 on #2E7D32" in said[0] or "reads at 1.1:1 on #2E7D32" in said[0]
    assert "below 3:1" in said[0]
    assert "logo.on_dark" in said[0]
    assert "slide 1 'Was ist Phishing?'" in said[0]  # the first divider


def test_a_dark_logo_on_white_slides_is_not_said(tmp_path):
    _logo((20, 40, 90), tmp_path / "logo.png")
    (tmp_path / "outline.yaml").write_text(
        OUTLINE.format(logo="{path: logo.png, alt: Client}")
        .replace("#2E7D32", "#FFFFFF", 1)
        # dividers of a light concept colour: the dark logo reads everywhere
        .replace('color: "#2E7D32"', 'color: "#E8F0E8"'),
        encoding="utf-8",
    )
    result = _build(tmp_path)
    assert "the logo reads at" not in result.stderr


def test_the_light_variant_stands_where_the_ground_is_dark(tmp_path):
    dark = hashlib.sha256(_logo(GREEN, tmp_path / "logo.png")).hexdigest()
    light = hashlib.sha256(_logo((255, 255, 255), tmp_path / "logo-light.png")).hexdigest()
    _talk(tmp_path, "{path: logo.png, on_dark: logo-light.png, alt: Client}")
    result = _build(tmp_path, "--format", "pptx")
    assert "the logo reads at" not in result.stderr
    deck = tmp_path / "out" / "phishing.pptx"
    check_pptx_strictly(deck)
    # divider, title, bullets, divider, bullets, closing
    assert _logos(deck) == [light, dark, dark, light, dark, light]


def test_an_audience_gives_its_own_logo_with_a_light_variant(tmp_path):
    dark = hashlib.sha256(_logo(GREEN, tmp_path / "client.png")).hexdigest()
    light = hashlib.sha256(_logo((255, 255, 255), tmp_path / "client-light.png")).hexdigest()
    _logo((90, 90, 90), tmp_path / "ours.png")
    _talk(tmp_path, "{path: ours.png, alt: Ours}")
    with open(tmp_path / "outline.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            "audiences:\n  client:\n    description: The client\n    minutes: 30\n"
            "    theme:\n      logo: {path: client.png, on_dark: client-light.png, alt: Client}\n"
        )
    _build(tmp_path, "--format", "pptx", "--audience", "client")
    (deck,) = (tmp_path / "out").glob("*.pptx")
    assert _logos(deck) == [light, dark, dark, light, dark, light]


def test_the_closing_slide_shows_the_logo_where_the_title_slide_has_it(tmp_path):
    _logo((20, 40, 90), tmp_path / "logo.png")
    _talk(tmp_path, "{path: logo.png, alt: Client}")
    _build(tmp_path, "--format", "pptx")
    slides = list(Presentation(str(tmp_path / "out" / "phishing.pptx")).slides)
    title, closing = slides[1], slides[-1]

    def logo(slide):
        (found,) = [shape for shape in slide.shapes if shape.name.startswith("Logo")]
        return found

    assert (logo(closing).left, logo(closing).top) == (logo(title).left, logo(title).top)
    assert logo(closing).element.nvPicPr.cNvPr.get("descr") == "Client"


def test_an_svg_logo_is_measured_too(tmp_path):
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
        '<rect x="5" y="10" width="190" height="60" rx="15" fill="#2E7D32"/></svg>',
        encoding="utf-8",
    )
    _talk(tmp_path, "{path: logo.svg, alt: Client}")
    result = _build(tmp_path, "--format", "pptx")
    assert re.search(r"the logo reads at 1\.[01]:1 on #2E7D32", result.stderr), result.stderr


PICTURES = """\
meta: {{title: Pictures}}
sections:
  - title: S
    divider: false
    slides:
{slides}
"""


def _pictures(tmp_path, *images: str) -> None:
    slides = "".join(
        f"      - kind: picture\n        title: Picture {number}\n        image: {image}\n"
        for number, image in enumerate(images, 1)
    )
    (tmp_path / "outline.yaml").write_text(PICTURES.format(slides=slides), encoding="utf-8")


def _lines(deck) -> list[tuple[int, str] | None]:
    """Each slide's picture's own line: (width EMU, colour), None where it has none."""
    found = []
    for slide in Presentation(str(deck)).slides:
        (pic,) = [shape for shape in slide.shapes if shape.name.startswith("Picture")]
        line = pic.element.spPr.find(DML + "ln")
        if line is None:
            found.append(None)
            continue
        color = line.find(f"{DML}solidFill/{DML}srgbClr")
        slot = line.find(f"{DML}solidFill/{DML}schemeClr")
        found.append(
            (int(line.get("w")), color.get("val") if color is not None else slot.get("val"))
        )
    return found


def test_a_white_edged_screenshot_is_framed_and_a_dark_edged_photo_is_not(tmp_path):
    _screenshot(tmp_path / "shot.png", "white")
    _screenshot(tmp_path / "photo.png", (40, 30, 20))
    _pictures(
        tmp_path,
        "{path: shot.png, alt: A screenshot}",
        "{path: photo.png, alt: A photo}",
        "{path: shot.png, alt: A screenshot, frame: false}",
        "{path: photo.png, alt: A photo, frame: true}",
    )
    _build(tmp_path, "--format", "pptx")
    check_pptx_strictly(tmp_path / "out" / "pictures.pptx")  # a:ln where the schema has it
    lines = _lines(tmp_path / "out" / "pictures.pptx")
    hairline = Emu(round(0.75 * 12700))
    assert lines[0] is not None and lines[0][0] == hairline  # 0.75 pt
    assert lines[1] is None
    assert lines[2] is None  # frame: false wins
    assert lines[3] == lines[0]  # frame: true frames a photo too


def test_a_see_through_picture_is_not_framed(tmp_path):
    _logo((230, 230, 230), tmp_path / "badge.png")  # pale, but its ring is see-through
    _pictures(tmp_path, "{path: badge.png, alt: A badge}")
    _build(tmp_path, "--format", "pptx")
    assert _lines(tmp_path / "out" / "pictures.pptx") == [None]


def _framed_and_not(tmp_path):
    """A deck of the same white-edged screenshot framed (auto) and not (false)."""
    _screenshot(tmp_path / "shot.png", "white")
    _pictures(
        tmp_path,
        "{path: shot.png, alt: A screenshot}",
        "{path: shot.png, alt: A screenshot, frame: false}",
    )
    _build(tmp_path, "--format", "pptx", "--format", "slides-pdf", "--format", "html")
    return tmp_path / "out"


def _left_edges(deck, pdf_path) -> list[int]:
    """On each page of ``pdf_path``, the darkest grey across the picture's left edge."""
    prs = Presentation(str(deck))
    (pic,) = [s for s in prs.slides[0].shapes if s.name.startswith("Picture")]
    left = pic.left / prs.slide_width
    middle = (pic.top + pic.height / 2) / prs.slide_height
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    edges = []
    for page in pdf:
        image = page.render(scale=2).to_pil().convert("L")
        x, y = round(left * image.width), round(middle * image.height)
        edges.append(min(image.getpixel((x + step, y)) for step in (-1, 0, 1)))
    pdf.close()
    return edges


def test_the_pdfs_and_the_web_handout_draw_the_frame(tmp_path):
    out = _framed_and_not(tmp_path)
    edges = _left_edges(out / "pictures.pptx", out / "pictures-slides.pdf")
    assert edges[0] < 200 < edges[1], edges  # a grey line on the first, white on the second
    page = (out / "pictures.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<rect [^>]*fill="none" stroke="#[0-9A-F]{6}" stroke-width=', page)) == 1


def _dark_footer_template(path) -> None:
    """python-pptx's default at 16:9, a near-black band along the bottom of its master
    (under the footer, the slide number and the logo) behind its placeholders."""
    from lxml import etree

    from .template.test_scenery import NS

    prs = Presentation()
    width, height, band = 12_192_000, 6_858_000, 1_100_000
    prs.slide_width, prs.slide_height = width, height
    shape = (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="900" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="{height - band}"/><a:ext cx="{width}" cy="{band}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr '
        'val="1A1A1A"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )
    tree = prs.slide_master.shapes._spTree
    tree.find("{http://schemas.openxmlformats.org/presentationml/2006/main}sp").addprevious(
        etree.fromstring(shape)
    )
    prs.save(str(path))


def test_on_a_template_the_logo_is_judged_on_its_artwork_under_the_logo(tmp_path):
    dark = hashlib.sha256(_logo((20, 40, 90), tmp_path / "logo.png")).hexdigest()  # navy
    _dark_footer_template(tmp_path / "dark-footer.pptx")
    _talk(tmp_path, "{path: logo.png, alt: Client}")
    args = ("--format", "pptx", "--template", str(tmp_path / "dark-footer.pptx"))
    said = [line for line in _build(tmp_path, *args).stderr.splitlines() if "logo reads" in line]
    assert len(said) == 1 and "on #1A1A1A" in said[0], said  # the band, not the white slide
    light = hashlib.sha256(_logo((255, 255, 255), tmp_path / "logo-light.png")).hexdigest()
    _talk(tmp_path, "{path: logo.png, on_dark: logo-light.png, alt: Client}")
    assert "logo reads" not in _build(tmp_path, *args).stderr
    (deck,) = (tmp_path / "out").glob("*.pptx")
    # every logo stands on the band: the light one; the template's title slide has its own
    assert _logos(deck) == [light, None, light, light, light, light]
    assert dark != light


def test_on_a_template_the_closing_slides_small_print_stops_short_of_the_logo(tmp_path):
    _logo((20, 40, 90), tmp_path / "logo.png")
    _dark_footer_template(tmp_path / "dark-footer.pptx")
    _talk(tmp_path, "{path: logo.png, alt: Client}")
    outline = tmp_path / "outline.yaml"
    small_print = (
        "Made for the staff of the client only, not to be passed on without the consent "
        "of the board. " * 2
    )
    outline.write_text(
        outline.read_text(encoding="utf-8").replace(
            "language: de}", f"language: de, disclosure: '{small_print.strip()}'}}"
        ),
        encoding="utf-8",
    )
    _build(tmp_path, "--format", "pptx", "--template", str(tmp_path / "dark-footer.pptx"))
    (deck,) = (tmp_path / "out").glob("*.pptx")
    closing = list(Presentation(str(deck)).slides)[-1]
    (logo,) = [shape for shape in closing.shapes if shape.name.startswith("Logo")]
    (words,) = [shape for shape in closing.shapes if "consent" in getattr(shape, "text", "")]
    assert words.left + words.width < logo.left
    assert words.top + words.height > logo.top  # beside it, not above it


@pytest.mark.libreoffice
def test_libreoffice_draws_the_decks_frame(tmp_path):
    out = _framed_and_not(tmp_path)
    soffice_pdf([out / "pictures.pptx"], tmp_path / "lo", tmp_path / "profile")
    edges = _left_edges(out / "pictures.pptx", tmp_path / "lo" / "pictures.pdf")
    assert edges[0] < 200 < edges[1], edges  # the picture's own a:ln, as PowerPoint draws it


def test_a_frame_that_is_neither_true_false_nor_auto_is_a_positioned_error(tmp_path):
    _screenshot(tmp_path / "shot.png", "white")
    _pictures(tmp_path, "{path: shot.png, alt: A screenshot, frame: maybe}")
    result = run_cli("build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "outline.yaml:8:59:" in result.stderr  # at the value
    assert "'frame': should be true, false or auto, not 'maybe'" in result.stderr
