"""The outline's text a built slide can show: every text scalar of its outline slide (or
divider), with its path from the outline's root and how the build shows it (the
audience's override in place of what it replaces, ``{variables}`` filled, as the
Markdown subset ``markdown.py`` writes), then the ``meta`` texts the title slide shows.

A built paragraph is traced to the scalar it shows; what no scalar shows is text the
build generated (agenda lines, labels, numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from ..inline import spans
from ..layout.frames import Run
from ..layout.text import reflow
from ..outline.tailor import fill
from ..outline.yamltree import PosDict, PosList
from .markdown import markdown

OutlineSteps = tuple[str | int, ...]  # a scalar's path from the outline's root

# keys whose strings are not text a slide shows (or are code, kept as written)
_NOT_TEXT = frozenset(
    {"kind", "id", "only", "skip", "layout", "concept", "path", "minutes", "font"}
    | {"colors", "template", "code", "language", "cue", "reference", "logo", "icon"}
    | {"overrides", "slides", "data", "values", "type", "unit", "frame", "on_dark"}
)
_META_SHOWN = ("title", "subtitle", "presenter", "organisation", "date")


@dataclass(frozen=True)
class Candidate:
    path: OutlineSteps  # from the outline's root
    source: str  # the scalar as the outline holds it
    shown: str  # as the build shows it: variables filled, Markdown as markdown.py writes
    notes: bool  # speaker notes (a slide's notes page), else slide text


def shown_text(source: str, values: Mapping[str, str], notes: bool = False) -> str:
    """``source`` as a built paragraph shows it, a line a paragraph (``notes``: reflowed
    as the notes page shows them)."""
    filled = fill(source, values)
    return line_markdown(reflow(filled) if notes else filled)


def line_markdown(text: str) -> str:
    """Outline text as the edited deck's paragraphs read back: a line a paragraph, each
    in the Markdown ``markdown.py`` writes."""
    lines: list[list[Run]] = [[]]
    for span in spans(text):
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].append(Run(piece, span.bold, span.italic, None, span.code, span.link))
    return "\n".join(markdown(line) for line in lines)


def candidates(
    tree: PosDict,
    path: OutlineSteps,
    audience: str | None,
    values: Mapping[str, str],
    shown: Callable[[OutlineSteps], str | None] | None = None,
) -> list[Candidate]:
    """Every text scalar the frame from ``path`` can show, in outline order; ``shown``:
    what a translated build showed in each scalar's place (None: the scalar itself)."""
    values = _Showing(values, shown)
    node = _at(tree, path)
    found: list[Candidate] = []
    if isinstance(node, PosDict):
        overrides = node.get("overrides")
        own = overrides.get(audience) if isinstance(overrides, PosDict) and audience else None
        replaced = set(own) if isinstance(own, PosDict) else set()
        for rel, text in _leaves(node, ()):
            if rel and rel[0] in replaced:
                continue
            found.append(_candidate(path + rel, rel, text, values))
        if replaced:
            base = path + ("overrides", audience)
            for rel, text in _leaves(own, ()):
                found.append(_candidate(base + rel, rel, text, values))
    meta = tree.get("meta") if isinstance(tree, PosDict) else None
    if isinstance(meta, PosDict):
        for key in _META_SHOWN:
            if isinstance(meta.get(key), str):
                found.append(_candidate(("meta", key), (key,), meta[key], values))
    return found


def located(tree: PosDict, path: OutlineSteps, pos) -> OutlineSteps | None:
    """``path`` where the outline's node there starts at ``pos`` (the frame's outline
    slide or section), else the path of the section or slide that does (an overlay's
    drop or add moves indices), else None: the text came from an overlay."""
    if pos is None:
        return None
    node = _at(tree, path) if path else None
    if isinstance(node, PosDict) and _same(node.source_pos, pos):
        return path
    sections = tree.get("sections") if isinstance(tree, PosDict) else None
    for i, section in enumerate(sections if isinstance(sections, PosList) else ()):
        if isinstance(section, PosDict) and _same(section.source_pos, pos):
            return ("sections", i)
        slides = section.get("slides") if isinstance(section, PosDict) else None
        for j, slide in enumerate(slides if isinstance(slides, PosList) else ()):
            if isinstance(slide, PosDict) and _same(slide.source_pos, pos):
                return ("sections", i, "slides", j)
    return None


def _same(one, other) -> bool:
    return (one.file, one.line, one.col) == (other.file, other.line, other.col)


@dataclass(frozen=True)
class _Showing:
    """The values a build filled in, and what a translated build showed for a scalar."""

    values: Mapping[str, str]
    shown: Callable[[OutlineSteps], str | None] | None


def _candidate(path: OutlineSteps, rel: OutlineSteps, text: str, showing: _Showing) -> Candidate:
    notes = bool(rel) and rel[0] == "notes"
    if showing.shown is not None:
        text = showing.shown(path) or text
    return Candidate(path, text, shown_text(text, showing.values, notes), notes)


def _at(tree, path: OutlineSteps):
    node = tree
    for step in path:
        listed = isinstance(step, int) and isinstance(node, PosList) and 0 <= step < len(node)
        keyed = isinstance(step, str) and isinstance(node, PosDict) and step in node
        if not (listed or keyed):
            return None
        node = node[step]
    return node


def _leaves(node, rel: OutlineSteps) -> Iterator[tuple[OutlineSteps, str]]:
    if isinstance(node, str):
        yield rel, node
    elif isinstance(node, PosList):
        for index, item in enumerate(node):
            yield from _leaves(item, rel + (index,))
    elif isinstance(node, PosDict):
        for key, value in node.items():
            if key not in _NOT_TEXT:
                yield from _leaves(value, rel + (key,))
