"""Pictures: each drawn into a document once, as a form, and placed wherever it is shown.

reportlab names every image it draws by a digest of its decoded pixels, computed again on
every call: a handout with an icon on each of 300 thumbnails hashed megabytes 450 times.
So each picture is decoded once per process, drawn once per document into a form
XObject of unit size, and every slide, thumbnail or page that shows it places that form.

An SVG arrives sanitised (``outline/svg.py``); svglib turns it into reportlab's own
drawing with fonts from PDF's standard names only (never fontconfig or a file a name
in the SVG points at), what it cannot draw (a number that is not finite or out of
range, a transform of no area) is taken out of the drawing, and its embedded pictures
are drawn as image XObjects (reportlab's inline images break inside a form).
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader

from ...errors import InputError, error, quoted
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
            with unusable_as_input(picture):
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
    if picture.line is not None:  # its hairline frame, as the deck's a:ln draws it
        _frame(canvas, picture, to_page)


def _frame(canvas, picture: Picture, to_page: Transform) -> None:
    from .units import rgb

    rect = picture.rect
    canvas.saveState()
    canvas.setStrokeColorRGB(*rgb(picture.line))
    canvas.setLineWidth(to_page.size(picture.line_width))
    canvas.rect(to_page.x(rect.x), to_page.y(rect.bottom), to_page.length(rect.w),
                to_page.length(rect.h), stroke=1, fill=0)  # fmt: skip
    canvas.restoreState()


@contextmanager
def unusable_as_input(picture: Picture) -> Iterator[None]:
    """What svglib or reportlab cannot draw of a (sanitised) SVG, as an error at the
    outline's line naming the picture rather than an internal error."""
    try:
        yield
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - svglib and reportlab raise many kinds
        reason = str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__
        shown = quoted(os.path.basename(picture.path))
        problem = error(f"image {shown} cannot be drawn ({reason})", picture.pos,
                        "simplify the SVG, or save it as PNG")  # fmt: skip
        raise InputError("a picture cannot be drawn", [problem]) from None


def _draw_svg(canvas, data: bytes) -> None:
    """An SVG into the unit square, as vector graphics (svglib turns it into reportlab's
    own drawing)."""
    drawing = svg_drawing(data)
    canvas.saveState()
    canvas.scale(1 / drawing.width, 1 / drawing.height)
    _draw(drawing, canvas)
    canvas.restoreState()


def _draw(drawing, canvas) -> None:
    """reportlab's renderPDF.draw, with embedded pictures drawn as image XObjects."""
    from reportlab.graphics import renderPDF

    class _Renderer(renderPDF._PDFRenderer):
        def drawImage(self, image):  # noqa: N802 - reportlab's name
            if getattr(image.path, "mode", None) is None:
                return  # only a decoded picture (svglib's), never a file name
            picture = image.path
            if picture.mode not in ("RGB", "RGBA", "L", "CMYK"):
                picture = picture.convert("RGBA")
            self._canvas.drawImage(ImageReader(picture), image.x, image.y, image.width,
                                   image.height, mask="auto")  # fmt: skip

    _Renderer().draw(renderPDF.renderScaledDrawing(drawing), canvas, 0, 0)


def warm_svgs(deck) -> None:
    """Each SVG picture's drawing in ``deck`` made now, before the renderers fork: every
    process then shares it instead of running svglib again (a 50,000-element SVG is
    seconds of work).
    A picture that cannot be drawn is left to the renderer, which says so at its line."""
    for picture in (item for frame in deck.slides for item in frame.items):
        if isinstance(picture, Picture) and picture.vector and picture.data:
            with suppress(Exception):  # noqa: BLE001 - said where it is drawn
                svg_drawing(picture.data)


@lru_cache(maxsize=64)
def svg_drawing(data: bytes):
    """A sanitised SVG as reportlab's Drawing (its size: the SVG's own)."""
    from svglib.svglib import SvgRenderer

    from ...safexml import parse
    from .fonts import load_fonts

    logging.getLogger("svglib").addHandler(logging.NullHandler())  # no log on stderr
    root = parse(data)
    drawing = SvgRenderer("", font_map=_StandardFaces()).render(root)
    drawable(drawing)
    embedded_fonts(drawing, load_fonts())
    return drawing


class _StandardFaces:
    """svglib's font lookup answered from PDF's standard faces (which ``embedded_fonts``
    then swaps for deckgen's): a family named in an SVG never opens a file or starts
    fontconfig (one process per name)."""

    def find_font(self, name: str, weight: str = "normal", style: str = "normal"):
        lowered = name.lower()
        mono = any(word in lowered for word in ("mono", "courier", "consol", "code"))
        bold = str(weight).lower() in ("bold", "bolder", "600", "700", "800", "900")
        italic = str(style).lower() in ("italic", "oblique")
        base = "Courier" if mono else "Helvetica"
        suffix = ("Bold" if bold else "") + ("Oblique" if italic else "")
        return (f"{base}-{suffix}" if suffix else base), True


LARGEST = 1e15  # what a PDF number may be here (reportlab refuses beyond 1e20)


def drawable(group) -> None:
    """Take out of a drawing each node that holds a number that is not finite or beyond
    LARGEST, or a transform of no area: reportlab cannot write those (it divides by the
    determinant, and refuses numbers past 1e20)."""
    stack = [group]
    while stack:
        node = stack.pop()
        contents = getattr(node, "contents", None)
        if contents is None:
            continue
        kept = [child for child in contents if _fine(child)]
        contents[:] = kept
        stack += kept


def _fine(node) -> bool:
    transform = getattr(node, "transform", None)
    if transform is not None and len(transform) == 6:
        area = transform[0] * transform[3] - transform[1] * transform[2]
        if not _numbers_fine(transform) or abs(area) < 1e-24:
            return False
    return all(_numbers_fine(value) for key, value in vars(node).items() if key != "contents")


def _numbers_fine(value) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value) and abs(value) <= LARGEST
    if isinstance(value, list | tuple):
        return all(_numbers_fine(item) for item in value)
    return True


def embedded_fonts(node, fonts: Fonts) -> None:
    """A drawing's text in deckgen's own embedded faces: svglib sets text in PDF's base
    Helvetica, Times or Courier, which a PDF does not embed (PDF/UA requires every font
    embedded). Monospace stays monospace; the rest is the sans, bold and italic kept."""
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


def clear_svg_png(svg: bytes, width: int, height: int) -> bytes:
    """:func:`svg_png` on a see-through ground (what a logo's edge is read from)."""
    return svg_png(svg, width, height, clear=True)


def svg_png(svg: bytes, width: int, height: int, clear: bool = False) -> bytes:
    """A sanitised SVG as a PNG of ``width`` × ``height`` pixels, drawn by reportlab and
    rasterised by pdfium, as the PDFs and the deck's thumbnail draw (``clear``: on a
    see-through ground)."""
    from reportlab.pdfgen.canvas import Canvas

    from .raster import Raster, encoded

    drawing = svg_drawing(svg)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1, pageCompression=1)
    canvas.scale(width / drawing.width, height / drawing.height)
    _draw(drawing, canvas)
    canvas.showPage()
    canvas.save()
    with Raster(out.getvalue()) as pages:
        return encoded(pages.image(0, width, clear))
