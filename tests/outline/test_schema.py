"""The outline's JSON Schema (draft-07), generated from the model."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from deckgen.errors import InputError
from deckgen.outline.loader import load_outline
from deckgen.outline.model import SLIDE_KINDS
from deckgen.outline.schema import SCHEMA_ID, outline_schema, outline_schema_json

SHIPPED = Path(__file__).resolve().parents[2] / "outline.yaml"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

OK = """\
meta:
  title: Talk
sections:
  - title: Part
    slides:
      - kind: bullets
        title: Points
        bullets:
          - one
"""


@pytest.fixture(scope="module")
def schema() -> dict:
    return outline_schema()


@pytest.fixture(scope="module")
def validator(schema) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schema)


def errors(validator, text: str) -> list:
    """Schema errors for an outline written as YAML (parsed with safe_load)."""
    return sorted(
        validator.iter_errors(yaml.safe_load(textwrap.dedent(text))),
        key=lambda e: list(e.absolute_path),
    )


def paths(errs) -> list[list]:
    return [list(e.absolute_path) for e in errs]


def test_schema_is_a_valid_draft_07_schema(schema):
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT_07
    assert schema["$id"] == SCHEMA_ID


def test_schema_uses_draft_07_definitions(schema):
    assert "$defs" not in schema
    assert {"Meta", "Section", "BulletsSlide", "Bullet", "Image"} <= set(schema["definitions"])
    refs = []

    def collect(node):
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append(node["$ref"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    assert refs
    assert all(ref.startswith("#/definitions/") for ref in refs)
    assert {ref.removeprefix("#/definitions/") for ref in refs} <= set(schema["definitions"])


def test_schema_json_round_trips(schema):
    text = outline_schema_json()
    assert text.endswith("\n")
    assert json.loads(text) == schema


def test_shipped_outline_validates(validator):
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_minimal_outline_validates(validator):
    assert errors(validator, OK) == []


def test_unknown_top_level_key_fails(validator):
    errs = errors(validator, OK + "titel: Talk\n")
    assert len(errs) == 1
    assert errs[0].validator == "additionalProperties"
    assert "titel" in errs[0].message


def test_unknown_key_in_meta_fails(validator):
    errs = errors(validator, OK.replace("  title: Talk\n", "  title: Talk\n  venue: Hall\n"))
    assert paths(errs) == [["meta"]]
    assert errs[0].validator == "additionalProperties"
    assert "venue" in errs[0].message


def test_unknown_key_in_a_slide_fails(validator):
    text = OK.replace("        title: Points\n", "        title: Points\n        colour: red\n")
    errs = list(validator.iter_errors(yaml.safe_load(text)))
    assert errs, "an unknown slide key must not validate"
    flat = [e for err in errs for e in (err.context or [err])]
    assert any("colour" in e.message for e in flat)


def test_bullet_may_be_plain_text_or_a_mapping(validator):
    text = OK.replace("          - one\n", "          - one\n          - {text: two, sub: [a]}\n")
    assert errors(validator, text) == []


def test_bullet_mapping_needs_text(validator):
    text = OK.replace("          - one\n", "          - {sub: [a]}\n")
    assert errors(validator, text) != []


def test_shorthand_text_is_allowed_for_takeaways_and_columns(validator):
    text = OK.replace(
        "      - kind: bullets\n        title: Points\n        bullets:\n          - one\n",
        "      - {kind: takeaways, title: T, points: [one, {text: two}]}\n"
        "      - {kind: comparison, title: C, columns: [a, {label: b}], rows: [[x, y]]}\n",
    )
    assert errors(validator, text) == []


def test_empty_text_fails(validator):
    assert paths(errors(validator, OK.replace("title: Talk", 'title: ""'))) == [["meta", "title"]]


def test_missing_required_key_fails(validator):
    errs = errors(validator, OK.replace("  title: Talk\n", "  subtitle: Sub\n"))
    assert paths(errs) == [["meta"]]
    assert errs[0].validator == "required"
    assert "'title'" in errs[0].message


def test_bad_colour_fails(validator):
    errs = errors(validator, OK + 'concepts:\n  security: {label: Sec, color: "#12345"}\n')
    assert paths(errs) == [["concepts", "security", "color"]]
    assert errs[0].validator == "pattern"


def test_unknown_slide_kind_fails(validator):
    assert errors(validator, OK.replace("kind: bullets", "kind: bulets")) != []


def test_too_many_takeaways_fail(validator):
    text = OK.replace(
        "      - kind: bullets\n        title: Points\n        bullets:\n          - one\n",
        "      - {kind: takeaways, title: T, points: [a, b, c, d, e]}\n",
    )
    assert errors(validator, text) != []


def test_internal_fields_are_not_in_the_schema(schema):
    text = json.dumps(schema)
    assert "__pos__" not in text and "__base_dir__" not in text
    assert "base_dir" not in schema["properties"]
    for definition in schema["definitions"].values():
        for option in [definition, *definition.get("anyOf", [])]:
            assert "pos" not in option.get("properties", {})


def test_every_slide_kind_is_in_the_schema(schema):
    kinds = set()
    for definition in schema["definitions"].values():
        kind = definition.get("properties", {}).get("kind", {})
        if "const" in kind:
            kinds.add(kind["const"])
        kinds.update(kind.get("enum", []))
    assert kinds == set(SLIDE_KINDS)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        (OK, True),
        (OK + "titel: x\n", False),
        (OK.replace("kind: bullets", "kind: video"), False),
        (OK.replace("        bullets:\n          - one\n", "        bullets: []\n"), False),
        (OK + "variables: {presenter: Ada}\n", True),
        (OK + "theme: {colors: {primary: '#123456'}}\n", True),
        (OK + "theme: {colors: {primary: navy}}\n", False),
    ],
)
def test_schema_and_loader_agree(tmp_path, validator, text, valid):
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    schema_ok = not list(validator.iter_errors(yaml.safe_load(text)))
    try:
        load_outline(path, display_name="outline.yaml")
        loader_ok = True
    except InputError:
        loader_ok = False
    assert (schema_ok, loader_ok) == (valid, valid)
