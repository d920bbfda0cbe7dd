"""What a picture shows at its edges, read from its checked bytes with Pillow: the colours
of its outer ring (does a screenshot's white edge vanish into a white slide?) and of the
opaque pixels along its outline (does a logo vanish into the ground it is placed on?).

Layout weighs these against the ground under the picture (``layout/grounded.py``); it
reads no file and imports no Pillow, so the talk hands it these summaries
(``Talk.inks``). An SVG is read from the PNG the renderers would draw of it, where the
build gives a way to draw one (``svg_png``); else it is not measured.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

SAMPLE = 256  # the longer side the picture is read at: its edges' colours, not its detail
RIM_SHARE = 0.02  # the outer ring: this share of the shorter side, at least one pixel
REACH = 2  # pixels (at SAMPLE) from a see-through one that count as the outline
SEE_THROUGH = 128  # alpha below which a pixel lets the ground show
LEVELS = 17  # colours are counted to the nearest of 16 steps a channel (0, 17, … 255)

# (weight, "RRGGBB"): how much of the part shows each colour (alpha-weighted pixels)
Inks = tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class PictureInks:
    """A picture's edge colours, alpha-weighted."""

    rim: Inks  # the outer ring's colours
    rim_cover: float  # how opaque the outer ring is (0: see-through, 1: opaque)
    outline: Inks  # the opaque pixels next to see-through ones; (): an opaque picture


def picture_inks(
    data: bytes,
    vector: bool,
    svg_png: Callable[[bytes, int, int], bytes] | None = None,
    aspect: float = 1.0,
) -> PictureInks | None:
    """``data``'s edge colours (``vector``: an SVG, drawn ``aspect`` times as wide as
    high); None where they cannot be read (an SVG without ``svg_png``, or one that
    cannot be drawn)."""
    if vector:
        if svg_png is None:
            return None
        return _svg_inks(data, svg_png, round(aspect, 3))
    return _raster_inks(data)


@lru_cache(maxsize=64)
def _raster_inks(data: bytes) -> PictureInks | None:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (SAMPLE, SAMPLE))  # a JPEG decodes smaller (others: no effect)
        if opened.mode in ("RGB", "RGBA", "L", "LA"):  # made small first: a photo is large
            opened.thumbnail((SAMPLE, SAMPLE), Image.Resampling.BOX)
        picture = opened.convert("RGBA")
    picture.thumbnail((SAMPLE, SAMPLE), Image.Resampling.BOX)
    return _inks(picture)


@lru_cache(maxsize=64)
def _svg_inks(data: bytes, svg_png, aspect: float) -> PictureInks | None:
    wide = aspect >= 1
    width = SAMPLE if wide else max(1, round(SAMPLE * aspect))
    height = max(1, round(SAMPLE / aspect)) if wide else SAMPLE
    try:
        png = svg_png(data, width, height)
    except (MemoryError, RecursionError):
        raise
    except Exception:  # noqa: BLE001 - a picture that cannot be drawn is said by its renderer
        return None
    return _raster_inks(png)


def _inks(picture) -> PictureInks:
    from PIL import Image, ImageChops, ImageFilter

    width, height = picture.size
    steps = [round(value / LEVELS) * LEVELS for value in range(256)]
    *colors, alpha = picture.split()
    counted = Image.merge("RGBA", [band.point(steps) for band in colors] + [alpha])
    ring = max(1, round(min(width, height) * RIM_SHARE))
    rim = _weighed(counted, _band(picture.size, ring))
    cover = sum(rim.values()) / max(_count(_band(picture.size, ring)), 1)
    if alpha.getextrema()[0] >= SEE_THROUGH:  # an opaque picture has no outline of its own
        return PictureInks(_ranked(rim), cover, ())
    # opaque pixels where the ground shows through within REACH pixels, or at the border
    opaque = alpha.point(lambda value: 255 if value >= SEE_THROUGH else 0)
    near = alpha.filter(ImageFilter.MinFilter(2 * REACH + 1))
    near = near.point(lambda value: 255 if value < SEE_THROUGH else 0)
    along = ImageChops.multiply(opaque, ImageChops.lighter(near, _band(picture.size, REACH)))
    return PictureInks(_ranked(rim), cover, _ranked(_weighed(counted, along)))


def _band(size: tuple[int, int], reach: int):
    """A mask of the ``reach`` pixels along the border of a picture of ``size``."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", size, 255)
    width, height = size
    if width > 2 * reach and height > 2 * reach:
        ImageDraw.Draw(mask).rectangle((reach, reach, width - reach - 1, height - reach - 1), 0)
    return mask


def _count(mask) -> int:
    return mask.histogram()[255]


def _weighed(picture, mask) -> dict[str, float]:
    """The colours of ``picture`` where ``mask`` is set, alpha-weighted."""
    from PIL import ImageChops

    masked = picture.copy()
    masked.putalpha(ImageChops.multiply(picture.getchannel("A"), mask))
    weights: dict[str, float] = {}
    for count, (red, green, blue, opacity) in masked.getcolors(picture.width * picture.height):
        if opacity:
            color = f"{red:02X}{green:02X}{blue:02X}"
            weights[color] = weights.get(color, 0.0) + count * opacity / 255
    return weights


MOST_COLORS = 64  # the colours kept, most shown first: the rest are specks


def _ranked(weights: dict[str, float]) -> Inks:
    ranked = sorted(((weight, color) for color, weight in weights.items()), reverse=True)
    return tuple(ranked[:MOST_COLORS])
