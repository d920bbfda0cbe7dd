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
    from PIL import ImageFilter

    width, height = picture.size
    alpha = picture.getchannel("A")
    ring = max(1, round(min(width, height) * RIM_SHARE))
    # where the ground shows through within REACH pixels: the outline is opaque there
    near_clear = alpha.filter(ImageFilter.MinFilter(2 * REACH + 1))
    rim: dict[str, float] = {}
    outline: dict[str, float] = {}
    cover = 0.0
    ring_pixels = 0
    clear = alpha.getextrema()[0] < SEE_THROUGH  # an opaque picture has no outline of its own
    nearest, raw = near_clear.tobytes(), picture.tobytes()  # RGBA, row by row
    for index in range(width * height):
        red, green, blue, opacity = raw[4 * index : 4 * index + 4]
        x, y = index % width, index // width
        weight = opacity / 255
        color = _counted(red, green, blue)
        if x < ring or y < ring or x >= width - ring or y >= height - ring:
            ring_pixels += 1
            cover += weight
            if weight:
                rim[color] = rim.get(color, 0.0) + weight
        at_border = x < REACH or y < REACH or x >= width - REACH or y >= height - REACH
        if clear and opacity >= SEE_THROUGH and (nearest[index] < SEE_THROUGH or at_border):
            outline[color] = outline.get(color, 0.0) + weight
    return PictureInks(_ranked(rim), cover / max(ring_pixels, 1), _ranked(outline))


def _counted(red: int, green: int, blue: int) -> str:
    return "".join(f"{round(value / LEVELS) * LEVELS:02X}" for value in (red, green, blue))


MOST_COLORS = 64  # the colours kept, most shown first: the rest are specks


def _ranked(weights: dict[str, float]) -> Inks:
    ranked = sorted(((weight, color) for color, weight in weights.items()), reverse=True)
    return tuple(ranked[:MOST_COLORS])
