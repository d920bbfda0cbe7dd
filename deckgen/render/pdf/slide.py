"""One slide frame onto a reportlab canvas, at any size: full pages and thumbnails alike."""

from __future__ import annotations

from ...layout.frames import Deck, Picture, Shape, SlideFrame, Table, TextBox
from .fonts import Fonts
from .image import draw_picture
from .shape import draw_shape
from .table import draw_table
from .text import draw_text_box
from .units import EMU_PER_PT, Transform, rgb


def draw_slide(
    c,
    deck: Deck,
    frame: SlideFrame,
    left: float,
    top: float,
    width: float,
    fonts: Fonts,
    border: str | None = None,
) -> None:
    """Draw ``frame`` with its top-left corner at (left, top) in page points, ``width`` wide."""
    t = Transform(left, top, width / (deck.width / EMU_PER_PT))
    height = t.length(deck.height)
    c.saveState()
    path = c.beginPath()
    path.rect(left, top - height, width, height)
    c.clipPath(path, stroke=0, fill=0)
    c.setFillColorRGB(*rgb(frame.background))
    c.rect(left, top - height, width, height, stroke=0, fill=1)
    for item in frame.items:
        match item:
            case TextBox():
                draw_text_box(c, item, t, fonts)
            case Table():
                draw_table(c, item, t, fonts)
            case Picture():
                draw_picture(c, item, t)
            case Shape():
                draw_shape(c, item, t)
            case _:  # pragma: no cover - the frames are a closed set
                raise TypeError(f"unknown frame item {item!r}")
    c.restoreState()
    if border:
        c.saveState()
        c.setStrokeColorRGB(*rgb(border))
        c.setLineWidth(0.5)
        c.rect(left, top - height, width, height, stroke=1, fill=0)
        c.restoreState()
