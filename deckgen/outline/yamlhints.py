"""What a YAML syntax error means in an outline's terms.

PyYAML says "mapping values are not allowed here" or "expected <block end>, but
found '?'"; a trainer needs to hear which key is out of line, where its
neighbours are, and how to fix it. :func:`explain` reads the lines of the
outline around the place the parser gave up and names the usual mistakes:

- a key too far left or right for the item it belongs to;
- a list item (a slide, a section) at the wrong level;
- a tab in the indentation;
- no space after a key's colon ("title:Intro");
- a ': ' inside unquoted text ("title: Note: this", "- Note: this: that");
- a line of text (plain, or under 'notes: |') left of the text's other lines.

The hint names the nearest line that is in line (the sibling key or item just above).

It works on the text alone (the parser's marks say only where), so it does not
import yaml; what it cannot place returns None and the parser's words stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import Diagnostic, SourcePos, error

# "key:" at the start of a line's content, then a space or the end of the line
_KEY = re.compile(
    r"""^("[^"]*"|'[^']*'|[^\s:#"'\[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(\s|$)"""
)
_DASH = re.compile(r"^-(\s|$)")
_NO_SPACE = re.compile(r"^(?:-\s+)?([A-Za-z_][\w-]*):([^\s:/][^\s]*)")
_NAME = re.compile(r"^[a-z_][a-z0-9_-]*$")  # what outline keys look like
# what an item of these lists is called
_ITEM = {"sections": "section", "slides": "slide", "audiences": "audience"}


@dataclass(frozen=True)
class _OutlineLine:
    number: int  # 1-based
    indent: int  # spaces before the content
    content: str
    tab: bool  # a tab in the indentation
    structural: bool = True  # starts a key or an item (not text that goes on)
    # a line of a block scalar (notes: |) left of the text's other lines: where they are,
    # the key, and the text's first line
    short_of: tuple[int, str, int] | None = None
    # text that goes on from the line above but is no further right than its key: where
    # the text's lines are, the key, and the key's line
    left_of: tuple[int, str, int] | None = None


@dataclass
class _Value:
    """A value that goes on below the line that starts it: text, or a block scalar."""

    indent: int  # lines indented more than this belong to it
    block: bool
    key: str
    number: int  # its key's line
    first: _OutlineLine | None = None  # a block scalar's first line
    text_indent: int = 0  # where text's next lines go (its first one below, or key + 2)
    more: int = 0  # lines below the first

    def __post_init__(self) -> None:
        self.text_indent = self.indent + 2


@dataclass
class _OpenBlock:
    """An open block: a mapping's keys or a list's dashes at ``indent``."""

    indent: int
    kind: str  # "map" or "seq"
    owner: str | None  # the key the block belongs to (None at the top)
    item: bool  # a mapping that is an item of a list
    latest: _OutlineLine  # the line of its latest key or dash (the nearest to a mistake)
    last_key: str | None = field(default=None)


def _lines(text: str) -> list[_OutlineLine]:
    """The outline's lines that hold something, each marked as a key or item that the
    blocks are made of, or as text that goes on from the line above."""
    out: list[_OutlineLine] = []
    value: _Value | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        lead = raw[: len(raw) - len(stripped)]
        line = _OutlineLine(number, len(lead), stripped.rstrip(), "\t" in lead)
        if value is None or line.indent <= value.indent:
            keyed = _KEY.match(line.content) or _DASH.match(line.content)
            if value is not None and not keyed:
                goes = value.first.indent if value.block and value.first else value.text_indent
                line = replace(line, left_of=(goes, value.key, value.number))
            value = _value_of(line)
            out.append(line)
            continue
        if not value.block and value.text_indent == value.indent + 2 and value.more == 0:
            value.text_indent = line.indent
        value.more += 1
        short = None
        if value.block:
            value.first = value.first or line
            if line.indent < value.first.indent:
                short = (value.first.indent, value.key, value.first.number)
        out.append(replace(line, structural=False, short_of=short))
    return out


def _value_of(line: _OutlineLine) -> _Value | None:
    """The text or block scalar that ``line`` starts and later lines may go on with."""
    indent, content = line.indent, line.content
    if _DASH.match(content):
        rest = content[1:].lstrip()
        indent, content = indent + len(content) - len(rest), rest
    found = _KEY.match(content)
    key = found.group(1).strip("\"'") if found else "-"
    rest = content[found.end() :].strip() if found else content
    if not rest or rest.startswith("#"):
        return None
    holder = indent if found else line.indent
    return _Value(holder, rest[0] in "|>", key, line.number)


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
        if stack and stack[-1].indent == line.indent and stack[-1].kind == "seq":
            stack[-1].latest = line
        else:
            stack.append(_OpenBlock(line.indent, "seq", _owner(stack), False, line))
        rest = line.content[1:].lstrip()
        if _KEY.match(rest):
            inner = _OutlineLine(
                line.number, line.indent + len(line.content) - len(rest), rest, line.tab
            )
            stack.append(_OpenBlock(inner.indent, "map", stack[-1].owner, True, inner, _key(rest)))
        return
    if stack and stack[-1].indent == line.indent and stack[-1].kind == "map":
        stack[-1].latest = line
    else:
        stack.append(_OpenBlock(line.indent, "map", _owner(stack), False, line))
    stack[-1].last_key = _key(line.content)


def _open_blocks(lines: list[_OutlineLine], before: int) -> list[_OpenBlock]:
    stack: list[_OpenBlock] = []
    for line in lines:
        if line.number >= before:
            break
        if (
            line.structural
            and not line.tab
            and (_KEY.match(line.content) or _DASH.match(line.content))
        ):
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


def _opens_here(lines: list[_OutlineLine], line: _OutlineLine, dash: bool) -> bool:
    """Whether ``line`` is the first of a block the key just above it opens ('bullets:'
    with nothing after it): any indentation right of the key will do."""
    above = [found for found in lines if found.number < line.number and found.structural]
    if not above or _value_of(above[-1]) is not None:
        return False
    content, indent = above[-1].content, above[-1].indent
    if _DASH.match(content):
        rest = content[1:].lstrip()
        indent, content = indent + len(content) - len(rest), rest
    if not _KEY.match(content):
        return False
    return line.indent > indent or (dash and line.indent == indent)


def _misplaced(lines: list[_OutlineLine], line: _OutlineLine, name: str) -> Diagnostic | None:
    dash = bool(_DASH.match(line.content))
    if not dash and not _KEY.match(line.content):
        return None
    if _opens_here(lines, line, dash):
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
            f"indent its '-' {_spaces(frame.indent)}, like the one on line {frame.latest.number}",
        )
    first = _key(frame.latest.content)
    return error(
        f"'{_key(line.content)}' is indented {_spaces(line.indent)}; {_others(frame)} are at "
        f"{frame.indent}",
        where,
        f"indent it {_spaces(frame.indent)}, like '{first}' on line {frame.latest.number}",
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
    key, quote = _key(content) or "", "'" if '"' in value else '"'
    if content is not line.content and not _NAME.match(key):  # "- Note: this: that"
        quote = "'" if '"' in content else '"'
        return error(
            "this item's text contains ': ', which YAML reads as a key and its value",
            SourcePos(name, line.number, line.indent + 1),
            f"put the text in quotes: - {quote}{content}{quote}",
        )
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
    before = [found for found in lines if found.number < line][-1:]
    for found in before + region:
        if found.left_of is not None:
            return _stray_text(found, name)
    at = [found for found in lines if found.number == line]
    if not at:
        return None
    if at[0].short_of is not None:
        return _short_text_line(at[0], name)
    return _misplaced(lines, at[0], name) or _colon_in_text(at[0], name)


def _short_text_line(line: _OutlineLine, name: str) -> Diagnostic:
    indent, key, first = line.short_of or (0, "", 0)
    return error(
        f"line {line.number} of the text of '{key}' is indented {_spaces(line.indent)}; "
        f"the text's first line is at {indent}",
        SourcePos(name, line.number, line.indent + 1),
        f"indent it {_spaces(indent)}, like line {first}, or the text ends above it",
    )


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


def _stray_text(line: _OutlineLine, name: str) -> Diagnostic:
    indent, key, number = line.left_of or (0, "", 0)
    return error(
        f"line {line.number} is text, indented {_spaces(line.indent)}: no further right "
        f"than the key '{key}' (line {number}) whose text it goes on with",
        SourcePos(name, line.number, line.indent + 1),
        f"indent it {_spaces(indent)}, or put the text in quotes",
    )
