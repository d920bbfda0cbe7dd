"""SVG pictures, checked before anything draws them.

An SVG is a program as much as a picture: it can run scripts, pull in other files and
URLs, expand entities without end. deckgen draws only what is self-contained: no
DOCTYPE (so no entities), no scripts or event handlers, no foreignObject, and no
reference outside the file but embedded PNG or JPEG data. It is parsed without
entities or network, and its size comes from its width and height (or viewBox).
"""

from __future__ import annotations

import re

from ..errors import Diagnostic, error

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
          "mm": 96 / 25.4}  # fmt: skip
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-z]*)\s*$")
_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]*)", re.IGNORECASE)
_EMBEDDED = ("data:image/png;", "data:image/jpeg;", "data:image/jpg;")
FALLBACK_SIZE = 300  # px, for an SVG that says nothing of its size (as browsers do)


def looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!--")) and b"<svg" in data[:4096].lower()


def check_svg(data: bytes, shown: str, pos) -> tuple[tuple[int, int] | None, list[Diagnostic]]:
    """(width, height) in pixels of a self-contained SVG, or why it is refused."""
    from lxml import etree

    def refuse(why: str, hint: str = "save it again without it, or as PNG") -> tuple:
        return None, [error(f"{shown} is refused: {why}", pos, hint)]

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return refuse("it has a DOCTYPE (entities can expand without end or read files)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return None, [error(f"{shown} is not valid SVG ({exc})", pos, "check the file")]
    if root.tag != SVG_NS + "svg":
        return None, [error(f"{shown} is not an SVG image", pos, "use a PNG, JPEG or SVG file")]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        name = etree.QName(element).localname
        if name == "script":
            return refuse("it has a script")
        if name == "foreignObject":
            return refuse("it embeds foreign content (foreignObject)")
        for attribute, value in element.attrib.items():
            key = etree.QName(attribute).localname
            if key.lower().startswith("on"):
                return refuse(f"it has an event handler ({key})")
            if key == "href" and not _local(value):
                return refuse(f"it refers to another file or address ({value[:60]})")
            if key == "style" and _outside(value):
                return refuse("its style refers to another file or address")
        if name == "style" and (_outside(element.text or "") or "@import" in (element.text or "")):
            return refuse("its style sheet refers to another file or address")
    return _size(root), []


def _local(href: str) -> bool:
    href = href.strip()
    return href.startswith("#") or href.lower().startswith(_EMBEDDED)


def _outside(css: str) -> bool:
    return any(not _local(url) for url in _URL.findall(css) if url)


def _size(root) -> tuple[int, int]:
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            box_w, box_h = float(box[2]), float(box[3])
        except ValueError:
            box_w = box_h = 0.0
        if box_w > 0 and box_h > 0:
            if width is None and height is None:
                width, height = box_w, box_h
            elif width is None:
                width = height * box_w / box_h
            elif height is None:
                height = width * box_h / box_w
    width = width if width and width > 0 else FALLBACK_SIZE
    height = height if height and height > 0 else FALLBACK_SIZE
    return max(1, round(width)), max(1, round(height))


def _length(text: str | None) -> float | None:
    match = _LENGTH.match(text or "")
    if not match or match.group(2) not in _UNITS:
        return None  # absent, a percentage, or a unit of its own: the viewBox decides
    return float(match.group(1)) * _UNITS[match.group(2)]
