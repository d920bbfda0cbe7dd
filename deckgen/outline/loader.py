"""Load an outline: YAML → positioned tree → typed, validated :class:`Outline`.

This is the only module (with :mod:`.yamltree`) that reads YAML. Every problem
is reported as ``file:line:col: message (hint)``, all of them in one pass.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, InputError, SourcePos, error
from ..kinds import KINDS
from . import model as m
from .overlay import apply_overlay
from .validate import check_tree
from .yamltree import PosDict, PosList, parse, read_text


def load_outline(
    path: str | Path,
    display_name: str | None = None,
    overlays: Sequence[str | Path] = (),
) -> m.Outline:
    """Read, validate and return the outline at ``path`` with ``overlays`` merged over it.

    Raises InputError listing every problem, each at the file:line:col it came from.
    """
    path = Path(path)
    name = display_name or str(path)
    text = read_text(path, name)
    layers = []
    for overlay in overlays:
        overlay = Path(overlay)
        layers.append((overlay, read_text(overlay, str(overlay))))
    return load_outline_text(text, name, base_dir=path.resolve().parent, overlays=layers)


def load_outline_text(
    text: str,
    name: str,
    base_dir: str | Path = ".",
    overlays: Sequence[tuple[Path, str]] = (),
) -> m.Outline:
    tree, yaml_problems = parse(text, name)
    if not isinstance(tree, PosDict):
        raise InputError(
            f"{name}: not an outline",
            [
                error(
                    "the outline must be a mapping with 'meta' and 'sections'",
                    _start(tree) or SourcePos(name, 1, 1),
                    "start from 'deckgen init DIR' for a working example",
                )
            ],
        )
    problems = list(yaml_problems)
    for overlay_path, overlay_text in overlays:
        overlay_name = str(overlay_path)
        layer, layer_problems = parse(overlay_text, overlay_name)
        problems += layer_problems
        if not isinstance(layer, PosDict):
            problems.append(
                error(
                    "an overlay must be a mapping of outline keys (and drop/add)",
                    _start(layer) or SourcePos(overlay_name, 1, 1),
                    "see 'deckgen build --help' and the README's Overlays section",
                )
            )
            continue
        allowed = [
            k for k in m.Outline.model_fields if k not in ("pos", "base_dir", "variable_pos")
        ]
        problems += apply_overlay(tree, layer, overlay_path.resolve().parent, allowed)
    # Give base_dir by its alias, so a 'base_dir:' key in the outline is refused as unknown
    # (the YAML tree never holds '__' keys; 'tree' itself stays as written, for locate).
    declared = tree.get("variables")
    variable_pos = dict(declared.key_pos) if isinstance(declared, PosDict) else {}
    data = PosDict(tree, __base_dir__=str(Path(base_dir)), __variable_pos__=variable_pos)
    data.source_pos = tree.source_pos
    problems += check_tree(tree, Path(base_dir))
    try:
        outline = m.Outline.model_validate(data)
    except ValidationError as exc:
        problems += [d for err in exc.errors() for d in _diagnostics(err, tree, name)]
        raise InputError(f"{name}: invalid outline", _unique(problems)) from None
    problems += _check_overrides(tree, name)
    if problems:
        raise InputError(f"{name}: invalid outline", _unique(problems))
    return outline


_NOT_OVERRIDABLE = ("kind", "id", "overrides", "only", "skip")


def _check_overrides(tree: PosDict, name: str) -> list[Diagnostic]:
    """Validate each audience's override as the slide it would make, at the override's lines."""
    problems: list[Diagnostic] = []
    kinds = {kind.name: kind.model for kind in KINDS}
    for section in tree.get("sections") or []:
        for slide in (section.get("slides") or []) if isinstance(section, PosDict) else []:
            if not isinstance(slide, PosDict) or not isinstance(slide.get("overrides"), PosDict):
                continue
            cls = kinds.get(slide.get("kind"))
            for audience, override in slide["overrides"].items():
                if not isinstance(override, PosDict):
                    problems.append(
                        error(
                            f"the override for '{audience}' should be a mapping of slide fields",
                            slide["overrides"].value_pos[audience],
                            "e.g. title: …, notes: …",
                        )
                    )
                    continue
                for key in override:
                    if key in _NOT_OVERRIDABLE:
                        problems.append(
                            error(
                                f"'{key}' cannot be overridden per audience",
                                override.key_pos[key],
                                "use only/skip to choose slides",
                            )
                        )
                merged = PosDict({k: v for k, v in slide.items() if k != "overrides"})
                merged.source_pos = slide.source_pos
                merged.key_pos = {k: p for k, p in slide.key_pos.items() if k != "overrides"}
                merged.value_pos = {k: p for k, p in slide.value_pos.items() if k != "overrides"}
                for key, value in override.items():
                    if key in _NOT_OVERRIDABLE:
                        continue
                    merged[key] = value
                    merged.key_pos[key] = override.key_pos[key]
                    merged.value_pos[key] = override.value_pos[key]
                if cls is None:
                    continue
                try:
                    cls.model_validate(merged)
                except ValidationError as exc:
                    problems += [d for err in exc.errors() for d in _diagnostics(err, merged, name)]
    return problems


def _unique(items: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return sorted(out, key=lambda d: (d.pos.line, d.pos.col) if d.pos else (0, 0))


# ---------------------------------------------------------------------------
# Positions


def _start(node) -> SourcePos | None:
    """Where a mapping or list from the YAML tree starts."""
    return getattr(node, "source_pos", None) or getattr(node, "list_pos", None)


def _walk(tree, loc):
    """Follow a pydantic location through the tree.

    Returns (node, key_pos, value_pos) of the deepest element reached. Union tags
    in the location (a slide's kind) and shorthand strings are skipped over.
    """
    node = tree
    key_pos = None
    value_pos = _start(tree)
    previous = None
    for part in loc:
        tag, previous = previous, part
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
    if isinstance(tp, list):  # a union of slide kinds: pick by tag
        for option in tp:
            kind = option.model_fields.get("kind")
            if kind is not None and part in typing.get_args(kind.annotation):
                return option
        return None
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
    parts = [p for i, p in enumerate(loc) if isinstance(p, str) and not _is_kind_tag(loc, i)]
    return f"'{parts[-1]}'" if parts else "the outline"


def _diagnostics(err: dict, tree, name: str) -> list[Diagnostic]:
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
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}

    if kind == "row_length":
        loc = loc + ("rows", ctx["row"])
        return error(err["msg"], locate(tree, loc, name), _ROW_HINT)
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _field_names(loc[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else ("allowed keys: " + ", ".join(allowed) if allowed else "remove it")
        )
        return error(f"unknown key '{key}'", locate(tree, loc, name, key=True), hint)
    if kind == "missing":
        parent = loc[:-1]
        return error(
            f"missing required key '{loc[-1]}'",
            locate(tree, parent, name),
            f"add '{loc[-1]}:' here",
        )
    if kind == "union_tag_invalid":
        tag = ctx.get("tag")
        close = difflib.get_close_matches(str(tag), m.SLIDE_KINDS, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return error(
            f"unknown slide kind '{tag}'",
            locate(tree, loc + ("kind",), name),
            hint + "kinds: " + ", ".join(m.SLIDE_KINDS),
        )
    if kind == "union_tag_not_found":
        return error(
            "slide has no 'kind'",
            locate(tree, loc, name),
            "add 'kind:' with one of: " + ", ".join(m.SLIDE_KINDS),
        )
    if loc and loc[-1] == "[key]":  # a key of a mapping such as 'concepts' or 'variables'
        loc = loc[:-1]
        pos = locate(tree, loc, name, key=True)
        field = _describe(loc[:-1])
    else:
        pos = locate(tree, loc, name)
        field = _describe(loc)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return error(
            f"{field} should be a mapping of keys to values, not {_what(value)}",
            pos,
            "write 'key: value' lines indented under it",
        )
    if kind == "list_type":
        return error(
            f"{field} should be a list, not {_what(value)}",
            pos,
            "write each item on its own line starting with '- '",
        )
    if kind == "string_type":
        return error(
            f"{field} should be text, not {_what(value)}",
            pos,
            "write the text on the same line, or after '|' for several lines",
        )
    if kind == "string_too_short":
        return error(f"{field} must not be empty", pos, "write some text or remove the key")
    if kind == "too_short":
        return error(f"{field} needs at least {ctx.get('min_length', 1)} item(s)", pos)
    if kind == "too_long":
        return error(
            f"{field} may have at most {ctx.get('max_length')} items",
            pos,
            "one idea per slide: move the rest to another slide or to the notes",
        )
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern.startswith("^#"):
            return error(f"{field}: '{value}' is not a colour", pos, "write it as '#1F5AA6'")
        return error(
            f"{field}: '{value}' is not a valid name",
            pos,
            "use letters, digits, '-' or '_', starting with a letter",
        )
    if kind in ("bool_parsing", "bool_type"):
        return error(f"{field} should be true or false, not '{value}'", pos)
    if kind in ("int_parsing", "int_type"):
        return error(f"{field} should be a whole number, not '{value}'", pos)
    message = err["msg"].removeprefix("Value error, ")
    return error(f"{field}: {message}", pos)
