"""Hostile templates built on and inspected (issue 19): linked pictures, names that try to
forge output lines, a reader that goes away, and many shapes with work linear in them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from deckgen.template import backdrop, look
from deckgen.template.pictures import MAX_TEMPLATE_PIXELS
from deckgen.template.scenery import MAX_DRAWN

from ..conftest import run_cli
from ..layout.support import deadline
from .hostile import (
    MASTER,
    MASTER_RELS,
    png_header,
    related,
    replaced,
    with_background,
    with_picture,
    write,
)
from .test_build import talk_folder

ROOT = Path(__file__).resolve().parents[2]
LINKED_PICTURE = (
    b'<p:pic><p:nvPicPr><p:cNvPr id="99" name="Linked"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
    b'<p:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    b'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    b'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:spTree>'
)
LINKED_BACKGROUND = (
    b'<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/>'
    b"</a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>"
)


def test_an_external_picture_under_allow_external_links_is_never_fetched(tmp_path):
    """A picture and a background whose r:embed names an external relationship: the
    build goes on, the PDFs leave it out (said), and nothing is fetched."""
    folder = talk_folder(tmp_path)
    data = related(MASTER_RELS, "http://127.0.0.1:9/x.png", mode="External")
    data = replaced(MASTER, b"</p:spTree>", LINKED_PICTURE, data)
    data = with_background(LINKED_BACKGROUND, data)
    template = write(folder, data)
    outline, out = folder / "outline.yaml", tmp_path / "out"
    args = ("build", str(outline), "-o", str(out), "--template", str(template))
    refused = run_cli(*args)
    assert refused.exit_code == 2 and "'http://127.0.0.1:9/x.png' outside itself" in refused.stderr
    with deadline(60):
        result = run_cli(*args, "--allow-external-links")
    assert result.exit_code == 0, result.output
    assert "a linked picture (never fetched)" in result.stderr


def _named(name: bytes) -> bytes:
    return replaced(
        "ppt/slideLayouts/slideLayout1.xml",
        b'<p:cSld name="Title Slide"',
        b'<p:cSld name="' + name + b'"',
    )


def test_template_inspect_shows_control_characters_in_names_as_escapes(tmp_path):
    template = write(tmp_path, _named(b"Evil&#10;repaired: nothing&#13;&#x202E;txt.exe"))
    result = run_cli("template", "inspect", str(template))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  'Evil\\u000Arepaired: nothing\\u000D\\u202Etxt.exe' [title]" in result.stdout
    assert [line for line in lines if line.startswith("repaired:")] == ["repaired: nothing"]
    assert not [ch for ch in result.stdout if ch in "\r\u202e"]
    printed = run_cli("template", "inspect", str(template), "--json").stdout
    assert "\u202e" not in printed and "\\u202e" in printed
    as_json = json.loads(printed)
    names = [layout["name"] for layout in as_json["masters"][0]["layouts"]]
    assert "Evil\nrepaired: nothing\r\u202etxt.exe" in names  # data stays data in JSON


def test_template_inspect_into_a_closed_pipe_stops_quietly(tmp_path):
    """`deckgen template inspect T | head -1`: the reader goes away after one line;
    deckgen stops without a traceback or an internal error."""
    template = write(tmp_path, _named(b"L" * 200_000))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "deckgen", "template", "inspect", str(template)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as run:
        first = run.stdout.readline()
        run.stdout.close()  # as head does after its line
        stderr = run.stderr.read().decode()
        code = run.wait(timeout=60)
    assert first.startswith(str(template).encode())
    assert code == 1 and stderr == "", stderr


def _rectangles(count: int, size: int = 9) -> bytes:
    return b"".join(
        b'<p:sp><p:nvSpPr><p:cNvPr id="%d" name="R"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        b'<p:spPr><a:xfrm><a:off x="%d" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
        b'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FF0000"/>'
        b"</a:solidFill></p:spPr></p:sp>" % (1000 + i, i, size, size)
        for i in range(count)
    )


def _visits(tmp_path: Path, count: int, monkeypatch) -> int:
    """How often building on a master of ``count`` rectangles reads a shape's box."""
    folder = talk_folder(tmp_path / str(count))
    data = replaced(MASTER, b"</p:spTree>", _rectangles(count) + b"</p:spTree>")
    template = write(folder, data)
    seen = [0]
    original = look.shape_rect

    def counted(shape):
        seen[0] += 1
        return original(shape)

    monkeypatch.setattr(look, "shape_rect", counted)  # scenery, layouts and design use it
    monkeypatch.setattr(backdrop, "shape_rect", counted)
    args = ("build", str(folder / "outline.yaml"), "-o", str(tmp_path / f"out{count}"))
    with deadline(120):
        result = run_cli(*args, "--template", str(template), "--format", "slides-pdf")
    assert result.exit_code == 0, result.output
    return seen[0]


def test_the_work_on_a_masters_shapes_is_linear_and_the_pdfs_draw_a_bounded_number(
    tmp_path, monkeypatch
):
    """Each of a master's shapes is looked at a small, fixed number of times however many
    there are (python-pptx's placeholder lookups ran an XPath query per shape each time),
    and the PDFs draw at most MAX_DRAWN of them under each slide (said)."""
    small, large = _visits(tmp_path, 500, monkeypatch), _visits(tmp_path, 4000, monkeypatch)
    assert large <= 3 * 4000 + small  # each shape's box read at most 3 times, plus the rest
    assert large - small <= 3 * 3500


def test_the_pdfs_draw_at_most_the_largest_shapes(tmp_path):
    from deckgen.template.package import read_template
    from deckgen.template.scenery import scenery

    data = replaced(MASTER, b"</p:spTree>", _rectangles(MAX_DRAWN + 50) + b"</p:spTree>")
    path = write(tmp_path, data)
    prs = read_template(path.name, tmp_path, tmp_path).prs
    layout = prs.slide_layouts[1]
    found = scenery(layout, look.ThemeLook(layout.slide_master))
    assert len(found.items) == MAX_DRAWN
    assert any(f"more than {MAX_DRAWN} shapes" in reason for reason in found.skipped)


def test_all_of_a_templates_pictures_together_are_capped(tmp_path):
    from .hostile import changed, refusal

    count = MAX_TEMPLATE_PIXELS // (6000 * 6000) + 1
    data = with_picture(png_header(6000, 6000))
    extra = {}
    for i in range(count):
        data = replaced(
            MASTER_RELS,
            b"</Relationships>",
            f'<Relationship Id="rIdP{i}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/image" Target="../media/p{i}.png"/>'
            f"</Relationships>".encode(),
            data,
        )
        extra[f"ppt/media/p{i}.png"] = png_header(6000, 6000)
    message = refusal(tmp_path, changed(add=extra, data=data))
    assert "its pictures hold 252.0 megapixels together, over the limit of 200" in message


def test_slides_too_small_for_deckgens_type_are_refused_not_a_crash(tmp_path):
    """1 × 56 in is a size PowerPoint accepts, but deckgen's type steps scale to nothing
    there (it was an internal error): refused, with the smallest size that works."""
    folder = talk_folder(tmp_path)
    data = replaced(
        "ppt/presentation.xml", b'cx="12192000" cy="6858000"', b'cx="914400" cy="51206400"'
    )
    template = write(folder, data)
    out = tmp_path / "out"
    result = run_cli(
        "build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template)
    )
    assert result.exit_code == 2, result.output
    assert "its slides are 1.00 × 56.00 in, too small" in result.stderr
    assert "at least 3.33 × 1.88 in" in result.stderr


def test_a_large_template_picture_is_drawn_from_a_smaller_copy(tmp_path):
    """The PDFs draw template pictures no wider than MAX_DRAWN_SIDE (five 40-megapixel
    backgrounds took 1.5 GB while the handout embedded them); the deck keeps the original."""
    import io

    from PIL import Image

    from deckgen.template.package import read_template
    from deckgen.template.pictures import MAX_DRAWN_SIDE
    from deckgen.template.scenery import scenery

    for kind, mode in (("PNG", "RGBA"), ("JPEG", "CMYK"), ("JPEG", "RGB")):
        buf = io.BytesIO()
        Image.new(mode, (MAX_DRAWN_SIDE * 2, 300)).save(buf, kind)
        path = write(tmp_path, with_picture(buf.getvalue()), f"{kind}{mode}.template")
        prs = read_template(path.name, tmp_path, tmp_path).prs
        layout = prs.slide_layouts[1]
        (picture,) = scenery(layout, look.ThemeLook(layout.slide_master)).items
        with Image.open(io.BytesIO(picture.data)) as drawn:
            assert drawn.size == (MAX_DRAWN_SIDE, 150) and drawn.format == kind
