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


class _Problem(Exception):
    """Why an SVG cannot be used that is not a refusal: not SVG, no size, too large."""

    def __init__(self, why: str, hint: str = SIZE_HINT) -> None:
        super().__init__(why)
        self.why = why
        self.hint = hint


def looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!--")) and b"<svg" in data[:4096].lower()


def check_svg(
    data: bytes, shown: str, pos, max_pixels: int = 40_000_000
) -> tuple[CleanSvg | None, list[Diagnostic]]:
    """The sanitised SVG and its size in pixels, or why it is refused; a warning says
    what was left out. ``max_pixels``: the embedded pictures' pixels, all together."""
    from .svg_clean import Sanitiser

    sanitiser = Sanitiser(max_pixels)
    try:
        svg = _sanitised(_parsed(data), sanitiser)
    except Refusal as refusal:
        return None, [error(f"{shown} is refused: {refusal.why}", pos, refusal.hint)]
    except _Problem as problem:
        return None, [error(f"{shown} {problem.why}", pos, problem.hint)]
    left = sanitiser.left.summary()
    if not left:
        return svg, []
    hint = "the picture is drawn without them; save it without them to silence this"
    return svg, [warning(f"{shown}: left out {left}", pos, hint)]


def _parsed(data: bytes):
    """The SVG's root element, parsed without entities or network; no DOCTYPE, within
    the element limit."""
    from lxml import etree

    doctype = "it has a DOCTYPE (entities can expand without end or read files)"
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise Refusal(doctype)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True,
    )  # fmt: skip
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _Problem(f"is not valid SVG ({exc})", "check the file") from None
    if root.getroottree().docinfo.doctype:  # spelt in an encoding the byte check missed
        raise Refusal(doctype)
    if root.tag != SVG_TAG:
        raise _Problem("is not an SVG image", "use a PNG, JPEG or SVG file")
    count = sum(1 for _ in root.iter())
    if count > MAX_SVG_ELEMENTS:
        raise _too_many(f"{count:,}")
    _stylesheet_links(root)
    return root


def _sanitised(root, sanitiser) -> CleanSvg:
    """The SVG re-written by ``sanitiser``, its drawing cost within the limits."""
    from lxml import etree

    from .svg_count import DrawingCost

    size = _size(root)
    clean = sanitiser.clean(root)
    elements, pixels = DrawingCost(clean, sanitiser.left, sanitiser.pictures.pixels).total()
    if elements > MAX_SVG_ELEMENTS:
        raise _too_many(
            f"{elements:,.0f}", " (counting what each <use> and clip path repeats, and nesting)"
        )
    limit = sanitiser.pictures.max_pixels
    if pixels > limit:
        raise Refusal(
            f"its embedded pictures come to {pixels:,} pixels (counting what each <use> "
            f"repeats), over the limit of {limit // 1_000_000} megapixels",
            "use each embedded picture fewer times, or save the whole as PNG",
        )
    width, height = _set_size(clean, *size)
    serialised = etree.tostring(clean, xml_declaration=True, encoding="UTF-8")
    return CleanSvg(serialised, width, height)


def _too_many(count: str, how: str = "") -> _Problem:
    return _Problem(
        f"has {count} elements{how}, over the limit of {MAX_SVG_ELEMENTS:,}",
        "simplify it, or save it as PNG",
    )


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
            raise _Problem(
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
            raise _Problem(
                f"is {number_text(value)} pixels in {side}: "
                f"a picture is {MIN_SIDE} to {MAX_SIDE:,} pixels across"
            )
    return width, height, box


def _length(text: str | None, side: str) -> float | None:
    """A width or height in CSS pixels; None when it gives no size of its own (absent,
    auto, a percentage, a relative unit); _Problem when it is not a length."""
    if text is None or text.strip() in ("", "auto") or _PERCENT.match(text):
        return None
    match = _LENGTH.match(text)
    unit = match.group(2).lower() if match else ""
    if match and unit in _RELATIVE:
        return None
    if not match or unit not in _UNITS:
        raise _Problem(f"has a {side} that is not a length ({quoted(text[:40])})")
    value = float(match.group(1)) * _UNITS[unit]
    if not math.isfinite(value):
        raise _Problem(f"has a {side} that is not a length ({quoted(text[:40])})")
    if value <= 0:
        raise _Problem(f"has a {side} of {quoted(text[:40])}: it would show nothing")
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
