"""Pictures, with the outline's alt text (never the file name) as their description."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

from lxml.etree import SubElement
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ...layout.frames import Picture
from ...layout.geometry import EMU_PER_INCH, EMU_PER_PT
from .units import emu
from .xmlns import DML, PML, REL, write_xfrm


def add_picture(shapes, picture: Picture, maker=None, ink=None):
    """The picture's ``p:pic`` element on the slide. With a SlideMaker, its image part is
    found by digest once per picture (rather than among every part of the package each
    time) and the element is written directly, as python-pptx writes it. An SVG goes in
    as PowerPoint keeps one: the SVG itself, and a PNG drawn from it for what cannot show
    SVG."""
    rect = picture.rect
    box = (emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
    svg = picture.data if picture.vector else None
    if svg is not None:
        from ..pdf.image import unusable_as_input

        with unusable_as_input(picture):
            picture = replace(picture, data=fallback_png(svg, rect.w, rect.h))
    source = io.BytesIO(picture.data) if picture.data else picture.path
    if maker is None and svg is None or not picture.data:
        pic = shapes.add_picture(source, *box)
        pic.name = picture.name
        pic.element.nvPicPr.cNvPr.set("descr", picture.alt)
        _frame(pic.element.spPr, picture, ink)
        return pic.element
    digest = hashlib.sha1(picture.data).hexdigest()  # noqa: S324 - python-pptx's key
    image_part = _part(maker, digest, lambda: shapes.part.get_or_add_image_part(source)[0])
    rid = shapes.part.relate_to(image_part, RT.IMAGE)
    tree = shapes.element
    pic = SubElement(tree, PML + "pic")
    nv = SubElement(pic, PML + "nvPicPr")
    shape_id = str(tree.max_shape_id + 1)
    SubElement(nv, PML + "cNvPr", id=shape_id, name=picture.name, descr=picture.alt)
    SubElement(SubElement(nv, PML + "cNvPicPr"), DML + "picLocks", noChangeAspect="1")
    SubElement(nv, PML + "nvPr")
    fill = SubElement(pic, PML + "blipFill")
    blip = SubElement(fill, DML + "blip", {REL + "embed": rid})
    if svg is not None:
        key = "svg:" + hashlib.sha256(svg).hexdigest()
        svg_part = _part(maker, key, lambda: _svg_part(shapes.part.package, svg))
        ext = SubElement(SubElement(blip, DML + "extLst"), DML + "ext", uri=SVG_EXTENSION)
        svg_rid = shapes.part.relate_to(svg_part, RT.IMAGE)
        SubElement(ext, ASVG + "svgBlip", {REL + "embed": svg_rid}, nsmap={"asvg": ASVG[1:-1]})
    SubElement(SubElement(fill, DML + "stretch"), DML + "fillRect")
    props = SubElement(pic, PML + "spPr")
    write_xfrm(SubElement(props, DML + "xfrm"), rect)
    SubElement(SubElement(props, DML + "prstGeom", prst="rect"), DML + "avLst")
    _frame(props, picture, ink)
    return pic


def _frame(props, picture: Picture, ink) -> None:
    """The picture's hairline frame as its own line (``a:ln``: Format Picture › Line
    changes it), in the theme's slot for its colour where one has it."""
    if picture.line is None:
        return
    line = SubElement(props, DML + "ln", w=str(round(picture.line_width * EMU_PER_PT)))
    fill = SubElement(line, DML + "solidFill")
    if ink is not None:
        ink.put(fill, picture.line)
    else:
        SubElement(fill, DML + "srgbClr", val=picture.line)


SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # PowerPoint's SVG blip extension
ASVG = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}"
FALLBACK_DPI = 192  # the PNG beside an SVG: twice a 96 dpi projection, for a sharp print
FALLBACK_MOST = 2400  # pixels across, at most


def _part(maker, key: str, make):
    return maker.image_part(key, make) if maker is not None else make()


def _svg_part(package, data: bytes):
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    partname = PackURI(package.next_partname("/ppt/media/image%d.svg"))
    return Part(partname, "image/svg+xml", package, data)


def fallback_png(svg: bytes, width_emu: int, height_emu: int) -> bytes:
    """The (sanitised) SVG drawn as a PNG as large as it shows at FALLBACK_DPI, its
    longer side at most FALLBACK_MOST pixels."""
    from ..pdf.image import svg_png

    def pixels(emu: float) -> float:
        return max(emu, 1) / EMU_PER_INCH * FALLBACK_DPI

    scale = min(1.0, FALLBACK_MOST / max(pixels(width_emu), pixels(height_emu)))
    width = max(1, round(pixels(width_emu) * scale))
    height = max(1, round(pixels(height_emu) * scale))
    return svg_png(svg, width, height)
