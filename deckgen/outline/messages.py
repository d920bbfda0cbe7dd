"""Pydantic's validation errors in the outline's terms: each mapped back through the
positioned YAML tree to its file:line:col, with a message and a hint ("did you mean")."""

from __future__ import annotations

import difflib
import types
import typing

from pydantic import BaseModel

from ..errors import Diagnostic, SourcePos, error, quoted
from . import model as m
from .tables import cell_name
from .yamltree import PosDict, PosList

# ---------------------------------------------------------------------------
# Positions


def start_of(node) -> SourcePos | None:
    """Where a mapping or list from the YAML tree starts."""
    return getattr(node, "source_pos", None) or getattr(node, "list_pos", None)


def _walk(tree, loc):
    """Follow a pydantic location through the tree.

    Returns (node, key_pos, value_pos) of the deepest element reached. Union tags
    in the location (a slide's kind) and shorthand strings are skipped over.
    """
    node = tree
    key_pos = None
    value_pos = start_of(tree)
    previous = None
    for part in loc:
        tag, previous = previous, part
        if _is_union_tag(part) and not (isinstance(node, PosDict) and part in node):
            continue  # a branch of a union: 'list[Note]', 'constrained-str'
        if isinstance(node, PosDict):
            if isinstance(tag, int) and node.get("kind") == part:  # a slide's union tag
                continue
            if part in node:
                key_pos = node.key_pos[part]
                value_pos = node.value_pos[part]
                node = node[part]
                continue
            break
        if isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            key_pos = None
            value_pos = node.item_pos[part]
            node = node[part]
            continue
        break
    return node, key_pos, value_pos


def locate(tree, loc, name: str, key: bool = False) -> SourcePos:
    _node, key_pos, value_pos = _walk(tree, loc)
    pos = (key_pos if key else value_pos) or value_pos or key_pos
    return pos or SourcePos(name, 1, 1)


def _field_names(loc) -> list[str]:
    """The keys allowed by the model reached at ``loc`` (for "did you mean")."""
    current: object = m.Outline
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [
            f.alias if f.alias and not f.alias.startswith("__") else n
            for n, f in current.model_fields.items()
            if not (f.alias or "").startswith("__")
        ]
    return []


def _unwrap(tp):
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
            else:
                return args
        else:
            return tp


def _step(current, part):
    tp = _unwrap(current)
    if isinstance(tp, list):  # a union: of slide kinds (pick by tag), or text or a list
        models = [option for option in tp if isinstance(option, type)]
        for option in models:
            kind = issubclass(option, BaseModel) and option.model_fields.get("kind")
            if kind and part in typing.get_args(kind.annotation):
                return option
        for option in tp:  # e.g. notes: text, or a list of notes
            found = _step(option, part)
            if found is not None:
                return found
        return current if _is_union_tag(part) else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(part)
        return field.annotation if field else None
    origin = typing.get_origin(tp)
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    return None


# ---------------------------------------------------------------------------
# Messages

_TYPE_NAMES = {
    PosDict: "a mapping",
    PosList: "a list",
    str: "text",
    type(None): "nothing",
}


def _what(value) -> str:
    for tp, label in _TYPE_NAMES.items():
        if isinstance(value, tp):
            return label
    return type(value).__name__


def _is_kind_tag(loc, i: int) -> bool:
    """Whether ``loc[i]`` is a slide's union tag (``sections, 0, slides, 0, <kind>``)."""
    return i >= 2 and loc[i - 2] == "slides" and isinstance(loc[i - 1], int)


def _describe(loc) -> str:
    # A field may share its name with a slide kind ('title', 'bullets', ...):
    # skip only the union tags.
    parts = [
        p
        for i, p in enumerate(loc)
        if isinstance(p, str) and not _is_kind_tag(loc, i) and not _is_union_tag(p)
    ]
    return f"'{parts[-1]}'" if parts else "the outline"


def _is_union_tag(part) -> bool:
    """Whether a location part names a branch of a union (pydantic's 'constrained-str',
    'list[Note]'), not a key of the outline."""
    return isinstance(part, str) and (
        part in _SCALAR_BRANCHES or "[" in part or part.startswith(("constrained-", "function-"))
    )


_SCALAR_BRANCHES = ("str", "int", "float", "bool")


def other_branches_away(errors: list[dict]) -> list[dict]:
    """Pydantic's errors less those that only say a value is not of a union's other
    branch: notes given as a list are not also 'not text' when a note in it is wrong.
    A value of none of the branches' types is told once, by the first branch."""

    def branch_of(err) -> tuple | None:  # where a value was not of a branch's type
        loc = tuple(err["loc"])
        wrong_type = err["type"].endswith(("_type", "_parsing"))
        if loc and _is_union_tag(loc[-1]) and wrong_type:
            return loc[:-1]
        return None

    deeper = {  # unions where a branch of the right type found the real mistake
        tuple(err["loc"])[:i]
        for err in errors
        if branch_of(err) is None
        for i, part in enumerate(err["loc"])
        if _is_union_tag(part)
    }
    told_once: set[tuple] = set()
    kept = []
    for err in errors:
        prefix = branch_of(err)
        if prefix is not None and (prefix in deeper or prefix in told_once):
            continue
        if prefix is not None:
            told_once.add(prefix)
        kept.append(err)
    return kept


def told(errors: list[dict]) -> list[dict]:
    """The errors worth telling: one per mistake."""
    return misspelt_away(other_branches_away(errors))


def misspelt_away(errors: list[dict]) -> list[dict]:
    """Pydantic's errors less each 'missing' key that an unknown key beside it misspells:
    'titel:' is one mistake, told once (unknown key, did you mean 'title'?), not also
    as a missing title at the slide's first line."""
    unknown: dict[tuple, list[str]] = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            unknown.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
    return [
        err
        for err in errors
        if not (
            err["type"] == "missing"
            and difflib.get_close_matches(
                str(err["loc"][-1]), unknown.get(tuple(err["loc"][:-1]), []), n=1, cutoff=0.6
            )
        )
    ]


def diagnostics(err: dict, tree, name: str) -> list[Diagnostic]:
    if err["type"] == "row_length":
        # the model stops at the first row that does not fit; report every one
        loc = tuple(err["loc"]) + ("rows",)
        rows, _key_pos, _value_pos = _walk(tree, loc)
        columns = err["ctx"]["columns"]
        found = [
            error(
                f"row {i + 1} has {len(row)} cells but the table has {columns} columns",
                locate(tree, loc + (i,), name),
                _ROW_HINT,
            )
            for i, row in enumerate(rows if isinstance(rows, PosList) else ())
            if isinstance(row, PosList) and len(row) != columns
        ]
        if found:
            return found
    return [_diagnostic(err, tree, name)]


_ROW_HINT = "give every row one cell per column, in order"


def _diagnostic(err: dict, tree, name: str) -> Diagnostic:
    loc = tuple(err["loc"])
    structural = _STRUCTURAL.get(err["type"])
    if structural is not None:
        return structural(err, loc, tree, name)
    if loc and loc[-1] == "[key]":  # a key of a mapping such as 'concepts' or 'variables'
        loc = loc[:-1]
        return _value_error(err, _describe(loc[:-1]), locate(tree, loc, name, key=True))
    field = _cell(tree, loc) or _describe(loc)
    return _value_error(err, field, locate(tree, loc, name))


def _cell(tree, loc: tuple) -> str | None:
    """A table cell named by its row and column (and what heads them), not as 'rows'."""
    keys = [part for part in loc if not _is_union_tag(part)]
    if len(keys) < 3 or keys[-3] != "rows" or not all(isinstance(k, int) for k in keys[-2:]):
        return None
    slide, _key_pos, _value_pos = _walk(tree, loc[: len(loc) - loc[::-1].index("rows") - 1])
    return cell_name(slide, *keys[-2:])


def _row_length(err: dict, loc: tuple, tree, name: str) -> Diagnostic:
    loc = loc + ("rows", err["ctx"]["row"])
    return error(err["msg"], locate(tree, loc, name), _ROW_HINT)


def _unknown_key(err: dict, loc: tuple, tree, name: str) -> Diagnostic:
    key = loc[-1]
    allowed = _field_names(loc[:-1])
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else ("allowed keys: " + ", ".join(allowed) if allowed else "remove it")
    )
    return error(f"unknown key {quoted(str(key))}", locate(tree, loc, name, key=True), hint)


def _missing(err: dict, loc: tuple, tree, name: str) -> Diagnostic:
    return error(
        f"missing required key '{loc[-1]}'", locate(tree, loc[:-1], name), f"add '{loc[-1]}:' here"
    )


def _unknown_kind(err: dict, loc: tuple, tree, name: str) -> Diagnostic:
    tag = (err.get("ctx") or {}).get("tag")
    close = difflib.get_close_matches(str(tag), m.SLIDE_KINDS, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return error(
        f"unknown slide kind {quoted(str(tag))}",
        locate(tree, loc + ("kind",), name),
        hint + "kinds: " + ", ".join(m.SLIDE_KINDS),
    )


def _no_kind(err: dict, loc: tuple, tree, name: str) -> Diagnostic:
    return error(
        "slide has no 'kind'",
        locate(tree, loc, name),
        "add 'kind:' with one of: " + ", ".join(m.SLIDE_KINDS),
    )


_STRUCTURAL = {
    "row_length": _row_length,
    "extra_forbidden": _unknown_key,
    "missing": _missing,
    "union_tag_invalid": _unknown_kind,
    "union_tag_not_found": _no_kind,
}

# pydantic error type -> (message after the field's name, hint); {what} is what was
# written instead, {value} the value itself, {min}/{max} the limits
_VALUE_ERRORS = {
    ("model_type", "model_attributes_type", "dict_type"): (
        " should be a mapping of keys to values, not {what}",
        "write 'key: value' lines indented under it",
    ),
    ("list_type",): (
        " should be a list, not {what}",
        "write each item on its own line starting with '- '",
    ),
    ("string_type",): (
        " should be text, not {what}",
        "write the text on the same line, or after '|' for several lines",
    ),
    ("string_too_short",): (" must not be empty", "write some text or remove the key"),
    ("string_too_long",): (
        " may be at most {max:,} characters",
        "shorten it; detail belongs in the notes (see docs/security.md for the limits)",
    ),
    ("too_short",): (
        " needs at least {min} item(s)",
        "add one, as '- text' on the line below it",
    ),
    ("too_long",): (
        " may have at most {max} items",
        "one idea per slide: move the rest to another slide or to the notes",
    ),
    ("too_many_slides",): (
        ": {message}",
        "split the course into several outlines (see docs/security.md for the limits)",
    ),
    ("bool_parsing", "bool_type"): (
        " should be true or false, not {shown}",
        "write true or false",
    ),
    ("int_parsing", "int_type"): (
        " should be a whole number, not {shown}",
        "write digits only, e.g. 130",
    ),
}


def _value_error(err: dict, field: str, pos: SourcePos) -> Diagnostic:
    """A value of the wrong type or shape, said in the outline's terms."""
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern.startswith("^#"):
            return error(f"{field}: {quoted(value)} is not a colour", pos, "write it as '#1F5AA6'")
        if pattern.startswith("^([01]?[0-9]|2[0-3]):"):
            return error(
                f"{field}: {quoted(str(value))} is not a time of day",
                pos,
                "write it on a 24-hour clock, as HH:MM: '09:30' or '14:05'",
            )
        if pattern.startswith("^[A-Za-z]{2,3}"):
            return error(
                f"{field}: {quoted(value)} is not a language tag",
                pos,
                "write a BCP 47 tag such as en, de or en-GB",
            )
        return error(
            f"{field}: {quoted(str(value))} is not a valid name",
            pos,
            "use letters, digits, '-' or '_', starting with a letter",
        )
    for kinds, (message, hint) in _VALUE_ERRORS.items():
        if kind in kinds:
            said = message.format(
                what=_what(value),
                value=value,
                shown=quoted(str(value)),
                message=err["msg"],
                min=ctx.get("min_length", 1),
                max=ctx.get("max_length"),
            )
            return error(field + said, pos, hint)
    message = err["msg"].removeprefix("Value error, ")
    return error(f"{field}: {message}", pos)
