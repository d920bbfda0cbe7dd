"""SVG pictures, checked and re-written before anything draws them.

An SVG is a program as much as a picture: it can run scripts, pull in other files and
URLs, expand entities without end. deckgen parses it without entities or network and
never passes its bytes on: ``svg_clean.py`` writes a new SVG from an allow-list of
elements and attributes (CSS through ``svg_css.py``), and that sanitised SVG is what
the deck ships and the PDFs draw. A DOCTYPE, a script, an event handler, foreignObject
or a reference outside the file (but embedded PNG or JPEG data) refuses the picture;
what is merely not drawable is left out with one warning. The picture's size comes
from its width and height (or viewBox): a size that is zero, negative, not a number or
out of range is an error at the outline's line, as are more than MAX_SVG_ELEMENTS
elements.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..errors import Diagnostic, error, quoted, warning
from .svg_names import SVG_NS
from .svg_values import NUMBER, Refusal, number_text, view_box

SVG_TAG = f"{{{SVG_NS}}}svg"
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
          "mm": 96 / 25.4}  # fmt: skip
_LENGTH = re.compile(r"^\s*(" + NUMBER.pattern + r")\s*([a-zA-Z]*)\s*$")
_PERCENT = re.compile(r"^\s*" + NUMBER.pattern + r"\s*%\s*$")
_RELATIVE = {"em", "ex", "rem", "ch", "vw", "vh", "vmin", "vmax"}  # no size of their own
FALLBACK_SIZE = 300  # px, for an SVG that says nothing of its size (as browsers do)
MIN_SIDE, MAX_SIDE = 0.01, 100_000  # px: a side of the picture
MAX_SVG_ELEMENTS = 50_000  # elements in one SVG, each <use> counting what it repeats
SIZE_HINT = "give the <svg> element a positive width and height, or a viewBox"


@dataclass(frozen=True)
class CleanSvg:
    """A sanitised SVG: its bytes, and its size in CSS pixels."""

    data: bytes
    width: int
    height: int


class _SizeProblem(Exception):
    pass


def looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!--")) and b"<svg" in data[:4096].lower()


def check_svg(
    data: bytes, shown: str, pos, max_pixels: int = 40_000_000
) -> tuple[CleanSvg | None, list[Diagnostic]]:
    """The sanitised SVG and its size in pixels, or why it is refused; a warning says
    what was left out. ``max_pixels``: the embedded pictures' pixels, all together."""
    from lxml import etree

    from .svg_clean import Sanitiser
    from .svg_count import DrawingCost

    def refuse(why: str, hint: str = "save it again without it, or as PNG") -> tuple:
        return None, [error(f"{shown} is refused: {why}", pos, hint)]

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return refuse("it has a DOCTYPE (entities can expand without end or read files)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True,
    )  # fmt: skip
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return None, [error(f"{shown} is not valid SVG ({exc})", pos, "check the file")]
    if root.tag != SVG_TAG:
        return None, [error(f"{shown} is not an SVG image", pos, "use a PNG, JPEG or SVG file")]
    count = sum(1 for _ in root.iter())
    if count > MAX_SVG_ELEMENTS:
        return _too_many(shown, pos, f"{count:,}")
    try:
        _stylesheet_links(root)
        size = _size(root)
        sanitiser = Sanitiser(max_pixels)
        clean = sanitiser.clean(root)
    except Refusal as refusal:
        return refuse(refusal.why, refusal.hint)
    except _SizeProblem as problem:
        return None, [error(f"{shown} {problem}", pos, SIZE_HINT)]
    elements, pixels = DrawingCost(clean, sanitiser.left, sanitiser.pictures.pixels).total()
    if elements > MAX_SVG_ELEMENTS:
        return _too_many(
            shown,
            pos,
            f"{elements:,.0f}",
            " (counting what each <use> and clip path repeats, and nesting)",
        )
    if pixels > max_pixels:
        return refuse(
            f"its embedded pictures come to {pixels:,} pixels (counting what each <use> "
            f"repeats), over the limit of {max_pixels // 1_000_000} megapixels",
            "use each embedded picture fewer times, or save the whole as PNG",
        )
    width, height = _set_size(clean, *size)
    problems = []
    left = sanitiser.left.summary()
    if left:
        hint = "the picture is drawn without them; save it without them to silence this"
        problems.append(warning(f"{shown}: left out {left}", pos, hint))
    serialised = etree.tostring(clean, xml_declaration=True, encoding="UTF-8")
    return CleanSvg(serialised, width, height), problems


def _too_many(shown: str, pos, count: str, how: str = "") -> tuple:
    why = f"{shown} has {count} elements{how}, over the limit of {MAX_SVG_ELEMENTS:,}"
    return None, [error(why, pos, "simplify it, or save it as PNG")]


def _stylesheet_links(root) -> None:
    """A ``<?xml-stylesheet?>`` links a style sheet in another file: refused."""
    from lxml import etree

    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter(etree.ProcessingInstruction)]:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-stylesheet":
            raise Refusal("it links a style sheet (<?xml-stylesheet?>)")


def _size(root) -> tuple[float, float, tuple | None]:
    """The picture's width and height in CSS pixels, and its viewBox (None: none)."""
    width, height = _length(root.get("width"), "width"), _length(root.get("height"), "height")
    box = None
    if root.get("viewBox") is not None:
        box = view_box(root.get("viewBox"))
        if box is None or box[2] <= 0 or box[3] <= 0:
            raise _SizeProblem(
                f"has a viewBox of no size or out of range ({quoted(root.get('viewBox')[:40])})"
            )
        if width is None and height is None:
            width, height = box[2], box[3]
        elif width is None:
            width = height * box[2] / box[3]
        elif height is None:
            height = width * box[3] / box[2]
    width = FALLBACK_SIZE if width is None else width
    height = FALLBACK_SIZE if height is None else height
    for side, value in (("width", width), ("height", height)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise _SizeProblem(
                f"is {number_text(value)} pixels in {side}: "
                f"a picture is {MIN_SIDE} to {MAX_SIDE:,} pixels across"
            )
    return width, height, box


def _length(text: str | None, side: str) -> float | None:
    """A width or height in CSS pixels; None when it gives no size of its own (absent,
    auto, a percentage, a relative unit); _SizeProblem when it is not a length."""
    if text is None or text.strip() in ("", "auto") or _PERCENT.match(text):
        return None
    match = _LENGTH.match(text)
    unit = match.group(2).lower() if match else ""
    if match and unit in _RELATIVE:
        return None
    if not match or unit not in _UNITS:
        raise _SizeProblem(f"has a {side} that is not a length ({quoted(text[:40])})")
    value = float(match.group(1)) * _UNITS[unit]
    if not math.isfinite(value):
        raise _SizeProblem(f"has a {side} that is not a length ({quoted(text[:40])})")
    if value <= 0:
        raise _SizeProblem(f"has a {side} of {quoted(text[:40])}: it would show nothing")
    return value


def _set_size(clean, width: float, height: float, box) -> tuple[int, int]:
    """The sanitised root's size: whole pixels, and a viewBox that keeps the drawing
    where it was (user units are CSS pixels when there was none)."""
    shown_w, shown_h = max(1, round(width)), max(1, round(height))
    if box is None:
        box = (0.0, 0.0, width, height)
    clean.set("width", str(shown_w))
    clean.set("height", str(shown_h))
    clean.set("viewBox", " ".join(number_text(part) for part in box))
    return shown_w, shown_h
