"""Pictures, with the outline's alt text (never the file name) as their description."""

from __future__ import annotations

import hashlib
import io

from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...layout.frames import Picture
from .units import emu


def add_picture(shapes, picture: Picture, maker=None):
    """The picture on the slide; with a SlideMaker, its image part is found by digest
    once per picture rather than among every part of the package each time."""
    rect = picture.rect
    box = (emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
    source = io.BytesIO(picture.data) if picture.data else picture.path
    if maker is None or not picture.data:
        pic = shapes.add_picture(source, *box)
    else:
        digest = hashlib.sha1(picture.data).hexdigest()  # noqa: S324 - python-pptx's key
        image_part = maker.image_part(digest, lambda: shapes.part.get_or_add_image_part(source)[0])
        rid = shapes.part.relate_to(image_part, RT.IMAGE)
        pic = shapes._shape_factory(shapes._add_pic_from_image_part(image_part, rid, *box))
    pic.name = picture.name
    pic._element.nvPicPr.cNvPr.set("descr", picture.alt)
    return pic
