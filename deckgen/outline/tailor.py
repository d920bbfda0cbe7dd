"""Tailoring: a pure function from an Outline to the Outline one build renders.

Today it fills ``{name}`` placeholders from the outline's variables and any
``--set name=value`` overrides; audiences and overlays will join it here.
Renderers never see any of this.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from ..errors import InputError, error
from . import model as m
from .validate import PLACEHOLDER


def tailor(outline: m.Outline, variables: Mapping[str, str] | None = None) -> m.Outline:
    values = dict(outline.variables)
    unknown = sorted(set(variables or {}) - set(values))
    if unknown:
        raise InputError(
            "unknown variable",
            [
                error(
                    f"--set {name}: the outline declares no variable '{name}'",
                    hint="declared: "
                    + (", ".join(sorted(values)) or "none")
                    + "; declare it under 'variables:' first",
                )
                for name in unknown
            ],
        )
    values.update(variables or {})
    return _substitute(outline, values)


def fill(text: str, values: Mapping[str, str]) -> str:
    def replace(match) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        return values.get(name, token) if name is not None else token

    return PLACEHOLDER.sub(replace, text)


def _substitute(node, values):
    if isinstance(node, str):
        return fill(node, values)
    if isinstance(node, list):
        return [_substitute(x, values) for x in node]
    if isinstance(node, dict):
        return {k: _substitute(v, values) for k, v in node.items()}
    if isinstance(node, m.Image):  # the file path was checked as written; the alt text is text
        return node.model_copy(update={"alt": fill(node.alt, values)})
    if isinstance(node, BaseModel):
        update = {}
        for name in type(node).model_fields:
            if name in ("pos", "base_dir", "variables"):
                continue
            value = getattr(node, name)
            new = _substitute(value, values)
            if new is not value:
                update[name] = new
        return node.model_copy(update=update) if update else node
    return node
