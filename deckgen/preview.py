"""Slide previews: PNG images of the slides and one contact sheet of the whole deck,
drawn from deckgen's own slides PDF by pdfium (no LibreOffice, no office suite).

The pictures are the slides the PDFs show; the deck itself is not written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .build import BuildOptions, build_time, load, prepare
from .errors import InputError, error, quoted
from .limits import MAX_DECK_SLIDES

SLIDE_WIDTH = 1280  # pixels: a 16:9 slide at 1280 x 720, as a projector shows it
SHEET_GAP = 16  # pixels between thumbnails on the contact sheet
SHEET_LABEL = 22  # pixels for the slide number under each thumbnail
SHEET_BACKGROUND = (236, 239, 243)
SHEET_INK = (60, 70, 85)


def parse_slides(spec: str) -> list[int]:
    """``"3-5,8"`` as [3, 4, 5, 8]; ValueError (saying what is wrong) if it is not that.

    Every number is checked against the largest deck deckgen makes before a range is
    expanded, so ``1-99999999`` is an error at once, not a list of a hundred million."""
    numbers: dict[int, None] = {}
    for part in spec.split(","):
        shown = quoted(part.strip())
        first, dash, last = part.strip().partition("-")
        try:
            low = int(first)
            high = int(last) if dash else low
        except ValueError:
            raise ValueError(f"{shown} is not a slide number or a range like 3-5") from None
        if low < 1 or high < low:
            raise ValueError(f"{shown} is not a range of slides (they count from 1)")
        if high > MAX_DECK_SLIDES:
            raise ValueError(
                f"{shown} goes beyond slide {MAX_DECK_SLIDES:,}, the most a deck can have"
            )
        numbers.update(dict.fromkeys(range(low, high + 1)))
    return list(numbers)


def render_preview(
    options: BuildOptions, slides: Sequence[int] | None = None, width: int = SLIDE_WIDTH
) -> tuple[list[tuple[Path, bytes]], list, int]:
    """The preview's files (each slide asked for, all of them by default, as
    ``slide-NN.png``, and ``contact-sheet.png``), the build's diagnostics, and the
    deck's slide count. Nothing is written here."""
    from .render.pdf.raster import Raster, encoded
    from .render.pdf.slides import render_slides_pdf

    prepared = prepare(load(options), options.audience, options.variables, options)
    deck = prepared.deck
    count = len(deck.slides)
    wanted = list(slides) if slides else list(range(1, count + 1))
    beyond = [n for n in wanted if n > count]
    if beyond:
        raise InputError(
            "no such slide",
            [
                error(
                    f"--slides asks for slide {beyond[0]}, but the deck has {count}",
                    hint=f"ask for slides between 1 and {count}",
                )
            ],
        )
    digits = len(str(count))
    with Raster(render_slides_pdf(deck, build_time())) as pages:
        files = [
            (options.out_dir / f"slide-{n:0{digits}d}.png", encoded(pages.image(n - 1, width)))
            for n in wanted
        ]
        files.append((options.out_dir / "contact-sheet.png", encoded(contact_sheet(pages))))
    return files, list(prepared.diagnostics), count


def contact_sheet(pages):
    """Every slide of ``pages`` (a Raster) small, numbered, in rows: the deck at a glance."""
    from PIL import Image, ImageDraw, ImageFont

    count = len(pages)
    columns, thumb = (6, 240) if count <= 48 else (10, 160)
    page_w, page_h = pages.size(0)
    thumb_h = round(thumb * page_h / page_w)
    rows = -(-count // columns)
    cell_w, cell_h = thumb + SHEET_GAP, thumb_h + SHEET_LABEL + SHEET_GAP
    sheet = Image.new(
        "RGB", (columns * cell_w + SHEET_GAP, rows * cell_h + SHEET_GAP), SHEET_BACKGROUND
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(Path(__file__).parent / "fonts" / "LiberationSans-Bold.ttf"), 14)
    for index in range(count):
        image = pages.image(index, thumb).convert("RGB")
        x = SHEET_GAP + (index % columns) * cell_w
        y = SHEET_GAP + (index // columns) * cell_h
        sheet.paste(image.resize((thumb, thumb_h)), (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb, y + thumb_h), outline=(200, 205, 212))
        draw.text((x, y + thumb_h + 4), str(index + 1), fill=SHEET_INK, font=font)
    return sheet
