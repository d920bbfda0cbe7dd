"""A "(cont.)" slide is assembled in one place (layout.flow.continued_page): every kind
that continues gets the same title, notes and item order from it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import ROOT, run_cli, slide_title

PAIRS = "\n".join(
    f'          - {{left: "Left side {i} of a pair, rather long", right: "Right side {i} long"}}'
    for i in range(12)
)
ROWS = "\n".join(
    f'          - ["Row {i}", "A cell with quite a few words to wrap {i}", "More words {i}"]'
    for i in range(16)
)
POINTS = "\n".join(f'          - "Point {i}, long enough to wrap onto a line"' for i in range(8))
QUOTE = "A lock keeps a door shut until the right key turns it, and the pins line up. " * 28
TALK = f"""\
meta: {{title: Stress, language: LANG}}
sections:
  - title: S
    slides:
      - kind: definition
        title: "Lock"
        term: lock
        quote: "{QUOTE}"
        attribution: "A dictionary"
        notes: "First notes of Lock."
      - kind: analogy
        title: "Guard"
        left: {{heading: "Door"}}
        right: {{heading: "Guard"}}
        pairs:
{PAIRS}
        notes: "First notes of Guard."
      - kind: comparison
        title: "Table"
        columns: ["Aspect", "Locks", "Ladders"]
        rows:
{ROWS}
        notes: "First notes of Table."
      - kind: bullets
        title: "Points"
        bullets:
{POINTS}
        notes: "First notes of Points."
"""


@pytest.mark.parametrize(
    ("language", "cont", "notes"),
    [("en", "(cont.)", "Continued from “{}”"), ("de", "(Forts.)", "Fortsetzung von „{}“")],
)
def test_every_kind_continues_alike(tmp_path, language, cont, notes):
    outline = tmp_path / "talk.yaml"
    outline.write_text(TALK.replace("LANG", language), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    seen: dict[str, list[tuple[str, str]]] = {}
    for slide in prs.slides:
        title = slide_title(slide)
        base = title.removesuffix(f" {cont}")
        said = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        seen.setdefault(base, []).append((title, said))
        first_shape = next(iter(slide.shapes))
        assert first_shape.is_placeholder and first_shape.has_text_frame
        assert first_shape.text_frame.text == title  # the title placeholder comes first
    for base in ("Lock", "Guard", "Table", "Points"):
        first, *rest = seen[base]
        assert first == (base, f"First notes of {base}.")
        assert rest, f"{base} did not continue"
        for title, said in rest:
            assert title == f"{base} {cont}"
            assert said.startswith(notes.format(base))


def test_only_flow_assembles_continued_pages():
    """No kind spells the "(cont.)" title or notes itself."""
    users = []
    for path in sorted((ROOT / "deckgen").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id in ("continued_title", "continued_notes"):
                users.append(Path(path).relative_to(ROOT).as_posix())
    assert set(users) == {"deckgen/layout/flow.py"}
