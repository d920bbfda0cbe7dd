"""Editing an outline's scalars in place (deckgen/outline/yamledit.py), what ``deckgen sync``
writes back with: each style before and after, byte for byte; every scalar of the shipped
outline, the starter and the style fixtures edited to hard texts and read back by the
outline's reader (deckgen.outline.yamltree.parse, not the spans the editor used) with
exactly that value there, every other value as it was and every character outside the
edited scalar as it was; an edit to the same value changes nothing; errors positioned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deckgen.errors import InputError
from deckgen.outline.loader import load_outline_text
from deckgen.outline.yamledit import ScalarEdit, edit_scalars, scalar_at
from deckgen.outline.yamltree import PosDict, PosList, node_spans, parse

from ..conftest import ROOT, fuzz_budget

FIXTURES = ROOT / "tests" / "fixtures" / "yamledit"
FILES = [
    ROOT / "outline.yaml",
    ROOT / "deckgen" / "starter" / "outline.yaml",
    FIXTURES / "styles.yaml",
    FIXTURES / "crlf.yaml",
    FIXTURES / "bom.yaml",
]
HARD = [
    'say "hi"',
    "it's a 'quote'",
    "a: b",
    "# not a comment",
    "x #y",
    "- dash",
    "-x",
    "line one\nline two",
    "trailing break\n",
    "two trailing breaks\n\n",
    "\n\nleading breaks",
    "  leading spaces",
    "trailing spaces  ",
    " \n  x\n",
    "a\n b\n\n  c\nd e\n",
    "yes",
    "1.10",
    "",
    "~",
    "null",
    "\n",
    " ",
    "\t",
    "tab\there",
    "Ünïcödé ✓ 中文 🎉",
    "{braces}",
    "[x, y]",
    "back\\slash",
    "@at %p &a *b !t |pipe >gt",
    "x\u2028y",
    "a\rb",
    "n\x85el",
    "word " * 40,
    "a long line of words that goes on " * 4 + "\nand a second paragraph",
]


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:  # CRLF and BOM as they are
        return handle.read()


def values(text: str) -> dict:
    """Every value of ``text`` by path, as the outline's reader loads it (a list or a
    mapping as its type)."""
    tree, problems = parse(text.removeprefix("\ufeff"), "outline.yaml")
    assert problems == []
    found: dict = {}

    def walk(node, path):
        if isinstance(node, PosDict):
            found[path] = dict
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, PosList):
            found[path] = list
            for index, value in enumerate(node):
                walk(value, path + (index,))
        else:
            found[path] = node

    walk(tree, ())
    return found


SOURCES = {
    path.name if path.parent == FIXTURES else str(path.relative_to(ROOT)): read(path)
    for path in FILES
}
BEFORE = {name: values(text) for name, text in SOURCES.items()}
SPANS = {name: node_spans(text, name) for name, text in SOURCES.items()}
SCALARS = {
    name: [p for p, s in spans.items() if s.kind == "scalar"] for name, spans in SPANS.items()
}


def check_edit(name: str, path, text: str) -> str:
    """Edit one scalar and check the result: the value, every other value, every character
    outside the scalar's span."""
    source = SOURCES[name]
    result = edit_scalars(source, [ScalarEdit(path, text)], name)
    after = values(result)
    assert after[path] == text, (path, text, result)
    assert {k: v for k, v in after.items() if k != path} == {
        k: v for k, v in BEFORE[name].items() if k != path
    }
    span = SPANS[name][path]
    assert result.startswith(source[: span.start])
    assert result.endswith(source[span.end :])
    return result


@pytest.mark.parametrize("name", list(SOURCES))
def test_every_scalar_takes_hard_texts(name):
    """Every scalar of each file, edited alone to two hard texts (rotating, so each text
    meets every style; test_all_scalars_at_once gives every scalar every text)."""
    for number, path in enumerate(SCALARS[name]):
        for turn in range(2):
            check_edit(name, path, HARD[(number * 2 + turn) % len(HARD)])


@pytest.mark.parametrize("name", list(SOURCES))
@pytest.mark.parametrize("turn", range(len(HARD)))
def test_all_scalars_at_once(name, turn):
    """Every scalar of the file edited in one call (each hard text on every scalar over
    the turns): each reads back as its text, the mappings and lists as they were."""
    paths = SCALARS[name]
    wanted = {path: HARD[(number + turn) % len(HARD)] for number, path in enumerate(paths)}
    result = edit_scalars(SOURCES[name], [ScalarEdit(p, t) for p, t in wanted.items()], name)
    assert values(result) == BEFORE[name] | wanted


@pytest.mark.parametrize("name", list(SOURCES))
def test_the_same_value_changes_no_byte(name):
    source = SOURCES[name]
    edits = [
        ScalarEdit(p, SPANS[name][p].value)
        for p in SCALARS[name]
        if SPANS[name][p].value is not None
    ]
    assert edit_scalars(source, edits, name) == source
    for edit in edits:
        assert edit_scalars(source, [edit], name) == source


TEXT_STRATEGY = st.text(
    alphabet=st.sampled_from(list(" \t\n'\"#:-{}[],&*!|>%@`?~\\aAé中🎉\u00a0\u2028\r\x85yes10.")),
    max_size=40,
)


@fuzz_budget(150)
@given(data=st.data())
def test_random_texts_on_random_scalars(data):
    name = data.draw(st.sampled_from(list(SOURCES)))
    path = data.draw(st.sampled_from(SCALARS[name]))
    check_edit(name, path, data.draw(TEXT_STRATEGY))


STYLES = [
    # plain stays plain; its comment stays
    ("title: Plain title   # c\n", ("title",), "New title", "title: New title   # c\n"),
    ("title: Plain\n", ("title",), "yes", "title: yes\n"),
    ("title: Plain\n", ("title",), "1.10", "title: 1.10\n"),
    # plain re-quoted only where the text needs it
    ("title: Plain title   # c\n", ("title",), "a: b", 'title: "a: b"   # c\n'),
    ("title: Plain\n", ("title",), "- dash", 'title: "- dash"\n'),
    ("title: Plain\n", ("title",), "# hash", 'title: "# hash"\n'),
    ("title: Plain\n", ("title",), "x #y", 'title: "x #y"\n'),
    ("title: Plain\n", ("title",), " lead", 'title: " lead"\n'),
    ("title: Plain\n", ("title",), "", 'title: ""\n'),
    ("title: Plain\n", ("title",), "~", 'title: "~"\n'),
    ("title: Plain\n", ("title",), "two\nlines", 'title: "two\\nlines"\n'),
    # single-quoted
    ("title: 'Single'\n", ("title",), "it's", "title: 'it''s'\n"),
    ("title: 'Single'\n", ("title",), "it's\nnew", 'title: "it\'s\\nnew"\n'),
    # double-quoted
    ('title: "Double"\n', ("title",), 'say "hi" \\ é', 'title: "say \\"hi\\" \\\\ é"\n'),
    ('title: "Double"\n', ("title",), "x\u2028y\r\tz", 'title: "x\\Ly\\r\\tz"\n'),
    # empty (null) values
    ("title:\n", ("title",), "was empty", "title: was empty\n"),
    ("title: ~\n", ("title",), "was null", "title: was null\n"),
    ("list:\n  -\n  - b\n", ("list", 0), "was empty", "list:\n  - was empty\n  - b\n"),
    # flow collections
    ("only: [execs]\n", ("only", 0), "newcomers", "only: [newcomers]\n"),
    ("only: [execs, b]\n", ("only", 0), "a, b", 'only: ["a, b", b]\n'),
    ('sub: ["a", "b"]\n', ("sub", 1), "c d", 'sub: ["a", "c d"]\n'),
    ("h: {per_page: 3}\n", ("h", "per_page"), "4", "h: {per_page: 4}\n"),
    # literal blocks: indentation, header comment and chomping
    (
        "n: |\n  one\n  two\n\nnext: x\n",
        ("n",),
        "one\nthree\n",
        "n: |\n  one\n  three\n\nnext: x\n",
    ),
    ("n: |\n  one\n  two\n\nnext: x\n", ("n",), "no break", "n: |-\n  no break\n\nnext: x\n"),
    ("n: |\n  one\n\nnext: x\n", ("n",), "two\n\n", "n: |+\n  two\n\nnext: x\n"),
    ("n: |-  # c\n  one\nnext: x\n", ("n",), "  lead\nx", "n: |-2  # c\n    lead\n  x\nnext: x\n"),
    ("n: |+\n  kept\n\n\nnext: x\n", ("n",), "still\n\n", "n: |+\n  still\n\nnext: x\n"),
    (
        "n: |2\n    in\n  x\nnext: x\n",
        ("n",),
        "  more\nthan\n",
        "n: |2\n    more\n  than\nnext: x\n",
    ),
    ("n: |-2\n   x\nnext: x\n", ("n",), " y", "n: |-2\n   y\nnext: x\n"),
    ("n: |\n  one\nnext: x\n", ("n",), "a\rb", 'n: "a\\rb"\nnext: x\n'),
    (
        "l:\n  - |\n    item\n  - b\n",
        ("l", 0),
        "new\nitem\n",
        "l:\n  - |\n    new\n    item\n  - b\n",
    ),
    # folded blocks: a single break needs an empty line; more-indented lines keep theirs
    (
        "q: >\n  Folded\n  text.\n\n  Two.\nnext: x\n",
        ("q",),
        "F t.\nTwo.\n",
        "q: >\n  F t.\n\n  Two.\nnext: x\n",
    ),
    ("q: >-\n  Folded\nnext: x\n", ("q",), "a\nb", "q: >-\n  a\n\n  b\nnext: x\n"),
    ("q: >+\n  F\n\nnext: x\n", ("q",), "a\n  in\nb\n\n", "q: >+\n  a\n    in\n  b\n\nnext: x\n"),
    # line ends, BOM, tabs, non-ASCII kept
    (
        "t: Plain\r\nn: |\r\n  crlf\r\n",
        ("n",),
        "crlf\nlines\n",
        "t: Plain\r\nn: |\r\n  crlf\r\n  lines\r\n",
    ),
    ("\ufefft: BOM\n", ("t",), "still BOM", "\ufefft: still BOM\n"),
    ("t:\tTab\n", ("t",), "Täb ✓ 中文", "t:\tTäb ✓ 中文\n"),
]


@pytest.mark.parametrize(("source", "path", "text", "expected"), STYLES)
def test_each_style_byte_for_byte(source, path, text, expected):
    result = edit_scalars(source, [ScalarEdit(path, text)])
    assert result == expected
    assert scalar_at(result, path) == text


def test_edits_apply_together_from_the_end():
    source = "a: one\nb: |\n  two\nc: [three, four]\n"
    edits = [ScalarEdit(("c", 1), "4, 5"), ScalarEdit(("a",), "1"), ScalarEdit(("b",), "2\n")]
    assert edit_scalars(source, edits) == 'a: 1\nb: |\n  2\nc: [three, "4, 5"]\n'


def test_scalar_at_reads_as_the_loader_does():
    source = SOURCES["outline.yaml"]
    assert scalar_at(source, ("meta", "title")) == "AI Security vs. AI Safety"
    assert scalar_at(source, ("sections", 0, "slides", 1, "skip", 0)) == "executives"
    assert scalar_at(source, ("audiences", "executives", "handout", "per_page")) == "3"
    assert scalar_at(source, ("sections", 0, "slides")) is None  # a list
    assert scalar_at(source, ("sections", 99)) is None
    assert scalar_at("a:\n", ("a",)) is None  # an empty value


def error_of(source: str, edits) -> list[str]:
    with pytest.raises(InputError) as caught:
        edit_scalars(source, edits, "talk.yaml")
    assert caught.value.exit_code == 2
    return [str(diagnostic) for diagnostic in caught.value.diagnostics]


def test_a_missing_path_is_said_at_the_nearest_node():
    source = "meta:\n  title: T\nsections:\n  - title: S\n    slides:\n      - kind: bullets\n"
    assert error_of(source, [ScalarEdit(("sections", 0, "slides", 3, "title"), "x")]) == [
        "talk.yaml:6:7: error: sections[0].slides has no item 3: "
        "sections[0].slides[3].title is not in talk.yaml "
        "(it has 1 item; check the path against the outline)"
    ]
    assert error_of(source, [ScalarEdit(("meta", "subtitle"), "x")]) == [
        "talk.yaml:2:3: error: meta has no key 'subtitle': meta.subtitle is not in talk.yaml "
        "(the outline may have changed since the deck was built; check the path against "
        "the outline)"
    ]
    assert error_of(source, [ScalarEdit(("meta", "title", "x"), "x")])[0].startswith(
        "talk.yaml:2:10: error: meta.title has nothing inside it at 'x'"
    )


def test_a_list_or_mapping_a_double_edit_and_a_bad_character_are_errors():
    source = "meta:\n  title: T\n  keywords: [a]\n"
    assert error_of(
        source,
        [
            ScalarEdit(("meta", "keywords"), "x"),
            ScalarEdit(("meta",), "x"),
            ScalarEdit(("meta", "title"), "x"),
            ScalarEdit(("meta", "title"), "y"),
            ScalarEdit(("meta", "keywords", 0), "nul\x00"),
        ],
    ) == [
        "talk.yaml:3:13: error: meta.keywords is a list, not a text value "
        "(edit the text values inside it, one path each)",
        "talk.yaml:2:3: error: meta is a mapping, not a text value "
        "(edit the text values inside it, one path each)",
        "talk.yaml:2:10: error: meta.title is edited twice (give one edit for each value)",
        "talk.yaml:3:14: error: the new text of meta.keywords[0] holds the control character "
        "U+0000 (only tabs and line breaks are allowed in text)",
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a: &x b\nc: *x\n", "YAML anchors (&x) are not supported"),
        ("a: !!str b\n", "YAML tags (tag:yaml.org,2002:str) are not allowed"),
        ("a: 1\na: 2\n", "duplicate key 'a' (first given at line 1)"),
        ("a: [b\n", "YAML syntax error"),
    ],
)
def test_the_readers_refusals_stand(source, message):
    assert message in error_of(source, [ScalarEdit(("a",), "x")])[0]


def test_the_edited_shipped_outline_loads_with_the_new_texts():
    """Titles, a bullet, notes and a table cell edited: the outline model holds them."""
    source = SOURCES["outline.yaml"]
    spans = SPANS["outline.yaml"]
    cell = next(p for p in SCALARS["outline.yaml"] if "rows" in p)
    bullet = next(p for p in SCALARS["outline.yaml"] if p[-2:-1] == ("bullets",))
    edits = {
        ("meta", "title"): "A: new title",
        ("sections", 1, "title"): "Two sides: one coin #1",
        bullet: "it's a bullet",
        ("sections", 0, "slides", 0, "notes"): "New notes.\n\n  indented\n",
        cell: "a cell, edited",
    }
    assert all(spans[path].kind == "scalar" for path in edits)
    result = edit_scalars(source, [ScalarEdit(p, t) for p, t in edits.items()])
    outline = load_outline_text(result, "outline.yaml", base_dir=ROOT)
    assert outline.meta.title == "A: new title"
    assert outline.sections[1].title == "Two sides: one coin #1"
    assert outline.sections[0].slides[0].notes == "New notes.\n\n  indented\n"
    loaded = values(result)
    assert all(loaded[path] == text for path, text in edits.items())
