"""A safe YAML reader that keeps where every value came from.

PyYAML's constructors turn `NO` into False, `1.10` into 1.1 and `2024-03-01`
into a date, and happily expand aliases (a "billion laughs" outline) or build
arbitrary objects from tags. deckgen wants none of that. This module walks the
parser's *events* and builds plain Python data in which

- every scalar is the text as written (a plain `~`, `null` or empty value is
  None); the model's types coerce "20" to 20 or "false" to False where a
  number or a flag is expected, so text is never changed behind the user's back;
- every mapping is a :class:`PosDict` and every sequence a :class:`PosList`
  that knows its own position and that of each key and item;
- tags, anchors and aliases, duplicate keys, control characters, absurd nesting
  and oversized files are refused with a message naming line and column.

Problems are collected (as many as can be found in one pass) and raised
together as an :class:`~deckgen.errors.InputError`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import yaml

from ..errors import Diagnostic, InputError, SourcePos, error
from .spans import NodeSpan, OutlinePath
from .yamlhints import syntax_error

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000

# C0 controls except tab, newline and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NULLS = {"", "~", "null", "Null", "NULL"}
# What the YAML reader refuses outright (and it would stop at the first one).
_UNREADABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class PosDict(dict):
    """A mapping that remembers where it and each of its keys and values start."""

    source_pos: SourcePos
    key_pos: dict
    value_pos: dict


class PosList(list):
    """A sequence that remembers where it and each of its items start.

    Its own place is ``list_pos``, not ``source_pos``: the model takes a
    ``source_pos`` from any input it is given, and a list of pairs must never
    pass for a mapping.
    """

    list_pos: SourcePos
    item_pos: list


def _pos(file: str, mark) -> SourcePos:
    return SourcePos(file, mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, file: str, events):
        self.file = file
        self.events = events
        self.index = 0
        self.problems: list[Diagnostic] = []
        self.count = 0

    def problem(self, message: str, mark, hint: str | None = None) -> None:
        self.problems.append(error(message, _pos(self.file, mark), hint))

    def check_node_props(self, event) -> None:
        if getattr(event, "anchor", None):
            self.problem(
                f"YAML anchors (&{event.anchor}) are not supported",
                event.start_mark,
                "write the value out in full; deckgen refuses anchors and aliases so an "
                "outline cannot expand to an enormous document",
            )
        tag = getattr(event, "tag", None)
        explicit = tag is not None and tag != "!"
        if isinstance(event, yaml.ScalarEvent):
            explicit = tag is not None and not event.implicit[0] and not event.implicit[1]
        if explicit:
            self.problem(
                f"YAML tags ({tag}) are not allowed",
                event.start_mark,
                "remove the tag; every value in an outline is plain text, a list or a mapping",
            )

    def node(self, depth: int):
        event = self.next()
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                "outline too large",
                [
                    error(
                        f"the outline has more than {MAX_NODES} values",
                        _pos(self.file, event.start_mark),
                        "split the talk into several outlines",
                    )
                ],
            )
        if depth > MAX_DEPTH:
            raise InputError(
                "outline nested too deeply",
                [
                    error(
                        f"values are nested more than {MAX_DEPTH} levels deep",
                        _pos(self.file, event.start_mark),
                        "an outline needs only a few levels; check the indentation",
                    )
                ],
            )
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                f"YAML aliases (*{event.anchor}) are not supported",
                event.start_mark,
                "write the value out in full instead of referring to an anchor",
            )
            return None
        self.check_node_props(event)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(event, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(event, depth)
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def scalar(self, event):
        value = event.value
        # Plain style is None in PyYAML's parser but "" in libyaml's.
        if not event.style and value in _NULLS:
            return None
        # the file was checked as written; an escape ("\\uFFFE") can still spell one
        bad = _UNREADABLE.search(value)
        if bad:
            self.problem(
                f"text contains {describe_character(bad.group())}",
                event.start_mark,
                TEXT_HINT,
            )
        return value

    def sequence(self, start, depth: int) -> PosList:
        out = PosList()
        out.list_pos = _pos(self.file, start.start_mark)
        out.item_pos = []
        while not isinstance(self.peek(), yaml.SequenceEndEvent):
            out.item_pos.append(_pos(self.file, self.peek().start_mark))
            out.append(self.node(depth + 1))
        self.next()
        return out

    def mapping(self, start, depth: int) -> PosDict:
        out = PosDict()
        out.source_pos = _pos(self.file, start.start_mark)
        out.key_pos = {}
        out.value_pos = {}
        while not isinstance(self.peek(), yaml.MappingEndEvent):
            key_event = self.peek()
            key_pos = _pos(self.file, key_event.start_mark)
            key = self.node(depth + 1)
            value_pos = _pos(self.file, self.peek().start_mark)
            value = self.node(depth + 1)
            if not isinstance(key, str):
                self.problem(
                    "a key must be plain text",
                    key_event.start_mark,
                    "use a simple name such as 'title:'",
                )
                continue
            if key.startswith("__"):
                self.problem(f"unknown key '{key}'", key_event.start_mark, "remove it")
                continue
            if key in out:
                first = out.key_pos[key]
                self.problem(
                    f"duplicate key '{key}' (first given at line {first.line})",
                    key_event.start_mark,
                    "keep one of them; YAML would silently use the last",
                )
                continue
            out[key] = value
            out.key_pos[key] = key_pos
            out.value_pos[key] = value_pos
        self.next()
        return out

    def peek(self):
        return self.events[self.index]

    def next(self):
        event = self.events[self.index]
        self.index += 1
        return event


def _too_large(name: str, size: str) -> InputError:
    return InputError(
        f"{name}: too large",
        [
            error(
                f"{name} is {size}; outlines may be at most {MAX_BYTES:,} bytes",
                SourcePos(name, 1, 1),
                "an outline is text; keep pictures in separate files",
            )
        ],
    )


def read_text(path: Path, name: str) -> str:
    """Read an outline file as UTF-8, with friendly errors for the usual accidents."""
    from .files import FOLDER, SPECIAL, not_regular

    problem = not_regular(path)  # before opening: a FIFO would block forever
    if problem is not None:
        reason, case = problem
        hint = {
            FOLDER: "name the .yaml file in it",
            SPECIAL: "give an outline or overlay saved as a .yaml file",
        }.get(case, "check the path, or run 'deckgen init DIR'")
        raise InputError(f"{name}: {reason}", [error(f"{name} {reason}", hint=hint)])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(name, f"{size:,} bytes")
    try:
        with open(path, "rb") as fh:  # never more than the limit, whatever stat said
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(
            f"{name}: cannot read", [error(f"{name}: cannot read it ({exc.strerror})")]
        ) from None
    if len(data) > MAX_BYTES:  # a device or a pipe, or a file that grew
        raise _too_large(name, f"over {MAX_BYTES:,} bytes")
    # Drop a BOM first: "utf-8-sig" would report error offsets relative to what follows it.
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # columns count characters, as YAML's marks do
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        raise InputError(
            f"{name}: not UTF-8",
            [
                error(
                    f"byte 0x{data[exc.start]:02X} is not valid UTF-8",
                    SourcePos(name, line, col),
                    "save the file as UTF-8",
                )
            ],
        ) from None


TEXT_HINT = "remove it; only tabs and line breaks are allowed in text"


def describe_character(char: str) -> str:
    """What a character text may not hold is, in a message."""
    if 0xDC80 <= ord(char) <= 0xDCFF:  # how Python keeps bytes that are not UTF-8
        return "a byte that is not UTF-8"
    what = "control character" if _CONTROL.match(char) else "character"
    return f"the {what} U+{ord(char):04X}"


def forbidden_character(text: str) -> str | None:
    """The first character outline text may not hold (controls but tab and line breaks,
    NUL, DEL, C1 controls, surrogates, U+FFFE/U+FFFF), described; None if there is none.
    The same rule holds for text from YAML, overlays and --set."""
    match = _UNREADABLE.search(text)
    return describe_character(match.group()) if match else None


def _unreadable(match, text: str, name: str) -> Diagnostic:
    index = match.start()
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return error(
        f"text contains {describe_character(match.group())}",
        SourcePos(name, line, col),
        TEXT_HINT,
    )


def parse(text: str, name: str):
    """Parse one YAML document into PosDict/PosList/str/None.

    Returns (tree, problems): problems that still leave a usable tree (a duplicate
    key keeps its first value, a tag is ignored) are returned so validation can
    report its own in the same pass; a syntax error raises InputError at once.
    """
    return _parse(text, name)[:2]


def _parse(text: str, name: str, loader_cls=None):
    """parse(), and the parser's events."""
    loader_cls = loader_cls or getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    unreadable = [_unreadable(match, text, name) for match in _UNREADABLE.finditer(text)]
    if unreadable:
        raise InputError(f"{name}: invalid characters", unreadable)
    builder = _Builder(name, [])
    try:
        builder.events = list(yaml.parse(text, Loader=loader_cls))
        builder.next()  # StreamStart
        doc = builder.peek()
        if isinstance(doc, yaml.StreamEndEvent):
            raise InputError(
                f"{name}: empty",
                [error("the outline is empty", SourcePos(name, 1, 1), "start from 'deckgen init'")],
            )
        builder.next()  # DocumentStart
        root = builder.node(0)
        builder.next()  # DocumentEnd
        if not isinstance(builder.peek(), yaml.StreamEndEvent):
            builder.problem(
                "the file holds more than one YAML document",
                builder.peek().start_mark,
                "remove the '---' line and everything after it, or merge the documents",
            )
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(syntax_error(text, name, exc))
        root = None
    except yaml.YAMLError as exc:  # pragma: no cover - the checks above should catch it first
        builder.problems.append(error(f"YAML error: {exc}", SourcePos(name, 1, 1)))
        root = None
    if root is None and builder.problems:
        raise InputError(f"{name}: invalid YAML", builder.problems)
    return root, builder.problems, builder.events


def node_spans(text: str, name: str) -> dict[OutlinePath, NodeSpan]:
    """Every node of an outline's text by its path, where it stands (see :class:`NodeSpan`);
    parse()'s refusals (syntax, aliases, tags, duplicate keys ...) raised as an InputError."""
    _, problems, events = _parse(text, name)
    if text.startswith("\ufeff") or not _indexed(text, events):  # libyaml skips a BOM
        _, problems, events = _parse(text, name, yaml.SafeLoader)
    if problems:
        raise InputError(f"{name}: invalid YAML", problems)
    spans: dict[OutlinePath, NodeSpan] = {}
    _walk(events, [2], ((), -1, False), (spans, name))  # after StreamStart, DocumentStart
    return spans


def _indexed(text: str, events) -> bool:
    """Whether the marks count characters of ``text`` (PyYAML's and libyaml 0.2.5's do)."""
    scalars = (event for event in events if isinstance(event, yaml.ScalarEvent) and event.value)
    return all(text[event.start_mark.index] == (event.style or event.value[0]) for event in scalars)


def _walk(events: list, at: list[int], where: tuple, into: tuple) -> None:
    (path, indent, flow), (spans, name) = where, into
    event = last = events[at[0]]
    at[0] += 1
    if isinstance(event, yaml.ScalarEvent):
        kind, style, value = "scalar", event.style or "", event.value
        value = None if not style and value in _NULLS else value
    else:
        kind = "sequence" if isinstance(event, yaml.SequenceStartEvent) else "mapping"
        style, value = {"sequence": "-[", "mapping": ":{"}[kind][bool(event.flow_style)], None
        inner = flow or bool(event.flow_style)
        inner_indent = indent if inner else event.start_mark.column
        count = 0
        while not isinstance(events[at[0]], (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            step, count = (count, count + 1) if kind == "sequence" else (events[at[0]].value, 0)
            at[0] += kind == "mapping"  # past the key
            _walk(events, at, (path + (step,), inner_indent, inner), into)
        last = events[at[0]]
        at[0] += 1
    start, end = event.start_mark, last.end_mark.index
    spans[path] = NodeSpan(kind, start.index, end, style, value, _pos(name, start), indent, flow)


def plain_allowed(text: str, flow: bool) -> bool:
    """Whether ``text`` written as a plain scalar (inside a flow collection or not) reads
    back as itself: by PyYAML's own emitter's rules, and never as a null."""
    if not text or text in _NULLS:
        return False
    found = yaml.emitter.Emitter(None, allow_unicode=True).analyze_scalar(text)
    return found.allow_flow_plain if flow else found.allow_block_plain
