"""What a YAML syntax error means in an outline's terms.

PyYAML says "mapping values are not allowed here" or "expected <block end>, but
found '?'"; a trainer needs to hear which key is out of line, where its
neighbours are, and how to fix it. :func:`explain` reads the lines of the
outline around the place the parser gave up and names the usual mistakes:

- a key too far left or right for the item it belongs to;
- a list item (a slide, a section) at the wrong level;
- a tab in the indentation;
- no space after a key's colon ("title:Intro");
- a ': ' inside unquoted text ("title: Note: this").

It works on the text alone (the parser's marks say only where), so it does not
import yaml; what it cannot place returns None and the parser's words stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Diagnostic, SourcePos, error

# "key:" at the start of a line's content, then a space or the end of the line
_KEY = re.compile(
    r"""^("[^"]*"|'[^']*'|[^\s:#"'\[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(\s|$)"""
)
_DASH = re.compile(r"^-(\s|$)")
_NO_SPACE = re.compile(r"^(?:-\s+)?([A-Za-z_][\w-]*):([^\s:/][^\s]*)")
_BLOCK_SCALAR = re.compile(r":\s+[|>][-+0-9]*\s*(#.*)?$")
# what an item of these lists is called
_ITEM = {"sections": "section", "slides": "slide", "audiences": "audience"}


@dataclass(frozen=True)
class _OutlineLine:
    number: int  # 1-based
    indent: int  # spaces before the content
    content: str
    tab: bool  # a tab in the indentation


@dataclass
class _OpenBlock:
    """An open block: a mapping's keys or a list's dashes at ``indent``."""

    indent: int
    kind: str  # "map" or "seq"
    owner: str | None  # the key the block belongs to (None at the top)
    item: bool  # a mapping that is an item of a list
    first: _OutlineLine  # the line of its first key or dash
    last_key: str | None = field(default=None)


def _lines(text: str) -> list[_OutlineLine]:
    out, block = [], None
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        lead = raw[: len(raw) - len(stripped)]
        line = _OutlineLine(number, len(lead), stripped.rstrip(), "\t" in lead)
        if block is not None and line.indent > block:
            continue  # inside a block scalar (notes: |)
        block = line.indent if _BLOCK_SCALAR.search(line.content) else None
        out.append(line)
    return out


def _key(content: str) -> str | None:
    found = _KEY.match(content)
    return found.group(1).strip("\"'") if found else None


def _owner(stack: list[_OpenBlock]) -> str | None:
    return stack[-1].last_key if stack and stack[-1].kind == "map" else None


def _push(stack: list[_OpenBlock], line: _OutlineLine) -> None:
    """Update the open blocks with one line that starts a key or a list item."""
    dash = bool(_DASH.match(line.content))
    while stack and (
        stack[-1].indent > line.indent
        or (not dash and stack[-1].indent == line.indent and stack[-1].kind == "seq")
    ):
        stack.pop()
    if dash:
        if not (stack and stack[-1].indent == line.indent and stack[-1].kind == "seq"):
            stack.append(_OpenBlock(line.indent, "seq", _owner(stack), False, line))
        rest = line.content[1:].lstrip()
        if _KEY.match(rest):
            inner = _OutlineLine(
                line.number, line.indent + len(line.content) - len(rest), rest, line.tab
            )
            stack.append(_OpenBlock(inner.indent, "map", stack[-1].owner, True, inner, _key(rest)))
        return
    if not (stack and stack[-1].indent == line.indent and stack[-1].kind == "map"):
        stack.append(_OpenBlock(line.indent, "map", _owner(stack), False, line))
    stack[-1].last_key = _key(line.content)


def _open_blocks(lines: list[_OutlineLine], before: int) -> list[_OpenBlock]:
    stack: list[_OpenBlock] = []
    for line in lines:
        if line.number >= before:
            break
        if not line.tab and (_KEY.match(line.content) or _DASH.match(line.content)):
            _push(stack, line)
    return stack


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _others(frame: _OpenBlock) -> str:
    """'the slide's other keys' / 'the other slides' ... for a message."""
    if frame.kind == "seq":
        if frame.owner in _ITEM:
            return f"the other {frame.owner}"
        return f"the other items of '{frame.owner}'" if frame.owner else "the other items"
    if frame.item and frame.owner in _ITEM:
        return f"the {_ITEM[frame.owner]}'s other keys"
    if frame.item:
        return f"the other keys of this item of '{frame.owner}'"
    return f"the other keys under '{frame.owner}'" if frame.owner else "the other top-level keys"


def _nearest(frames: list[_OpenBlock], indent: int) -> _OpenBlock | None:
    """The block a line at ``indent`` most likely belongs to: the nearest, the inner one
    on a tie (the item the user was writing); None if it is in line with one already."""
    if not frames or any(frame.indent == indent for frame in frames):
        return None
    return min(reversed(frames), key=lambda frame: abs(frame.indent - indent))


def _misplaced(lines: list[_OutlineLine], line: _OutlineLine, name: str) -> Diagnostic | None:
    dash = bool(_DASH.match(line.content))
    if not dash and not _KEY.match(line.content):
        return None
    kind = "seq" if dash else "map"
    frames = [frame for frame in _open_blocks(lines, line.number) if frame.kind == kind]
    frame = _nearest(frames, line.indent)
    if frame is None:
        return None
    where = SourcePos(name, line.number, line.indent + 1)
    if dash:
        what = _ITEM.get(frame.owner or "", "list item")
        return error(
            f"this {what} is indented {_spaces(line.indent)}; {_others(frame)} are at "
            f"{frame.indent}",
            where,
            f"indent its '-' {_spaces(frame.indent)}, like the one on line {frame.first.number}",
        )
    first = _key(frame.first.content)
    return error(
        f"'{_key(line.content)}' is indented {_spaces(line.indent)}; {_others(frame)} are at "
        f"{frame.indent}",
        where,
        f"indent it {_spaces(frame.indent)}, like '{first}' on line {frame.first.number}",
    )


def _tab(lines: list[_OutlineLine], line: _OutlineLine, name: str) -> Diagnostic:
    frames = [frame for frame in _open_blocks(lines, line.number) if frame.kind == "map"]
    hint = "replace the tab with spaces"
    if frames:
        frame = frames[-1]
        hint += f": {_others(frame)} are at {_spaces(frame.indent)}"
    return error(
        f"line {line.number} is indented with a tab; YAML indents with spaces only",
        SourcePos(name, line.number, 1),
        hint,
    )


def _no_space(line: _OutlineLine, name: str) -> Diagnostic | None:
    found = _NO_SPACE.match(line.content)
    if not found or _KEY.match(line.content):
        return None
    key, value = found.groups()
    return error(
        f"'{key}:{value}' needs a space after the colon to be the key '{key}'",
        SourcePos(name, line.number, line.indent + 1),
        f"write '{key}: {value}'",
    )


def _colon_in_text(line: _OutlineLine, name: str) -> Diagnostic | None:
    content = line.content[1:].lstrip() if _DASH.match(line.content) else line.content
    found = _KEY.match(content)
    if not found:
        return None
    value = content[found.end() :].strip()
    if not value or value[0] in "\"'[{|>" or ": " not in value:
        return None
    key, quote = _key(content), "'" if '"' in value else '"'
    return error(
        f"the text of '{key}' contains ': ', which YAML reads as the start of another key",
        SourcePos(name, line.number, line.indent + 1),
        f"put the text in quotes: {key}: {quote}{value}{quote}",
    )


def explain(text: str, name: str, line: int, context_line: int | None) -> Diagnostic | None:
    """A message in the outline's terms for a YAML syntax error the parser reported at
    ``line`` (and, if it said so, about something that starts at ``context_line``), or None."""
    lines = _lines(text)
    region = [found for found in lines if (context_line or line) <= found.number <= line]
    for found in region:
        if found.tab:
            return _tab(lines, found, name)
    for found in region:
        message = _no_space(found, name)
        if message:
            return message
    at = [found for found in lines if found.number == line]
    if not at:
        return None
    return _misplaced(lines, at[0], name) or _colon_in_text(at[0], name)


def syntax_error(text: str, name: str, exc) -> Diagnostic:
    """The message for a YAML parser's MarkedYAMLError ``exc``: in the outline's terms where
    :func:`explain` can tell, else the parser's own words, at the place it gave up."""
    mark, start = exc.problem_mark or exc.context_mark, exc.context_mark
    if mark is not None:
        start_line = start.line + 1 if start is not None and start.line <= mark.line else None
        found = explain(text, name, mark.line + 1, start_line)
        if found is not None:
            return found
    context = f" {exc.context}" if exc.context else ""
    if exc.context and start and mark and start.line != mark.line:
        context += f" that starts at line {start.line + 1}, column {start.column + 1}"
    return error(
        f"YAML syntax error: {exc.problem or 'invalid YAML'}{context}",
        SourcePos(name, mark.line + 1, mark.column + 1) if mark else SourcePos(name, 1, 1),
        "check the indentation and quoting around here; quote text containing ': ' or '#'",
    )
