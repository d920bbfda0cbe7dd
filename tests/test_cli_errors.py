"""The command line maps a DeckgenError in one place (cli/report.py's group): every
command only raises; the group prints the diagnostics on stderr, a JSON error on stdout
where the command's --json stands in for its output, and exits with the error's code."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

BAD = "meta: {title: X}\nsections:\n  - title: S\n    slides:\n      - kind: nope\n"


def test_no_command_catches_deckgen_errors_itself():
    """Only report.py names DeckgenError in an except clause."""
    catching = []
    for path in sorted((ROOT / "deckgen" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and "DeckgenError" in ast.unparse(
                node.type or ast.Name("")
            ):
                catching.append(path.name)
    assert catching == ["report.py"]


@pytest.fixture
def bad_outline(tmp_path) -> Path:
    bad = tmp_path / "o.yaml"
    bad.write_text(BAD, encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    "args",
    [
        ("validate",),
        ("audiences",),
        ("explain",),
        ("check",),
        ("preview", "-o", "{tmp}/p"),
        ("build", "-o", "{tmp}/b"),
        ("build", "--all-audiences", "-o", "{tmp}/b"),
    ],
)
def test_each_command_reports_the_error_and_its_code(bad_outline, args):
    filled = [a.replace("{tmp}", str(bad_outline.parent)) for a in args]
    result = run_cli(filled[0], str(bad_outline), *filled[1:])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "o.yaml:5:15: error: unknown slide kind 'nope'" in result.stderr
    assert "internal error" not in result.stderr


def test_template_check_reports_an_outline_error(bad_outline, tmp_path):
    template = tmp_path / "t.pptx"
    assert run_cli("template", "new", str(template)).exit_code == 0
    result = run_cli("template", "check", str(template), str(bad_outline), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""  # its --json reports a build, not a failure to load
    assert "unknown slide kind 'nope'" in result.stderr


def test_import_json_error_is_json_on_stdout(tmp_path):
    result = run_cli("import", str(tmp_path / "absent.pptx"), "--json", "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["exit_code"] == 2
    assert "absent.pptx" in payload["errors"][0]["message"]
    assert "absent.pptx" in result.stderr


def test_json_without_a_manifest_prints_no_json_error(bad_outline):
    result = run_cli("audiences", str(bad_outline), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
