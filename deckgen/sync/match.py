"""Which edited slide is which built frame, and which shape which frame item.

A slide is known by its tags (its outline slide and page), else by the ids at the end of
its shapes' names (LibreOffice keeps those, not tags), else, where no slide carries any
id and the counts agree, by its place. A shape is known by its tag, else its name's id,
else by its placeholder type (title, body) or, last, by the text it holds most like a
frame item's. Slides added, deleted or moved come back as such.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..layout.frames import Placeholder, SlideFrame, Table, TextBox
from ..render.pptx.ids import source_key
from .read import ReadShape, ReadSlide


@dataclass
class SlideMatch:
    frames: dict[int, ReadSlide] = field(default_factory=dict)  # frame number -> slide
    added: list[ReadSlide] = field(default_factory=list)
    deleted: list[SlideFrame] = field(default_factory=list)
    moved: list[tuple[SlideFrame, ReadSlide]] = field(default_factory=list)
    by_place: bool = False


def match_slides(frames: tuple[SlideFrame, ...], slides: tuple[ReadSlide, ...]) -> SlideMatch:
    keyed = _keys(frames)
    numbers = {frame.number for frame in frames}
    found = SlideMatch()
    unknown: list[ReadSlide] = []
    for slide in slides:
        number = _tagged(slide, keyed) or _named(slide, numbers)
        if number is None:
            unknown.append(slide)
        elif number in found.frames:
            found.added.append(slide)  # a copy of a slide keeps its ids
        else:
            found.frames[number] = slide
    if unknown:
        _between(frames, slides, found, unknown)
    found.deleted = [frame for frame in frames if frame.number not in found.frames]
    kept = [(slide.number, number) for number, slide in found.frames.items()]
    in_order = _longest_rising([number for _place, number in sorted(kept)])
    by_number = {frame.number: frame for frame in frames}
    found.moved = [
        (by_number[number], slide)
        for number, slide in found.frames.items()
        if number not in in_order
    ]
    return found


def _between(frames, slides, found: SlideMatch, unknown: list[ReadSlide]) -> None:
    """Slides without ids (LibreOffice keeps none on a slide of placeholders) paired
    with the frames left between the same two known slides: in order where as many are
    left on both sides, else by their titles."""
    found.by_place = True
    at = {slide.number: number for number, slide in found.frames.items()}
    missing = {slide.number for slide in unknown}
    gaps: list[tuple[list[ReadSlide], int]] = []  # the slides of a gap, the frame before
    before = 0
    for slide in slides:
        if slide.number in missing:
            if not gaps or gaps[-1][1] != before or gaps[-1][0][-1].number != slide.number - 1:
                gaps.append(([], before))
            gaps[-1][0].append(slide)
        elif slide.number in at:
            before = at[slide.number]
    for gap, after in gaps:
        later = [n for n in sorted(at.values()) if n > after]
        end = later[0] if later else len(frames) + 1
        free = [f for f in frames if after < f.number < end and f.number not in found.frames]
        _pair(found, free, gap)


def _pair(found: SlideMatch, free: list[SlideFrame], gap: list[ReadSlide]) -> None:
    if len(free) == len(gap):
        for frame, slide in zip(free, gap, strict=True):
            found.frames[frame.number] = slide
        return
    built = [frame.title for frame in free]
    edited = [_title(slide) for slide in gap]
    paired = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, built, edited, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                found.frames[free[i1 + k].number] = gap[j1 + k]
                paired.add(gap[j1 + k].number)
    found.added += [slide for slide in gap if slide.number not in paired]


def _title(slide: ReadSlide) -> str:
    for shape in slide.shapes:
        if shape.placeholder in ("title", "ctrTitle"):
            return "".join(run[0] for para in shape.paragraphs for run in para)
    return ""


def _keys(frames) -> dict[tuple[str, str], int]:
    """(DECKGEN_SOURCE, DECKGEN_PAGE) -> frame number, as the build tags them."""
    pages: Counter = Counter()
    keyed = {}
    for frame in frames:
        key = source_key(frame)
        keyed[(key, str(pages[key]))] = frame.number
        pages[key] += 1
    return keyed


def _tagged(slide: ReadSlide, keyed) -> int | None:
    tags = slide.tags
    return keyed.get((tags.get("DECKGEN_SOURCE"), tags.get("DECKGEN_PAGE", "0")))


def _named(slide: ReadSlide, numbers: set[int]) -> int | None:
    said = Counter(shape.key[0] for shape in slide.shapes if shape.key is not None)
    for number, _count in said.most_common():
        if number in numbers:
            return number
    return None


def _longest_rising(values: list[int]) -> set[int]:
    """The values of a longest increasing subsequence (the slides not moved)."""
    best: list[list[int]] = []
    for value in values:
        chains = [chain for chain in best if chain[-1] < value]
        longest = max(chains, key=len, default=[])
        best.append(longest + [value])
    return set(max(best, key=len, default=[]))


_PLACEHOLDER_TYPES = {"title": Placeholder.TITLE, "ctrTitle": Placeholder.TITLE}
_PLACEHOLDER_TYPES |= {"subTitle": Placeholder.SUBTITLE, "body": Placeholder.BODY}


def match_shapes(frame: SlideFrame, slide: ReadSlide) -> list[tuple[int, ReadShape]]:
    """(frame item index, shape) for each item holding text or a table that the slide
    still has."""
    items = {
        index: item for index, item in enumerate(frame.items) if isinstance(item, TextBox | Table)
    }
    pairs: dict[int, ReadShape] = {}
    rest = []
    for shape in slide.shapes:
        if shape.key is not None and shape.key[1] in items and shape.key[1] not in pairs:
            pairs[shape.key[1]] = shape
        else:
            rest.append(shape)
    for shape in list(rest):
        index = _by_placeholder(items, pairs, shape)
        if index is not None:
            pairs[index] = shape
            rest.remove(shape)
    for shape in rest:
        index = _by_text(items, pairs, shape)
        if index is not None:
            pairs[index] = shape
    return sorted(pairs.items())


def _by_placeholder(items, pairs, shape: ReadShape) -> int | None:
    kind = _PLACEHOLDER_TYPES.get(shape.placeholder or "", None)
    if shape.placeholder == "":
        kind = Placeholder.BODY  # a typeless placeholder is a body (an "object")
    if kind is None:
        return None
    for index, item in items.items():
        if index not in pairs and isinstance(item, TextBox) and item.placeholder is kind:
            return index
    return None


def _by_text(items, pairs, shape: ReadShape) -> int | None:
    mine = _words(shape)
    best, best_ratio = None, 0.6
    for index, item in items.items():
        if index in pairs or isinstance(item, Table) != (shape.cells is not None):
            continue
        ratio = SequenceMatcher(None, mine, _item_words(item), autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = index, ratio
    return best


def _words(shape: ReadShape) -> str:
    paragraphs = shape.paragraphs
    if shape.cells is not None:
        paragraphs = tuple(p for row in shape.cells for cell in row for p in cell)
    return "\n".join("".join(run[0] for run in para) for para in paragraphs)


def _item_words(item) -> str:
    if isinstance(item, Table):
        return "\n".join(p.text for row in item.cells for cell in row for p in cell.paragraphs)
    return "\n".join(p.text for p in item.paragraphs)
