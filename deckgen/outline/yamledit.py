"""Edit text values of an outline's YAML in place: what ``deckgen sync`` writes back with.

The YAML is never dumped again. Each edited scalar's own characters are replaced
(:mod:`.yamlwrite` says how each style is written); every other character of the text,
comments, blank lines, order, quoting and line layout, stays as it was. The result is
read back with the outline's own reader before it is returned: each edited value must
read as its new text and every other value as before; where a way of writing fails that,
the next is tried (a double-quoted scalar, with escapes, always holds the text).

``source`` is the outline's text as decoded (a BOM, CRLF line breaks, tabs in comments
and any Unicode are kept); the result is that text with the edits made.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Diagnostic, InputError, error
from .spans import NodeSpan, OutlinePath, shown
from .yamltree import forbidden_character, node_spans
from .yamlwrite import renderings

__all__ = ["OutlinePath", "ScalarEdit", "edit_scalars", "scalar_at"]


@dataclass(frozen=True)
class ScalarEdit:
    """Set the scalar at ``path`` to ``text``: the value as the loaded outline would hold it
    (a block's trailing line break included where it should have one)."""

    path: OutlinePath
    text: str


@functools.lru_cache(maxsize=8)
def _spans(source: str, name: str) -> dict[OutlinePath, NodeSpan]:
    return node_spans(source, name)


def scalar_at(source: str, path: OutlinePath, name: str = "outline.yaml") -> str | None:
    """The text value at ``path`` as the outline's reader loads it; None where there is
    none (no such path, a list or mapping there, or an empty/null value).
    Raises InputError where ``source`` is not an outline's YAML."""
    span = _spans(source, name).get(tuple(path))
    return span.value if span is not None and span.kind == "scalar" else None


def edit_scalars(source: str, edits: Sequence[ScalarEdit], name: str = "outline.yaml") -> str:
    """``source`` with exactly the scalars at the edits' paths replaced by their texts.

    Raises InputError, at the file:line:col of the nearest node that exists, for an edit
    whose path is missing or holds a list or mapping, two edits of one path, or a text
    with a character no outline may hold; and where ``source`` is not an outline's YAML.
    """
    spans = _spans(source, name)
    problems = _problems(spans, edits, name)
    if problems:
        raise InputError(f"{name}: cannot edit", problems)
    plans = [
        _Plan(edit, *renderings(source, spans[tuple(edit.path)], edit.text))
        for edit in edits
        if spans[tuple(edit.path)].value != edit.text
    ]
    tries = [0] * len(plans)
    while plans:
        text = _applied(source, plans, tries)
        wrong = _wrong(text, spans, plans, name)
        if not wrong:
            return text
        stuck = [index for index in wrong if tries[index] == len(plans[index].tried) - 1]
        if stuck:  # not expected: the last way of writing holds any text
            plan = plans[stuck[0]]
            where = spans[plan.path].pos
            raise InputError(
                f"{name}: cannot edit",
                [error(f"cannot write the new text of {shown(plan.path)} in place", where)],
            )
        for index in wrong:
            tries[index] += 1
    return source


@dataclass(frozen=True)
class _Plan:
    edit: ScalarEdit
    start: int
    end: int
    tried: list[str]

    @property
    def path(self) -> OutlinePath:
        return tuple(self.edit.path)


def _applied(source: str, plans: list[_Plan], tries: list[int]) -> str:
    """The edits made from the end of the text backwards, so each keeps its indexes."""
    order = sorted(range(len(plans)), key=lambda index: plans[index].start, reverse=True)
    text = source
    for index in order:
        plan = plans[index]
        text = text[: plan.start] + plan.tried[tries[index]] + text[plan.end :]
    return text


def _wrong(text: str, spans: dict, plans: list[_Plan], name: str) -> set[int]:
    """Which edits did not read back as their text; all of them where the text does not
    read at all or some other value changed (which edit did it cannot be told)."""
    everything = set(range(len(plans)))
    try:
        after = node_spans(text, name)
    except InputError:
        return everything
    if after.keys() != spans.keys():
        return everything
    edited = {plan.path: index for index, plan in enumerate(plans)}
    wrong = set()
    for path, span in spans.items():
        now = after[path]
        if path in edited:
            if now.kind != "scalar" or now.value != plans[edited[path]].edit.text:
                wrong.add(edited[path])
        elif (now.kind, now.value) != (span.kind, span.value):
            return everything
    return wrong


def _problems(spans: dict, edits: Sequence[ScalarEdit], name: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: set[OutlinePath] = set()
    for edit in edits:
        path = tuple(edit.path)
        span = spans.get(path)
        if span is None:
            problems.append(_missing(spans, path, name))
        elif span.kind != "scalar":
            what = "a list" if span.kind == "sequence" else "a mapping"
            problems.append(
                error(
                    f"{shown(path)} is {what}, not a text value",
                    span.pos,
                    "edit the text values inside it, one path each",
                )
            )
        elif path in seen:
            problems.append(
                error(f"{shown(path)} is edited twice", span.pos, "give one edit for each value")
            )
        elif not isinstance(edit.text, str) or forbidden_character(edit.text):
            bad = forbidden_character(edit.text) if isinstance(edit.text, str) else "no text"
            problems.append(
                error(
                    f"the new text of {shown(path)} holds {bad}",
                    span.pos,
                    "only tabs and line breaks are allowed in text",
                )
            )
        seen.add(path)
    return problems


def _missing(spans: dict, path: OutlinePath, name: str) -> Diagnostic:
    """No value at ``path``: said at the nearest node that is there."""
    depth = max(length for length in range(len(path)) if path[:length] in spans)
    parent, step = spans[path[:depth]], path[depth]
    if parent.kind == "sequence":
        count = sum(1 for key in spans if len(key) == depth + 1 and key[:depth] == path[:depth])
        detail = f"it has {count} item{'s' if count != 1 else ''}"
        what = f"no item {step}" if isinstance(step, int) else f"no key '{step}' (it is a list)"
    elif parent.kind == "mapping":
        detail = "the outline may have changed since the deck was built"
        what = f"no key '{step}'" if isinstance(step, str) else f"no item {step} (it is a mapping)"
    else:
        detail, what = "it is a text value", f"nothing inside it at {step!r}"
    return error(
        f"{shown(path[:depth])} has {what}: {shown(path)} is not in {name}",
        parent.pos,
        f"{detail}; check the path against the outline",
    )
