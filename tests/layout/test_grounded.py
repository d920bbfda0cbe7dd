"""The measure behind logos and picture frames (``layout/grounded.py``, read from the
pixels by ``outline/pixels.py``): the contrast half of an edge reaches, alpha-weighted."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from deckgen.layout.frames import Picture
from deckgen.layout.geometry import Rect
from deckgen.layout.grounded import reads_at, settle_pictures
from deckgen.outline.pixels import picture_inks

WHITE, GREEN = "FFFFFF", "2E7D32"


def _png(picture) -> bytes:
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    return buf.getvalue()


def test_the_ratio_is_what_half_the_edge_reaches_by_weight():
    # three parts black, one part white, on white: most of the edge reads
    assert reads_at(((3.0, "000000"), (1.0, WHITE)), ((1, WHITE),)) == 21.0
    # one part black, three parts white: most of it vanishes
    assert reads_at(((1.0, "000000"), (3.0, WHITE)), ((1, WHITE),)) == 1.0
    # the ground's own pixels weigh too: a logo over a ground mostly green
    assert round(reads_at(((1.0, GREEN),), ((9, GREEN), (1, WHITE))), 1) == 1.0


def test_a_logos_outline_is_its_opaque_pixels_along_the_see_through_and_a_boxed_one_has_none():
    badge = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(badge).ellipse((10, 10, 190, 90), fill=(46, 125, 50, 255))
    inks = picture_inks(_png(badge), vector=False)
    assert inks.rim_cover < 0.5  # its ring is see-through: nothing to frame
    assert [color for _weight, color in inks.outline] == ["337733"]  # the green, counted
    boxed = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(boxed).ellipse((10, 10, 190, 90), fill=(46, 125, 50))
    inks = picture_inks(_png(boxed), vector=False)
    assert inks.outline == () and inks.rim_cover == 1.0 and inks.rim[0][1] == WHITE


def _picture(data: bytes, **kinds) -> Picture:
    return Picture(Rect(0, 0, 2_000_000, 1_000_000), "", "", "Logo", data=data, **kinds)


def test_the_variant_that_reads_is_kept_and_one_that_reads_nowhere_is_found():
    def badge(color) -> bytes:
        picture = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
        ImageDraw.Draw(picture).rectangle((20, 20, 180, 80), fill=(*color, 255))
        return _png(picture)

    light = _picture(badge((255, 255, 255)), logo=True)
    logo = _picture(badge((46, 125, 50)), logo=True, on_dark=light)

    def inks_of(picture):
        return picture_inks(picture.data, vector=False)

    def on(ground):
        return lambda _index, _picture: ((1, ground),)

    frame = ("6B7280", 0.75)
    (kept,), low = settle_pictures([logo], on(WHITE), inks_of, frame)
    assert kept.data == logo.data and kept.on_dark is None and low == []
    (kept,), low = settle_pictures([logo], on(GREEN), inks_of, frame)
    assert kept.data == light.data and low == []
    alone = _picture(badge((46, 125, 50)), logo=True)
    (kept,), low = settle_pictures([alone], on(GREEN), inks_of, frame)
    assert kept.line is None and len(low) == 1 and low[0].ground == GREEN
    assert 1.0 <= low[0].ratio < 1.2 and not low[0].has_variant
