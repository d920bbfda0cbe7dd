"""How one scalar of an outline is written again in place: its new text in the style it
had, or the nearest style that can hold the text.

:func:`renderings` gives, for one scalar's :class:`~.spans.NodeSpan` and its new text, the
stretch of the source to replace and the replacements to try, best first; the last one
always holds any text (a double-quoted scalar with escapes). :mod:`.yamledit` applies
them and checks each by reading the result back.

- plain: stays plain where PyYAML's emitter would write the text plain and it is not a
  null (``~``, ``null``); otherwise it becomes double-quoted;
- single-quoted: stays single-quoted unless the text has a line break or a character
  only an escape can write; otherwise double-quoted;
- double-quoted: stays double-quoted (escapes as needed);
- a scalar written over several lines (plain or quoted) is wrapped again, only at single
  spaces, to the width of its old lines, continuation lines indented as its own were;
- a new line break in a plain or quoted scalar becomes ``\\n`` in a double-quoted one
  (never a block: the line after it may hold a comment or the next value);
- literal (``|``) and folded (``>``) blocks keep their style, indentation, header comment
  and indentation indicator; the chomping indicator changes only where the new text's
  trailing line breaks need it, an indentation indicator is added only where its first
  line starts with a space; folded text is wrapped to the width of its old lines; a
  folded block whose text cannot fold becomes literal; a block whose text holds a
  character only an escape can write (a carriage return, U+2028) becomes double-quoted.
"""

from __future__ import annotations

import re

from .spans import NodeSpan
from .yamltree import plain_allowed

# characters only a double-quoted scalar's escapes can write (besides line breaks)
_ESCAPE_ONLY = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_ESCAPES |= {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\x1b": "\\e", "\x07": "\\a"}
# a break may stand only at a single space between two characters that are not blanks
_BREAK = re.compile(r"(?<=[^ \t]) (?=[^ \t])")


def double_quoted(text: str) -> str:
    """``text`` as a double-quoted scalar on one line."""
    return '"' + "".join(_escape(char) for char in text) + '"'


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _ESCAPE_ONLY.match(char):
        return f"\\x{ord(char):02X}" if ord(char) < 0x100 else f"\\u{ord(char):04X}"
    return char


def newline_at(source: str, index: int) -> str:
    """The line break the line at ``index`` ends with ("\\n" at the end of the text)."""
    found = source.find("\n", index)
    return "\r\n" if found > 0 and source[found - 1] == "\r" else "\n"


class Layout:
    """How a scalar written over several lines lies: its width and continuation indent."""

    def __init__(self, source: str, span: NodeSpan):
        line_start = source.rfind("\n", 0, span.start) + 1
        line_end = source.find("\n", span.end)
        lines = source[line_start : len(source) if line_end < 0 else line_end].split("\n")
        self.width = max(len(line.rstrip("\r")) for line in lines)
        self.column = span.start - line_start
        second = source.index("\n", span.start) + 1
        self.indent = re.match(r"[ \t]*", source[second:]).group()
        self.newline = newline_at(source, span.start)

    def wrap(self, text: str, first: int | None = None) -> str:
        """``text`` broken at single spaces into lines of the layout's width; ``first`` is
        the column the first line starts at."""
        room = self.width - (self.column if first is None else first)
        lines, current = [], ""
        for word in _BREAK.split(text):
            if current and len(current) + 1 + len(word) > room:
                lines.append(current)
                current, room = word, self.width - len(self.indent)
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
        return (self.newline + self.indent).join(lines)


def renderings(source: str, span: NodeSpan, text: str) -> tuple[int, int, list[str]]:
    """The stretch ``[start, end)`` of ``source`` to replace and its replacements to try."""
    if span.style in ("|", ">"):
        return _block_renderings(source, span, text)
    layout = Layout(source, span) if "\n" in source[span.start : span.end] else None
    tried = []
    if span.style == "" and plain_allowed(text, span.flow):
        tried.append(layout.wrap(text) if layout else text)
    if span.style == "'" and "\n" not in text and not _ESCAPE_ONLY.search(text):
        quoted = "'" + text.replace("'", "''") + "'"
        tried.append(layout.wrap(quoted) if layout else quoted)
    if layout:
        tried.append(layout.wrap(double_quoted(text)))
    tried.append(double_quoted(text))
    if span.start == span.end and source[span.start - 1 : span.start] not in (" ", "\t"):
        tried = [" " + written for written in tried]  # an empty value just after 'key:'
    return span.start, span.end, tried


class _Block:
    """A literal or folded block scalar as written: header, indentation, extent."""

    def __init__(self, source: str, span: NodeSpan):
        header = re.match(r"[|>]([1-9+-]*)", source[span.start :])
        self.indicators = header.group(1)
        self.header_end = span.start + header.end()
        line_end = source.find("\n", span.start)
        self.body_start = len(source) if line_end < 0 else line_end + 1
        self.newline = newline_at(source, span.start)
        body = source[self.body_start : span.end]
        content = body.rstrip(" \t\r\n")
        self.end = self.body_start + len(content)  # past the last line that is not blank
        if content:
            breaks = source.find("\n", self.end, span.end)
            self.end = span.end if breaks < 0 else breaks + 1
        if "+" in self.indicators:
            self.end = span.end  # its trailing blank lines are its text
        self.span_end = span.end
        base = max(span.indent, 0)
        digits = re.sub("[+-]", "", self.indicators)
        first = re.search(r"^( *)[^ \r\n]", body, re.MULTILINE)
        own = base + int(digits) if digits else (len(first.group(1)) if first else base + 2)
        self.step = own - base
        self.indent = own
        self.chomp = re.sub("[1-9]", "", self.indicators)
        self.chomp_first = self.indicators.startswith(("+", "-"))
        self.width = max([len(line.rstrip("\r")) for line in body.split("\n")] + [40])


def _block_renderings(source: str, span: NodeSpan, text: str) -> tuple[int, int, list[str]]:
    block = _Block(source, span)
    core = text.rstrip("\n")
    breaks = len(text) - len(core)
    chomp = block.chomp
    if not _chomp_fits(chomp, core, breaks):
        chomp = "-" if breaks == 0 else "" if breaks == 1 and core else "+"
    end = block.span_end if "+" in chomp + block.chomp else block.end
    comment = source[block.header_end : block.body_start]
    broken = comment if comment.endswith("\n") else comment + block.newline
    tried = []
    if not _ESCAPE_ONLY.search(text) and "\r" not in text:
        styles = (">", "|") if span.style == ">" else ("|",)
        for style in styles:
            lines = _folded(core, block) if style == ">" else core.split("\n") if core else []
            indicator = _indicator(block, core)
            # the two indicators in the order they had
            header = style + (chomp + indicator if block.chomp_first else indicator + chomp)
            body = "".join(
                (" " * block.indent + line if line else "") + block.newline for line in lines
            )
            trailing = breaks - 1 if core else breaks  # empty lines after the last line
            tried.append(header + broken + body + block.newline * trailing)
    tried.append(double_quoted(text) + comment)
    return span.start, end, tried


def _chomp_fits(chomp: str, core: str, breaks: int) -> bool:
    if not core:  # only line breaks: kept only as trailing empty lines
        return breaks == 0 or chomp == "+"
    return {"-": breaks == 0, "": breaks == 1, "+": breaks >= 1}[chomp]


def _indicator(block: _Block, core: str) -> str:
    """The indentation indicator: the old one, or one where the text starts with a space."""
    first = next((line for line in core.split("\n") if line), "")
    if re.search("[1-9]", block.indicators) or first.startswith((" ", "\t")):
        return str(block.step) if 1 <= block.step <= 9 else "?"  # "?" fails the read-back
    return ""


def _folded(core: str, block: _Block) -> list[str]:
    """The lines of a folded block that read back as ``core``: a single break between two
    lines that start with no blank needs an empty line (it would fold to a space); long
    lines are broken at single spaces (which fold back to spaces)."""
    out: list[str] = []
    previous, empty = None, 0
    room = max(block.width - block.indent, 20)
    for line in core.split("\n") if core else []:
        if not line:
            empty += 1
            continue
        normal = line[0] not in " \t"
        out += [""] * (empty + (previous is True and normal))
        out += _wrapped(line, room) if normal else [line]
        previous, empty = normal, 0
    return out


def _wrapped(line: str, room: int) -> list[str]:
    lines, current = [], ""
    for word in _BREAK.split(line):
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]
