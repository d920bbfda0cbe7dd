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
- a scalar written over several lines (plain, quoted or folded) keeps its old line breaks
  where the words around them are unchanged (:func:`rewrap`), so a one-word fix changes
  one line; a line grown past the width of its old lines is broken again, only ever at a
  single space; continuation lines are indented as its own were;
- a new line break in a plain or quoted scalar becomes ``\\n`` in a double-quoted one
  (never a block: the line after it may hold a comment or the next value);
- literal (``|``) and folded (``>``) blocks keep their style, indentation, header comment
  and indentation indicator; the chomping indicator changes only where the new text's
  trailing line breaks need it, an indentation indicator is added only where its first
  line starts with a space; folded text is wrapped to the width of its old lines; a
  folded block whose text cannot fold becomes literal; a block whose text holds a
  character only an escape can write (a carriage return, U+2028) becomes double-quoted.

Line breaks written are the ones the scalar's line ends with (CRLF or LF); a file whose
lines end in a lone CR is not edited (the read-back fails and says so).
"""

from __future__ import annotations

import difflib
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
        self.old = [line.strip(" \t\r") for line in source[span.start : span.end].split("\n")]

    def wrap(self, text: str) -> str:
        """``text`` over lines as the scalar's old ones lay (see :func:`rewrap`)."""
        rooms = (self.width - self.column, self.width - len(self.indent))
        return (self.newline + self.indent).join(rewrap(text, self.old, rooms))


def rewrap(text: str, old: list[str], rooms: tuple[int, int]) -> list[str]:
    """``text`` broken into lines at single spaces: where an old line started or ended at a
    word the new text keeps (matched in order, as a diff does), a line still starts or ends
    there, so an edit changes only the lines it touches; a line longer than its room (the
    first line's, then the others') is broken again before the word that overflows it."""
    words = _BREAK.split(text)
    old_words: list[str] = []
    starts, ends = set(), set()
    for line in old:
        tokens = _BREAK.split(line) if line else []
        if tokens:
            starts.add(len(old_words))
            old_words += tokens
            ends.add(len(old_words) - 1)
    matcher = difflib.SequenceMatcher(None, old_words, words, autojunk=False)
    blocks = matcher.get_matching_blocks()
    kept = {new + step: old + step for old, new, size in blocks for step in range(size)}
    cuts = {new for new, old in kept.items() if old in starts}  # the new words starting lines
    for new, old in kept.items():
        later = next((after for after in range(new + 1, len(words)) if after in kept), None)
        # words put in after an old line's end join that line where the next old line
        # starts as before (nothing of the old text left out between), and at the end
        if old in ends and later is not None and (later not in cuts or kept[later] != old + 1):
            cuts.add(new + 1)
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        room = rooms[1] if lines else rooms[0]
        if current and (index in cuts or len(current) + 1 + len(word) > room):
            lines.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    return lines + [current]


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
        self.old = [line.strip(" \t\r") for line in body.split("\n")]


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
        out += rewrap(line, block.old, (room, room)) if normal else [line]
        previous, empty = normal, 0
    return out
