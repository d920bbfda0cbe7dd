"""What a sanitised SVG costs to draw, counted before svglib draws it.

svglib draws a ``<use>`` by copying what it names, and a ``clip-path`` by converting
the clip path's shapes again for every element it clips (joining them in time that grows
with the square of their number). So an element counts once for itself and again for
every ``<use>`` and clip reference that repeats it, and a clip path may hold at most
MAX_CLIP_ELEMENTS elements. svglib also looks up each inherited style through every
ancestor: an element nested deeper than FREE_DEPTH costs one more for every further
DEPTH_PER_UNIT levels (10,000 rectangles took 1.3 s side by side, 1.9 s spread over 8
levels and 39 s inside 250 groups). Each element is
visited once (memoised), whatever refers to it, so counting is linear.
"""

from __future__ import annotations

import re

from .svg_names import SVG_NS, XLINK_NS
from .svg_values import LeftOut

SVG = f"{{{SVG_NS}}}"
HREF = f"{{{XLINK_NS}}}href"
CAP = 10**12  # counting stops here: a count past every limit
MAX_CLIP_ELEMENTS = 100  # in one clip path (svglib joins its shapes in quadratic time)
FREE_DEPTH = 8  # levels of nesting an element costs nothing more for
DEPTH_PER_UNIT = 8  # further levels that cost as much as the element itself
_CLIP = re.compile(r"clip-path\s*:\s*url\(#([^)\s]+)\)")


class DrawingCost:
    """Elements and embedded pixels each element of ``root`` draws, repetitions counted;
    ``pixels``: each embedded picture's, by its data address."""

    def __init__(self, root, left: LeftOut, pixels: dict[str, int]) -> None:
        self.root = root
        self.left = left
        self.pixels = pixels
        self.ids = {element.get("id"): element for element in root.iter() if element.get("id")}
        sheets = "".join(sheet.text or "" for sheet in root.iter(SVG + "style"))
        # a style sheet's clip-path may apply to any element: counted for each
        self.sheet_clips = [self.ids[ref] for ref in set(_CLIP.findall(sheets)) if ref in self.ids]
        self.size: dict = {}
        self.depth = {root: 0}
        for element in root.iterdescendants():
            self.depth[element] = self.depth[element.getparent()] + 1

    def total(self) -> tuple[int, int]:
        """(elements, pixels) for the whole picture, once large clip paths are out."""
        clips = list(self.root.iter(SVG + "clipPath"))
        large = [clip for clip in clips if self.of(clip)[0] > MAX_CLIP_ELEMENTS]
        for clip in large:
            self.left.add(f"a clip path of more than {MAX_CLIP_ELEMENTS} elements")
            clip.getparent().remove(clip)
            self.ids.pop(clip.get("id"), None)
        if large:
            self.sheet_clips = [kept for kept in self.sheet_clips if kept not in large]
            self.size.clear()  # what referred to them costs less now
        return self.of(self.root)

    def of(self, start) -> tuple[int, int]:
        on_path: set = set()
        stack = [(start, False)]
        while stack:
            element, done = stack.pop()
            if done:
                on_path.discard(element)
                self.size[element] = self._sum(element)
                continue
            if element in self.size:
                continue
            on_path.add(element)
            stack.append((element, True))
            for part in self._parts(element):
                if part in on_path:
                    self._cut(element)
                elif part not in self.size:
                    stack.append((part, False))
        return self.size[start]

    def _sum(self, element) -> tuple[int, int]:
        parts = [self.size.get(part, (0, 0)) for part in self._parts(element)]
        own = self.pixels.get(element.get(HREF), 0) if element.tag == SVG + "image" else 0
        deeper = max(0, self.depth.get(element, 0) - FREE_DEPTH) / DEPTH_PER_UNIT
        count = 1 + deeper + sum(part[0] for part in parts)
        return min(count, CAP), min(own + sum(part[1] for part in parts), CAP)

    def _parts(self, element) -> list:
        """What drawing ``element`` draws: its children, what its <use> names, its clip
        paths."""
        parts = list(element)
        href = element.get(HREF) if element.tag == SVG + "use" else None
        if href and href[1:] in self.ids:
            parts.append(self.ids[href[1:]])
        for ref in _CLIP.findall("clip-path:" + (element.get("clip-path") or "")):
            if ref in self.ids:
                parts.append(self.ids[ref])
        return parts + self.sheet_clips

    def _cut(self, element) -> None:
        """A cycle: a <use> that closes it draws nothing (a clip path's own shapes are
        drawn without their clip paths, so that cycle costs nothing)."""
        if element.tag == SVG + "use" and element.get(HREF) is not None:
            element.attrib.pop(HREF)
            self.left.add("a <use> that repeats itself")
