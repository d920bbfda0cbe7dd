"""Pictures, with the outline's alt text (never the file name) as their description."""

from __future__ import annotations

import hashlib
import io

from lxml.etree import SubElement
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...layout.frames import Picture
from .units import emu
from .xmlns import DML, PML, REL, write_xfrm


def add_picture(shapes, picture: Picture, maker=None):
    """The picture's ``p:pic`` element on the slide. With a SlideMaker, its image part is
    found by digest once per picture (rather than among every part of the package each
    time) and the element is written directly, as python-pptx writes it."""
    rect = picture.rect
    box = (emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
    source = io.BytesIO(picture.data) if picture.data else picture.path
    if maker is None or not picture.data:
        pic = shapes.add_picture(source, *box)
        pic.name = picture.name
        pic._element.nvPicPr.cNvPr.set("descr", picture.alt)
        return pic._element
    digest = hashlib.sha1(picture.data).hexdigest()  # noqa: S324 - python-pptx's key
    image_part = maker.image_part(digest, lambda: shapes.part.get_or_add_image_part(source)[0])
    rid = shapes.part.relate_to(image_part, RT.IMAGE)
    tree = shapes._spTree
    pic = SubElement(tree, PML + "pic")
    nv = SubElement(pic, PML + "nvPicPr")
    shape_id = str(tree.max_shape_id + 1)
    SubElement(nv, PML + "cNvPr", id=shape_id, name=picture.name, descr=picture.alt)
    SubElement(SubElement(nv, PML + "cNvPicPr"), DML + "picLocks", noChangeAspect="1")
    SubElement(nv, PML + "nvPr")
    fill = SubElement(pic, PML + "blipFill")
    SubElement(fill, DML + "blip", {REL + "embed": rid})
    SubElement(SubElement(fill, DML + "stretch"), DML + "fillRect")
    props = SubElement(pic, PML + "spPr")
    write_xfrm(SubElement(props, DML + "xfrm"), rect)
    SubElement(SubElement(props, DML + "prstGeom", prst="rect"), DML + "avLst")
    return pic
