"""What scenery reads of a template's artwork: gradients, picture and pattern fills, preset
and freeform outlines, groups, rotation and flips, and one word for what it cannot draw."""

from __future__ import annotations

import io

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from deckgen.layout.frames import Gradient, PictureFill, Shape, ShapeKind
from deckgen.template import look
from deckgen.template.geometry import apply, compose, group_place, placed
from deckgen.template.scenery import scenery

from .test_scenery import NS

RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'


def _sp(shape_id: int, xfrm: str, geometry: str, fill: str) -> str:
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Art {shape_id}"/><p:cNvSpPr/>'
        f"<p:nvPr/></p:nvSpPr><p:spPr>{xfrm}{geometry}{fill}<a:ln><a:noFill/></a:ln></p:spPr>"
        "</p:sp>"
    )


def _xfrm(x, y, w, h, extra="") -> str:
    return f'<a:xfrm{extra}><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def _master_with(*shapes: str, picture: bool = False):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)
    master = prs.slide_master
    rid = ""
    if picture:
        png = io.BytesIO()
        Image.new("RGB", (20, 10), (200, 30, 30)).save(png, "PNG")
        png.seek(0)
        _part, rid = master.part.get_or_add_image_part(png)
    for shape in shapes:
        master.shapes._spTree.append(etree.fromstring(shape.replace("RID", rid)))
    layout = prs.slide_layouts[6]  # blank
    return scenery(layout, look.ThemeLook(master))


def test_a_linear_gradient_keeps_its_stops_angle_and_theme_colours():
    gradient = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:schemeClr val="accent1"><a:lumMod val="50000"/>'
        '</a:schemeClr></a:gs><a:gs pos="100000"><a:srgbClr val="FFFFFF"><a:alpha val="50000"/>'
        '</a:srgbClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>'
    )
    found = _master_with(_sp(901, _xfrm(0, 0, 1000, 2000), RECT, gradient))
    (shape,) = found.items
    assert isinstance(shape.paint, Gradient) and not shape.paint.radial
    assert shape.paint.angle == 90.0 and (shape.paint.width, shape.paint.height) == (1000, 2000)
    (start, first, alpha0), (end, last, alpha1) = shape.paint.stops
    assert (start, end, alpha0, alpha1) == (0.0, 1.0, 1.0, 0.5)
    assert first == "254061" and last == "FFFFFF"  # accent1 4F81BD at half its lightness
    assert shape.fill is not None and found.skipped == set()


def test_a_radial_gradient_is_centred_on_its_fill_rectangle():
    gradient = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFF00"/></a:gs><a:gs pos="100000">'
        '<a:srgbClr val="FF8000"/></a:gs></a:gsLst><a:path path="circle"><a:fillToRect '
        'l="50000" t="100000" r="50000" b="0"/></a:path></a:gradFill>'
    )
    (shape,) = _master_with(_sp(901, _xfrm(0, 0, 1000, 1000), RECT, gradient)).items
    assert shape.paint.radial and shape.paint.centre == (0.5, 1.0)


def test_a_picture_fill_is_cropped_and_a_tiled_one_keeps_its_tile_size():
    cropped = (
        '<a:blipFill><a:blip r:embed="RID"/><a:srcRect l="25000" r="25000"/><a:stretch>'
        "<a:fillRect/></a:stretch></a:blipFill>"
    )
    tiled = (
        '<a:blipFill><a:blip r:embed="RID"/><a:tile tx="0" ty="0" sx="50000" sy="50000" '
        'algn="tl"/></a:blipFill>'
    )
    found = _master_with(
        _sp(901, _xfrm(0, 0, 1000, 1000), '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>',
            cropped),
        _sp(902, _xfrm(0, 0, 500_000, 500_000), RECT, tiled),
        picture=True,
    )  # fmt: skip
    crop, tile = found.items
    assert isinstance(crop.paint, PictureFill) and crop.kind is ShapeKind.PATH
    assert crop.paint.box == (-500, 0, 2000, 1000)  # the middle half shows across the box
    assert tile.paint.tile and tile.paint.box == (0, 0, 20 * 9525 // 2, 10 * 9525 // 2)


def test_a_pattern_is_the_mix_of_its_colours_and_transparency_is_kept():
    pattern = (
        '<a:pattFill prst="pct25"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr>'
        '<a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>'
    )
    clear = '<a:solidFill><a:srgbClr val="0000FF"><a:alpha val="40000"/></a:srgbClr></a:solidFill>'
    found = _master_with(
        _sp(901, _xfrm(0, 0, 100, 100), RECT, pattern),
        _sp(902, _xfrm(0, 0, 100, 100), RECT, clear),
    )
    patterned, transparent = found.items
    assert patterned.fill == "BFBFBF" and patterned.paint is None
    assert transparent.fill == "0000FF" and transparent.opacity == 0.4


def test_presets_freeform_arcs_and_curves_and_rotation_become_paths_on_the_slide():
    solid = '<a:solidFill><a:srgbClr val="00FF00"/></a:solidFill>'
    freeform = (
        '<a:custGeom><a:pathLst><a:path w="100" h="100"><a:moveTo><a:pt x="0" y="50"/>'
        '</a:moveTo><a:arcTo wR="50" hR="50" stAng="10800000" swAng="10800000"/><a:quadBezTo>'
        '<a:pt x="50" y="100"/><a:pt x="0" y="50"/></a:quadBezTo><a:close/></a:path>'
        "</a:pathLst></a:custGeom>"
    )
    triangle = '<a:prstGeom prst="triangle"><a:avLst/></a:prstGeom>'
    found = _master_with(
        _sp(901, _xfrm(1000, 1000, 1000, 1000), freeform, solid),
        _sp(902, _xfrm(0, 0, 2000, 1000, ' rot="5400000" flipV="1"'), triangle, solid),
        _sp(903, _xfrm(0, 0, 100, 100), '<a:prstGeom prst="cloud"><a:avLst/></a:prstGeom>', solid),
    )
    arc, turned = found.items
    assert arc.path[0] == ("M", 1000, 1500) and arc.path[-1] == ("Z",)
    assert {step[0] for step in arc.path} == {"M", "C", "Z"}
    assert arc.path[2][-2:] == (2000, 1500)  # half a circle over the top: ends on the right
    assert (arc.rect.x, arc.rect.y, arc.rect.right) == (1000, 1000, 2000)
    # a 2000 × 1000 triangle flipped upside down, then turned a quarter about its middle:
    # its apex (top middle; bottom middle once flipped) points left, at (500, 500)
    assert turned.path[0][1:] == (500, 500)
    assert (turned.rect.x, turned.rect.y, turned.rect.w, turned.rect.h) == (500, -500, 1000, 2000)
    assert found.skipped == {"a shape of the preset geometry \u2018cloud\u2019"}


def test_a_group_maps_its_child_space_onto_its_box():
    xfrm = (
        '<a:xfrm><a:off x="1000" y="2000"/><a:ext cx="200" cy="100"/><a:chOff x="10" y="10"/>'
        '<a:chExt cx="20" cy="10"/></a:xfrm>'
    )
    place = group_place(etree.fromstring(f'<a:g xmlns:a="{NS.split(chr(34))[3]}">{xfrm}</a:g>')[0])
    assert apply(place, 10, 10) == (1000, 2000) and apply(place, 30, 20) == (1200, 2100)
    assert compose(place, placed(None, (1, 1))) == place
    child = _sp(
        905, _xfrm(10, 10, 10, 10), RECT, '<a:solidFill><a:srgbClr val="123456"/></a:solidFill>'
    )
    group = (
        f'<p:grpSp {NS}><p:nvGrpSpPr><p:cNvPr id="904" name="Group"/><p:cNvGrpSpPr/><p:nvPr/>'
        f"</p:nvGrpSpPr><p:grpSpPr>{xfrm}</p:grpSpPr>{child}</p:grpSp>"
    )
    (shape,) = _master_with(group).items
    assert isinstance(shape, Shape) and shape.kind is ShapeKind.RECT
    assert (shape.rect.x, shape.rect.y, shape.rect.w, shape.rect.h) == (1000, 2000, 100, 100)
