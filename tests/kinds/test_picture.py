"""Picture slides: as large as the slide allows, never past the picture's own pixels at
96 dpi, a caption under it, full width in the handout."""

from __future__ import annotations

import dataclasses
import io

from PIL import Image
from pptx import Presentation

from deckgen.build import BuildOptions, build_time, prepare
from deckgen.layout.context import EMU_PER_PIXEL
from deckgen.layout.engine import layout_deck
from deckgen.layout.frames import Picture, TextBox
from deckgen.layout.handout import HandoutOptions, layout_handout
from deckgen.layout.handout_blocks import SlideWithNotes
from deckgen.layout.measure import FixedMeasurer
from deckgen.nodes import Image as PictureNode
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import tailor

from ..conftest import run_cli, slide_titled

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: picture, title: P, image: {path: assets/icons/shield.png, alt: A shield}}"


def _png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(buf, format="PNG")
    return buf.getvalue()


def _talk(tmp_path, width: int, height: int, caption: str | None = None):
    (tmp_path / "shot.png").write_bytes(_png(width, height))
    cap = f"\n        caption: {caption!r}" if caption else ""
    (tmp_path / "outline.yaml").write_text(
        "meta: {title: Pictures}\n"
        "sections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: picture\n        title: The dashboard\n"
        "        image: {path: shot.png, alt: 'The security dashboard, three red alerts'}"
        f"{cap}\n        notes: Point at the alerts.\n",
        encoding="utf-8",
    )
    outline = tmp_path / "outline.yaml"
    options = BuildOptions(outline=outline, out_dir=tmp_path / "out")
    return outline, prepare(load_outline(outline), None, {}, options)


def _picture(frame) -> Picture:
    (picture,) = [i for i in frame.items if isinstance(i, Picture)]
    return picture


def test_a_large_screenshot_fills_the_body(tmp_path):
    _outline, prepared = _talk(tmp_path, 3200, 1800)
    deck = prepared.deck
    body = deck.design.grid.body_box
    picture = _picture(deck.slides[0])
    # as wide as the body (16:9 in a wider-than-tall body: the width or the height binds)
    assert picture.rect.w == body.w or picture.rect.h == body.h
    assert body.x <= picture.rect.x and picture.rect.right <= body.right
    assert body.y <= picture.rect.y and picture.rect.bottom <= body.bottom
    assert abs((picture.rect.x - body.x) - (body.right - picture.rect.right)) <= 1  # centred
    assert picture.alt == "The security dashboard, three red alerts"
    assert not prepared.diagnostics


def test_a_small_screenshot_is_never_enlarged_past_its_pixels(tmp_path):
    _outline, prepared = _talk(tmp_path, 400, 300)
    picture = _picture(prepared.deck.slides[0])
    assert (picture.rect.w, picture.rect.h) == (400 * EMU_PER_PIXEL, 300 * EMU_PER_PIXEL)


def test_the_caption_sits_under_the_picture(tmp_path):
    _outline, prepared = _talk(tmp_path, 3200, 2400, caption="Source: the SOC, March")
    deck = prepared.deck
    frame = deck.slides[0]
    picture = _picture(frame)
    (caption,) = [i for i in frame.items if isinstance(i, TextBox) and i.name == "Caption"]
    assert caption.paragraphs[0].text == "Source: the SOC, March"
    assert caption.rect.y >= picture.rect.bottom
    assert caption.rect.bottom <= deck.design.grid.body_box.bottom


def test_the_handout_shows_a_picture_slide_the_page_wide(tmp_path):
    _outline, prepared = _talk(tmp_path, 1600, 900)
    handout = layout_handout(
        prepared.talk, prepared.deck, HandoutOptions(None, False, "a4"), None, build_time()
    )
    (block,) = [b for b in handout.body if isinstance(b, SlideWithNotes)]
    assert block.thumb_width == handout.page.frame_width
    assert block.beside_max < 0  # its notes go under it


def test_the_deck_holds_the_picture_at_its_size_with_its_alt_text(tmp_path):
    outline, prepared = _talk(tmp_path, 1600, 900, caption="The dashboard at 9:00")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = slide_titled(prs, "The dashboard")
    (shape,) = [s for s in slide.shapes if s.shape_type == 13]  # a picture
    expected = _picture(prepared.deck.slides[0]).rect
    assert (shape.left, shape.top, shape.width, shape.height) == (
        expected.x,
        expected.y,
        expected.w,
        expected.h,
    )
    assert shape._element.nvPicPr.cNvPr.get("descr") == "The security dashboard, three red alerts"


def test_a_picture_slide_needs_alt_text(tmp_path):
    (tmp_path / "shot.png").write_bytes(_png(10, 10))
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "meta: {title: P}\nsections:\n  - title: S\n    slides:\n"
        "      - {kind: picture, title: T, image: {path: shot.png}}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(outline))
    assert result.exit_code == 2
    assert f"{outline}:5:" in result.stderr and "alt" in result.stderr


def test_alt_text_is_what_it_reads_as_in_every_output(tmp_path):
    """A screen reader says the alt text's words, not its Markdown: layout gives the
    renderers it plain (the deck's descr and the slides PDF's Figure /Alt)."""
    import pikepdf

    (tmp_path / "shot.png").write_bytes(_png(40, 30))
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "meta: {title: P}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: picture\n        title: Shot\n"
        "        image: {path: shot.png, alt: 'The *security* dashboard, `three` alerts'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx")
    assert result.exit_code == 0, result.output
    result = run_cli("build", str(outline), "-o", str(out), "--format", "slides-pdf")
    assert result.exit_code == 0, result.output
    said = "The security dashboard, three alerts"
    prs = Presentation(str(next(out.glob("*.pptx"))))
    (shape,) = [s for s in slide_titled(prs, "Shot").shapes if s.shape_type == 13]
    assert shape._element.nvPicPr.cNvPr.get("descr") == said
    with pikepdf.open(next(out.glob("*-slides.pdf"))) as pdf:
        alts = [
            str(o.get("/Alt"))
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"
        ]
    assert alts == [said]


def test_layout_reads_no_picture_file_the_loader_checked(tmp_path):
    """Layout draws from the talk's checked pictures (Talk.picture): the file may be gone
    by the time the talk is laid out, and the picture is still the one loaded."""
    outline_path, _prepared = _talk(tmp_path, 320, 200)
    talk = tailor(load_outline(outline_path))
    loaded = (tmp_path / "shot.png").read_bytes()
    (tmp_path / "shot.png").unlink()
    (picture,) = [
        i for i in layout_deck(talk, FixedMeasurer(0.5)).slides[0].items if isinstance(i, Picture)
    ]
    assert picture.data == loaded


def test_a_talk_made_without_the_loader_checks_its_pictures_itself(tmp_path):
    """A talk whose pictures no loader checked (built by hand) has each checked as it is
    laid out, by the talk, never read by layout itself."""
    outline_path, _prepared = _talk(tmp_path, 320, 200)
    talk = dataclasses.replace(tailor(load_outline(outline_path)), pictures={})
    checked, problems = talk.picture(PictureNode(path="shot.png", alt="A shot"))
    assert problems == [] and checked is not None and checked.width == 320
    missing, problems = talk.picture(PictureNode(path="gone.png", alt="Gone"))
    assert missing is None and problems
