"""A YAML mistake is told in the outline's terms: which key or item is out of line, where
its neighbours are and how to fix it, at file:line:col, through the CLI (exit 2, no
traceback), whichever YAML parser (libyaml or PyYAML's own) reads the file."""

from __future__ import annotations

import pytest
import yaml

from deckgen.outline import yamltree
from tests.conftest import run_cli

HEAD = "meta:\n  title: T\nsections:\n  - title: One\n    slides:\n      - kind: bullets\n"

# name: (outline, line, col, message, hint)
CASES = {
    "key too far left": (
        HEAD + "        title: Hi\n        bullets: [a, b]\n      notes: hello\n",
        (9, 7),
        "'notes' is indented 6 spaces; the slide's other keys are at 8",
        "indent it 8 spaces, like 'bullets' on line 8",
    ),
    "key too far right": (
        HEAD + "        title: Hi\n          notes: hello\n        bullets: [a, b]\n",
        (8, 11),
        "'notes' is indented 10 spaces; the slide's other keys are at 8",
        "indent it 8 spaces, like 'title' on line 7",
    ),
    "key right after a list": (
        HEAD + "        bullets:\n          - a\n          notes: x\n",
        (9, 11),
        "'notes' is indented 10 spaces; the slide's other keys are at 8",
        "indent it 8 spaces, like 'bullets' on line 7",
    ),
    "meta key one space left": (
        "meta:\n  title: T\n subtitle: x\nsections: []\n",
        (3, 2),
        "'subtitle' is indented 1 space; the other keys under 'meta' are at 2",
        "indent it 2 spaces, like 'title' on line 2",
    ),
    "tab": (
        HEAD + "        title: Hi\n\tnotes: x\n",
        (8, 1),
        "line 8 is indented with a tab; YAML indents with spaces only",
        "replace the tab with spaces: the slide's other keys are at 8 spaces",
    ),
    "no space after the colon": (
        HEAD + "        title:Hi\n        bullets: [a, b]\n",
        (7, 9),
        "'title:Hi' needs a space after the colon to be the key 'title'",
        "write 'title: Hi'",
    ),
    "slide at the sections' level": (
        HEAD + "        title: Hi\n    - kind: bullets\n      title: Two\n",
        (8, 5),
        "this slide is indented 4 spaces; the other slides are at 6",
        "indent its '-' 6 spaces, like the one on line 6",
    ),
    "slide too far right": (
        HEAD + "        title: Hi\n        - kind: bullets\n",
        (8, 9),
        "this slide is indented 8 spaces; the other slides are at 6",
        "indent its '-' 6 spaces, like the one on line 6",
    ),
    "section one space left": (
        HEAD + "        title: Hi\n - title: Two\n",
        (8, 2),
        "this section is indented 1 space; the other sections are at 2",
        "indent its '-' 2 spaces, like the one on line 4",
    ),
    "a line of notes: | too far left": (
        HEAD + "        notes: |\n          First line.\n         second line.\n",
        (9, 10),
        "line 9 of the text of 'notes' is indented 9 spaces; the text's first line is at 10",
        "indent it 10 spaces, like line 8, or the text ends above it",
    ),
    "text going on at its key's level": (
        HEAD + "        title: A long\n          title that goes on\n        and on\n"
        "        bullets: [a]\n",
        (9, 9),
        "line 9 is text, indented 8 spaces: no further right than the key 'title' (line 7) "
        "whose text it goes on with",
        "indent it 10 spaces, or put the text in quotes",
    ),
    "': ' in a bullet": (
        HEAD + "        title: Hi\n        bullets:\n          - Note: this: that\n",
        (9, 11),
        "this item's text contains ': ', which YAML reads as a key and its value",
        'put the text in quotes: - "Note: this: that"',
    ),
    "': ' in text": (
        HEAD + "        title: Note: this\n",
        (7, 9),
        "the text of 'title' contains ': ', which YAML reads as the start of another key",
        'put the text in quotes: title: "Note: this"',
    ),
}


@pytest.fixture(params=["libyaml", "pure"])
def either_parser(request, monkeypatch):
    if request.param == "pure":
        monkeypatch.setattr(yamltree.yaml, "CSafeLoader", yaml.SafeLoader, raising=False)
    return request.param


@pytest.mark.parametrize("case", CASES)
def test_a_yaml_mistake_is_told_in_the_outline_s_terms(tmp_path, case, either_parser):
    text, (line, col), message, hint = CASES[case]
    outline = tmp_path / "talk.yaml"
    outline.write_text(text, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert f"{outline}:{line}:{col}: error: {message} ({hint})" in result.stderr
    assert "YAML syntax error" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_block_scalar_s_lines_are_text_not_keys(tmp_path):
    """Lines inside 'notes: |' may look like keys at any indent; they are not the blocks."""
    text = (
        HEAD + "        notes: |\n          a: b\n            c: d\n        title: Hi\n      x: y\n"
    )
    outline = tmp_path / "talk.yaml"
    outline.write_text(text, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{outline}:11:7: error: 'x' is indented 6 spaces; the slide's other keys" in (
        result.stderr
    )


def test_what_cannot_be_placed_keeps_the_parser_s_words(tmp_path):
    outline = tmp_path / "talk.yaml"
    outline.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{outline}:3:1: error: YAML syntax error" in result.stderr
