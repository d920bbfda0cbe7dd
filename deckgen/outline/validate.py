"""Checks that need the whole outline: references between parts, files, variables.

Run by the loader on the positioned YAML tree, in the same pass as model
validation, so a bad colour and a missing picture are reported together.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..errors import Diagnostic, SourcePos, error, quoted, warning
from ..labels import ENGLISH, fields
from .files import CheckedPicture, check_picture, locate_input

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


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
LIGHT_LOGO = "on_dark"  # a logo's light variant: a picture's path too
TEMPLATE_FILE = "a .pptx or .potx file"


def _is_path(key: str, parent_key: str | None) -> bool:
    """Whether a string is a file's path (a picture's, a template's), not text."""
    return (
        (key == "path" and parent_key in (*IMAGE_KEYS, "template"))
        or (key == "template" and parent_key == "theme")
        or (key == LIGHT_LOGO and parent_key == "logo")
    )


def check_tree(tree, base: Path) -> tuple[list[Diagnostic], dict[str, CheckedPicture]]:
    """Whole-outline checks over the positioned YAML tree, and the pictures it names,
    read and decoded (by the path as the outline or overlay gives it, which overlays
    make absolute).

    They read the tree, not the model, so they run even when the model has
    errors of its own: every problem comes in the same pass. Parts whose shape
    is wrong are skipped here; model validation reports them.
    """
    checker = _TreeChecker(tree, base)
    checker.visit(tree, None)
    return checker.problems, checker.pictures


class _TreeChecker:
    def __init__(self, tree, base: Path):
        from .yamltree import PosDict, PosList

        self.mapping, self.sequence = PosDict, PosList
        self.tree, self.base = tree, base
        self.problems: list[Diagnostic] = []
        self.pictures: dict[str, CheckedPicture] = {}
        self.concepts = self.declared("concepts")
        self.variables = self.declared("variables")
        self.audiences = self.declared("audiences")
        self.references = self.reference_ids()

    def declared(self, name: str) -> list[str] | None:
        """The declared names; None where the declaration itself is malformed."""
        value = self.tree.get(name)
        if value is None:
            return []
        return sorted(value) if isinstance(value, self.mapping) else None

    def reference_ids(self) -> list[str]:
        ids: list[str] = []
        refs = self.tree.get("references")
        for item in refs if isinstance(refs, self.sequence) else ():
            if isinstance(item, self.mapping) and isinstance(item.get("id"), str):
                if item["id"] in ids:
                    self.problems.append(
                        error(
                            f"reference id '{item['id']}' is used twice",
                            item.value_pos["id"],
                            "give each reference its own id",
                        )
                    )
                ids.append(item["id"])
        return ids

    def visit(self, node, parent_key: str | None) -> None:
        if isinstance(node, self.mapping):
            self.check_mapping(node, parent_key)
            for key, value in node.items():
                if key == "variables" and node is self.tree:
                    continue
                if isinstance(value, str):
                    if _is_code(key, node):  # braces in code are code: no {variables}
                        self.problems += _check_text(value, [], node.value_pos[key], literal=True)
                    elif parent_key == "labels" and key in ENGLISH:
                        # a label's own {fields} (its page, its title …) or variables
                        own = sorted(fields(ENGLISH[key]))
                        known = None if self.variables is None else [*own, *self.variables]
                        pos = node.value_pos[key]
                        self.problems += _check_text(value, known, pos, what="placeholder")
                    elif not _is_path(key, parent_key):
                        self.problems += _check_text(value, self.variables, node.value_pos[key])
                else:
                    self.visit(value, key)
        elif isinstance(node, self.sequence):
            for item, pos in zip(node, node.item_pos, strict=True):
                if isinstance(item, str):
                    self.problems += _check_text(item, self.variables, pos)
                else:
                    self.visit(item, parent_key)

    def check_mapping(self, node, parent_key: str | None) -> None:
        """Pictures exist; concepts, references and audiences named are declared."""
        if parent_key in IMAGE_KEYS and isinstance(node.get("path"), str):
            self.check_picture(node["path"], node.value_pos["path"])
            alt = node.get("alt")
            if isinstance(alt, str) and not alt.strip():  # deckgen import's marker
                self.problems.append(
                    warning(
                        f"the picture '{node['path']}' has no alt text yet (its 'alt' is "
                        "blank): screen readers say nothing of it, and --strict fails",
                        node.value_pos["alt"],
                        hint="say what the picture shows, or mark it 'decorative: true'",
                        topic="accessibility",
                    )
                )
        if parent_key == "logo" and isinstance(node.get(LIGHT_LOGO), str):
            self.check_picture(node[LIGHT_LOGO], node.value_pos[LIGHT_LOGO])
        if parent_key == "theme" and "template" in node:
            self.check_template(node)
        concept = node.get("concept")
        if isinstance(concept, str) and self.concepts is not None and concept not in self.concepts:
            self.problems.append(
                _unknown("concept", concept, self.concepts, node.value_pos["concept"])
            )
        reference = node.get("reference")  # a slide that cites one of the references
        if isinstance(reference, str) and reference not in self.references:
            self.problems.append(
                _unknown("reference", reference, self.references, node.value_pos["reference"])
            )
        for key in ("only", "skip"):
            if isinstance(node.get(key), self.sequence):
                self.check_audiences(node[key], node[key].item_pos)
        if isinstance(node.get("overrides"), self.mapping):
            overrides = node["overrides"]
            self.check_audiences(list(overrides), [overrides.key_pos[k] for k in overrides])

    def check_picture(self, path: str, pos: SourcePos) -> None:
        """Inside the project folder, a regular file, a PNG or JPEG that decodes whole
        (read and decoded once, however many slides show it)."""
        if path in self.pictures:
            return
        picture, problems = check_picture(path, self.base, self.base, pos)
        self.problems += problems
        if picture is not None:
            self.pictures[path] = picture  # as written: what layout will look up

    def check_template(self, theme) -> None:
        """A theme's template lies inside the project folder and is a regular file (it is
        opened, checked and cleaned when a build uses it)."""
        ref = theme["template"]
        if isinstance(ref, str):
            path, pos = ref, theme.value_pos["template"]
        elif isinstance(ref, self.mapping) and isinstance(ref.get("path"), str):
            path, pos = ref["path"], ref.value_pos["path"]
        else:
            return  # the model says what is wrong with it
        shown = f"template {quoted(path)}"
        _found, problems = locate_input(path, self.base, self.base, pos, shown, TEMPLATE_FILE)
        self.problems += problems

    def check_audiences(self, names, positions) -> None:
        known = self.audiences
        for name, pos in zip(names, positions, strict=True):
            if isinstance(name, str) and known is not None and name not in known:
                self.problems.append(_unknown("audience", name, known, pos))


# embeddings, overrides and isolates: they can make text read differently from how it is
# stored (as in "Trojan Source"); allowed, but said
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _is_code(key: str, node) -> bool:
    """A code slide's listing: taken as written."""
    return key == "code" and node.get("kind") == "code"


def _check_text(
    text: str,
    variables: list[str] | None,
    pos: SourcePos,
    literal: bool = False,
    what: str = "variable",
) -> list[Diagnostic]:
    out = []
    bidi = _BIDI.search(text)
    if bidi:
        out.append(
            warning(
                f"text contains the bidirectional control U+{ord(bidi.group()):04X}",
                pos,
                "it can make text display in another order than it reads; remove it unless "
                "you mean it",
            )
        )
    for var, token in () if literal else placeholders(text):
        if var is None or not var.strip():
            out.append(
                error(
                    f"a lone '{token}' in text" if var is None else "an empty '{}' in text",
                    pos,
                    "write '{{' or '}}' for a literal brace, or {name} for a variable",
                )
            )
        elif variables is not None and var not in variables:
            out.append(_unknown(what, var, variables, pos, "{%s}"))
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
