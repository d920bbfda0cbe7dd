"""What a template draws behind slides, as pixels, for the contrast check.

Each layout's ground (its background and scenery, no slide text) is drawn alone, as the
slides PDF draws it, once per build and only for the layouts asked about, rasterised by
pdfium at ``GROUND_DPI``, and kept; ``colors`` gives the colours under a box with how
many pixels show each. The layout engine takes the worst of them for each paragraph
(``layout/contrast.py``), so gradients, pictures and freeform artwork count, not only
flat colours.
"""

from __future__ import annotations

import io
import math

from ...layout.frames import SlideLayout
from ...layout.geometry import EMU_PER_INCH, Rect
from .raster import Raster
from .units import EMU_PER_PT, Transform

GROUND_DPI = 30  # coarse enough for a watch rebuild, fine enough for a footer's line


class DrawnGrounds:
    """The drawn grounds of a design's layouts: ``grounds.colors(layout, rect)``."""

    def __init__(self, design, dpi: int = GROUND_DPI) -> None:
        self._design = design
        self._dpi = dpi
        self._images: dict[str, object] = {}
        self._found: dict[tuple[str, Rect], tuple[tuple[int, str], ...]] = {}

    def colors(self, layout: SlideLayout, rect: Rect) -> tuple[tuple[int, str], ...]:
        """(pixels, "RRGGBB") for each colour drawn under ``rect`` (EMU) on a slide of
        ``layout``, the slide's own items left out; () for a box off the slide."""
        key = (layout.value, rect)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._count(self._image(layout), rect)
        return found

    def _count(self, image, rect: Rect) -> tuple[tuple[int, str], ...]:
        per_emu = self._dpi / EMU_PER_INCH
        left, top = max(math.floor(rect.x * per_emu), 0), max(math.floor(rect.y * per_emu), 0)
        right = min(math.ceil(rect.right * per_emu), image.width)
        bottom = min(math.ceil(rect.bottom * per_emu), image.height)
        if right <= left or bottom <= top:
            return ()
        counted = image.crop((left, top, right, bottom)).getcolors((right - left) * (bottom - top))
        return tuple((count, "{:02X}{:02X}{:02X}".format(*color)) for count, color in counted)

    def _image(self, layout: SlideLayout):
        image = self._images.get(layout.value)
        if image is None:
            image = self._images[layout.value] = self._draw(layout)
        return image

    def _draw(self, layout: SlideLayout):
        """The layout's ground as an RGB picture, ``GROUND_DPI`` pixels to the inch."""
        from reportlab.pdfgen.canvas import Canvas

        from . import pin_reportlab_settings
        from .slide import draw_ground

        pin_reportlab_settings()
        design = self._design
        width, height = design.grid.width / EMU_PER_PT, design.grid.height / EMU_PER_PT
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=(width, height), invariant=1)
        fill = design.palette.background
        draw_ground(canvas, design, layout, fill, Transform(0, height, 1.0), None)
        canvas.showPage()
        canvas.save()
        pixels = max(1, round(design.grid.width / EMU_PER_INCH * self._dpi))
        with Raster(buf.getvalue()) as pages:
            return pages.image(0, pixels).convert("RGB")
