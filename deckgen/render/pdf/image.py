"""Pictures (reportlab stores each image once, however many times it is drawn)."""

from __future__ import annotations

from ...layout.frames import Picture
from .units import Transform


def draw_picture(c, picture: Picture, t: Transform) -> None:
    r = picture.rect
    c.drawImage(
        picture.path,
        t.x(r.x),
        t.y(r.bottom),
        t.length(r.w),
        t.length(r.h),
        mask="auto",
        preserveAspectRatio=False,
    )
