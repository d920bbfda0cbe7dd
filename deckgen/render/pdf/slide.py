"""One slide frame onto a reportlab canvas, at any size: full pages and thumbnails alike."""

from __future__ import annotations

from ...layout.frames import Chart, Deck, Picture, Shape, SlideFrame, Table, TextBox
from .chart import draw_chart
from .fonts import Fonts
from .image import draw_picture
from .shape import draw_shape
from .table import draw_table
from .text import draw_text_box
from .units import EMU_PER_PT, Transform, rgb


def draw_slide(
    canvas,
    deck: Deck,
    frame: SlideFrame,
    left: float,
    top: float,
    width: float,
    fonts: Fonts,
    border: str | None = None,
) -> None:
    """Draw ``frame`` with its top-left corner at (left, top) in page points, ``width`` wide."""
    to_page = Transform(left, top, width / (deck.width / EMU_PER_PT))
    height = to_page.length(deck.height)
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(left, top - height, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    design = deck.design
    canvas.setFillColorRGB(*rgb(design.slide_fill(frame.layout, frame.background)))
    canvas.rect(left, top - height, width, height, stroke=0, fill=1)
    behind = design.scenery.get(frame.layout.value, ()) if design.plain else ()
    for item in (*behind, *frame.items):
        match item:
            case TextBox():
                draw_text_box(canvas, item, to_page, fonts)
            case Table():
                draw_table(canvas, item, to_page, fonts)
            case Picture():
                draw_picture(canvas, item, to_page)
            case Shape():
                draw_shape(canvas, item, to_page)
            case Chart():
                draw_chart(canvas, item, to_page, fonts)
            case _:  # pragma: no cover - the frames are a closed set
                raise TypeError(f"unknown frame item {item!r}")
    canvas.restoreState()
    if border:
        canvas.saveState()
        canvas.setStrokeColorRGB(*rgb(border))
        canvas.setLineWidth(deck.design.handout.thumb_border_width)
        canvas.rect(left, top - height, width, height, stroke=1, fill=0)
        canvas.restoreState()
