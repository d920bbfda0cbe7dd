"""Property-based tests: whatever the input, deckgen ends in a build or a clear error.

Random mutations of the fixture talk, random --set values, random bytes as pictures and
random overlays never end in a traceback, an "internal error", a hang past the limit, or
a changed earlier output. Each runs on a fixed budget (derandomized, so CI is
repeatable); the defects the fuzzing of issue 8 found have their own regression tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.errors import DeckgenError
from deckgen.outline.files import check_picture
from deckgen.outline.loader import load_outline, load_outline_text
from deckgen.outline.tailor import tailor

from .conftest import SMALL, fuzz_budget, run_cli
from .layout.support import deadline

BUDGET = fuzz_budget(60)
TEXT = SMALL.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
NASTY = [
    "\x00",
    "\x07",
    "\x7f",
    "\ufffe",
    "\u202e",
    "{",
    "}",
    "{{",
    ":",
    "- ",
    "'",
    '"',
    "&a",
    "*a",
]


@st.composite
def mutated(draw) -> str:
    """The fixture talk with a few lines deleted, duplicated, swapped or scribbled on."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        else:
            at = draw(st.integers(0, len(lines[i])))
            junk = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)))
            lines[i] = lines[i][:at] + junk + lines[i][at:]
    return "".join(lines)


def load_or_refuse(text: str, base: Path):
    """Load ``text``; an InputError is a fine answer, anything else is a bug."""
    try:
        return load_outline_text(text, "outline.yaml", base_dir=base)
    except DeckgenError as exc:
        assert exc.exit_code == 2 and exc.diagnostics
        assert all(d.message and "\n" not in d.message for d in exc.diagnostics)
        return None


@BUDGET
@given(text=mutated())
def test_a_mutated_outline_loads_or_is_refused_with_positioned_errors(text):
    with deadline(20):
        outline = load_or_refuse(text, SMALL.parent)
        if outline is not None:
            for audience in [None, *outline.audiences]:
                tailor(outline, audience=audience)


@settings(BUDGET, max_examples=8)
@given(text=mutated())
def test_a_mutated_outline_builds_or_fails_cleanly_and_keeps_the_earlier_outputs(
    tmp_path_factory, text
):
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(SMALL.parent / "assets", folder / "assets")
    (folder / "outline.yaml").write_text(TEXT, encoding="utf-8")
    out = folder / "out"
    assert run_cli("build", str(folder / "outline.yaml"), "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "outline.yaml").write_text(text, encoding="utf-8")
    with deadline(60):
        result = run_cli("build", str(folder / "outline.yaml"), "-o", str(out))
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    if result.exit_code != 0:
        assert after == before
    assert not [name for name in after if name.startswith(".")]


@BUDGET
@given(value=st.text(max_size=80))
def test_any_set_value_is_used_or_refused(value):
    outline = load_outline(SMALL)
    name = next(iter(outline.variables))
    try:
        talk = tailor(outline, {name: value})
    except DeckgenError as exc:
        assert exc.exit_code == 2 and f"--set {name}" in exc.diagnostics[0].message
    else:
        assert talk.meta is not None


@BUDGET
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=300).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
        st.binary(max_size=300).map(lambda b: b"\xff\xd8\xff" + b),
    )
)
def test_any_bytes_as_a_picture_are_decoded_or_refused_at_the_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("pic")
    (folder / "pic.png").write_bytes(data)
    with deadline(10):
        picture, problems = check_picture("pic.png", folder, folder, None)
    assert (picture is None) == bool(problems)
    if picture is not None:
        assert picture.width > 0 and picture.height > 0 and picture.data == data


OVERLAY_KEYS = st.sampled_from(["drop", "add", "meta", "theme", "variables", "sections", "x"])
SCALARS = st.one_of(st.text(max_size=12), st.sampled_from(["intro", "title", "closing", ""]))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["after", "section", "slides", "path", "title", "kind"]),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)


@BUDGET
@given(overlay=st.dictionaries(OVERLAY_KEYS, VALUES, max_size=3))
def test_any_overlay_is_merged_or_refused(tmp_path_factory, overlay):
    import json

    folder = tmp_path_factory.mktemp("overlay")
    shutil.copytree(SMALL.parent / "assets", folder / "assets")
    (folder / "outline.yaml").write_text(TEXT, encoding="utf-8")
    (folder / "o.yaml").write_text(json.dumps(overlay), encoding="utf-8")  # JSON is YAML
    with deadline(20):
        try:
            load_outline(folder / "outline.yaml", overlays=[folder / "o.yaml"])
        except DeckgenError as exc:
            assert exc.exit_code == 2 and exc.diagnostics


@pytest.mark.parametrize("length", [2_000, 5_000])
def test_one_long_unbroken_word_builds_in_bounded_time(tmp_path, length):
    """5,000 characters without a space used to take over a minute."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "meta: {title: T}\nsections:\n  - title: S\n    slides:\n"
        f"      - {{kind: bullets, title: B, bullets: ['{'x' * length}']}}\n",
        encoding="utf-8",
    )
    with deadline(30):
        result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code in (0, 1) and "internal error" not in result.stderr
