"""Pictures, with the outline's alt text (never the file name) as their description."""

from __future__ import annotations

import io

from ...layout.frames import Picture
from .units import emu


def add_picture(shapes, picture: Picture):
    pic = shapes.add_picture(
        io.BytesIO(picture.data) if picture.data else picture.path,
        emu(picture.rect.x),
        emu(picture.rect.y),
        emu(picture.rect.w),
        emu(picture.rect.h),
    )
    pic.name = picture.name
    pic._element.nvPicPr.cNvPr.set("descr", picture.alt)
    return pic
