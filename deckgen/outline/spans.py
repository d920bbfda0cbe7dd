"""Where a value of an outline stands in its YAML text: the path to it and its span.

:func:`deckgen.outline.yamltree.node_spans` finds them; :mod:`.yamledit` edits
scalars in place with them.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import SourcePos

# A place in the outline: keys (str) and list indexes (int) from the root, e.g.
# ("sections", 0, "slides", 2, "bullets", 1, "text"). deck_import and sync use the same.
OutlinePath = tuple[str | int, ...]


class NodeSpan(NamedTuple):
    """One node of a YAML text, where it stands.

    ``start``/``end`` index the characters of the text as given (a BOM counts; they are
    PyYAML's marks). A scalar's span is its text as written, quotes and a block's header
    included; a block scalar's end takes in the blank lines after it, and an empty (null)
    value's span is empty, just after its ``key:`` or ``-``. ``style``: a scalar's ""
    (plain), "'", '"', "|" or ">"; a collection's "[" or "{" (flow), "-" or ":" (block).
    ``indent`` is the column of the innermost block collection holding the node (YAML's
    indentation level, -1 at the top); ``flow`` whether a flow collection holds it."""

    kind: str  # "scalar", "sequence" or "mapping"
    start: int
    end: int
    style: str
    value: str | None  # a scalar's text as the outline's reader loads it; None: null, collection
    pos: SourcePos
    indent: int
    flow: bool


def shown(path: OutlinePath) -> str:
    """A path as a reader would write it: sections[0].slides[2].title"""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "the outline"
