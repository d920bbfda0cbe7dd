"""A template's pictures: checked when the package is, decoded only within the limits.

Every part of a template that is a PNG or JPEG by its signature (backgrounds, logos,
photographs on masters and layouts) is held to the outline's picture rules: its size read
from its header before anything is decoded (at most 40 megapixels), then decoded whole,
so a damaged picture is refused when the template is opened, never mid-build. All of
them together may hold at most :data:`MAX_TEMPLATE_PIXELS`. What deckgen later decodes
again (the average colour of a background, the PDFs' drawing of the scenery) is only
ever one of these checked pictures.
"""

from __future__ import annotations

import io
import warnings
import weakref

from ..errors import decoder_said, quoted
from ..outline.files import MAX_PICTURE_PIXELS, PICTURE_FORMATS
from .zipped import PackageRefusal

_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_BLIP = ".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip"

MAX_TEMPLATE_PIXELS = 200_000_000  # all of a template's pictures together
MAX_DRAWN_SIDE = 2048  # pixels across a template picture the PDFs draw (a copy if larger)
_FIX = "open the template, replace the picture with a PNG or JPEG and save it again"
_SMALLER = "scale it down: a slide needs at most about 4000 pixels across"


def picture_kind(data: bytes) -> str | None:
    """ "PNG" or "JPEG" by the signature, else None."""
    return next((kind for magic, kind in PICTURE_FORMATS.items() if data.startswith(magic)), None)


def checked_pictures(pictures: list[tuple[str, bytes]]) -> None:
    """Refuse (zipped.PackageRefusal) a picture over the limit, all of them over the total, or
    one that cannot be decoded: sizes from the headers first, then every pixel."""
    total = sum(_pixels(name, data) for name, data in pictures)
    if total > MAX_TEMPLATE_PIXELS:
        raise PackageRefusal(
            f"its pictures hold {total / 1_000_000:,.1f} megapixels together, over the limit "
            f"of {MAX_TEMPLATE_PIXELS // 1_000_000:,}",
            "scale its pictures down: a slide needs at most about 4000 pixels across",
        )
    for name, data in pictures:
        _opened(name, data, decode=True)


def _pixels(name: str, data: bytes) -> int:
    return _opened(name, data, decode=False)


def _opened(name: str, data: bytes, decode: bool) -> int:
    """The picture's pixels from its header (checked against the limit), and with
    ``decode`` every pixel decoded."""
    from PIL import Image

    shown = f"the picture {quoted(name)}"
    kind = picture_kind(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's notes on large pictures and palettes
            with Image.open(io.BytesIO(data), formats=[kind]) as picture:
                width, height = picture.size
                if width <= 0 or height <= 0:
                    raise PackageRefusal(f"{shown} has no pixels ({width} × {height})", _FIX)
                if width * height > MAX_PICTURE_PIXELS:
                    raise PackageRefusal(
                        f"{shown} is {width:,} × {height:,} pixels, over the limit of "
                        f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels",
                        _SMALLER,
                    )
                if decode:
                    picture.load()  # every pixel now: a damaged picture fails here
    except Image.DecompressionBombError:
        raise PackageRefusal(
            f"{shown} declares more than {MAX_PICTURE_PIXELS // 1_000_000} megapixels", _SMALLER
        ) from None
    except PackageRefusal:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for damaged files
        raise PackageRefusal(f"{shown} cannot be decoded ({decoder_said(exc)})", _FIX) from None
    return width * height


def picture_color(element, part) -> str | None:
    """The average colour of the picture an element's blip shows (a PNG or JPEG in the
    package, checked when it was opened), worked out once per picture."""
    blip = element.find(_BLIP)
    rid = blip.get(_EMBED) if blip is not None else None
    picture = related_picture(part, rid)
    if picture is None:
        return None
    if picture not in _AVERAGES:
        _AVERAGES[picture] = _average(drawable(picture))
    return _AVERAGES[picture]


def drawable(picture) -> bytes:
    """A checked picture part's bytes as the PDFs draw it: itself, or where it is over
    :data:`MAX_DRAWN_SIDE` pixels across, a copy scaled down to that (made once), so the
    PDFs never hold a template's full-size photographs in memory."""
    if picture not in _DRAWABLE:
        _DRAWABLE[picture] = _scaled_down(picture.blob)
    return _DRAWABLE[picture]


_DRAWABLE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # picture part -> bytes


# 16- and 32-bit grey (a 16-bit greyscale PNG): Pillow's conversions to 8 bits clip them,
# so a grey gradient came out white in the PDFs and in the colour judged behind text
WIDE_GREYS = ("I;16", "I;16B", "I;16L", "I;16N", "I", "F")


def eight_bit(picture):
    """``picture`` as 8-bit grey where it is wider grey (0-65535 scaled to 0-255), else
    itself."""
    if picture.mode not in WIDE_GREYS:
        return picture
    return picture.convert("I").point(lambda value: value * (1 / 256)).convert("L")


def _scaled_down(data: bytes) -> bytes:
    from PIL import Image

    kind = picture_kind(data)
    try:
        with warnings.catch_warnings(), Image.open(io.BytesIO(data), formats=[kind]) as picture:
            warnings.simplefilter("ignore")
            wide = picture.mode in WIDE_GREYS
            if max(picture.size) <= MAX_DRAWN_SIDE and not wide:
                return data
            picture.draft(picture.mode, (MAX_DRAWN_SIDE, MAX_DRAWN_SIDE))  # JPEG: decode smaller
            picture = eight_bit(picture)
            picture.thumbnail((MAX_DRAWN_SIDE, MAX_DRAWN_SIDE))
            out = io.BytesIO()
            if kind == "JPEG":
                shown = picture if picture.mode in ("RGB", "L") else picture.convert("RGB")
                shown.save(out, "JPEG", quality=90)
            else:
                plain = picture.mode in ("RGB", "RGBA", "L", "LA", "P", "1")
                (picture if plain else picture.convert("RGBA")).save(out, "PNG")
    except Exception:  # noqa: BLE001 - checked when opened; drawn as it is if this fails
        return data
    return out.getvalue()


_AVERAGES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # picture part -> colour


def related_picture(part, rid: str | None):
    """The PNG or JPEG part ``rid`` names from ``part``; None for a missing, linked
    (external) or other kind of picture."""
    rel = part.rels.get(rid) if rid else None
    if rel is None or rel.is_external:
        return None
    target = rel.target_part
    return target if picture_kind(target.blob) else None


def _average(data: bytes) -> str | None:
    try:
        from PIL import Image, ImageStat

        with warnings.catch_warnings(), Image.open(io.BytesIO(data)) as picture:
            warnings.simplefilter("ignore")  # Pillow's notes on palettes: the mean is all we use
            picture.draft("RGB", (64, 64))
            small = eight_bit(picture).convert("RGB").resize((32, 32))
        mean = ImageStat.Stat(small).mean
    except Exception:  # noqa: BLE001 - an undrawable picture only loses its colour
        return None
    return "".join(f"{round(v):02X}" for v in mean[:3])
