"""The values inside an SVG, checked one by one: numbers, transforms, viewBoxes and
embedded PNG/JPEG pictures. ``Refusal`` says why a whole SVG is refused; ``LeftOut``
counts what the sanitiser left out, for one warning per picture."""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
from collections import Counter
from urllib.parse import unquote_to_bytes

from ..errors import decoder_said, quoted
from .svg_names import MAX_NUMBER

NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
NOT_FINITE = re.compile(r"(?<![a-z])(?:nan|inf)", re.IGNORECASE)
FLAT = 1e-18  # a transform whose determinant is smaller squashes what it holds flat
REFUSED_HINT = "save it again without it, or as PNG"


class Refusal(Exception):
    """The SVG cannot be used at all: it runs code or reaches outside its file."""

    def __init__(self, why: str, hint: str = REFUSED_HINT) -> None:
        super().__init__(why)
        self.why = why
        self.hint = hint


class LeftOut:
    """What the sanitiser left out of one SVG: each kind counted, with a first example."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, what: str, example: str = "") -> None:
        self.counts[what] += 1
        self.examples.setdefault(what, example)

    def summary(self) -> str | None:
        if not self.counts:
            return None
        parts = []
        for what, count in self.counts.most_common(6):
            example = self.examples[what]
            parts.append(f"{what} ×{count}" + (f" (e.g. {example})" if example else ""))
        more = len(self.counts) - 6
        return "; ".join(parts) + (f"; and {more} more kinds" if more > 0 else "")


def numbers_fine(text: str) -> bool:
    """Whether every number in ``text`` is finite and within ±MAX_NUMBER (no NaN, inf)."""
    if NOT_FINITE.search(text):
        return False
    return all(abs(float(number)) <= MAX_NUMBER for number in NUMBER.findall(text))


_UNIT = r"(?:px|pt|pc|in|cm|mm|em|ex|%|deg)?"
_LENGTH = re.compile(r"\s*" + NUMBER.pattern + _UNIT + r"\s*")
_LENGTHS = re.compile(r"\s*(?:" + NUMBER.pattern + _UNIT + r"(?:[\s,]+|\s*$))+")
_POINTS = re.compile(r"[\s,]*(?:" + NUMBER.pattern + r"[\s,]*" + NUMBER.pattern + r"[\s,]*)*")
_PATH = re.compile(r"\s*[Mm][\sMmZzLlHhVvCcSsQqTtAa0-9eE.,+-]*")
_COMMAND = re.compile(r"([MmZzLlHhVvCcSsQqTtAa])([^MmZzLlHhVvCcSsQqTtAa]*)")
_ARITY = {"m": 2, "z": 0, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7}


def path_fine(text: str) -> bool:
    """Path data that starts with a move and gives every command whole sets of numbers
    (svglib fails on a command short of its numbers)."""
    if not _PATH.fullmatch(text):
        return False
    for command, numbers in _COMMAND.findall(text):
        count = len(NUMBER.findall(numbers))
        arity = _ARITY[command.lower()]
        if (count != 0) if arity == 0 else (count == 0 or count % arity):
            return False
    return True


def dashes_fine(text: str) -> bool:
    """A dash array: "none", or lengths none negative and not all zero."""
    if text.strip() == "none":
        return True
    if not _LENGTHS.fullmatch(text):
        return False
    dashes = [float(number) for number in NUMBER.findall(text)]
    return all(dash >= 0 for dash in dashes) and sum(dashes) > 0


def number_value_fine(name: str, text: str) -> bool:
    """Whether a numeric attribute or property is what its grammar allows (one length, a
    list of them, path data, points, an angle), every number finite and in range."""
    from .svg_names import LISTS

    if not numbers_fine(text):
        return False
    if name == "d":
        return path_fine(text)
    if name == "stroke-dasharray":
        return dashes_fine(text)
    if name == "points":
        return bool(_POINTS.fullmatch(text))
    if name == "orient" and text.strip() == "auto":
        return True
    if name in LISTS:
        return (
            text.strip() == "none" and name == "stroke-dasharray" or bool(_LENGTHS.fullmatch(text))
        )
    return bool(_LENGTH.fullmatch(text))


_STEP = re.compile(r"[\s,]*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^()]*)\)")
_ARGUMENTS = {"matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3),
              "skewX": (1,), "skewY": (1,)}  # fmt: skip
_ONLY_NUMBERS = re.compile(r"^(?:[\s,]*" + NUMBER.pattern + r")*[\s,]*$")


def transform(text: str) -> tuple[float, ...] | None:
    """A transform list as one matrix (a, b, c, d, e, f), or None when it cannot be read."""
    matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    at = 0
    while text[at:].strip(" \t\r\n,"):
        step = _STEP.match(text, at)
        if step is None or not _ONLY_NUMBERS.match(step.group(2)):
            return None
        args = [float(arg) for arg in NUMBER.findall(step.group(2))]
        if len(args) not in _ARGUMENTS[step.group(1)]:
            return None
        matrix = _times(matrix, _step(step.group(1), args))
        at = step.end()
    return matrix


def _step(name: str, args: list[float]) -> tuple[float, ...]:
    if name == "matrix":
        return tuple(args)
    if name == "translate":
        return (1, 0, 0, 1, args[0], args[1] if len(args) > 1 else 0)
    if name == "scale":
        return (args[0], 0, 0, args[-1], 0, 0)
    if name == "rotate":
        turn = math.radians(args[0])
        cos, sin = math.cos(turn), math.sin(turn)
        rotation = (cos, sin, -sin, cos, 0, 0)
        if len(args) == 1:
            return rotation
        around = _times((1, 0, 0, 1, args[1], args[2]), rotation)
        return _times(around, (1, 0, 0, 1, -args[1], -args[2]))
    tangent = math.tan(math.radians(args[0]))
    return (1, 0, tangent, 1, 0, 0) if name == "skewX" else (1, tangent, 0, 1, 0, 0)


def _times(first: tuple, second: tuple) -> tuple[float, ...]:
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)  # fmt: skip


def matrix_problem(matrix: tuple[float, ...]) -> str | None:
    """Why a transform cannot be drawn: "range" (a value not finite or beyond
    ±MAX_NUMBER) or "flat" (it squashes what it holds to a line or a point)."""
    if not all(math.isfinite(value) and abs(value) <= MAX_NUMBER for value in matrix):
        return "range"
    return "flat" if abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]) < FLAT else None


def number_text(value: float) -> str:
    return format(value, ".12g")


def view_box(text: str) -> tuple[float, float, float, float] | None:
    """A viewBox's four numbers, or None when it is not four finite numbers in range."""
    parts = text.replace(",", " ").split()
    if len(parts) != 4 or not all(NUMBER.fullmatch(part) for part in parts):
        return None
    box = tuple(float(part) for part in parts)
    return box if all(abs(value) <= MAX_NUMBER for value in box) else None


_DATA = re.compile(r"data:image/(png|jpe?g)((?:;[^,;]*)*?)(;base64)?,(.*)", re.I | re.S)
SIGNATURES = {b"\x89PNG\r\n\x1a\n": ("PNG", "image/png"), b"\xff\xd8\xff": ("JPEG", "image/jpeg")}


class PixelBudget:
    """Embedded pictures of one SVG: decoded once each, their pixels counted together."""

    def __init__(self, max_pixels: int) -> None:
        self.max_pixels = max_pixels
        self.left = max_pixels
        self.seen: dict[str, str] = {}
        self.pixels: dict[str, int] = {}  # each canonical data: address, its pixels

    def embedded(self, href: str) -> str:
        """``href`` (a data: address) as the canonical data:image/…;base64 address of
        the PNG or JPEG it holds, decoded whole; else Refusal."""
        if href not in self.seen:
            self.seen[href] = self._check(href)
        return self.seen[href]

    def _check(self, href: str) -> str:
        match = _DATA.fullmatch(href.strip())
        if match is None:
            raise Refusal(f"it embeds data other than PNG or JPEG ({quoted(href[:40])})")
        try:
            payload = match.group(4)
            raw = (
                base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
                if match.group(3)
                else unquote_to_bytes(payload)
            )
        except (binascii.Error, ValueError):
            raise Refusal("it embeds a picture whose data is not valid base64") from None
        kind = next((found for magic, found in SIGNATURES.items() if raw.startswith(magic)), None)
        if kind is None:
            raise Refusal("it embeds data that is not a PNG or JPEG picture")
        canonical = f"data:{kind[1]};base64,{base64.b64encode(raw).decode('ascii')}"
        self.pixels[canonical] = self._decode(raw, kind[0])
        return canonical

    def _decode(self, raw: bytes, kind: str) -> int:
        from PIL import Image

        limit = f"{self.max_pixels // 1_000_000} megapixels"
        hint = "scale the embedded picture down, or save it as its own PNG or JPEG"
        try:
            with Image.open(io.BytesIO(raw), formats=[kind]) as image:
                width, height = image.size
                if width <= 0 or height <= 0 or width * height > self.left:
                    raise Refusal(
                        f"its embedded pictures come to more than {limit} "
                        f"(one is {width:,} × {height:,})",
                        hint,
                    )
                image.load()
        except Image.DecompressionBombError:
            raise Refusal(f"it embeds a picture of more than {limit}", hint) from None
        except Refusal:
            raise
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for damaged files
            reason = decoder_said(exc)
            raise Refusal(f"it embeds a {kind} that cannot be decoded ({reason})") from None
        self.left -= width * height
        return width * height
