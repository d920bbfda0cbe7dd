"""The deck's first slide as a small JPEG: the thumbnail a file browser shows for a .pptx.

The slide is drawn by the PDF renderer, as in the slides PDF, and rasterised with
pdfium (pypdfium2: a wheel with the library inside, no system packages), so the
thumbnail is the same slide the deck and the handout show.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from ...layout.frames import Deck
from .raster import Raster, encoded
from .slides import render_slides_pdf

THUMBNAIL_WIDTH = 256  # pixels, as PowerPoint writes them
THUMBNAIL_QUALITY = 85


def render_thumbnail(deck: Deck, created: _dt.datetime) -> bytes:
    """JPEG bytes of the deck's first slide, ``THUMBNAIL_WIDTH`` pixels wide."""
    first = render_slides_pdf(replace(deck, slides=deck.slides[:1]), created)
    with Raster(first) as pages:
        image = pages.image(0, THUMBNAIL_WIDTH).convert("RGB")
    return encoded(image, "JPEG", quality=THUMBNAIL_QUALITY)
