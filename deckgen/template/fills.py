"""How a template shape or background is filled, for the PDFs' drawing of it: a colour
(with its transparency), a linear or radial gradient (its stops' colours through the theme
and their modifiers), a picture (cropped, stretched or tiled) or a pattern (drawn as the
mix of its two colours)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from pptx.oxml.ns import qn

from ..layout.colors import mix
from ..layout.frames import Affine, Gradient, PictureFill
from . import look
from .geometry import ANGLE, SHARE
from .pictures import drawable, picture_color, related_picture

_OTHER = "a picture that is not PNG or JPEG"
EMU_PER_PIXEL = 9525  # a picture's pixel at 96 dpi, as a tile's size is reckoned


@dataclass(frozen=True)
class Fill:
    """A fill as drawn: its average colour (None: nothing), a gradient or picture to
    paint inside the outline, its opacity, and what could not be drawn."""

    color: str | None
    paint: Gradient | PictureFill | None = None
    opacity: float = 1.0
    missing: str | None = None


NONE = Fill(None)


def fill_of(props, part, theme: look.ThemeLook, size: tuple[int, int], place: Affine) -> Fill:
    """The fill ``props`` (a shape's spPr or a background's bgPr) sets."""
    if props is None:
        return NONE
    for child in props:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "noFill":
            return NONE
        if tag == "solidFill":
            first = child[0] if len(child) else None
            return Fill(theme.color(first), opacity=_alpha(first))
        if tag == "gradFill":
            return _gradient(child, props, part, theme, size, place)
        if tag == "blipFill":
            return _picture(child, part, size, place)
        if tag == "pattFill":
            return _pattern(child, theme)
    return NONE


def _alpha(color) -> float:
    found = color.find(qn("a:alpha")) if color is not None else None
    value = look.emu(found.get("val")) if found is not None else None
    return 1.0 if value is None else max(0.0, min(1.0, value / SHARE))


def _gradient(element, props, part, theme, size, place) -> Fill:
    stops = []
    for stop in element.findall(qn("a:gsLst") + "/" + qn("a:gs")):
        color = stop[0] if len(stop) else None
        found = theme.color(color)
        if found is not None:
            position = max(0.0, min(1.0, (look.emu(stop.get("pos")) or 0) / SHARE))
            stops.append((position, found, _alpha(color)))
    if not stops:
        return Fill(None, missing="a gradient without colours")
    stops.sort(key=lambda stop: stop[0])
    average = look.fill_color(props, part, theme)
    opacity = sum(stop[2] for stop in stops) / len(stops)
    shape = element.find(qn("a:path"))
    if shape is not None:
        inset = shape.find(qn("a:fillToRect"))
        shares = [
            (look.emu(inset.get(side)) or 0) / SHARE if inset is not None else 0.5
            for side in ("l", "t", "r", "b")
        ]
        centre = ((shares[0] + 1 - shares[2]) / 2, (shares[1] + 1 - shares[3]) / 2)
        paint = Gradient(tuple(stops), *size, place, radial=True, centre=centre)
    else:
        line = element.find(qn("a:lin"))
        angle = (look.emu(line.get("ang")) or 0) / ANGLE if line is not None else 0.0
        paint = Gradient(tuple(stops), *size, place, angle=angle)
    return Fill(average, paint, opacity)


def _picture(element, part, size, place) -> Fill:
    blip = element.find(qn("a:blip"))
    rid = blip.get(qn("r:embed")) or blip.get(qn("r:link")) if blip is not None else None
    picture = related_picture(part, rid)
    if picture is None:
        rel = part.rels.get(rid) if rid else None
        linked = rel is not None and rel.is_external
        return Fill(None, missing="a linked picture (never fetched)" if linked else _OTHER)
    data = drawable(picture)
    opacity = 1.0
    fixed = blip.find(qn("a:alphaModFix"))
    if fixed is not None:
        opacity = max(0.0, min(1.0, (look.emu(fixed.get("amt")) or SHARE) / SHARE))
    average = picture_color(element, part)
    tile = element.find(qn("a:tile"))
    if tile is not None:
        box = _tile_box(tile, data)
        if box is not None:
            return Fill(average, PictureFill(data, box, *size, place, tile=True), opacity)
    return Fill(average, PictureFill(data, _stretched(element, size), *size, place), opacity)


def _insets(element) -> tuple[float, float, float, float]:
    if element is None:
        return 0.0, 0.0, 0.0, 0.0
    return tuple((look.emu(element.get(side)) or 0) / SHARE for side in ("l", "t", "r", "b"))


def _stretched(element, size) -> tuple[int, int, int, int]:
    """Where the whole picture lands in the shape's box: the fill rectangle (the box less
    its insets), widened by what the source rectangle crops off each side."""
    width, height = size
    left, top, right, bottom = _insets(element.find(qn("a:stretch") + "/" + qn("a:fillRect")))
    into = (width * left, height * top, width * (1 - left - right), height * (1 - top - bottom))
    crop_l, crop_t, crop_r, crop_b = _insets(element.find(qn("a:srcRect")))
    shown_w, shown_h = 1 - crop_l - crop_r, 1 - crop_t - crop_b
    if shown_w <= 0.001 or shown_h <= 0.001:
        return round(into[0]), round(into[1]), round(into[2]), round(into[3])
    whole_w, whole_h = into[2] / shown_w, into[3] / shown_h
    return (
        round(into[0] - crop_l * whole_w),
        round(into[1] - crop_t * whole_h),
        round(whole_w),
        round(whole_h),
    )


def _tile_box(tile, data: bytes) -> tuple[int, int, int, int] | None:
    from PIL import Image

    try:
        with warnings.catch_warnings(), Image.open(io.BytesIO(data)) as picture:
            warnings.simplefilter("ignore")
            pixels = picture.size
    except Exception:  # noqa: BLE001 - checked when opened; stretched if this fails
        return None
    scale_x = (look.emu(tile.get("sx")) or SHARE) / SHARE
    scale_y = (look.emu(tile.get("sy")) or SHARE) / SHARE
    width = round(pixels[0] * EMU_PER_PIXEL * abs(scale_x))
    height = round(pixels[1] * EMU_PER_PIXEL * abs(scale_y))
    if width <= 0 or height <= 0:
        return None
    return look.emu(tile.get("tx")) or 0, look.emu(tile.get("ty")) or 0, width, height


# the share of a pattern's cells in its foreground colour (the rest: its background)
_INK = {"pct5": 0.05, "pct10": 0.1, "pct20": 0.2, "pct25": 0.25, "pct30": 0.3, "pct40": 0.4}
_INK |= {"pct50": 0.5, "pct60": 0.6, "pct70": 0.7, "pct75": 0.75, "pct80": 0.8, "pct90": 0.9}


def _pattern(element, theme) -> Fill:
    fore = element.find(qn("a:fgClr"))
    back = element.find(qn("a:bgClr"))
    ink = theme.color(fore[0]) if fore is not None and len(fore) else None
    ground = theme.color(back[0]) if back is not None and len(back) else None
    if ink is None or ground is None:
        return Fill(ink or ground)
    return Fill(mix(ink, ground, _INK.get(element.get("prst", ""), 0.5)))
