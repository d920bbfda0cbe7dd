"""Pictures: each drawn into a document once, as a form, and placed wherever it is shown.

reportlab names every image it draws by a digest of its decoded pixels, computed again on
every call: a handout with an icon on each of 300 thumbnails hashed megabytes 450 times.
So each picture is decoded once per process, drawn once per document into a form
XObject of unit size, and every slide, thumbnail or page that shows it places that form.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader

from ...layout.frames import Picture
from .units import Transform

if TYPE_CHECKING:
    from .fonts import Fonts

_FORMS = "_deckgen_picture_forms"  # the forms a canvas's document already has


@lru_cache(maxsize=256)
def _reader(data: bytes) -> ImageReader:
    """One decoded image per picture (reportlab keeps the decoded pixels on it)."""
    return ImageReader(io.BytesIO(data))


@lru_cache(maxsize=256)
def _form_name(data: bytes, path: str) -> str:
    return "Picture" + hashlib.sha256(data or path.encode()).hexdigest()[:16]


def draw_picture(canvas, picture: Picture, to_page: Transform) -> None:
    name = _form_name(picture.data, picture.path)
    forms = canvas.__dict__.setdefault(_FORMS, set())
    if name not in forms:
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=1, uppery=1)
        if picture.vector:
            _draw_svg(canvas, picture.data)
        else:
            source = _reader(picture.data) if picture.data else picture.path
            canvas.drawImage(source, 0, 0, 1, 1, mask="auto", preserveAspectRatio=False)
        canvas.endForm()
        forms.add(name)
    rect = picture.rect
    canvas.saveState()
    canvas.translate(to_page.x(rect.x), to_page.y(rect.bottom))
    canvas.scale(to_page.length(rect.w), to_page.length(rect.h))
    canvas.doForm(name)
    canvas.restoreState()


def _draw_svg(canvas, data: bytes) -> None:
    """An SVG into the unit square, as vector graphics (svglib turns it into reportlab's
    own drawing)."""
    from reportlab.graphics import renderPDF

    drawing = svg_drawing(data)
    canvas.saveState()
    canvas.scale(1 / drawing.width, 1 / drawing.height)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


@lru_cache(maxsize=64)
def svg_drawing(data: bytes):
    """A checked SVG as reportlab's Drawing (its size: the SVG's own)."""
    from lxml import etree
    from svglib.svglib import SvgRenderer

    from .fonts import load_fonts

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    drawing = SvgRenderer("").render(root)
    embedded_fonts(drawing, load_fonts())
    return drawing


def embedded_fonts(node, fonts: Fonts) -> None:
    """A drawing's text in deckgen's own embedded faces: svglib and reportlab's charts
    set text in PDF's base Helvetica, Times or Courier, which a PDF does not embed
    (PDF/UA requires every font embedded). Monospace stays monospace; the rest is the
    sans, bold and italic kept."""
    from reportlab.graphics import shapes

    # what reportlab's renderer sets before drawing anything: the base face, not Helvetica
    shapes.STATE_DEFAULTS["fontName"] = fonts.face(False, False)
    stack = [node]
    while stack:
        item = stack.pop()
        name = getattr(item, "fontName", None)
        if name is not None:  # a string, or a group that sets its children's font
            bold = "Bold" in name
            italic = "Italic" in name or "Oblique" in name
            mono = name.startswith("Courier") or "Mono" in name
            item.fontName = fonts.face(bold, italic, mono=mono)
        stack += getattr(item, "contents", ())


def svg_png(svg: bytes, pixels: int) -> bytes:
    """A checked SVG as PNG bytes ``pixels`` wide, drawn by reportlab and rasterised by
    pdfium, as the PDFs and the deck's thumbnail draw."""
    from reportlab.graphics import renderPDF

    from .raster import Raster, encoded

    with Raster(renderPDF.drawToString(svg_drawing(svg))) as pages:
        return encoded(pages.image(0, pixels))
