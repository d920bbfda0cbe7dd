"""SVG pictures: accepted when self-contained, measured from their own size, re-written
from an allow-list (the deck ships and the PDFs draw that sanitised SVG, never the
file's bytes), drawn as vectors in the PDFs and as PowerPoint keeps them (SVG with a
PNG fallback) in the deck; scripts, entities and outside references refused at their
line."""

from __future__ import annotations

import subprocess
import zipfile

import pytest
from pptx import Presentation

from deckgen.outline.svg import check_svg

from ..conftest import run_cli, slide_titled

SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
  <rect width="400" height="200" fill="#1F5AA6"/>
  <circle cx="100" cy="100" r="60" fill="#FFFFFF"/>
  <text x="100" y="110" font-size="28" text-anchor="middle">Vectors</text>
</svg>
"""
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg_of(body: str, head: str = 'width="10" height="10"') -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {XLINK} {head}>{body}</svg>'.encode()


def talk(tmp_path, svg: bytes = SVG):
    (tmp_path / "art.svg").write_bytes(svg)
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "meta: {title: Vector}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: picture\n        title: An SVG\n"
        "        image: {path: art.svg, alt: A blue card with a white disc}\n",
        encoding="utf-8",
    )
    return outline


@pytest.mark.parametrize(
    ("head", "size"),
    [
        ('width="400" height="200"', (400, 200)),
        ('viewBox="0 0 80 40"', (80, 40)),
        ('width="2in" viewBox="0 0 100 50"', (192, 96)),
        ('width="100%" height="100%" viewBox="0 0 30 60"', (30, 60)),
        ('width="3em" height="auto" viewBox="0 0 30 60"', (30, 60)),
        ("", (300, 300)),
    ],
)
def test_an_svgs_size_comes_from_its_own_attributes(head, size):
    data = f'<svg xmlns="http://www.w3.org/2000/svg" {head}><rect/></svg>'.encode()
    svg, problems = check_svg(data, "image 'a.svg'", None)
    assert (svg.width, svg.height) == size and problems == []


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("<script>alert(1)</script>", "a script"),
        ('<rect onclick="alert(1)"/>', "an event handler"),
        ('<image href="https://example.org/x.png"/>', "another file or address"),
        ('<use xlink:href="other.svg#a"/>', "another"),
        ('<image href="file:///etc/passwd"/>', "another file or address"),
        ("<foreignObject><div/></foreignObject>", "foreign content"),
        ('<rect style="fill: url(https://example.org/p.svg#g)"/>', "another file or address"),
        ("<style>@import url(https://example.org/a.css);</style>", "@import"),
    ],
)
def test_what_is_not_self_contained_is_refused_at_its_line(tmp_path, body, why):
    outline = talk(tmp_path, svg_of(body))
    result = run_cli("validate", str(outline))
    assert result.exit_code == 2
    assert (
        f"{outline}:8:" in result.stderr and "is refused" in result.stderr and why in result.stderr
    )


def test_entities_are_refused_before_parsing(tmp_path):
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    result = run_cli("validate", str(talk(tmp_path, svg)))
    assert result.exit_code == 2 and "DOCTYPE" in result.stderr


def test_local_references_are_kept():
    svg, problems = check_svg(
        svg_of(
            '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
            '</defs><rect style="fill: url(#g)"/><use xlink:href="#g"/><rect fill="url(#g)"/>'
        ),
        "image 'a.svg'",
        None,
    )
    assert problems == []
    text = svg.data.decode()
    assert 'style="fill:url(#g)"' in text and 'xlink:href="#g"' in text
    assert 'fill="url(#g)"' in text


def test_the_pdf_draws_an_svg_as_vectors_and_the_deck_keeps_it_sanitised(tmp_path):
    outline = talk(tmp_path)
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx", "--format",
                     "slides-pdf")  # fmt: skip
    assert result.exit_code == 0, result.output
    pdf = next(out.glob("*-slides.pdf"))
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    if images.returncode == 0:
        assert len(images.stdout.strip().splitlines()) == 2  # the header only: no raster
    deck = next(out.glob("*.pptx"))
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        svg_parts = [n for n in names if n.endswith(".svg")]
        assert [package.read(n) for n in svg_parts] == [check_svg(SVG, "a", None)[0].data]
        assert any(n.startswith("ppt/media/") and n.endswith(".png") for n in names)
        types = package.read("[Content_Types].xml").decode()
        assert 'ContentType="image/svg+xml"' in types
    slide = slide_titled(Presentation(str(deck)), "An SVG")
    (pic,) = [s for s in slide.shapes if s.shape_type == 13]
    blip = pic._element.blipFill.blip
    svg_blip = blip.find(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    assert svg_blip is not None
    assert pic._element.nvPicPr.cNvPr.get("descr") == "A blue card with a white disc"
    assert pic.width / pic.height == pytest.approx(2.0, rel=0.01)
