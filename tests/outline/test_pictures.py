"""Pictures are untrusted input: confined to the outline's folder, regular files, decoded
whole once within the limits, refused at their line otherwise; the checked bytes are the
ones both outputs draw."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from deckgen.errors import InputError
from deckgen.outline.files import MAX_PICTURE_PIXELS
from deckgen.outline.loader import load_outline

from ..conftest import run_cli
from ..pictures import (
    PNG_MAGIC_THEN_GARBAGE,
    TRUNCATED_JPEG,
    TRUNCATED_PNG,
    jpeg,
    png,
    png_declaring,
)

OUTLINE = """\
meta:
  title: Talk
sections:
  - title: Part
    divider: false
    slides:
      - kind: bullets
        title: Points
        image:
          alt: A picture
          path: {path}
        bullets: [one]
"""
PATH_LINE, PATH_COL = 11, 17


def project(tmp_path: Path, path: str) -> Path:
    folder = tmp_path / "talk"
    (folder / "assets").mkdir(parents=True)
    outline = folder / "outline.yaml"
    outline.write_text(OUTLINE.format(path=path), encoding="utf-8")
    return outline


def refused(outline: Path) -> str:
    """The one error loading ``outline`` gives, at the picture's path."""
    with pytest.raises(InputError) as info:
        load_outline(outline)
    assert info.value.exit_code == 2
    (diag,) = info.value.diagnostics
    assert (diag.pos.line, diag.pos.col) == (PATH_LINE, PATH_COL), str(diag)
    assert diag.hint, str(diag)
    return diag.message


@pytest.mark.parametrize(
    "path",
    ["../outside.png", "assets/../../outside.png", "ABSOLUTE", "assets/link.png"],
)
def test_a_picture_outside_the_outlines_folder_is_refused(tmp_path, path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(png())
    outline = project(tmp_path, str(outside) if path == "ABSOLUTE" else path)
    (outline.parent / "assets" / "link.png").symlink_to(outside)  # a symlink that leads out
    assert "is outside the outline's folder" in refused(outline)


def test_the_outside_files_bytes_never_reach_an_output(tmp_path):
    outside = tmp_path / "outside.png"
    secret = png(7, 5, color=(1, 2, 3))
    outside.write_bytes(secret)
    outline = project(tmp_path, "../outside.png")
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 2 and "outside the outline's folder" in result.stderr
    assert not out.exists()


def test_a_symlink_inside_the_folder_to_a_picture_inside_it_is_fine(tmp_path):
    outline = project(tmp_path, "assets/alias.png")
    (outline.parent / "assets" / "real.png").write_bytes(png())
    (outline.parent / "assets" / "alias.png").symlink_to(outline.parent / "assets" / "real.png")
    talk = load_outline(outline)
    (checked,) = talk.pictures.values()
    assert checked.path == str((outline.parent / "assets" / "real.png").resolve())


def test_a_fifo_a_folder_and_a_trailing_slash_are_refused_without_blocking(tmp_path):
    outline = project(tmp_path, "assets/pipe.png")
    os.mkfifo(outline.parent / "assets" / "pipe.png")
    assert "not a regular file" in refused(outline)
    outline = project(tmp_path / "b", "assets")
    assert "is a folder" in refused(outline)
    outline = project(tmp_path / "c", "assets/pic.png/")
    (outline.parent / "assets" / "pic.png").write_bytes(png())
    assert "ends with '/'" in refused(outline)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (PNG_MAGIC_THEN_GARBAGE, "cannot be decoded"),
        (TRUNCATED_PNG, "cannot be decoded"),
        (TRUNCATED_JPEG, "cannot be decoded"),
        (png_declaring(0, 0), "cannot be decoded"),
        (png_declaring(100_000, 100_000), "megapixels"),
        (png_declaring(8_000, 6_000), "megapixels"),
        (b"GIF89a" + bytes(20), "not a PNG, JPEG or SVG"),
    ],
    ids=["garbage", "truncated-png", "truncated-jpeg", "0x0", "bomb", "over-limit", "gif"],
)
def test_a_broken_picture_is_refused_at_its_line_before_anything_is_built(tmp_path, content, said):
    outline = project(tmp_path, "assets/pic.png")
    (outline.parent / "assets" / "pic.png").write_bytes(content)
    assert said in refused(outline)
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_the_pixel_limit_is_checked_from_the_header_before_decoding(tmp_path):
    # a tiny file that declares a huge picture costs nothing to refuse
    side = int(MAX_PICTURE_PIXELS**0.5) + 1
    outline = project(tmp_path, "assets/pic.png")
    (outline.parent / "assets" / "pic.png").write_bytes(png_declaring(side, side))
    assert "megapixels" in refused(outline)


def test_png_and_jpeg_pictures_that_decode_are_kept_with_their_size(tmp_path):
    for name, content, size in (("a.png", png(40, 30), (40, 30)), ("b.jpg", jpeg(8, 6), (8, 6))):
        outline = project(tmp_path / name, f"assets/{name}")
        (outline.parent / "assets" / name).write_bytes(content)
        (checked,) = load_outline(outline).pictures.values()
        assert (checked.width, checked.height) == size and checked.data == content


def test_both_outputs_draw_the_bytes_that_were_checked(tmp_path):
    """A picture swapped on disk after the outline was checked does not reach the build."""
    from deckgen.build import BuildOptions, build_loaded

    outline = project(tmp_path, "assets/pic.png")
    picture = outline.parent / "assets" / "pic.png"
    checked = png(30, 20, color=(10, 200, 30))
    picture.write_bytes(checked)
    source = load_outline(outline)
    picture.write_bytes(png(30, 20, color=(250, 0, 0)))  # changed after the check
    out = tmp_path / "out"
    build_loaded(source, BuildOptions(outline=outline, out_dir=out, formats=("pptx",)))
    with zipfile.ZipFile(next(out.glob("*.pptx"))) as deck:
        media = [deck.read(n) for n in deck.namelist() if n.startswith("ppt/media/")]
    assert checked in media
    from PIL import Image

    (embedded,) = [m for m in media if m == checked]
    assert Image.open(io.BytesIO(embedded)).getpixel((0, 0)) == (10, 200, 30)
