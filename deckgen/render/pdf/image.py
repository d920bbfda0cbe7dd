"""Pictures (reportlab stores each image once, however many times it is drawn)."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader

from ...layout.frames import Picture
from .units import Transform


def draw_picture(canvas, picture: Picture, to_page: Transform) -> None:
    rect = picture.rect
    source = ImageReader(io.BytesIO(picture.data)) if picture.data else picture.path
    canvas.drawImage(
        source,
        to_page.x(rect.x),
        to_page.y(rect.bottom),
        to_page.length(rect.w),
        to_page.length(rect.h),
        mask="auto",
        preserveAspectRatio=False,
    )
