"""The YAML ``deckgen import`` writes reads back, with deckgen's own reader, as exactly
the outline it was written from: every string the same, whatever it holds."""

from __future__ import annotations

import math
import re

from hypothesis import given
from hypothesis import strategies as st

from deckgen.deck_import.model import ImportedDeck
from deckgen.deck_import.write import outline_text
from deckgen.outline.yamltree import parse

from ..conftest import fuzz_budget

# what outline text may hold (yamltree refuses the rest): no C0/C1 controls but tab,
# line feed and carriage return, no surrogates, no U+FFFE/U+FFFF
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# strings YAML likes to read as something else, and the indicators it reads
TRICKY = [
    "yes",
    "no",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "",
    " ",
    "1.10",
    "1e3",
    "0x1F",
    "012",
    "1_000",
    "1:20",
    "2024-03-01",
    ".inf",
    ".nan",
    "=",
    "<<",
    "#x",
    "a #b",
    "a: b",
    "a:",
    ":a",
    "- a",
    "-",
    "--- x",
    "...",
    "? x",
    "[a]",
    "{a}",
    "{var}",
    "{{var}}",
    "a, b",
    "'q'",
    '"q"',
    "back\\slash",
    "trailing  ",
    "  leading",
    "tab\there",
    "\ttab",
    "line\nbreak",
    "ends\n",
    "\nstarts",
    "a\n\n\nb\n\n",
    "cr\rlf",
    "crlf\r\n",
    "nel\x85",
    "ls\u2028ps\u2029",
    "nbsp\xa0",
    "bom\ufeff",
    "* star",
    "& amp",
    "! bang",
    "| pipe",
    "> gt",
    "% pct",
    "@at",
    "`tick`",
    "ünïcödé ✓ 中文 العربية",
    "emoji 🎉",
    "a  \n  b  ",
    "x\n ",
    "x\n\t",
    "  \n  ",
    "**bold** and *it*",
]


def _allowed(text: str) -> bool:
    return not _REFUSED.search(text)


texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40).filter(_allowed),
    st.lists(st.sampled_from(TRICKY + ["word", " ", "\n", "\t", ": ", " #"]), max_size=8).map(
        "".join
    ),
    st.text(st.sampled_from("ab :#-\n\t '\"\\{}[],|>"), max_size=120),
    st.lists(st.sampled_from(["lorem", "ipsum", "dolor", "sit", "amet"]), min_size=20).map(
        " ".join
    ),
)
keys = st.one_of(
    st.sampled_from(
        ["title", "notes", "text", "bullets", "sub", "quote", "code", "rows", "values", "only"]
    ),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,12}", fullmatch=True),
)
numbers = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
trees = st.recursive(
    st.one_of(texts, numbers, st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(keys, inner, max_size=5),
    ),
    max_leaves=30,
)
outlines = st.dictionaries(
    st.sampled_from(["meta", "theme", "sections", "glossary", "references", "labels", "x"]),
    trees,
    min_size=1,
    max_size=5,
)


def as_read(value):
    """What deckgen's reader gives back for ``value``: numbers and flags as the text
    they are written as, strings as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        assert math.isfinite(value)
        return repr(value)
    if isinstance(value, dict):
        return {key: as_read(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_read(item) for item in value]
    return value


def read_back(text: str):
    tree, problems = parse(text, "outline.yaml")
    assert problems == []
    return tree


@fuzz_budget(400)
@given(outlines)
def test_any_outline_reads_back_as_written(outline):
    text = outline_text(ImportedDeck(outline), "deck.pptx")
    assert read_back(text) == as_read(outline), text


@fuzz_budget(300)
@given(texts, st.sampled_from(["title", "notes", "code", "quote", "explanation"]))
def test_every_string_reads_back_in_every_place(text, key):
    """Under a key, in a list, in a flow list, in a slide's notes list, as a key."""
    outline = {
        "meta": {key: text},
        "sections": [{"title": text, "slides": [{"kind": "bullets", "bullets": [text, text]}]}],
        "x": {"skip": [text, "a"], "notes": [text, {"text": text}], "rows": [[text, text]]},
    }
    assert read_back(outline_text(ImportedDeck(outline), "deck.pptx")) == outline


@fuzz_budget(200)
@given(texts)
def test_comments_and_the_deck_name_never_change_the_outline(text):
    outline = {"meta": {"title": "T"}, "sections": [{"title": "S", "slides": ["x"]}]}
    comments = {("meta",): text, ("sections", 0, "slides", 0): text, ("meta", "title"): text}
    deck = ImportedDeck(outline, comments=comments)
    assert read_back(outline_text(deck, text)) == outline


def _literal(text: str) -> str:
    """Text as outline text holds it when no variable is meant: braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


body_texts = texts.map(_literal).filter(lambda text: text.strip() != "")


@fuzz_budget(150)
@given(body_texts, body_texts, body_texts, st.one_of(body_texts, st.just("x\ny\n")))
def test_a_deck_of_any_text_validates_and_keeps_it(title, point, cell, notes):
    """Any text in a slide's title, points, table cells, quiz options, code and notes: the
    outline deckgen loads has it, character for character."""
    from deckgen.outline.loader import load_outline_text

    slides = [
        {"kind": "bullets", "title": title, "bullets": [point, {"text": cell, "sub": [point]}]},
        {"kind": "comparison", "title": title, "columns": [cell, point], "rows": [[cell, point]]},
        {"kind": "quiz", "question": point, "options": [cell, title], "answer": 1},
        {"kind": "code", "title": title, "code": notes, "notes": notes},
    ]
    outline = {"meta": {"title": title}, "sections": [{"title": cell, "slides": slides}]}
    loaded = load_outline_text(outline_text(ImportedDeck(outline), "d.pptx"), "outline.yaml")
    bullets, table, quiz, code = loaded.sections[0].slides
    assert (loaded.meta.title, loaded.sections[0].title) == (title, cell)
    assert [b.text for b in bullets.bullets] == [point, cell] and bullets.bullets[1].sub == [point]
    assert [c.label for c in table.columns] == [cell, point] and table.rows == [[cell, point]]
    assert (quiz.question, quiz.options) == (point, [cell, title])
    assert (code.code, code.notes) == (notes, notes)


def _as_data(value):
    if isinstance(value, dict):
        return {key: _as_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_data(item) for item in value]
    return value


def test_the_shipped_outline_written_again_reads_back_the_same():
    """A real outline of 500 lines (notes, overrides, audiences, quizzes) as data: the
    writer's YAML gives it back, and keeps the shipped outline's look."""
    from ..conftest import SHIPPED

    data = _as_data(read_back(SHIPPED.read_text(encoding="utf-8")))
    text = outline_text(ImportedDeck(data), "shipped.pptx")
    assert read_back(text) == data
    assert "      - kind: agenda\n        id: agenda\n        skip: [executives]\n" in text
    assert "        notes: |\n          Welcome, everyone. I’m {presenter} from" in text
