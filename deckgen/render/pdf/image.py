"""Pictures (reportlab stores each image once, however many times it is drawn)."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.lib.utils import ImageReader

from ...layout.frames import Picture
from .units import Transform


@lru_cache(maxsize=256)
def _reader(data: bytes) -> ImageReader:
    """One decoded image per picture, however many slides, thumbnails and documents draw
    it (reportlab keeps the decoded pixels on the reader)."""
    return ImageReader(io.BytesIO(data))


def draw_picture(canvas, picture: Picture, to_page: Transform) -> None:
    rect = picture.rect
    source = _reader(picture.data) if picture.data else picture.path
    canvas.drawImage(
        source,
        to_page.x(rect.x),
        to_page.y(rect.bottom),
        to_page.length(rect.w),
        to_page.length(rect.h),
        mask="auto",
        preserveAspectRatio=False,
    )
