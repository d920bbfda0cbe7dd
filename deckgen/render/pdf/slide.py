"""One slide frame onto a reportlab canvas, at any size: full pages and thumbnails alike."""

from __future__ import annotations

from contextlib import nullcontext

from ...layout.access import is_chrome, is_decorative, is_title
from ...layout.frames import Chart, Deck, Item, Picture, Shape, SlideFrame, Table, TextBox
from ...layout.placing import placeholder_grounds
from .chart import draw_chart
from .fonts import Fonts
from .image import draw_picture
from .paint import draw_painted
from .shape import draw_shape
from .table import draw_table
from .tagging import artifact, tagged
from .text import draw_text_box
from .units import EMU_PER_PT, Transform, rgb

ALT_LENGTH = 600  # a thumbnail's text alternative: the slide's text, this long at most


def slide_alt(frame: SlideFrame) -> str:
    """A slide as text, for a thumbnail's alternative: its number and title, then the
    text of its boxes, tables and the alt text of its pictures and charts."""
    said = []
    for item in frame.items:
        if is_title(item) or is_decorative(item):
            continue
        if isinstance(item, TextBox) and not is_chrome(item):
            said += [p.text for p in item.paragraphs]
        elif isinstance(item, Table):
            said += [" ".join(p.text for c in row for p in c.paragraphs) for row in item.cells]
        elif isinstance(item, Picture | Chart) and item.alt:
            said.append(item.alt)
    text = f"{frame.number}. {frame.title}" + (": " + " ".join(said) if said else "")
    return text if len(text) <= ALT_LENGTH else text[: ALT_LENGTH - 1].rstrip() + "…"


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
    with artifact(canvas):  # the slide's background and the template's scenery
        draw_ground(canvas, deck.design, frame.layout, frame.background, to_page, fonts)
        _placeholder_grounds(canvas, deck.design, frame, to_page)
    for item in frame.items:
        with _tagged_item(canvas, item, frame, to_page):
            _draw_item(canvas, item, to_page, fonts, (("Sect", f"slide-{frame.number}"),))
    canvas.restoreState()
    if border:
        with artifact(canvas):
            _border(canvas, deck, border, left, top - height, width, height)


def draw_ground(canvas, design, layout, fill: str, to_page: Transform, fonts) -> None:
    """What a slide of ``layout`` (a SlideLayout) asking for ``fill`` shows behind its own
    items: its background colour and, on a template, the layout's scenery."""
    width, height = to_page.length(design.grid.width), to_page.length(design.grid.height)
    canvas.setFillColorRGB(*rgb(design.slide_fill(layout, fill)))
    canvas.rect(to_page.left, to_page.top - height, width, height, stroke=0, fill=1)
    for item in design.scenery.get(layout.value, ()) if design.plain else ():
        if isinstance(item, Shape) and (item.paint is not None or item.opacity < 1):
            draw_painted(canvas, item, to_page)
        else:
            _draw_item(canvas, item, to_page, fonts)


def _placeholder_grounds(canvas, design, frame: SlideFrame, to_page: Transform) -> None:
    """The fill the layout's placeholders give their boxes, where each box stands."""
    for ground in placeholder_grounds(design, frame):
        draw_painted(canvas, ground, to_page)


def _tagged_item(canvas, item: Item, frame: SlideFrame, to_page: Transform):
    """The structure an item's drawing belongs to on a tagged page (inside a thumbnail,
    which is one figure, it is part of the figure)."""
    if is_decorative(item) or is_chrome(item):
        return artifact(canvas)
    key = f"slide-{frame.number}"
    if is_title(item):
        return tagged(canvas, (("Sect", key), ("H1", None)), text=frame.title)
    if isinstance(item, Picture | Chart):
        rect = item.rect
        box = (to_page.x(rect.x), to_page.y(rect.bottom), to_page.x(rect.right), to_page.y(rect.y))
        return tagged(canvas, (("Sect", key), ("Figure", None)), alt=item.alt, BBox=box)
    # a table's cells and a text box's paragraphs tag themselves (draw_table, draw_text_box)
    return nullcontext()


def _draw_item(canvas, item: Item, to_page: Transform, fonts: Fonts, within=()) -> None:
    match item:
        case TextBox():
            draw_text_box(canvas, item, to_page, fonts, within)
        case Table():
            draw_table(canvas, item, to_page, fonts, within)
        case Picture():
            draw_picture(canvas, item, to_page)
        case Shape() if item.opacity < 1:  # a panel behind text on artwork
            draw_painted(canvas, item, to_page)
        case Shape():
            draw_shape(canvas, item, to_page)
        case Chart():
            draw_chart(canvas, item, to_page, fonts)
        case _:  # pragma: no cover - the frames are a closed set
            raise TypeError(f"unknown frame item {item!r}")


def _border(canvas, deck: Deck, border: str, x: float, y: float, width: float, height: float):
    canvas.saveState()
    canvas.setStrokeColorRGB(*rgb(border))
    canvas.setLineWidth(deck.design.handout.thumb_border_width)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()
