"""Issue 19's SVG cases, each reproduced: hostile content that used to reach the deck
verbatim, embedded pictures that crashed, sizes, strokes and transforms that crashed,
and the element limit. The sanitised SVG is what the deck ships and the PDFs draw."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest
from PIL import Image

from deckgen.outline.svg import MAX_SVG_ELEMENTS, check_svg

from ..conftest import run_cli
from ..layout.support import deadline
from ..pictures import jpeg, png, png_declaring
from .test_svg import svg_of, talk

SHOWN = "image 'a.svg'"


def data_uri(raw: bytes, kind: str = "png") -> str:
    return f"data:image/{kind};base64,{base64.b64encode(raw).decode()}"


def refusal(body: str, **kwargs) -> str:
    svg, problems = check_svg(svg_of(body), SHOWN, None, **kwargs)
    assert svg is None and len(problems) == 1 and problems[0].severity == "error"
    return problems[0].message


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (r'<rect style="fill: u\72l(http://example.org/p.svg#g)"/>', "url('http://example.org"),
        (r"<style>rect { fill: u\72l('http://x/y#g') }</style>", "url('http://x/y#g')"),
        (r"<style>@\69mport 'x.css';</style>", "@import"),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "javascript:alert(1)"),
        ('<set attributeName="xlink:href" to="#a;http://x/"/>', "http://x/"),
        ('<animate attributeName="fill" values="red;url(http://x/y#g)"/>', "http://x/y#g"),
        ('<rect fill="url(other.svg#g)"/>', "other.svg#g"),
        ("<rect stroke=\"URL( 'https://x/g' )\"/>", "https://x/g"),
        ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "data other than PNG or JPEG"),
        ('<a href="data:text/html,&lt;script&gt;"><rect/></a>', "data other than PNG or JPEG"),
        ('<a xlink:href="javascript:alert(1)"><rect/></a>', "javascript:alert(1)"),
        ("<g><metadata/><animate><rect onmouseover='x'/></animate></g>", "event handler"),
    ],
)
def test_hostile_content_is_refused_wherever_it_stands(body, why):
    assert why in refusal(body)


def test_a_style_sheet_instruction_is_refused():
    data = b'<?xml-stylesheet href="http://example.org/a.css"?>' + svg_of("<rect/>")
    svg, problems = check_svg(data, SHOWN, None)
    assert svg is None and "xml-stylesheet" in problems[0].message


HOSTILE_BUT_HARMLESS = (
    "<!-- a comment --><?foo bar?><metadata><x:rdf xmlns:x='urn:x'/></metadata>"
    "<animate attributeName='fill' to='red'/><set attributeName='x' to='3'/>"
    "<filter id='f'><feGaussianBlur stdDeviation='1e30'/></filter>"
    "<style>@font-face { font-family: X; src: local(X) } @media print { rect {fill:red} }"
    " rect { fill: expression(alert(1)); stroke: blue }</style>"
    "<rect width='5' height='5' inkscape:label='x' xmlns:inkscape='urn:inkscape'"
    " data-x='1' style='behavior: x; fill: green; -moz-binding: none'/>"
)


def test_what_cannot_be_drawn_is_left_out_with_one_warning():
    svg, problems = check_svg(svg_of(HOSTILE_BUT_HARMLESS), SHOWN, None)
    assert [p.severity for p in problems] == ["warning"]
    message = problems[0].message
    assert "<animate>" in message and "@font-face" in message
    text = svg.data.decode()
    for gone in ("comment", "<?foo", "metadata", "animate", "<set", "filter", "Gaussian",
                 "font-face", "@media", "expression", "inkscape", "data-x", "behavior",
                 "binding"):  # fmt: skip
        assert gone not in text, gone
    assert "rect{stroke:blue}" in text and 'style="fill:green"' in text


def test_the_deck_ships_the_sanitised_svg_not_the_files_bytes(tmp_path):
    original = svg_of(
        "<!-- secret --><rect width='10' height='10' fill='red' inkscape:x='1'"
        " xmlns:inkscape='urn:inkscape'/><animate attributeName='fill' to='blue'/>"
    )
    outline = talk(tmp_path, original)
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx")
    assert result.exit_code == 0, result.output
    assert "left out" in result.stderr
    with zipfile.ZipFile(next(out.glob("*.pptx"))) as package:
        (shipped,) = [package.read(n) for n in package.namelist() if n.endswith(".svg")]
    assert shipped == check_svg(original, SHOWN, None)[0].data
    assert b"secret" not in shipped and b"inkscape" not in shipped and b"animate" not in shipped


def _pixels(png_bytes: bytes) -> set:
    with Image.open(io.BytesIO(png_bytes)) as image:
        return {color for _count, color in image.convert("RGB").getcolors(1 << 24)}


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_an_embedded_picture_draws_in_the_pdfs_and_the_decks_fallback(tmp_path, kind):
    raw = png(8, 8, (255, 0, 0)) if kind == "png" else jpeg(8, 8, (255, 0, 0))
    body = f'<image width="10" height="10" xlink:href="{data_uri(raw, kind)}"/>'
    outline = talk(tmp_path, svg_of(body))
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx",
                     "--format", "slides-pdf", "--format", "handout")  # fmt: skip
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(next(out.glob("*.pptx"))) as package:
        media = [n for n in package.namelist() if n.startswith("ppt/media/")]
        fallback = [package.read(n) for n in media if n.endswith(".png")]
    assert any((254, 0, 0) <= p <= (255, 2, 2) for image in fallback for p in _pixels(image))
    import pikepdf

    with pikepdf.open(next(out.glob("*-slides.pdf"))) as pdf:
        images = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        ]
    assert images  # the embedded picture, drawn as an image in the slide's form


def test_embedded_pictures_are_decoded_and_held_to_the_pixel_limit():
    assert "more than 40 megapixels" in refusal(
        f'<image xlink:href="{data_uri(png_declaring(10_000, 5_000))}"/>'
    ) or "one is 10,000 × 5,000" in refusal(
        f'<image xlink:href="{data_uri(png_declaring(10_000, 5_000))}"/>'
    )
    assert "more than 40 megapixels" in refusal(
        f'<image xlink:href="{data_uri(png_declaring(100_000, 100_000))}"/>'
    )
    assert "cannot be decoded" in refusal(
        f'<image xlink:href="{data_uri(png()[:40] + b"garbage")}"/>'
    )
    gif = b"GIF89a" + b"\x00" * 20
    assert "not a PNG or JPEG" in refusal(f'<image xlink:href="{data_uri(gif)}"/>')
    assert "base64" in refusal('<image xlink:href="data:image/png;base64,@@@"/>')
    two = f'<image xlink:href="{data_uri(png(8, 8))}"/><image xlink:href="{data_uri(png(9, 9))}"/>'
    assert "more than 0 megapixels" in refusal(two, max_pixels=100)  # 64 + 81 > 100
    svg, problems = check_svg(svg_of(two), SHOWN, None, max_pixels=145)
    assert svg is not None and problems == []


@pytest.mark.parametrize(
    "head",
    [
        'width="0" height="10"',
        'width="10" height="0"',
        'width="-5" height="10"',
        'width="NaN" height="10"',
        'width="inf" height="10"',
        'width="1e30" height="10"',
        'width="1e999" height="10"',
        'width="1e-30" height="10"',
        'viewBox="0 0 0 0"',
        'viewBox="0 0 NaN 10"',
        'viewBox="0 0 1e30 10"',
        'viewBox="0 0 -4 10"',
        'width="10" height="10" viewBox="0 0 inf 10"',
        'viewBox="0 0 10"',
    ],
)
def test_a_size_that_is_not_a_size_is_an_error_at_the_line_naming_the_picture(tmp_path, head):
    outline = talk(tmp_path, svg_of("<rect width='5' height='5'/>", head))
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{outline}:8:" in result.stderr and "image 'art.svg'" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    "body",
    [
        '<rect width="5" height="5" stroke="red" stroke-width="NaN"/>',
        '<rect width="5" height="5" stroke="red" stroke-width="1e30"/>',
        '<rect width="5" height="5" stroke="red" style="stroke-width: 1e30"/>',
        '<rect width="5" height="5" stroke="red" stroke-width="-1"/>',
        '<rect width="5" height="5" stroke="red" stroke-width="inf"/>',
        '<rect width="5" height="5" transform="scale(0)"/>',
        '<rect width="5" height="5" transform="scale(1e-300)"/>',
        '<rect width="5" height="5" transform="scale(nan)"/>',
        '<rect width="5" height="5" transform="scale(1e30)"/>',
        '<rect width="5" height="5" transform="matrix(1 0 0 1 0 1e30)"/>',
        '<rect width="5" height="5" transform="skewX(90)"/>',
        '<g transform="scale(1e-7)"><g transform="scale(1e-7)"><g transform="scale(1e-7)">'
        '<rect width="5" height="5"/></g></g></g>',
        '<g transform="scale(1e8)"><g transform="scale(1e8)"><g transform="scale(1e8)">'
        '<rect width="5" height="5" stroke-width="1e8"/></g></g></g>',
        '<rect width="inf" height="5"/><circle r="1e30"/><path d="M0 0 L1e30 5"/>',
        '<rect width="" height="5"/><svg width="0" viewBox="0 0 0 0"><rect/></svg>',
        '<text font-size="1e9" x="1e9">big</text><text font-size="0">none</text>',
        '<rect width="5" height="5" stroke="red" stroke-dasharray="1e-9 1e-9"/>',
        '<rect width="5" height="5" stroke="red" stroke-dasharray="-1 2"/>',
        '<rect width="5" height="5" stroke="red" style="stroke-dasharray: 0 0"/>',
        '<path d="M"/><path d="M 1"/><path d="M0 0 C 1"/><path d="L 1 1"/>',
        '<text baseline-shift="url(#a)" x="1 2" font-size="large">a</text>',
    ],
)
def test_hostile_strokes_transforms_and_paths_draw_without_what_cannot_be_drawn(tmp_path, body):
    outline = talk(tmp_path, svg_of(body))
    out = tmp_path / "out"
    with deadline(60):
        result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx",
                         "--format", "slides-pdf")  # fmt: skip
    assert result.exit_code == 0, result.output  # drawn, what cannot be left out said
    assert "internal error" not in result.stderr


def test_more_than_the_element_limit_is_an_error_before_any_drawing(tmp_path):
    rects = "<rect/>" * MAX_SVG_ELEMENTS  # with the root: one over
    outline = talk(tmp_path, svg_of(rects))
    with deadline(30):
        result = run_cli("validate", str(outline))
    assert result.exit_code == 2 and "50,001 elements" in result.stderr
    assert f"{outline}:8:" in result.stderr


def test_a_use_that_repeats_a_group_counts_what_it_repeats():
    group = "<g id='g0'>" + "<rect/>" * 99 + "</g>"
    tree = "".join(
        f"<g id='g{i}'>" + f"<use xlink:href='#g{i - 1}'/>" * 10 + "</g>" for i in range(1, 5)
    )
    with deadline(10):  # 100 × 10⁴ elements drawn: refused, not expanded
        message = refusal(f"<defs>{group}{tree}</defs><use xlink:href='#g4'/>")
    assert "counting what each <use> and clip path repeats" in message


def test_a_use_that_repeats_itself_draws_nothing_and_is_said():
    body = (
        "<defs><g id='a'><use xlink:href='#b'/></g><g id='b'><use xlink:href='#a'/></g></defs>"
        "<use xlink:href='#a'/><use xlink:href='#self' id='self'/>"
    )
    svg, problems = check_svg(svg_of(body), SHOWN, None)
    assert svg is not None and "repeats itself" in problems[0].message


def test_svglib_never_looks_up_a_font_family_on_the_system(monkeypatch):
    import subprocess

    from deckgen.render.pdf.image import svg_png

    def refuse(*args, **kwargs):
        raise AssertionError("a process was started for a font name")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    svg = check_svg(
        svg_of('<text font-family="../../x, NoSuchFamily1" font-weight="bold">a</text>'),
        SHOWN,
        None,
    )[0]
    assert svg_png(svg.data, 20, 20).startswith(b"\x89PNG")


def test_watch_survives_a_save_of_an_svg_with_no_width(tmp_path):
    """An SVG with width="0" ended `deckgen watch` for good (an internal error); now it
    is one failed build, the last good files kept, and the next good save builds."""
    from deckgen.build import BuildOptions
    from deckgen.watch import _build

    outline = talk(tmp_path)
    options = BuildOptions(outline, tmp_path / "out", formats=("pptx",), jobs=1)
    assert _build(options, ()).error is None
    (tmp_path / "art.svg").write_bytes(svg_of("<rect/>", 'width="0" height="10"'))
    outcome = _build(options, (tmp_path / "art.svg",))
    assert outcome.error is not None and outcome.error.exit_code == 2
    assert "width of '0'" in outcome.error.diagnostics[0].message
    (tmp_path / "art.svg").write_bytes(svg_of("<rect/>"))
    assert _build(options, (tmp_path / "art.svg",)).error is None


def test_a_clip_path_counts_again_for_every_element_it_clips():
    """svglib converts a clip path's shapes again for each element it clips: 800 shapes
    clipping 800 rectangles took ten minutes; counted, they are over the limit."""
    clip = "<clipPath id='c'>" + "<rect width='1' height='1'/>" * 80 + "</clipPath>"
    clipped = "<rect width='5' height='5' clip-path='url(#c)'/>" * 800
    with deadline(10):
        message = refusal(clip + clipped)
    assert "counting what each <use> and clip path repeats" in message
    sheet = "<style>.k { clip-path: url(#c) }</style>" + "<rect class='k'/>" * 800
    with deadline(10):
        assert "clip path repeats" in refusal(clip + sheet)


def test_a_clip_path_of_too_many_shapes_is_left_out():
    clip = "<clipPath id='c'>" + "<rect width='1' height='1'/>" * 101 + "</clipPath>"
    svg, problems = check_svg(svg_of(clip + "<rect clip-path='url(#c)'/>"), SHOWN, None)
    assert "clip path of more than 100 elements" in problems[0].message
    assert b"clipPath" not in svg.data


def test_a_picture_repeated_by_use_counts_its_pixels_each_time():
    body = f"<image id='i' xlink:href='{data_uri(png(8, 8))}'/>" + "<use xlink:href='#i'/>" * 3
    assert "(counting what each <use> repeats)" in refusal(body, max_pixels=200)  # 4 × 64
    assert check_svg(svg_of(body), SHOWN, None, max_pixels=256)[0] is not None


def test_deep_nesting_counts_toward_the_limit_and_ordinary_depth_does_not():
    """svglib's work per element grows with its depth (10,000 rectangles: 1.3 s side by
    side, 39 s inside 250 groups): deeper than 8 levels, an element counts more."""
    deep = "<g>" * 250 + "<rect/>" * 1_600 + "</g>" * 250
    assert "and nesting" in refusal(deep)
    shallow = ("<g>" + "<rect/>" * 6_000) * 8 + "</g>" * 8  # 48,000 elements, 8 deep
    assert check_svg(svg_of(shallow), SHOWN, None)[0] is not None


def test_a_doctype_in_another_encoding_is_refused_too():
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>'
    )
    svg, problems = check_svg(text.encode("utf-16"), SHOWN, None)
    assert svg is None and "DOCTYPE" in problems[0].message
