"""Pictures against what lies under them, settled once a slide's items and ground are
known: the logo's variant that reads there (else a warning), and a hairline frame round a
picture whose edge is near its ground (a screenshot's white edge on a white slide).

Both weigh a picture's edge colours (``outline/pixels.py``, alpha-weighted) against the
colours under its box by WCAG's non-text contrast (1.4.11: 3:1). A logo's edge is its
opaque pixels along its outline, a picture's its outer ring. The measure is the ratio at
least half the edge reaches: the weighted median over each edge colour against each
ground colour, so a two-colour logo half of whose outline reads still reads, and a speck
decides nothing. A logo without see-through pixels brings its own ground (a box) and
reads on it; an SVG is measured from the PNG its renderers would draw.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .colors import contrast
from .frames import Item, Picture

NON_TEXT = 3.0  # WCAG 2.1 1.4.11: a graphic's parts against what is next to them
COVERED = 0.5  # a picture's outer ring at least this opaque has an edge to frame

# (pixels, "RRGGBB") under a box; and what lies under the ``index``-th item's box
Under = tuple[tuple[int, str], ...]
GroundOf = Callable[[int, Picture], Under]
InksOf = Callable[[Picture], object]  # a placed picture's PictureInks, None where unread


@dataclass(frozen=True)
class LowLogo:
    """A logo that reads below 3:1 where it stands."""

    ground: str  # the colour most of the ground under it shows
    ratio: float  # the better variant's
    has_variant: bool  # the theme gives on_dark, and neither reads


@functools.lru_cache(maxsize=1024)  # the same logo on the same ground, slide after slide
def reads_at(inks: tuple[tuple[float, str], ...], under: Under) -> float:
    """The contrast at least half of ``inks`` (by weight) reaches on ``under``."""
    pairs = sorted(
        (contrast(ink, ground), weight * count) for weight, ink in inks for count, ground in under
    )
    half = sum(weight for _ratio, weight in pairs) / 2
    seen = 0.0
    for ratio, weight in pairs:
        seen += weight
        if seen >= half:
            return ratio
    return 21.0  # nothing to weigh: nothing vanishes


def settle_pictures(
    items: Sequence[Item], ground_of: GroundOf, inks_of: InksOf, frame: tuple[str, float]
) -> tuple[list[Item], list[LowLogo]]:
    """``items`` with each picture settled: a logo's variant chosen, a frame (``frame``:
    colour and width) drawn where asked or where its edge is near its ground; and each
    logo that reads below 3:1 wherever it stands."""
    settled: list[Item] = []
    low: list[LowLogo] = []
    for index, item in enumerate(items):
        if not isinstance(item, Picture):
            settled.append(item)
            continue
        if item.logo:
            item, found = _logo(item, ground_of(index, item), inks_of)
            low += found
        framed = item.frame if item.frame is not None else _near(item, ground_of, index, inks_of)
        line = frame if framed else (None, 0.0)
        settled.append(replace(item, frame=framed, on_dark=None, line=line[0], line_width=line[1]))
    return settled, low


def _logo(logo: Picture, under: Under, inks_of: InksOf) -> tuple[Picture, list[LowLogo]]:
    """The logo's variant that reads on ``under`` (the light one where only it does, the
    better where neither does), and the finding where none does."""
    variants = [logo] + ([logo.on_dark] if logo.on_dark is not None else [])
    rated = []
    for variant in variants:
        inks = inks_of(variant)
        if inks is None or not inks.outline or not under:
            return logo, []  # unread, or a logo on its own box: it reads on that
        rated.append((reads_at(inks.outline, under), variant))
    if rated[0][0] >= NON_TEXT:
        return logo, []
    ratio, best = max(rated, key=lambda pair: pair[0])
    if ratio >= NON_TEXT:
        return best, []
    most = max(under)[1]
    return best, [LowLogo(most, ratio, len(variants) > 1)]


def _near(picture: Picture, ground_of: GroundOf, index: int, inks_of: InksOf) -> bool:
    """Whether ``picture``'s outer ring is opaque and within 3:1 of the ground under it."""
    inks = inks_of(picture)
    if inks is None or inks.rim_cover < COVERED or not inks.rim:
        return False
    under = ground_of(index, picture)
    return bool(under) and reads_at(inks.rim, under) < NON_TEXT
