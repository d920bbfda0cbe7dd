"""The load layer: YAML text → positioned tree → validated Outline, with every problem
reported as ``outline.yaml:LINE:COL: error: message (hint)``, all of them in one pass.

Each test writes a small outline to ``tmp_path`` and asserts on the exact position,
message and hint of what comes back.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from deckgen.errors import DeckgenError, InputError
from deckgen.outline import loader, yamltree
from deckgen.outline import model as m
from deckgen.outline.loader import load_outline
from deckgen.outline.validate import walk

from ..layout.support import deadline
from ..pictures import jpeg, png

SHIPPED = Path(__file__).resolve().parents[2] / "outline.yaml"
NAME = "outline.yaml"
PNG = png()
JPEG = jpeg()

# A valid outline that the smaller tests build on.
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


# ---------------------------------------------------------------------------
# Helpers


def write(tmp_path: Path, text: str | bytes, name: str = NAME) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str | bytes) -> m.Outline:
    return load_outline(write(tmp_path, text), display_name=NAME)


MINIMAL_SECTIONS = (
    "sections:\n  - title: S\n    slides:\n      - {kind: bullets, title: B, bullets: [x]}\n"
)
SHIPPED_OUTLINE = Path(__file__).resolve().parents[2] / "outline.yaml"


def problems(tmp_path: Path, text: str | bytes) -> list:
    """Load ``text`` expecting an InputError; return its diagnostics."""
    with pytest.raises(InputError) as info:
        load(tmp_path, text)
    assert info.value.exit_code == 2
    assert info.value.diagnostics, "an InputError must say what is wrong"
    return list(info.value.diagnostics)


def one(diags: list):
    assert len(diags) == 1, [str(d) for d in diags]
    return diags[0]


def find(diags: list, fragment: str):
    hits = [d for d in diags if fragment in d.message]
    assert len(hits) == 1, (fragment, [str(d) for d in diags])
    return hits[0]


def places(diags: list) -> list[tuple[int, int]]:
    return [(d.pos.line, d.pos.col) for d in diags]


def at(diag) -> tuple[int, int]:
    assert diag.pos is not None, str(diag)
    assert diag.pos.file == NAME
    return diag.pos.line, diag.pos.col


def slides(outline: m.Outline) -> list:
    return [slide for _section, slide in outline.slides()]


def with_bullets(*items: str) -> str:
    """OK with the bullet list replaced by ``items`` (each written as-is after '- ')."""
    return OK.replace("          - one\n", "".join(f"          - {item}\n" for item in items))


PARSERS = ["pure"] + (["libyaml"] if getattr(yaml, "__with_libyaml__", False) else [])


@pytest.fixture(params=PARSERS)
def parser(request, monkeypatch):
    """Run a test with libyaml's parser and with PyYAML's pure-Python one.

    The two differ in small ways (libyaml reports a plain scalar's style as '' where
    PyYAML says None), and the loader must behave the same with either.
    """
    if request.param == "pure":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    return request.param


# ---------------------------------------------------------------------------
# The shipped outline


@pytest.fixture(scope="module")
def shipped() -> m.Outline:
    return load_outline(SHIPPED, display_name=NAME)


def test_shipped_outline_loads_without_problems(shipped):
    assert isinstance(shipped, m.Outline)
    assert shipped.meta.title == "AI Security vs. AI Safety"
    assert Path(shipped.base_dir) == SHIPPED.parent
    assert len(slides(shipped)) >= 10


def test_shipped_outline_starts_with_schema_modeline():
    first = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert first.removeprefix("# yaml-language-server: $schema=").strip().endswith(".json")


def test_shipped_outline_has_both_aws_definitions(shipped):
    definitions = [s for s in slides(shipped) if isinstance(s, m.DefinitionSlide)]
    by_term = {d.term: d for d in definitions}
    assert set(by_term) == {"AI security", "AI safety"}
    for term, concept in (("AI security", "security"), ("AI safety", "safety")):
        slide = by_term[term]
        assert slide.attribution == "Amazon Web Services (AWS)"
        assert slide.reference == "aws-whitepaper"
        assert slide.concept == concept
    assert "unauthorized access and tampering" in by_term["AI security"].quote
    assert "confidentiality, integrity, and availability" in by_term["AI security"].quote
    assert "maximizes its benefits to humanity" in by_term["AI safety"].quote
    assert "guardrails" in by_term["AI safety"].quote


def test_shipped_outline_has_both_analogies(shipped):
    analogies = {s.id: s for s in slides(shipped) if isinstance(s, m.AnalogySlide)}
    assert set(analogies) == {"security-analogy", "safety-analogy"}
    security, safety = analogies["security-analogy"], analogies["safety-analogy"]
    assert security.concept == "security" and safety.concept == "safety"
    assert "Locks on the doors" in [p.left for p in security.pairs]
    assert "Indirect prompt injection (XPIA)" in [p.right for p in security.pairs]
    assert "Internal fire code" in [p.left for p in safety.pairs]
    assert any("sprinkler" in p.left.lower() for p in safety.pairs)
    for slide in (security, safety):
        for panel in (slide.left, slide.right):
            assert panel.image is not None and panel.image.alt


def test_shipped_outline_has_the_comparison_table(shipped):
    (table,) = [s for s in slides(shipped) if isinstance(s, m.ComparisonSlide)]
    assert [row[0] for row in table.rows] == [
        "Primary Goal",
        "Source of Threat",
        "Core Question",
        "Simple Analogy",
    ]
    labels = [c.label for c in table.columns]
    assert labels[-2:] == ["AI Security", "AI Safety"]
    assert [c.concept for c in table.columns][-2:] == ["security", "safety"]
    assert all(len(row) == len(table.columns) for row in table.rows)


def test_shipped_outline_has_glossary_and_references(shipped):
    terms = [g.term for g in shipped.glossary]
    assert "AI security" in terms and "AI safety" in terms
    assert all(g.definition for g in shipped.glossary)
    ids = [r.id for r in shipped.references]
    assert "aws-whitepaper" in ids and "nist-ai-rmf" in ids
    assert len(ids) == len(set(ids))
    kinds = [s.kind for s in slides(shipped)]
    assert "glossary" in kinds and "references" in kinds


def test_shipped_outline_has_disclosure_and_variables(shipped):
    disclosure = shipped.meta.disclosure
    assert disclosure is not None
    for tool in ("Claude", "Gemini", "NotebookLM"):
        assert tool in disclosure
    assert {"presenter", "organisation", "date"} <= set(shipped.variables)
    assert shipped.meta.presenter == "{presenter}"
    assert shipped.meta.organisation == "{organisation}"
    assert shipped.meta.date == "{date}"


# ---------------------------------------------------------------------------
# The form of a diagnostic


def test_diagnostic_string_is_file_line_col_message_hint(tmp_path):
    diag = one(
        problems(
            tmp_path,
            """\
            meta:
              titel: Talk
              title: Talk
            sections:
              - title: Part
                slides:
                  - kind: glossary
            """,
        )
    )
    assert str(diag) == "outline.yaml:2:3: error: unknown key 'titel' (did you mean 'title'?)"
    assert (diag.pos.file, diag.pos.line, diag.pos.col) == (NAME, 2, 3)
    assert diag.to_json()["line"] == 2 and diag.to_json()["column"] == 3


def test_input_error_is_a_deckgen_error_with_exit_code_2(tmp_path):
    with pytest.raises(InputError) as info:
        load(tmp_path, "meta: {title: T}\n")
    assert isinstance(info.value, DeckgenError)
    assert info.value.exit_code == 2
    assert str(info.value) == "outline.yaml: invalid outline"
    assert str(one(info.value.diagnostics)) == (
        "outline.yaml:1:1: error: missing required key 'sections' (add 'sections:' here)"
    )


def test_all_problems_are_reported_in_one_pass_sorted_by_line(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
          subtitle: "ring\\a"
          title: Again
        sections:
          - title: Part
            slides:
              - kind: bulets
                title: Points
              - kind: bullets
                titel: Points
                bullets: [one]
              - kind: comparison
                title: Table
                columns: [A, B]
                rows:
                  - [a, b]
                  - [a, b, c]
              - title: no kind
        """,
    )
    assert [str(d) for d in diags] == [
        "outline.yaml:3:13: error: text contains the control character U+0007 "
        "(remove it; only tabs and line breaks are allowed in text)",
        "outline.yaml:4:3: error: duplicate key 'title' (first given at line 2) "
        "(keep one of them; YAML would silently use the last)",
        "outline.yaml:8:15: error: unknown slide kind 'bulets' (did you mean 'bullets'? kinds: "
        + ", ".join(m.SLIDE_KINDS)
        + ")",
        # 'titel' is one mistake, said once: not also as a missing title at line 10
        "outline.yaml:11:9: error: unknown key 'titel' (did you mean 'title'?)",
        "outline.yaml:18:13: error: row 2 has 3 cells but the table has 2 columns "
        "(give every row one cell per column, in order)",
        "outline.yaml:19:9: error: slide has no 'kind' (add 'kind:' with one of: "
        + ", ".join(m.SLIDE_KINDS)
        + ")",
    ]
    assert places(diags) == sorted(places(diags))


def test_all_whole_outline_problems_are_reported_in_one_pass(tmp_path):
    (tmp_path / "ok.png").write_bytes(PNG)
    diags = problems(
        tmp_path,
        """\
        meta:
          title: "Hello {presentr}"
        variables:
          presenter: Ada
        concepts:
          security: {label: Security, color: "#1F5AA6"}
        sections:
          - title: Part
            concept: securty
            slides:
              - kind: bullets
                title: Points
                image: {path: missing.png, alt: A picture}
                bullets: [one]
              - kind: definition
                title: Def
                term: t
                quote: q
                attribution: AWS
                reference: aws
        """,
    )
    assert places(diags) == [(2, 10), (9, 14), (13, 23), (20, 20)]
    assert [d.message for d in diags] == [
        "unknown variable {presentr}",
        "unknown concept 'securty'",
        "image 'missing.png' not found",
        "unknown reference 'aws'",
    ]


def test_model_and_whole_outline_problems_come_in_the_same_pass(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
        concepts:
          security: {label: Security, color: "#12345"}
        sections:
          - title: Part
            slides:
              - kind: bullets
                title: Points
                image: {path: missing.png, alt: A picture}
                bullets: [one]
        """,
    )
    assert [d.message for d in diags] == [
        "'color': '#12345' is not a colour",
        "image 'missing.png' not found",
    ]


# ---------------------------------------------------------------------------
# Unknown keys


def test_unknown_key_points_at_the_key_and_suggests_the_name(tmp_path):
    diag = find(
        problems(
            tmp_path,
            """\
            meta:
              subtitle: Sub
              titel: Talk
            sections:
              - title: Part
                slides:
                  - kind: glossary
            """,
        ),
        "unknown key",
    )
    assert at(diag) == (3, 3)
    assert diag.message == "unknown key 'titel'"
    assert diag.hint == "did you mean 'title'?"


def test_unknown_key_in_a_slide_suggests_a_field_of_that_kind(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
        sections:
          - title: Part
            slides:
              - kind: takeaways
                title: End
                pionts: [one]
        """,
    )
    unknown = find(diags, "unknown key")
    assert (at(unknown), unknown.message, unknown.hint) == (
        (8, 9),
        "unknown key 'pionts'",
        "did you mean 'points'?",
    )
    # the misspelling is the one mistake: no second error for the missing 'points'
    assert not [d for d in diags if "missing" in d.message]


def test_unknown_top_level_key_suggests_sections(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
        section:
          - title: Part
        """,
    )
    unknown = find(diags, "unknown key")
    assert at(unknown) == (3, 1)
    assert unknown.hint == "did you mean 'sections'?"
    assert not [d for d in diags if "missing" in d.message]  # said once, where it is


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(tmp_path):
    text = OK.replace("  title: Talk\n", "  title: Talk\n  venue: Hall 2\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (3, 3)
    assert diag.message == "unknown key 'venue'"
    assert diag.hint.startswith("allowed keys: title, subtitle, presenter")
    assert "disclosure" in diag.hint


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("base_dir: /etc", "unknown key 'base_dir'"),
        ("__base_dir__: /etc", "unknown key '__base_dir__'"),
        ("__pos__: x", "unknown key '__pos__'"),
        ("pos: {file: x, line: 1, col: 1}", "unknown key 'pos'"),
    ],
)
def test_internal_fields_cannot_be_set_from_the_outline(tmp_path, key, message):
    diag = one(problems(tmp_path, OK + key + "\n"))
    assert at(diag) == (10, 1)
    assert diag.message == message


# ---------------------------------------------------------------------------
# Wrong types


def test_list_where_text_is_expected(tmp_path):
    diag = one(problems(tmp_path, OK.replace("title: Talk", "title: [a, b]")))
    assert at(diag) == (2, 10)
    assert diag.message == "'title' should be text, not a list"
    assert "'|'" in diag.hint


def test_mapping_where_a_list_is_expected(tmp_path):
    text = OK.replace("        bullets:\n          - one\n", "        bullets: {one: two}\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (8, 18)
    assert diag.message == "'bullets' should be a list, not a mapping"
    assert diag.hint == "write each item on its own line starting with '- '"


def test_mapping_where_slide_text_is_expected_names_the_field(tmp_path):
    # 'title' is also a slide kind: the message must still name the field
    diag = one(problems(tmp_path, OK.replace("title: Points", "title: {a: b}")))
    assert at(diag) == (7, 16)
    assert diag.message == "'title' should be text, not a mapping"


def test_text_where_a_mapping_is_expected(tmp_path):
    diags = problems(tmp_path, OK.replace("meta:\n  title: Talk\n", "meta: Talk\n"))
    diag = one(diags)
    assert at(diag) == (1, 7)
    assert diag.message == "'meta' should be a mapping of keys to values, not text"


def test_a_list_of_pairs_does_not_pass_for_a_mapping(tmp_path):
    diags = problems(
        tmp_path,
        OK.replace("meta:\n  title: Talk\n", "meta: [[title, Talk]]\n").replace(
            "- one", "- [[text, sneaky]]"
        ),
    )
    assert places(diags) == [(1, 7), (8, 13)]
    assert diags[0].message == "'meta' should be a mapping of keys to values, not a list"
    assert diags[1].message == "'bullets' should be a mapping of keys to values, not a list"


def test_a_list_as_a_bullet(tmp_path):
    diag = one(problems(tmp_path, with_bullets("one", "[two, three]")))
    assert at(diag) == (10, 13)
    assert "not a list" in diag.message


def test_flag_that_is_not_true_or_false(tmp_path):
    text = OK.replace("  - title: Part\n", "  - title: Part\n    divider: maybe\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (5, 14)
    assert diag.message == "'divider' should be true or false, not 'maybe'"


def test_empty_value_for_required_text(tmp_path):
    diag = one(problems(tmp_path, OK.replace("title: Talk", "title:")))
    assert diag.message == "'title' should be text, not nothing"
    assert at(diag)[0] == 2


def test_empty_string_for_text(tmp_path):
    diag = one(problems(tmp_path, OK.replace("title: Talk", 'title: ""')))
    assert at(diag) == (2, 10)
    assert diag.message == "'title' must not be empty"


def test_too_many_takeaways(tmp_path):
    text = OK.replace(
        "      - kind: bullets\n        title: Points\n        bullets:\n          - one\n",
        "      - kind: takeaways\n        title: End\n        points: [a, b, c, d, e]\n",
    )
    diag = one(problems(tmp_path, text))
    assert at(diag) == (8, 17)
    assert diag.message == "'points' may have at most 4 items"


# ---------------------------------------------------------------------------
# Missing required fields: the position is the mapping that lacks the key


def test_missing_required_key_points_at_the_mapping(tmp_path):
    diag = one(problems(tmp_path, OK.replace("  title: Talk\n", "  subtitle: Sub\n")))
    assert at(diag) == (2, 3)
    assert diag.message == "missing required key 'title'"
    assert diag.hint == "add 'title:' here"


def test_missing_required_key_in_a_flow_mapping(tmp_path):
    diag = one(problems(tmp_path, OK.replace("meta:\n  title: Talk\n", "meta: {subtitle: S}\n")))
    assert at(diag) == (1, 7)
    assert diag.message == "missing required key 'title'"


def test_missing_alt_text_on_an_image(tmp_path):
    (tmp_path / "pic.png").write_bytes(PNG)
    text = OK.replace(
        "        bullets:\n", "        image:\n          path: pic.png\n        bullets:\n"
    )
    diag = one(problems(tmp_path, text))
    assert at(diag) == (9, 11)
    assert "a picture needs 'alt' text saying what it shows, or 'decorative: true'" in (
        diag.message
    )


def test_a_picture_is_decorative_or_has_alt_text_never_both(tmp_path):
    (tmp_path / "pic.png").write_bytes(PNG)
    image = "        image:\n          path: pic.png\n          decorative: true\n"
    text = OK.replace("        bullets:\n", image + "        bullets:\n")
    (picture,) = [s.image for _section, s in load(tmp_path, text).slides()]
    assert picture.decorative and picture.alt is None
    both = image + "          alt: A lock\n"
    diag = one(problems(tmp_path, OK.replace("        bullets:\n", both + "        bullets:\n")))
    assert at(diag) == (9, 11) and "a decorative picture has no 'alt' text" in diag.message


def test_missing_sections_points_at_the_document(tmp_path):
    diag = one(problems(tmp_path, "# a talk\n\nmeta:\n  title: Talk\n"))
    assert at(diag) == (3, 1)
    assert diag.message == "missing required key 'sections'"


# ---------------------------------------------------------------------------
# Duplicate keys


def test_duplicate_key_points_at_the_second_and_names_the_first_line(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: First
          subtitle: Sub
          title: Second
        sections:
          - title: Part
            slides:
              - kind: glossary
        """,
    )
    diag = one(diags)
    assert at(diag) == (4, 3)
    assert diag.message == "duplicate key 'title' (first given at line 2)"
    assert "keep one" in diag.hint


def test_duplicate_key_in_a_slide(tmp_path):
    diag = one(problems(tmp_path, OK.replace("        title: Points\n", "        title: A\n" * 2)))
    assert at(diag) == (8, 9)
    assert diag.message == "duplicate key 'title' (first given at line 7)"


# ---------------------------------------------------------------------------
# Tables


def test_table_rows_that_do_not_match_the_header(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
        sections:
          - title: Part
            slides:
              - kind: comparison
                title: Table
                columns: [Aspect, Security, Safety]
                rows:
                  - [a, b, c]
                  - [a, b]
                  - - a
                    - b
                    - c
                    - d
        """,
    )
    assert places(diags) == [(11, 13), (12, 13)]
    assert diags[0].message == "row 2 has 2 cells but the table has 3 columns"
    assert diags[1].message == "row 3 has 4 cells but the table has 3 columns"
    assert diags[0].hint == "give every row one cell per column, in order"


# ---------------------------------------------------------------------------
# Slide kinds


def test_unknown_slide_kind_suggests_the_closest(tmp_path):
    diag = one(problems(tmp_path, OK.replace("kind: bullets", "kind: bulets")))
    assert at(diag) == (6, 15)
    assert diag.message == "unknown slide kind 'bulets'"
    assert diag.hint.startswith("did you mean 'bullets'? kinds: title, agenda, bullets")


def test_unknown_slide_kind_without_a_close_match_lists_the_kinds(tmp_path):
    diag = one(problems(tmp_path, OK.replace("kind: bullets", "kind: video")))
    assert at(diag) == (6, 15)
    assert "did you mean" not in diag.hint
    assert diag.hint == "kinds: " + ", ".join(m.SLIDE_KINDS)


def test_slide_without_kind(tmp_path):
    diag = one(
        problems(tmp_path, OK.replace("      - kind: bullets\n        title", "      - title"))
    )
    assert at(diag) == (6, 9)
    assert diag.message == "slide has no 'kind'"
    assert diag.hint.startswith("add 'kind:' with one of: title, agenda")


def test_a_slide_of_each_kind_here_loads_with_its_fields(tmp_path):
    """(Every kind in the registry loads and composes its minimal slide:
    tests/kinds/test_registry.py.)"""
    (tmp_path / "a.png").write_bytes(PNG)
    text = """\
        meta: {title: Talk, disclosure: Made with help}
        references: [{id: src, title: Source}]
        glossary: [{term: T, definition: D}]
        sections:
          - title: Part
            slides:
              - {kind: title}
              - {kind: agenda}
              - {kind: bullets, title: B, bullets: [x, {text: y, sub: [z]}]}
              - {kind: picture, title: P, image: {path: a.png, alt: a}, caption: c}
              - {kind: code, title: K, language: python, code: "d = {'a': 1}", highlight: [1]}
              - kind: chart
                title: Ch
                chart: pie
                categories: [a, b]
                series: [{name: s, values: [1, 2]}]
              - {kind: definition, title: D, term: t, quote: q, attribution: a, reference: src}
              - kind: analogy
                title: A
                left: {heading: L, image: {path: a.png, alt: a}}
                right: {heading: R}
                pairs: [{left: l, right: r}]
              - {kind: comparison, title: C, columns: [x, y], rows: [[a, b]]}
              - {kind: takeaways, title: T, points: [one]}
              - {kind: quiz, question: Q?, options: [a, b, c], answer: [1, 3], reveal: true}
              - {kind: glossary}
              - {kind: references}
              - {kind: closing, show_disclosure: false}
        """
    outline = load(tmp_path, text)
    assert [s.kind for s in slides(outline)] == re.findall(r"kind: (\w+)", text)
    bullets = slides(outline)[2].bullets
    assert [(b.text, b.sub) for b in bullets] == [("x", []), ("y", ["z"])]
    assert slides(outline)[-1].show_disclosure is False
    assert slides(outline)[3].pos.line == 10


# ---------------------------------------------------------------------------
# Images


IMAGE_OUTLINE = """\
meta:
  title: Talk
sections:
  - title: Part
    slides:
      - kind: bullets
        title: Points
        image:
          alt: A picture
          path: PATH
        bullets: [one]
"""


def test_missing_image(tmp_path):
    diag = one(problems(tmp_path, IMAGE_OUTLINE.replace("PATH", "pics/none.png")))
    assert at(diag) == (10, 17)
    assert diag.message == "image 'pics/none.png' not found"
    assert str(tmp_path) in diag.hint


def test_folder_as_image(tmp_path):
    (tmp_path / "pics").mkdir()
    diag = one(problems(tmp_path, IMAGE_OUTLINE.replace("PATH", "pics")))
    assert at(diag) == (10, 17)
    assert diag.message == "image 'pics' is a folder, not a file"


@pytest.mark.parametrize("content", [b"GIF89a" + bytes(10), b"<html><svg/></html>", b""])
def test_file_that_is_neither_png_nor_jpeg_nor_svg(tmp_path, content):
    (tmp_path / "pic.png").write_bytes(content)
    diag = one(problems(tmp_path, IMAGE_OUTLINE.replace("PATH", "pic.png")))
    assert at(diag) == (10, 17)
    assert diag.message == "image 'pic.png' is not a PNG, JPEG or SVG file"


@pytest.mark.parametrize(
    ("file", "content"),
    [("a.png", PNG), ("b.jpg", JPEG), ("c.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")],
)
def test_png_jpeg_and_svg_images_load(tmp_path, file, content):
    (tmp_path / file).write_bytes(content)
    outline = load(tmp_path, IMAGE_OUTLINE.replace("PATH", file))
    assert slides(outline)[0].image.path == file
    assert slides(outline)[0].image.alt == "A picture"


def test_image_path_with_a_nul_character_is_an_input_error(tmp_path):
    diags = problems(tmp_path, IMAGE_OUTLINE.replace("PATH", '"pic\\0.png"'))
    assert places(diags) == [(10, 17), (10, 17)]
    assert diags[0].message == "text contains the control character U+0000"
    assert diags[1].message == "image 'pic\\u0000.png' is not a valid file name"


def test_every_image_in_the_outline_is_checked(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta:
          title: Talk
        theme:
          logo: {path: logo.png, alt: Logo}
        concepts:
          security:
            label: Security
            color: "#1F5AA6"
            icon: {path: shield.png, alt: Shield}
        sections:
          - title: Part
            slides:
              - kind: analogy
                title: A
                left: {heading: L, image: {path: left.png, alt: l}}
                right: {heading: R, image: {path: right.png, alt: r}}
                pairs: [{left: l, right: r}]
        """,
    )
    assert places(diags) == [(4, 16), (9, 18), (15, 42), (16, 43)]
    assert [d.message for d in diags] == [
        f"image '{name}.png' not found" for name in ("logo", "shield", "left", "right")
    ]


# ---------------------------------------------------------------------------
# Control characters


def test_control_character_from_a_double_quoted_escape(tmp_path, parser):
    diag = one(problems(tmp_path, OK.replace("title: Talk", 'title: "Ring \\a the bell"')))
    assert at(diag) == (2, 10)
    assert diag.message == "text contains the control character U+0007"
    assert diag.hint == "remove it; only tabs and line breaks are allowed in text"


def test_literal_control_character_is_reported_where_it_is(tmp_path, parser):
    text = OK.replace("title: Talk", "title: Ta\x07lk").encode()
    diag = one(problems(tmp_path, text))
    assert at(diag) == (2, 12)
    assert diag.message == "text contains the control character U+0007"


def test_every_literal_control_character_is_reported(tmp_path, parser):
    text = OK.replace("title: Talk", "title: \x01Talk").replace("- one", "- o\x1bne\x7f")
    diags = problems(tmp_path, text.encode())
    assert places(diags) == [(2, 10), (9, 14), (9, 17)]
    assert [d.message[-6:] for d in diags] == ["U+0001", "U+001B", "U+007F"]


def test_noncharacter_is_reported(tmp_path):
    diag = one(problems(tmp_path, OK.replace("- one", "- one\uffff").encode()))
    assert at(diag) == (9, 16)
    assert diag.message == "text contains the character U+FFFF"


@pytest.mark.parametrize(
    ("escape", "code"), [("\\0", "0000"), ("\\e", "001B"), ("\\x7f", "007F"), ("\\x9b", "009B")]
)
def test_escaped_control_characters_are_refused(tmp_path, escape, code):
    diag = one(problems(tmp_path, with_bullets(f'"one{escape}"')))
    assert at(diag) == (9, 13)
    assert diag.message == f"text contains the control character U+{code}"


def test_control_character_in_a_key(tmp_path):
    diags = problems(tmp_path, OK.replace("  title: Talk", "  ti\x07tle: Talk").encode())
    assert at(diags[0]) == (2, 5)
    assert diags[0].message == "text contains the control character U+0007"


def test_tabs_and_line_breaks_are_kept(tmp_path, parser):
    outline = load(tmp_path, with_bullets('"tab\\there"', '"two\\nlines"'))
    assert [b.text for b in slides(outline)[0].bullets] == ["tab\there", "two\nlines"]


# ---------------------------------------------------------------------------
# Concepts, references and variables


def test_unknown_concept_suggests_the_closest(tmp_path):
    text = OK.replace(
        "sections:\n", 'concepts:\n  security: {label: Sec, color: "#1F5AA6"}\nsections:\n'
    ).replace("        title: Points\n", "        title: Points\n        concept: securty\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (10, 18)
    assert diag.message == "unknown concept 'securty'"
    assert diag.hint == "did you mean 'security'?"


def test_unknown_concept_with_no_concepts_declared(tmp_path):
    text = OK.replace("        title: Points\n", "        title: Points\n        concept: x\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (8, 18)
    assert diag.hint == "declare it under 'concepts:' first"


def test_unknown_concept_on_a_table_column_and_a_takeaway(tmp_path):
    diags = problems(
        tmp_path,
        """\
        meta: {title: Talk}
        concepts:
          safety: {label: Safety, color: "#B4530A"}
        sections:
          - title: Part
            slides:
              - kind: comparison
                title: Table
                columns: [Aspect, {label: Security, concept: security}]
                rows: [[a, b]]
              - kind: takeaways
                title: End
                points:
                  - {text: One, concept: safty}
        """,
    )
    assert places(diags) == [(9, 54), (14, 34)]
    assert diags[0].message == "unknown concept 'security'"
    assert diags[0].hint == "declared concepts: 'safety'"
    assert diags[1].hint == "did you mean 'safety'?"


def test_unknown_reference_suggests_the_closest(tmp_path):
    diag = one(
        problems(
            tmp_path,
            """\
            meta: {title: Talk}
            references:
              - {id: aws-whitepaper, title: AWS}
            sections:
              - title: Part
                slides:
                  - kind: definition
                    title: Def
                    term: AI security
                    quote: A shield.
                    attribution: AWS
                    reference: aws-whitepapr
            """,
        )
    )
    assert at(diag) == (12, 20)
    assert diag.message == "unknown reference 'aws-whitepapr'"
    assert diag.hint == "did you mean 'aws-whitepaper'?"


def test_reference_id_used_twice(tmp_path):
    text = OK + "references:\n  - {id: src, title: One}\n  - {id: src, title: Two}\n"
    diag = one(problems(tmp_path, text))
    assert at(diag) == (12, 10)
    assert diag.message == "reference id 'src' is used twice"


def test_undeclared_variable_suggests_the_closest(tmp_path):
    text = OK.replace("title: Talk", 'title: "By {presentr}"')
    text += "variables:\n  presenter: Ada\n  date: '2024'\n"
    diag = one(problems(tmp_path, text))
    assert at(diag) == (2, 10)
    assert diag.message == "unknown variable {presentr}"
    assert diag.hint == "did you mean {presenter}?"


def test_undeclared_variable_with_no_variables(tmp_path):
    text = OK.replace(
        "        title: Points\n", "        title: Points\n        notes: 'Hi {who}'\n"
    )
    diag = one(problems(tmp_path, text))
    assert at(diag) == (8, 16)
    assert diag.message == "unknown variable {who}"
    assert diag.hint == "declare it under 'variables:' first"


def test_undeclared_variable_in_a_sub_bullet(tmp_path):
    text = OK.replace("- one", "- text: one\n            sub: [fine, '{nope}']")
    diag = one(problems(tmp_path, text + "variables: {date: '2024'}\n"))
    assert at(diag) == (10, 25)
    assert diag.message == "unknown variable {nope}"
    assert diag.hint == "declared variables: {date}"


@pytest.mark.parametrize(("text", "token", "col"), [("'a { b'", "{", 13), ("'a } b'", "}", 13)])
def test_lone_brace(tmp_path, text, token, col):
    diag = one(problems(tmp_path, with_bullets(text)))
    assert at(diag) == (9, col)
    assert diag.message == f"a lone '{token}' in text"
    assert diag.hint == "write '{{' or '}}' for a literal brace, or {name} for a variable"


def test_doubled_braces_and_declared_variables_are_fine(tmp_path):
    text = with_bullets("'{{literal}} and {who}'") + "variables: {who: Ada}\n"
    outline = load(tmp_path, text)
    # loading does not fill anything in; tailoring does
    assert slides(outline)[0].bullets[0].text == "{{literal}} and {who}"
    assert outline.variables == {"who": "Ada"}


# ---------------------------------------------------------------------------
# Colours and names


def test_invalid_colour(tmp_path):
    text = OK + 'concepts:\n  security:\n    label: Sec\n    color: "#12345"\n'
    diag = one(problems(tmp_path, text))
    assert at(diag) == (13, 12)
    assert diag.message == "'color': '#12345' is not a colour"
    assert diag.hint == "write it as '#1F5AA6'"


def test_invalid_theme_colour(tmp_path):
    diag = one(problems(tmp_path, OK + "theme:\n  colors:\n    primary: navy\n"))
    assert at(diag) == (12, 14)
    assert diag.message == "'primary': 'navy' is not a colour"


def test_invalid_slide_id(tmp_path):
    text = OK.replace("        title: Points\n", "        id: 2nd slide\n        title: Points\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (7, 13)
    assert diag.message == "'id': '2nd slide' is not a valid name"
    assert diag.hint == "use letters, digits, '-' or '_', starting with a letter"


def test_invalid_concept_name_points_at_the_key(tmp_path):
    text = OK + 'concepts:\n  "my concept": {label: Mine, color: "#123456"}\n'
    diag = one(problems(tmp_path, text))
    assert at(diag) == (11, 3)
    assert diag.message == "'concepts': 'my concept' is not a valid name"


def test_invalid_variable_name_points_at_the_key(tmp_path):
    diag = one(problems(tmp_path, OK + "variables:\n  ok: fine\n  9lives: cat\n"))
    assert at(diag) == (12, 3)
    assert diag.message == "'variables': '9lives' is not a valid name"


def test_invalid_reference_id(tmp_path):
    diag = one(problems(tmp_path, OK + "references:\n  - id: has space\n    title: T\n"))
    assert at(diag) == (11, 9)
    assert diag.message == "'id': 'has space' is not a valid name"


# ---------------------------------------------------------------------------
# YAML 1.1 surprises do not change text


def test_yaml_1_1_scalars_stay_text(tmp_path, parser):
    outline = load(
        tmp_path,
        """\
        meta:
          title: NO
          subtitle: 1.10
          date: 2024-03-01
          presenter: on
          organisation: 12:30
          footer: 1e3
          keywords: [yes, Off, 0x1F, 0o17, +1, .inf, 1_000, 2024-03-01T10:00:00Z]
        sections:
          - title: Part
            slides:
              - kind: bullets
                title: Points
                bullets:
                  - 010
                  - on
                  - "~"
                  - '~'
                  - null-ish
        """,
    )
    meta = outline.meta
    assert (meta.title, meta.subtitle, meta.date, meta.presenter) == (
        "NO",
        "1.10",
        "2024-03-01",
        "on",
    )
    assert (meta.organisation, meta.footer) == ("12:30", "1e3")
    assert meta.keywords == ["yes", "Off", "0x1F", "0o17", "+1", ".inf", "1_000"] + [
        "2024-03-01T10:00:00Z"
    ]
    assert [b.text for b in slides(outline)[0].bullets] == ["010", "on", "~", "~", "null-ish"]


@pytest.mark.parametrize("null", ["~", "null", "Null", "NULL", ""])
def test_plain_null_is_nothing(tmp_path, parser, null):
    text = OK.replace(
        "  title: Talk\n", f"  title: Talk\n  subtitle: {null}\n  footer: '{null}x'\n"
    )
    outline = load(tmp_path, text)
    assert outline.meta.subtitle is None
    assert outline.meta.footer == f"{null}x"


def test_plain_null_where_text_is_required(tmp_path, parser):
    diag = one(problems(tmp_path, OK.replace("title: Talk", "title: ~")))
    assert at(diag) == (2, 10)
    assert diag.message == "'title' should be text, not nothing"


@pytest.mark.parametrize("flag", ["false", "no", "No", "off", "'false'"])
def test_flags_still_become_false(tmp_path, parser, flag):
    text = OK.replace("  - title: Part\n", f"  - title: Part\n    divider: {flag}\n")
    text += "  - title: End\n    slides:\n      - kind: closing\n"
    text += f"        show_disclosure: {flag}\n"
    outline = load(tmp_path, text)
    assert outline.sections[0].divider is False
    assert outline.sections[1].divider is True
    assert slides(outline)[-1].show_disclosure is False


# ---------------------------------------------------------------------------
# Tags, anchors, aliases, nesting and size


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        (
            '!!python/object/apply:os.system ["echo pwned"]',
            "tag:yaml.org,2002:python/object/apply:os.system",
        ),
        ("!!python/object/new:os.system [x]", "tag:yaml.org,2002:python/object/new:os.system"),
        ("!custom x", "!custom"),
        ("!!str x", "tag:yaml.org,2002:str"),
        ("!!binary aGk=", "tag:yaml.org,2002:binary"),
    ],
)
def test_tags_are_refused_with_their_position(tmp_path, parser, monkeypatch, value, tag):
    def no_system(*args):  # pragma: no cover - only runs if the loader is unsafe
        raise AssertionError("os.system was called")

    monkeypatch.setattr(os, "system", no_system)
    diags = problems(tmp_path, with_bullets("one", value))
    tags = [d for d in diags if "tag" in d.message]
    assert len(tags) == 1, [str(d) for d in diags]
    assert at(tags[0]) == (10, 13)
    assert tags[0].message == f"YAML tags ({tag}) are not allowed"
    assert "remove the tag" in tags[0].hint


def test_tag_on_a_mapping_is_refused(tmp_path, parser):
    diag = one(problems(tmp_path, OK.replace("meta:\n", "meta: !!python/object:os.Thing\n")))
    assert at(diag) == (1, 7)
    assert diag.message == "YAML tags (tag:yaml.org,2002:python/object:os.Thing) are not allowed"


def test_anchor_and_alias_are_refused(tmp_path, parser):
    diags = problems(tmp_path, with_bullets("&first one", "*first"))
    anchor = find(diags, "anchors")
    alias = find(diags, "aliases")
    assert (at(anchor), anchor.message) == ((9, 13), "YAML anchors (&first) are not supported")
    assert (at(alias), alias.message) == ((10, 13), "YAML aliases (*first) are not supported")


def test_billion_laughs_fails_without_expanding(tmp_path, parser):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    diags = problems(tmp_path, "\n".join(lines) + "\n")
    messages = [d.message for d in diags]
    assert "YAML anchors (&a) are not supported" in messages
    assert "YAML aliases (*h) are not supported" in messages
    # one diagnostic per alias written, not per value it would expand to
    assert messages.count("YAML aliases (*a) are not supported") == 9
    assert len(diags) < 200
    assert places(diags) == sorted(places(diags))


@pytest.mark.parametrize(
    ("value", "col"),
    [("[" * 200 + "]" * 200, 41), ("{a: " * 200 + "x" + "}" * 200, 131)],
)
def test_absurd_nesting_is_refused(tmp_path, parser, value, col):
    diag = one(problems(tmp_path, f"meta:\n  title: {value}\n"))
    assert at(diag) == (2, col)
    assert diag.message == f"values are nested more than {yamltree.MAX_DEPTH} levels deep"
    assert "indentation" in diag.hint


def test_moderate_nesting_is_only_a_type_error(tmp_path):
    diag = one(problems(tmp_path, OK.replace("title: Talk", "title: " + "[" * 20 + "]" * 20)))
    assert diag.message == "'title' should be text, not a list"


def test_too_many_values_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yamltree, "MAX_NODES", 20)
    diag = one(problems(tmp_path, with_bullets(*[f"b{i}" for i in range(30)])))
    assert diag.message == "the outline has more than 20 values"
    assert at(diag)[0] > 9


def test_file_over_the_size_limit_is_refused_without_parsing(tmp_path, monkeypatch):
    def no_parse(*args, **kwargs):  # pragma: no cover - only runs if the check is missing
        raise AssertionError("an oversized outline was parsed")

    monkeypatch.setattr(loader, "parse", no_parse)
    monkeypatch.setattr(yamltree, "parse", no_parse)
    path = write(tmp_path, b"#" * (yamltree.MAX_BYTES + 1))
    with pytest.raises(InputError) as info:
        load_outline(path, display_name=NAME)
    diag = one(list(info.value.diagnostics))
    assert at(diag) == (1, 1)
    assert diag.message == (
        f"outline.yaml is {yamltree.MAX_BYTES + 1:,} bytes; "
        f"outlines may be at most {yamltree.MAX_BYTES:,} bytes"
    )


def test_file_at_the_size_limit_loads(tmp_path):
    text = textwrap.dedent(OK).encode()
    padding = b"#" * (yamltree.MAX_BYTES - len(text) - 1) + b"\n"
    path = write(tmp_path, text + padding)
    assert path.stat().st_size == yamltree.MAX_BYTES
    assert load_outline(path, display_name=NAME).meta.title == "Talk"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read():
    with pytest.raises(InputError) as info:
        load_outline("/dev/zero", display_name=NAME)
    assert one(list(info.value.diagnostics)).message == (
        "outline.yaml is not a regular file (a pipe, a device, a socket or the kernel's)"
    )


def test_a_fifo_as_the_outline_or_an_overlay_is_refused_without_blocking(tmp_path):
    # it used to block forever waiting for a writer
    good = outline_in_folder(tmp_path)
    fifo = good.parent / "pipe.yaml"
    os.mkfifo(fifo)
    for outline, overlays in ((fifo, ()), (good, (fifo,))):
        with deadline(5), pytest.raises(InputError) as info:
            load_outline(outline, overlays=overlays)
        assert "not a regular file" in one(list(info.value.diagnostics)).message


def test_an_overlay_named_on_the_command_line_may_lie_anywhere(tmp_path):
    """The person at the command line chooses their files (issue 19's decision, as for
    --template): an overlay outside the outline's folder is read."""
    outline = outline_in_folder(tmp_path)
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.yaml"
    elsewhere.write_text("meta: {title: From elsewhere}\n", encoding="utf-8")
    for overlay in (elsewhere, outline.parent / ".." / ".." / elsewhere.name):
        assert load_outline(outline, overlays=[overlay]).meta.title == "From elsewhere"


def test_a_picture_an_outside_overlay_names_stays_confined_to_the_outlines_folder(tmp_path):
    outline = outline_in_folder(tmp_path)
    elsewhere = tmp_path / "client"
    elsewhere.mkdir()
    (elsewhere / "logo.png").write_bytes(PNG)
    overlay = elsewhere / "client.yaml"
    overlay.write_text("theme: {logo: {path: logo.png, alt: Client}}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_outline(outline, overlays=[overlay])
    (diag,) = info.value.diagnostics
    assert "outside the outline's folder" in diag.message and diag.pos.file == str(overlay)


@pytest.mark.parametrize("kernel", ["/proc/self/environ", "/proc/self/cmdline", "/dev/null"])
def test_the_kernels_files_are_never_read_as_an_overlay(tmp_path, kernel):
    """/proc/self/environ passes stat as a regular file: it is refused all the same."""
    outline = outline_in_folder(tmp_path)
    with deadline(5), pytest.raises(InputError) as info:
        load_outline(outline, overlays=[Path(kernel)])
    (diag,) = info.value.diagnostics
    assert "not a regular file" in diag.message


# ---------------------------------------------------------------------------
# Documents, files and encodings


def test_multiple_documents_are_refused(tmp_path):
    diag = one(problems(tmp_path, OK + "---\nmeta: {title: Other}\n"))
    assert at(diag) == (10, 1)
    assert diag.message == "the file holds more than one YAML document"


def test_one_document_with_markers_loads(tmp_path):
    assert load(tmp_path, "---\n" + OK + "...\n").meta.title == "Talk"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "   \n# x\n"])
def test_empty_file(tmp_path, text):
    diag = one(problems(tmp_path, text))
    assert at(diag) == (1, 1)
    assert diag.message == "the outline is empty"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("- meta\n- sections\n", (1, 1)),
        ("# a list\n\n- title: Talk\n", (3, 1)),
        ("just some text\n", (1, 1)),
        ("~\n", (1, 1)),
    ],
)
def test_top_level_must_be_a_mapping(tmp_path, text, where):
    diag = one(problems(tmp_path, text))
    assert at(diag) == where
    assert diag.message == "the outline must be a mapping with 'meta' and 'sections'"


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    data = textwrap.dedent(OK).encode().replace(b"title: Talk", b"title: Ta\xfflk")
    diag = one(problems(tmp_path, data))
    assert at(diag) == (2, 12)
    assert diag.message == "byte 0xFF is not valid UTF-8"
    assert diag.hint == "save the file as UTF-8"


def test_invalid_utf8_column_counts_characters(tmp_path):
    data = "meta:\n  title: \u00e9\u20ac".encode() + b"\xe9t\xe9\n"  # Latin-1 'été' after
    diag = one(problems(tmp_path, data))
    assert at(diag) == (2, 12)
    assert diag.message == "byte 0xE9 is not valid UTF-8"


def test_invalid_utf8_after_a_byte_order_mark(tmp_path):
    data = b"\xef\xbb\xbfmeta:\n  title: Ta\x80lk\n"
    diag = one(problems(tmp_path, data))
    assert at(diag) == (2, 12)
    assert diag.message == "byte 0x80 is not valid UTF-8"


def test_byte_order_mark_is_accepted(tmp_path):
    outline = load(tmp_path, b"\xef\xbb\xbf" + textwrap.dedent(OK).encode())
    assert outline.meta.title == "Talk"


def outline_in_folder(tmp_path):
    """A valid outline in its own folder under ``tmp_path``."""
    folder = tmp_path / "talk"
    folder.mkdir(exist_ok=True)
    outline = folder / "outline.yaml"
    outline.write_text(
        "meta: {title: T}\nsections:\n  - title: S\n    slides:\n"
        "      - {kind: bullets, title: B, bullets: [x]}\n",
        encoding="utf-8",
    )
    return outline


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as info:
        load_outline(tmp_path / "nope.yaml", display_name=NAME)
    diag = one(list(info.value.diagnostics))
    assert info.value.exit_code == 2
    assert diag.message == "outline.yaml not found"
    assert "deckgen init" in diag.hint


def test_directory_as_outline(tmp_path):
    with pytest.raises(InputError) as info:
        load_outline(tmp_path, display_name=NAME)
    diag = one(list(info.value.diagnostics))
    assert diag.message == "outline.yaml is a folder, not a file"
    assert diag.hint == "name the .yaml file in it"


def test_display_name_defaults_to_the_path(tmp_path):
    path = write(tmp_path, "meta: {title: T}\n", name="talk.yaml")
    with pytest.raises(InputError) as info:
        load_outline(path)
    assert one(list(info.value.diagnostics)).pos.file == str(path)


def test_base_dir_is_the_outline_folder(tmp_path):
    (tmp_path / "deck").mkdir()
    path = write(tmp_path / "deck", OK)
    assert Path(load_outline(path).base_dir) == (tmp_path / "deck").resolve()


# ---------------------------------------------------------------------------
# YAML syntax errors


def test_bad_indentation(tmp_path, parser):
    text = OK.replace("  title: Talk\n", "  title: Talk\n   subtitle: Sub\n")
    diag = one(problems(tmp_path, text))
    assert at(diag) == (3, 4)
    assert diag.message == "'subtitle' is indented 3 spaces; the other keys under 'meta' are at 2"
    assert diag.hint == "indent it 2 spaces, like 'title' on line 2"


def test_unclosed_quote_names_where_it_opened(tmp_path, parser):
    diag = one(problems(tmp_path, OK.replace("title: Talk", 'title: "Talk')))
    assert diag.message.startswith("YAML syntax error: found unexpected end of stream")
    assert diag.message.endswith("a quoted scalar that starts at line 2, column 10")
    assert at(diag) == (10, 1)


def test_tab_indentation(tmp_path, parser):
    diag = one(problems(tmp_path, OK.replace("  title: Talk", "\ttitle: Talk")))
    assert at(diag) == (2, 1)
    assert diag.message == "line 2 is indented with a tab; YAML indents with spaces only"


def test_unclosed_flow_list(tmp_path, parser):
    diag = one(problems(tmp_path, "meta: {title: T}\nsections: [a, b\n"))
    assert at(diag) == (3, 1)
    assert diag.message.endswith("a flow sequence that starts at line 2, column 11")


@pytest.mark.parametrize(
    "text",
    [
        "meta: {",
        "]",
        "? ",
        "{a: 1}: b",
        "- - -",
        "meta: 'it''s",
        '"\\x"',
        "%YAML 1.1\n---\nmeta: {title: T}\n",
        "%YAML 2.0\n---\na: b\n",
        "%TAG !e! tag:example.com,2000:\n---\nmeta: !e!x {title: T}\n",
        "meta:\n  title: T\n  <<: {subtitle: S}\n",
        "meta: *nothing\n",
        "[a]: b\n",
        "? - a\n  - b\n: c\n",
        "meta: &x {title: *x}\n",
        "@meta: x\n",
        "meta: `x`\n",
        "\ufeffmeta: 1\n",
        "meta: {title: T}\nsections:\n  - !!null\n",
        "meta: {title: T}\nsections: [{slides: [{kind: [bullets]}]}]\n",
        "meta: {title: T}\nsections: [{slides: [{kind: {a: b}}]}]\n",
        "meta: {title: T}\nsections: [{slides: [{kind: ~}]}]\n",
        "meta: {title: T}\nsections: [{slides: [[kind, bullets]]}]\n",
        "meta: {title: T}\nsections: [{slides: [bullets]}]\n",
        "meta: {title: T}\nsections: {a: b}\n",
        "meta: {title: T}\nsections: [~]\n",
        "meta: {title: T}\nconcepts: [a]\nvariables: [a]\nsections: [x]\n",
        "meta: {title: T, keywords: [[a]]}\nsections: []\n",
        "meta: {title: T}\nvariables: {a: [b]}\nsections: []\n",
        "meta: {title: T}\nsections: []\nglossary: [a]\nreferences: [~]\n",
    ],
)
def test_malformed_outlines_raise_input_error_only(tmp_path, text):
    diags = problems(tmp_path, text.encode())
    for diag in diags:
        assert str(diag).startswith("outline.yaml:"), str(diag)
        assert diag.pos.line >= 1 and diag.pos.col >= 1


# ---------------------------------------------------------------------------
# Limits (deckgen/limits.py, docs/security.md)


@pytest.mark.parametrize(
    ("slide", "said"),
    [
        ("{kind: bullets, title: B, bullets: ['" + "x" * 5_001 + "']}", "at most 5,000 characters"),
        ("{kind: bullets, title: B, bullets: [" + ", ".join(["p"] * 41) + "]}", "at most 40 items"),
        (
            "{kind: comparison, title: C, columns: [A, B], rows: [[x, '" + "y" * 1_001 + "']]}",
            "at most 1,000 characters",
        ),
    ],
    ids=["long-text", "many-bullets", "long-cell"],
)
def test_the_limits_are_positioned_errors_with_a_hint(tmp_path, slide, said):
    text = f"meta: {{title: T}}\nsections:\n  - title: S\n    slides:\n      - {slide}\n"
    diag = one(problems(tmp_path, text))
    assert said in diag.message and diag.hint
    assert diag.pos.line == 5


def test_the_shipped_talk_is_far_inside_every_limit():
    from deckgen import limits

    outline = load_outline(SHIPPED_OUTLINE)
    texts = [v for _loc, v in walk(outline) if isinstance(v, str)]
    assert max(map(len, texts)) * 4 < limits.MAX_TEXT
    assert sum(len(s.slides) for s in outline.sections) * 100 <= limits.MAX_SLIDES  # a hundredth


@pytest.mark.parametrize("tag", ["en", "de", "en-GB", "pt-BR", "zh-Hant-TW"])
def test_a_language_is_a_bcp47_tag(tmp_path, tag):
    outline = load(tmp_path, f"meta: {{title: T, language: {tag}}}\n" + MINIMAL_SECTIONS)
    assert outline.meta.language == tag


@pytest.mark.parametrize("tag", ["english", "e", "en_GB", "en-" + "x" * 40])
def test_anything_else_as_the_language_is_refused_with_an_example(tmp_path, tag):
    diag = one(problems(tmp_path, f"meta: {{title: T, language: '{tag}'}}\n" + MINIMAL_SECTIONS))
    assert "language" in diag.message and diag.hint


def test_more_slides_than_the_limit_is_one_error_with_a_hint(tmp_path):
    from deckgen.limits import MAX_SLIDES

    slides = "".join(
        "      - {kind: bullets, title: B, bullets: [x]}\n" for _ in range(MAX_SLIDES + 1)
    )
    diag = one(
        problems(tmp_path, "meta: {title: T}\nsections:\n  - title: S\n    slides:\n" + slides)
    )
    assert f"at most {MAX_SLIDES} are allowed" in diag.message and "split" in diag.hint
