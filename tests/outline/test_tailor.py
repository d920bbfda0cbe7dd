"""Tailoring: Outline → Talk, filling {name} placeholders from variables and --set."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from deckgen.errors import InputError
from deckgen.outline import model as m
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import fill, tailor
from deckgen.outline.validate import walk

from ..pictures import png

SHIPPED = Path(__file__).resolve().parents[2] / "outline.yaml"
PNG = png()

OUTLINE = """\
meta:
  title: "Talk by {presenter}"
  presenter: "{presenter}"
  organisation: "{organisation}"
  footer: "{presenter} · {organisation}"
  keywords: ["{presenter}"]
variables:
  presenter: Your Name
  organisation: Your Org
sections:
  - title: "Part for {organisation}"
    slides:
      - kind: title
        notes: "Hello, I am {presenter}."
      - kind: bullets
        title: "{{braces}} stay, {presenter} goes"
        bullets:
          - "By {presenter}"
          - text: "Main {organisation}"
            sub: ["sub {presenter} }}"]
      - kind: comparison
        title: Table
        columns: ["{presenter}", {label: Other}]
        rows: [["{organisation}", "{{x}}"]]
      - kind: takeaways
        title: End
        points: ["{presenter} wins"]
glossary:
  - {term: "{presenter}", definition: "Who speaks: {presenter}"}
references:
  - {id: src, title: "Notes by {presenter}"}
"""


def write_and_load(tmp_path: Path, text: str = OUTLINE) -> m.Outline:
    path = tmp_path / "outline.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_outline(path, display_name="outline.yaml")


@pytest.fixture
def outline(tmp_path) -> m.Outline:
    return write_and_load(tmp_path)


def slides(outline: m.Outline) -> list:
    return [slide for _section, slide in outline.slides()]


def test_set_fills_meta(outline):
    out = tailor(outline, {"presenter": "Ada"})
    assert out.meta.title == "Talk by Ada"
    assert out.meta.presenter == "Ada"
    assert out.meta.organisation == "Your Org"
    assert out.meta.footer == "Ada · Your Org"
    assert out.meta.keywords == ["Ada"]


def test_set_fills_slide_text_and_notes(outline):
    out = tailor(outline, {"presenter": "Ada"})
    title, bullets, table, takeaways = slides(out)
    assert title.notes == "Hello, I am Ada."
    assert bullets.title == "{braces} stay, Ada goes"
    assert [b.text for b in bullets.bullets] == ["By Ada", "Main Your Org"]
    assert bullets.bullets[1].sub == ["sub Ada }"]
    assert [c.label for c in table.columns] == ["Ada", "Other"]
    assert table.rows == [["Your Org", "{x}"]]
    assert [p.text for p in takeaways.points] == ["Ada wins"]
    assert out.sections[0].title == "Part for Your Org"


def test_set_fills_glossary_and_references(outline):
    out = tailor(outline, {"presenter": "Ada"})
    assert (out.glossary[0].term, out.glossary[0].definition) == ("Ada", "Who speaks: Ada")
    assert out.references[0].title == "Notes by Ada"
    assert out.references[0].id == "src"


def test_defaults_come_from_variables(outline):
    out = tailor(outline)
    assert out.meta.presenter == "Your Name"
    assert out.meta.footer == "Your Name · Your Org"
    assert tailor(outline, {}) == out


def test_doubled_braces_become_literal_braces(outline):
    out = tailor(outline, {"presenter": "Ada"})
    assert slides(out)[1].title.startswith("{braces} stay")
    assert "{{" not in slides(out)[1].title


def test_escaped_placeholder_is_not_filled():
    assert fill("{{presenter}} is {presenter}", {"presenter": "Ada"}) == "{presenter} is Ada"
    assert fill("}}{{", {}) == "}{"


def test_filled_values_are_not_filled_again(outline):
    out = tailor(outline, {"presenter": "{organisation} {{x}}"})
    assert out.meta.presenter == "{organisation} {{x}}"


def test_tailor_does_not_change_its_input(outline):
    tailor(outline, {"presenter": "Ada"})
    assert outline.meta.presenter == "{presenter}"
    assert slides(outline)[0].notes == "Hello, I am {presenter}."


def test_positions_survive_tailoring(outline):
    out = tailor(outline, {"presenter": "Ada"})
    assert out.meta.pos == outline.meta.pos
    assert [s.pos for s in slides(out)] == [s.pos for s in slides(outline)]
    assert slides(out)[1].pos.line == 15


def test_undeclared_set_name_is_refused(outline):
    with pytest.raises(InputError) as info:
        tailor(outline, {"presentr": "Ada"})
    assert info.value.exit_code == 2
    (diag,) = info.value.diagnostics
    assert diag.message == "--set presentr: the outline declares no variable 'presentr'"
    assert diag.hint == ("declared: organisation, presenter; declare it under 'variables:' first")


def test_every_undeclared_set_name_is_reported(outline):
    with pytest.raises(InputError) as info:
        tailor(outline, {"zeta": "1", "presenter": "Ada", "alpha": "2"})
    assert [d.message.split(":")[0] for d in info.value.diagnostics] == [
        "--set alpha",
        "--set zeta",
    ]


def test_set_without_any_variables_declared(tmp_path):
    outline = write_and_load(
        tmp_path,
        "meta: {title: T}\nsections: [{title: S, slides: [{kind: glossary}]}]\n",
    )
    with pytest.raises(InputError) as info:
        tailor(outline, {"presenter": "Ada"})
    (diag,) = info.value.diagnostics
    assert "'presenter'" in diag.message
    assert diag.hint.startswith("declared: none;")


def test_image_paths_are_left_as_written(tmp_path):
    (tmp_path / "{x}.png").write_bytes(PNG)
    outline = write_and_load(
        tmp_path,
        """\
        meta: {title: T}
        variables: {x: y}
        theme:
          logo: {path: "{x}.png", alt: Logo}
        sections: [{title: S, slides: [{kind: glossary}]}]
        """,
    )
    assert tailor(outline, {"x": "z"}).theme.logo.path == "{x}.png"


def test_image_alt_text_is_filled(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    outline = write_and_load(
        tmp_path,
        """\
        meta: {title: T}
        variables: {presenter: Your Name}
        theme:
          logo: {path: logo.png, alt: "Photo of {presenter}"}
        sections: [{title: S, slides: [{kind: glossary}]}]
        """,
    )
    assert tailor(outline, {"presenter": "Ada"}).theme.logo.alt == "Photo of Ada"


def test_shipped_outline_tailors(tmp_path):
    outline = load_outline(SHIPPED, display_name="outline.yaml")
    out = tailor(outline, {"presenter": "Ada", "organisation": "ACME", "date": "2031"})
    assert (out.meta.presenter, out.meta.organisation, out.meta.date) == ("Ada", "ACME", "2031")
    assert out.meta.footer == "AI Security vs. AI Safety · ACME"
    assert "I’m Ada from ACME" in slides(out)[0].notes
    texts = [
        value
        for _loc, value in _strings(out)
        if "{presenter}" in value or "{organisation}" in value or "{date}" in value
    ]
    assert texts == []


def _strings(node, loc=()):
    for where, value in walk(node, loc):
        if isinstance(value, str) and where and where[0] != "variables":
            yield where, value


def test_the_talk_has_no_audience_left_in_it():
    """Layout takes a Talk: every only/skip is cleared, overrides are applied and gone,
    notes are text, and there are no audience profiles or variables to see."""
    from pydantic import BaseModel

    from deckgen.outline.talk import Talk

    outline = load_outline(SHIPPED, display_name="outline.yaml")
    for audience in [None, *outline.audiences]:
        talk = tailor(outline, audience=audience)
        assert isinstance(talk, Talk)
        assert not hasattr(talk, "audiences") and not hasattr(talk, "variables")

        def visit(node):
            if isinstance(node, m.Selectable):
                assert node.only is None and node.skip is None, node
            if isinstance(node, m.SlideBase):
                assert node.overrides == {} and (node.notes is None or isinstance(node.notes, str))
            if isinstance(node, BaseModel):
                for name in type(node).model_fields:
                    visit(getattr(node, name))
            elif isinstance(node, list | tuple):
                for item in node:
                    visit(item)

        for section in talk.sections:
            assert not hasattr(section, "only")
            visit(list(section.slides))
        assert all(not hasattr(term, "only") for term in talk.glossary)


def test_an_override_of_a_field_written_under_its_alias_keeps_its_language():
    """A translation's fallback given as an audience's override keeps its language, also
    for a field the outline writes under another key than its name (as ``break`` is
    ``pause``)."""
    from pydantic import Field

    from deckgen.nodes import Foreign, Node, Text
    from deckgen.outline.tailor import apply_override

    class Aliased(Node):
        said: Text = Field(alias="say")
        other: Text = "kept"

    slide = Aliased(say="Hallo")
    made = apply_override(slide, {"say": Foreign("Good morning", "en")})
    assert made.said == "Good morning" and getattr(made.said, "lang", None) == "en"
    assert made.other == "kept"
