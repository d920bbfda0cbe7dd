"""Checks that need the whole outline: references between parts, files, variables.

Run by the loader after the model has been built; each problem names the exact
place via ``locate(loc)``, a function from a model path to a SourcePos.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel

from ..errors import Diagnostic, SourcePos, error
from . import model as m

Locate = Callable[[tuple], SourcePos]

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def walk(node, loc: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Yield (location, value) for every model node and leaf below ``node``."""
    yield loc, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name in ("pos", "base_dir"):
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


def check_outline(outline: m.Outline, locate: Locate) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    concepts = sorted(outline.concepts)
    references = [r.id for r in outline.references]
    variables = sorted(outline.variables)
    base = Path(outline.base_dir)

    seen_refs: dict[str, tuple] = {}
    for i, ref in enumerate(outline.references):
        if ref.id in seen_refs:
            problems.append(
                error(f"reference id '{ref.id}' is used twice", locate(("references", i, "id")))
            )
        seen_refs.setdefault(ref.id, ("references", i))

    for loc, value in walk(outline):
        if isinstance(value, m.Image):
            problems.extend(_check_image(value, base, loc, locate))
        elif isinstance(value, BaseModel):
            concept = getattr(value, "concept", None)
            if concept is not None and concept not in outline.concepts:
                problems.append(_unknown("concept", concept, concepts, locate(loc + ("concept",))))
            if (
                isinstance(value, m.DefinitionSlide)
                and value.reference is not None
                and value.reference not in seen_refs
            ):
                problems.append(
                    _unknown("reference", value.reference, references, locate(loc + ("reference",)))
                )
        elif isinstance(value, str) and loc and loc[0] != "variables":
            for var, token in placeholders(value):
                if var is None:
                    problems.append(
                        error(
                            f"a lone '{token}' in text",
                            locate(loc),
                            "write '{{' or '}}' for a literal brace, or {name} for a variable",
                        )
                    )
                elif var not in outline.variables:
                    problems.append(_unknown("variable", var, variables, locate(loc), "{%s}"))
    return problems


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


def _check_image(image: m.Image, base: Path, loc: tuple, locate: Locate) -> list[Diagnostic]:
    pos = locate(loc + ("path",))
    path = (base / image.path) if not os.path.isabs(image.path) else Path(image.path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        return [error(f"image '{image.path}' not found", pos, f"paths are relative to {base}")]
    except IsADirectoryError:
        return [error(f"image '{image.path}' is a folder", pos, "name a .png or .jpg file")]
    except OSError as exc:
        return [error(f"image '{image.path}' cannot be read ({exc.strerror})", pos)]
    except ValueError:  # a NUL character in the path
        return [error(f"image path '{image.path}' is not a valid file name", pos)]
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        return [
            error(
                f"image '{image.path}' is not a PNG or JPEG file",
                pos,
                "convert it to PNG (pictures) or JPEG (photos)",
            )
        ]
    return []
