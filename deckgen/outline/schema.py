"""The outline's JSON Schema (draft-07), for yaml-language-server and SchemaStore.

Generated from the model, so it cannot drift from what the loader accepts. Two
adjustments: pydantic's ``$defs`` become draft-07 ``definitions``, and the node
types that accept a plain string as shorthand (a bullet, a takeaway, a table
column) say so.
"""

from __future__ import annotations

import json

from .model import Outline

SCHEMA_ID = "https://deckgen.dev/schema/outline-1.json"
_SHORTHAND = {"Bullet": "text", "Takeaway": "text", "Column": "label", "Note": "text"}


def outline_schema() -> dict:
    schema = Outline.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for name in _SHORTHAND:
        if name in definitions:
            definitions[name] = {
                "anyOf": [{"type": "string", "minLength": 1}, definitions[name]],
                "description": definitions[name].get("description", "")
                or f"Text, or a mapping with '{_SHORTHAND[name]}'.",
            }
    out = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "deckgen outline",
        "description": "One talk: meta, variables, theme, concepts, sections of slides, "
        "glossary and references.",
    }
    schema.pop("title", None)
    schema.pop("description", None)  # the model's docstring speaks of internals
    out.update(schema)
    out["definitions"] = definitions
    return out


def outline_schema_json() -> str:
    return json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n"
