"""An imported outline as the YAML a person would write: the shipped outline's key order
and indents, ``- kind: …`` items, block scalars for notes and code, plain scalars where
they are safe, the reader's comments above the parts they are about, and a header that
names the source deck and its warnings.

ruamel.yaml writes it (round-trip mode, so comments and each scalar's style are its
own); which style each string takes is ``write_scalars``' decision. Only this module and
``write_scalars`` import ruamel.yaml (a test keeps it so); deckgen reads outlines with
``outline/yamltree.py`` alone.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .model import ImportedDeck, ImportWarning, OutlinePath
from .write_scalars import FOLD_WIDTH, number_text, quoted, styled

TOP_ORDER = (
    "meta",
    "variables",
    "theme",
    "audiences",
    "pace",
    "concepts",
    "sections",
    "glossary",
    "references",
    "labels",
)
SECTION_ORDER = ("id", "title", "subtitle", "concept", "divider", "only", "skip", "minutes")
SLIDE_FIRST = ("kind", "id", "only", "skip")
SLIDE_LAST = ("notes", "minutes", "cue", "overrides")
# short lists of names and numbers, written on one line: skip: [executives]
FLOW_KEYS = frozenset({"only", "skip", "highlight", "answer", "values"})
# lists of short text written on one line when they fit: options: [Yes, No]
SHORT_FLOW_KEYS = frozenset({"categories", "columns", "options", "keywords", "rows"})
# text that is prose: a long one-line paragraph is folded (>-) to the page's width
PROSE_KEYS = frozenset(
    {"notes", "explanation", "quote", "message", "caption", "definition", "disclosure"}
)
# lists whose items stand apart by a blank line, as in the shipped outline
SPACED_LISTS = frozenset({"sections", "slides"})
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def outline_text(deck: ImportedDeck, source_name: str) -> str:
    """``deck.outline`` as YAML text: deckgen's reader gives back ``deck.outline`` (every
    string as it is; numbers and flags as the text they are written as)."""
    writer = _TreeWriter(deck.comments)
    root = writer.mapping(deck.outline, (), 0)
    root.yaml_set_start_comment(header(deck, source_name))
    return dump(root)


def dump(root: CommentedMap) -> str:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a plain or quoted scalar: write_scalars folds prose
    yaml.allow_unicode = True
    yaml.representer.add_representer(float, _represent_float)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def _represent_float(representer, value: float):
    text = number_text(value)
    if text is None:  # not a number any outline field takes: the text says what it was
        return representer.represent_str(quoted(repr(value)))
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


def header(deck: ImportedDeck, source_name: str) -> str:
    """The comment at the top: where the outline came from, and what to look at first."""
    name = comment_text(source_name)
    lines = [
        f"Imported from {name} by `deckgen import`. A comment above a part names the",
        f"slide of {name} it came from.",
    ]
    if deck.warnings:
        count = len(deck.warnings)
        lines.append(
            f"The import left {count} warning{'s' if count != 1 else ''}: read "
            f"{'them' if count != 1 else 'it'} before you build and present this outline:"
        )
        lines += [f"  {warning_line(warning)}" for warning in deck.warnings]
    else:
        lines.append("The import left no warnings.")
    lines.append("Build it with: deckgen build outline.yaml")
    return "\n".join(lines)


def warning_line(warning: ImportWarning) -> str:
    where = f"slide {warning.slide}" if warning.slide is not None else "the deck"
    return f"{where}: {comment_text(warning.message)}"


def comment_text(text: str) -> str:
    """``text`` safe inside a YAML comment: every character a reader could take for a
    line end becomes a new comment line's break, other control characters are shown as
    escapes, and trailing spaces go."""
    lines = _LINE_BREAKS.split(text)
    shown = [
        "".join(ch if ch.isprintable() else f"\\u{ord(ch):04X}" for ch in line).rstrip()
        for line in lines
    ]
    return "\n".join(shown)


class _TreeWriter:
    """Plain data to ruamel.yaml's commented tree, with each comment placed above the
    key or item its outline path names."""

    def __init__(self, comments: dict[OutlinePath, str]):
        self.comments = dict(comments)

    def node(self, value: Any, path: OutlinePath, column: int, key: str | int | None):
        """``value`` at ``path``; ``column`` is where its text starts."""
        if isinstance(value, dict):
            return self.mapping(value, path, column)
        if isinstance(value, list | tuple):
            return self.sequence(value, path, column, key)
        if isinstance(value, str):
            return styled(value, column, prose=_is_prose(path))
        return value  # a number, a flag or None: written as YAML writes them

    def mapping(self, data: dict, path: OutlinePath, column: int) -> CommentedMap:
        out = CommentedMap()
        for key in ordered_keys(data, path):
            value = data[key]
            child_column = column + (4 if _is_list(value) else 2)
            out[key] = self.node(value, (*path, key), child_column, key)
            before = self.comment_for((*path, key))
            if path == ():
                before = "\n" + (before or "")  # a blank line between the top parts
            if before:
                out.yaml_set_comment_before_after_key(
                    key, before=before.rstrip("\n") or "\n", indent=column
                )
        return out

    def sequence(self, items, path: OutlinePath, column: int, key) -> CommentedSeq:
        out = CommentedSeq()
        commented = any((*path, index) in self.comments for index in range(len(items)))
        flow = flow_style(items, path, column, key) and not commented
        for index, item in enumerate(items):
            if flow and isinstance(item, str):
                out.append(styled(item, column, prose=False, flow=True))
            else:
                item_column = column + (2 if _is_list(item) else 0)
                out.append(self.node(item, (*path, index), item_column, index))
            if not flow:
                self.comment_item(out, index, item, path, column, key)
        if flow:
            out.fa.set_flow_style()
        return out

    def comment_item(self, out: CommentedSeq, index: int, item, path, column, key) -> None:
        """The comment above item ``index`` (and one its mapping's first key was given:
        above the ``- `` line, not between the dash and the key)."""
        parts = [self.comment_for((*path, index))]
        if isinstance(item, dict) and item:
            first = next(iter(out[index]))
            parts.append(self.comment_for((*path, index, first)))
        before = "\n".join(part for part in parts if part)
        if key in SPACED_LISTS and index > 0:
            before = "\n" + before
        if before:
            out.yaml_set_comment_before_after_key(
                index, before=before.rstrip("\n") or "\n", indent=column - 2
            )

    def comment_for(self, path: OutlinePath) -> str | None:
        text = self.comments.pop(path, None)
        return comment_text(text) if text else None


def flow_style(items, path: OutlinePath, column: int, key) -> bool:
    """Whether a list is written on one line: names and numbers always (``skip:
    [brief]``), short text (a table row, a quiz's options) when the line fits."""
    if not items or any(isinstance(item, dict | list | tuple) for item in items):
        return False
    if key in FLOW_KEYS:
        return True
    row = isinstance(key, int) and len(path) >= 2 and path[-2] == "rows"
    if not (row or key in SHORT_FLOW_KEYS):
        return False
    if any(isinstance(item, str) and "\n" in item for item in items):
        return False
    width = column + len(str(key)) + sum(len(str(item)) + 4 for item in items)
    return width <= FOLD_WIDTH


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _is_prose(path: OutlinePath) -> bool:
    """A paragraph: a prose field, or a paragraph of a slide's list of notes."""
    names = [part for part in path if isinstance(part, str)]
    if not names:
        return False
    return names[-1] in PROSE_KEYS or "notes" in names[-2:]


def ordered_keys(data: dict, path: OutlinePath) -> list:
    """The keys in the order a person writes them: the outline's top parts as the
    shipped outline has them, a slide's kind and id first and its notes last, a section's
    slides last; anything else as the reader gave it."""
    if path == ():
        order: tuple = TOP_ORDER
    elif len(path) >= 2 and path[-2] == "slides" and isinstance(path[-1], int):
        order = slide_order(data.get("kind"))
    elif len(path) == 2 and path[0] == "sections":
        order = (*SECTION_ORDER, *(k for k in data if k != "slides"), "slides")
    else:
        return list(data)
    ranked = [key for key in order if key in data]
    return list(dict.fromkeys([*ranked, *data]))


def slide_order(kind) -> tuple[str, ...]:
    """A slide's keys: kind, id, only, skip, its kind's own fields in its model's order,
    then notes, minutes, cue and overrides."""
    from ..kinds import kind_named
    from ..nodes import SlideBase

    found = kind_named(kind) if isinstance(kind, str) else None
    common = set(SlideBase.model_fields)
    own = [] if found is None else [n for n in found.model.model_fields if n not in common]
    return (*SLIDE_FIRST, *(n for n in own if n not in SLIDE_FIRST), *SLIDE_LAST)
