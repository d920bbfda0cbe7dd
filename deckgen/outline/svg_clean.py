"""An SVG re-written from an allow-list: the one the deck ships and the PDFs draw.

Each element and attribute of the parsed SVG is judged and, if kept, copied into a new
tree, which is then serialised; nothing of the original bytes is passed on.

- **Refused** (``Refusal``, the picture is an error): what runs code or reaches outside
  the file, wherever it stands, even inside what would be left out: ``<script>``,
  ``<foreignObject>``, an event handler (``on…``), an ``href`` that is not ``#id`` or
  embedded PNG/JPEG data, a url() that is not ``#id`` (CSS escapes decoded), ``@import``,
  animation values that would set such an ``href``; an embedded picture that is not a
  whole PNG or JPEG, or over the pixel limit.
- **Left out, with one warning**: SVG elements not on the list (animation, filters, SVG
  fonts, ``<view>``…), values that are not finite numbers within ±1e9, transforms that
  cannot be read, elements a transform squashes flat or a viewBox of no area hides,
  an ``<image>`` without embedded data, CSS it cannot use.
- **Left out silently**: comments, processing instructions, ``<metadata>``, elements and
  attributes of other namespaces (an editor's own), attributes SVG does not draw with,
  repeated ids.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import quoted
from .svg_css import check_urls, clean_declarations, clean_sheet, clean_value
from .svg_names import (
    ATTRIBUTES,
    ELEMENTS,
    LOCAL_HREF,
    NUMERIC,
    PRESENTATION,
    REFUSED_ELEMENTS,
    SILENT_ELEMENTS,
    SVG_NS,
    TRANSFORMS,
    XLINK_NS,
    XML_NS,
)
from .svg_values import (
    LeftOut,
    PixelBudget,
    Refusal,
    matrix_problem,
    number_text,
    number_value_fine,
    transform,
    view_box,
)

SVG = f"{{{SVG_NS}}}"
HREF = f"{{{XLINK_NS}}}href"
TEXT_ELEMENTS = frozenset({"text", "tspan", "textPath", "title", "desc", "a"})
ANIMATION_VALUES = ("to", "from", "by", "values")
ID = re.compile(r"[A-Za-z_][\w.:-]*")
CLASSES = re.compile(r"[\w\s-]*")
ROOT_SIZE = ("width", "height", "viewBox")  # the root's: set by svg.py from its size
_DROP = object()  # an attribute's verdict: leave the whole element out


class Sanitiser:
    """One SVG's clean copy: ``Sanitiser(max_pixels).clean(root)``; ``left`` then says
    what was left out."""

    def __init__(self, max_pixels: int) -> None:
        self.left = LeftOut()
        self.pictures = PixelBudget(max_pixels)
        self.ids: set[str] = set()

    def clean(self, root) -> etree._Element:
        new = etree.Element(SVG + "svg", nsmap={None: SVG_NS, "xlink": XLINK_NS})
        self._attributes(root, new, is_root=True)
        self._children(root, new)
        return new

    def _children(self, source, new) -> None:
        """``source``'s children judged into ``new`` (None: only checked, nothing kept)."""
        keeps_text = new is not None and etree.QName(source).localname in TEXT_ELEMENTS
        if keeps_text:
            new.text = source.text
        for child in source:
            kept = self._element(child, new) if isinstance(child.tag, str) else None
            if keeps_text and child.tail:
                _append_text(new, kept, child.tail)

    def _element(self, source, parent):
        """``source`` judged; its copy in ``parent`` if kept (and ``parent`` is not None)."""
        name = etree.QName(source)
        if name.namespace != SVG_NS or name.localname in SILENT_ELEMENTS:
            return None  # an editor's own data, never drawn
        local = name.localname
        if local in REFUSED_ELEMENTS:
            raise Refusal(REFUSED_ELEMENTS[local])
        keep = parent is not None and local in ELEMENTS
        if parent is not None and not keep:
            self.left.add("an element a slide does not show", f"<{local}>")
        new = etree.SubElement(parent, SVG + local) if keep else None
        if self._attributes(source, new) is _DROP and new is not None:
            parent.remove(new)
            self._children(source, None)
            return None
        if local == "style":
            _style_sheet(source, new, self.left)
        elif local == "image" and new is not None and new.get(HREF) is None:
            self.left.add("a picture without embedded PNG or JPEG data", "<image>")
            parent.remove(new)
            return None
        else:
            self._children(source, new)
        return new

    def _attributes(self, source, new, is_root: bool = False):
        """Each attribute of ``source`` checked, the ones kept set on ``new``; _DROP when
        one of them means the element is not drawn at all."""
        local = etree.QName(source).localname
        animated_href = (source.get("attributeName") or "").strip().endswith("href")
        for attribute, value in source.attrib.items():
            key = etree.QName(attribute)
            if key.localname.lower().startswith("on"):
                raise Refusal(f"it has an event handler ({key.localname})")
            if key.localname == "href":
                href = self._href(local, value, new is not None)
                if href and new is not None and new.get(HREF) is None:
                    new.set(HREF, href)
                continue
            if "(" in value:
                check_urls(_tokens(value))
            if animated_href and key.localname in ANIMATION_VALUES and key.namespace is None:
                for part in value.split(";"):
                    self._href(local, part, keep=False)
            if new is None or (is_root and key.localname in ROOT_SIZE):
                continue
            verdict = self._value(local, key, value)
            if verdict is _DROP:
                return _DROP
            if verdict is not None:
                new.set(attribute if key.namespace else key.localname, verdict)
        return None

    def _href(self, element: str, value: str, keep: bool) -> str | None:
        """What an ``href`` becomes (None: left out); Refusal when it leaves the file."""
        target = value.strip()
        if target.startswith("#") and ID.fullmatch(target[1:]):
            return target if element in LOCAL_HREF else None
        if target.lower().startswith("data:"):
            if element != "image" and not target.lower().startswith(
                ("data:image/png", "data:image/jp")
            ):
                raise Refusal(f"it embeds data other than PNG or JPEG ({quoted(target[:40])})")
            embedded = self.pictures.embedded(target)
            return embedded if keep and element == "image" else None
        if not target:
            return None
        raise Refusal(f"it refers to another file or address ({quoted(target[:60])})")

    def _value(self, element: str, key, value: str):
        """An attribute's value as kept, None (left out) or _DROP (the element goes)."""
        name = key.localname
        if key.namespace == XML_NS:
            return value if name in ("space", "lang") and "(" not in value else None
        if key.namespace is not None or name not in ATTRIBUTES:
            return None
        where = element
        if name == "id":
            return self._id(value)
        if name == "class":
            return value if CLASSES.fullmatch(value) else None
        if name == "style":
            return clean_declarations(value, self.left, where) or None
        if name in TRANSFORMS:
            return self._transform(name, value, where)
        if name == "viewBox":
            return self._view_box(value, where)
        if name in PRESENTATION:
            return clean_value(name, value, self.left, where)
        if (
            "(" in value
            or "\\" in value
            or (name in NUMERIC and not number_value_fine(name, value))
        ):
            self.left.add("a value it cannot use", f"{name}={quoted(value[:24])} on <{where}>")
            return None
        return value

    def _id(self, value: str) -> str | None:
        if not ID.fullmatch(value) or value in self.ids:
            return None
        self.ids.add(value)
        return value

    def _transform(self, name: str, value: str, where: str):
        matrix = transform(value)
        problem = "unreadable" if matrix is None else matrix_problem(matrix)
        if problem == "flat":
            self.left.add(
                "an element its transform squashes flat", f"{quoted(value[:30])} on <{where}>"
            )
            return _DROP
        if problem is not None:
            self.left.add("a value it cannot use", f"{name}={quoted(value[:24])} on <{where}>")
            return None
        return "matrix(" + " ".join(number_text(part) for part in matrix) + ")"

    def _view_box(self, value: str, where: str):
        box = view_box(value)
        if box is None:
            self.left.add("a value it cannot use", f"viewBox={quoted(value[:24])} on <{where}>")
            return None
        if box[2] <= 0 or box[3] <= 0:
            self.left.add("an element whose viewBox has no area", f"<{where}>")
            return _DROP
        return " ".join(number_text(part) for part in box)


def _tokens(value: str):
    import tinycss2

    return tinycss2.parse_component_value_list(value, skip_comments=True)


def _append_text(parent, kept, text: str) -> None:
    """Text after a child stays where it was, whether the child was kept or not."""
    if kept is not None:
        kept.tail = text
        return
    last = parent[-1] if len(parent) else None
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _style_sheet(source, new, left: LeftOut) -> None:
    """A ``<style>`` element's CSS, cleaned (type text/css only)."""
    kind = (source.get("type") or "text/css").strip().lower()
    text = "".join(source.itertext())
    if kind != "text/css":
        check_urls(_tokens(text))
        left.add("a style sheet it cannot read", quoted(kind[:20]))
        if new is not None:
            new.getparent().remove(new)
        return
    sheet = clean_sheet(text, left)
    if new is not None:
        new.text = sheet
