"""Checks that need the whole outline: references between parts, files, variables.

Run by the loader on the positioned YAML tree, in the same pass as model
validation, so a bad colour and a missing picture are reported together.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..errors import Diagnostic, SourcePos, error

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def walk(node, loc: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Yield (location, value) for every model node and leaf below ``node``."""
    yield loc, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name in ("pos", "base_dir", "variable_pos"):
                continue
            value = getattr(node, name)
            # like pydantic's, a slide's location carries its kind as a union tag
            tag = (node.kind,) if name != "kind" and hasattr(node, "kind") else ()
            yield from walk(value, loc + tag + (name,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk(item, loc + (i,))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from walk(item, loc + (key,))


def placeholders(text: str) -> Iterator[tuple[str | None, str]]:
    """Yield (variable name or None for a stray brace, the matched text) in ``text``."""
    for match in PLACEHOLDER.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        yield match.group(1), token


IMAGE_KEYS = ("image", "icon", "logo")


def check_tree(tree, base: Path) -> list[Diagnostic]:
    """Whole-outline checks over the positioned YAML tree.

    They read the tree, not the model, so they run even when the model has
    errors of its own: every problem comes in the same pass. Parts whose shape
    is wrong are skipped here; model validation reports them.
    """
    from .yamltree import PosDict, PosList

    problems: list[Diagnostic] = []

    def keys_of(name: str) -> list[str] | None:
        """The declared names; None where the declaration itself is malformed."""
        value = tree.get(name)
        if value is None:
            return []
        return sorted(value) if isinstance(value, PosDict) else None

    concepts, variables = keys_of("concepts"), keys_of("variables")
    audiences = keys_of("audiences")

    def check_audiences(names, pos_list) -> None:
        for aud, pos in zip(names, pos_list, strict=True):
            if isinstance(aud, str) and audiences is not None and aud not in audiences:
                problems.append(_unknown("audience", aud, audiences, pos))

    references: list[str] = []
    refs = tree.get("references")
    if isinstance(refs, PosList):
        for item in refs:
            if isinstance(item, PosDict) and isinstance(item.get("id"), str):
                if item["id"] in references:
                    problems.append(
                        error(
                            f"reference id '{item['id']}' is used twice",
                            item.value_pos["id"],
                            "give each reference its own id",
                        )
                    )
                references.append(item["id"])

    def visit(node, parent_key: str | None) -> None:
        if isinstance(node, PosDict):
            if parent_key in IMAGE_KEYS and isinstance(node.get("path"), str):
                problems.extend(_check_image(node["path"], base, node.value_pos["path"]))
            concept = node.get("concept")
            if isinstance(concept, str) and concepts is not None and concept not in concepts:
                problems.append(_unknown("concept", concept, concepts, node.value_pos["concept"]))
            reference = node.get("reference")
            if (
                node.get("kind") == "definition"
                and isinstance(reference, str)
                and (reference not in references)
            ):
                problems.append(
                    _unknown("reference", reference, references, node.value_pos["reference"])
                )
            for key in ("only", "skip"):
                if isinstance(node.get(key), PosList):
                    check_audiences(node[key], node[key].item_pos)
            if isinstance(node.get("overrides"), PosDict):
                overrides = node["overrides"]
                check_audiences(list(overrides), [overrides.key_pos[k] for k in overrides])
            for key, value in node.items():
                if key == "variables" and node is tree:
                    continue
                if isinstance(value, str):
                    if not (key == "path" and parent_key in IMAGE_KEYS):
                        problems.extend(_check_text(value, variables, node.value_pos[key]))
                else:
                    visit(value, key)
        elif isinstance(node, PosList):
            for item, pos in zip(node, node.item_pos, strict=True):
                if isinstance(item, str):
                    problems.extend(_check_text(item, variables, pos))
                else:
                    visit(item, parent_key)

    visit(tree, None)
    return problems


def _check_text(text: str, variables: list[str] | None, pos: SourcePos) -> list[Diagnostic]:
    out = []
    for var, token in placeholders(text):
        if var is None or not var.strip():
            out.append(
                error(
                    f"a lone '{token}' in text" if var is None else "an empty '{}' in text",
                    pos,
                    "write '{{' or '}}' for a literal brace, or {name} for a variable",
                )
            )
        elif variables is not None and var not in variables:
            out.append(_unknown("variable", var, variables, pos, "{%s}"))
    return out


def _unknown(what: str, name: str, known: list[str], pos: SourcePos, fmt="'%s'") -> Diagnostic:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        hint = f"did you mean {fmt % close[0]}?"
    elif known:
        hint = f"declared {what}s: " + ", ".join(fmt % k for k in known)
    else:
        hint = (
            f"declare it under '{what}s:' first"
            if what != "reference"
            else "add it under 'references:'"
        )
    label = fmt % name
    return error(f"unknown {what} {label}", pos, hint)


def _check_image(path_text: str, base: Path, pos: SourcePos) -> list[Diagnostic]:
    path = (base / path_text) if not os.path.isabs(path_text) else Path(path_text)
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            return [error(f"image '{path_text}' is not a regular file", pos)]
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        return [error(f"image '{path_text}' not found", pos, f"paths are relative to {base}")]
    except IsADirectoryError:
        return [error(f"image '{path_text}' is a folder", pos, "name a .png or .jpg file")]
    except OSError as exc:
        return [error(f"image '{path_text}' cannot be read ({exc.strerror})", pos)]
    except ValueError:  # a NUL character in the path
        return [error(f"image path '{path_text}' is not a valid file name", pos)]
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        return [
            error(
                f"image '{path_text}' is not a PNG or JPEG file",
                pos,
                "convert it to PNG (pictures) or JPEG (photos)",
            )
        ]
    return []
