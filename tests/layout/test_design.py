"""The design record is the one home of numbers and colours: slide kinds hold none of
their own, the renderers convert units through layout's geometry, the PPTX template
takes the type scale, and the default design is made from the outline's theme."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.layout.design import TypeScale, default_design
from deckgen.layout.frames import Role, Shape, TextBox
from deckgen.layout.geometry import inch

from .support import FAKE, deck_from, named, outline_text, talk_from

PKG = Path(__file__).resolve().parents[2] / "deckgen"
KINDS_DIR = PKG / "kinds"

UNIT_HELPERS = {"inch", "pt", "mm", "cm", "Inches", "Pt", "Emu", "Cm", "Mm", "Length"}
UNIT_CONSTANTS = {"MM", "CM", "EMU_PER_PT", "EMU_PER_INCH"}
COLOUR = re.compile(r"^#?[0-9A-Fa-f]{6}$")
LARGEST_PLAIN_INT = 2  # 0, 1 and 2 are indices, counts and halves, not lengths

# (module, literal) -> why a kind may keep it; keep this empty or tiny
ALLOWED: dict[tuple[str, object], str] = {}


def _field_constraints(tree: ast.AST) -> set[int]:
    """ids of the literals that are a pydantic ``Field(...)``'s keyword arguments: the
    outline's constraints (``max_length=4`` takeaways), not the design's numbers."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Field":
            for keyword in node.keywords:
                out.update(id(sub) for sub in ast.walk(keyword.value))
    return out


def design_numbers_in(source: str, module: str = "<test>") -> list[str]:
    """Lengths, sizes, unit conversions and colours written into a kind's module."""
    tree = ast.parse(source)
    constraints = _field_constraints(tree)
    found = []
    for node in ast.walk(tree):
        where = f"{module}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in UNIT_HELPERS:
                found.append(f"{where} calls {name}()")
        elif isinstance(node, ast.Name | ast.alias):
            name = node.id if isinstance(node, ast.Name) else node.name
            if name in UNIT_CONSTANTS | UNIT_HELPERS:
                found.append(f"{where} uses {name}")
        elif isinstance(node, ast.Constant) and id(node) not in constraints:
            value = node.value
            if (module, value) in ALLOWED:
                continue
            if isinstance(value, str) and COLOUR.match(value):
                found.append(f"{where} colour {value!r}")
            elif isinstance(value, float) or (
                isinstance(value, int) and not isinstance(value, bool) and value > LARGEST_PLAIN_INT
            ):
                found.append(f"{where} number {value!r}")
    return found


@pytest.mark.parametrize(
    "line",
    [
        "from ..layout.geometry import MM",
        "from ..layout.geometry import inch",
        "a = box(inch)",
        "b = Rect(x, y, 914400, 2)",
        "c = ParaStyle(size, '1F5AA6')",
        "d = '#b4530a'",
        "e = 0.12 * width",
        "f = geometry.pt(size)",
        "g = Emu(length)",
        "h = count * MM",
        "i = ParaStyle(26, color)",
    ],
)
def test_the_checker_finds_lengths_sizes_and_colours(line):
    assert design_numbers_in(line) != []


def test_the_checker_lets_indices_counts_and_model_constraints_pass():
    source = (
        "points: list[T] = Field(min_length=1, max_length=4)\n"
        "for i, x in enumerate(items, 1):\n"
        "    half = (total - used) // 2\n"
        "    last = i == len(items) - 1\n"
        "    label = f'{i:02d}'\n"
    )
    assert design_numbers_in(source) == []


def test_no_slide_kind_holds_a_length_a_size_or_a_colour_of_its_own():
    modules = sorted(KINDS_DIR.glob("*.py"))
    assert len(modules) >= 11  # every kind, the registry and the shared helpers
    found = [
        hit
        for path in modules
        for hit in design_numbers_in(path.read_text(encoding="utf-8"), path.name)
    ]
    assert found == []
    assert len(ALLOWED) <= 2


def _numbers(path: Path) -> set:
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float)
    }


def test_the_pdf_renderer_converts_units_through_layouts_geometry():
    modules = sorted((PKG / "render" / "pdf").rglob("*.py"))
    assert modules
    for path in modules:
        assert not _numbers(path) & {12_700}, path.relative_to(PKG)


def test_only_the_geometry_module_knows_how_many_emu_make_a_point_or_an_inch():
    for path in sorted(PKG.rglob("*.py")):
        if path.relative_to(PKG) == Path("layout/geometry.py"):
            continue
        assert not _numbers(path) & {12_700, 914_400}, path.relative_to(PKG)


# ---------------------------------------------------------------- the template


def _master_sizes(prs) -> dict[str, str]:
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    sizes = {}
    for key, style in (("title", "p:titleStyle"), ("body", "p:bodyStyle")):
        for level in (1, 2, 3):
            rpr = styles.find(f"{qn(style)}/{qn(f'a:lvl{level}pPr')}/{qn('a:defRPr')}")
            if rpr is not None and rpr.get("sz"):
                sizes[f"{key}{level}"] = rpr.get("sz")
    return sizes


@pytest.fixture(scope="module")
def small_deck_fake():
    return deck_from(outline_text("- {kind: bullets, title: B, bullets: [x]}"))


@pytest.mark.parametrize(
    "scale",
    [TypeScale(), TypeScale(title=40, body=30, sub_body=25, level3=21.5)],
    ids=["default", "custom"],
)
def test_the_templates_master_text_sizes_are_the_type_scale(small_deck_fake, scale):
    from deckgen.render.pptx.template import prepare_template

    deck = replace(small_deck_fake, design=replace(small_deck_fake.design, scale=scale))
    prs = Presentation()
    prepare_template(prs, deck)
    sizes = _master_sizes(prs)
    assert sizes["title1"] == str(round(scale.title * 100))
    assert sizes["body1"] == str(round(scale.body * 100))
    assert sizes["body2"] == str(round(scale.sub_body * 100))
    assert sizes["body3"] == str(round(scale.level3 * 100))


def test_the_templates_theme_has_the_designs_colours_and_font(small_deck_fake):
    from deckgen.render.pptx.template import prepare_template

    design = small_deck_fake.design
    design = replace(design, font="Liberation Sans")
    prs = Presentation()
    prepare_template(prs, replace(small_deck_fake, design=design))
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    xml = theme.blob.decode()
    assert xml.count('typeface="Liberation Sans"') >= 2  # major and minor fonts
    for slot, colour in design.palette.slots():
        assert re.search(rf'<a:{slot}><a:srgbClr val="{colour}"/></a:{slot}>', xml), slot


# ------------------------------------------------------------- the default design

THEMED = """\
meta: {title: Talk}
theme:
  font: Liberation Sans
  colors:
    primary: "#112233"
    text: "#222222"
    muted: "#777777"
    background: "#fdfdfd"
    surface: "#eeeeee"
concepts:
  alpha: {label: Alpha, color: "#aa0000"}
  beta: {label: Beta, color: "#00BB00"}
audiences:
  dark:
    description: A dark room
    minutes: 10
    theme:
      font: Arimo
      colors: {primary: "#000000", background: "#101010"}
sections:
  - title: S
    divider: false
    slides:
      - {kind: bullets, title: B, bullets: [x]}
"""


def test_the_default_design_takes_the_outlines_colours_and_font():
    design = default_design(talk_from(THEMED))
    palette = design.palette
    assert design.font == "Liberation Sans"
    assert (palette.primary, palette.text, palette.muted) == ("112233", "222222", "777777")
    assert (palette.background, palette.surface) == ("FDFDFD", "EEEEEE")
    assert palette.concepts == {"alpha": ("Alpha", "AA0000"), "beta": ("Beta", "00BB00")}
    assert palette.accents == ("AA0000", "00BB00")  # in the outline's order
    assert palette.concept("beta") == "00BB00" and palette.label("beta") == "Beta"
    assert palette.concept(None) == palette.concept("nope") == "112233"


def test_the_default_design_follows_an_audiences_theme():
    design = default_design(talk_from(THEMED, audience="dark"))
    assert design.font == "Arimo"
    assert (design.palette.primary, design.palette.background) == ("000000", "101010")
    assert design.palette.text == "222222"  # what the audience does not change stays


def test_the_default_design_without_a_theme():
    design = default_design(talk_from(outline_text("- {kind: bullets, title: B, bullets: [x]}")))
    assert design.font == "Arial"
    assert (design.palette.primary, design.palette.background) == ("1F2A44", "FFFFFF")
    assert design.palette.concepts == {}


def test_layout_reads_the_design_it_is_given():
    """A design handed to layout_deck moves and recolours what the kinds make."""
    text = outline_text("- {kind: bullets, title: Points, bullets: [one, two]}")
    talk = talk_from(text)
    base = default_design(talk)
    design = replace(
        base,
        grid=replace(base.grid, margin=inch(1.0)),
        scale=replace(base.scale, body=30, title=40),
        palette=replace(base.palette, primary="123456"),
        bullets=replace(base.bullets, marker="▸"),
    )
    from deckgen.layout.engine import layout_deck

    (slide,) = layout_deck(talk, FAKE, design).slides
    title, body = named(slide, "Title"), named(slide, "Body")
    assert isinstance(title, TextBox) and isinstance(body, TextBox)
    assert title.rect.x == body.rect.x == inch(1.0)
    assert title.rect.w == design.grid.content_width
    assert title.paragraphs[0].size == 40 and title.paragraphs[0].color == "123456"
    assert {p.size for p in body.paragraphs} == {30}
    assert {p.bullet for p in body.paragraphs} == {"▸"}
    rule = named(slide, "Accent rule")
    assert isinstance(rule, Shape) and rule.fill == "123456"
    footer = named(slide, "Footer")
    assert footer.role is Role.FOOTER and footer.rect.x == inch(1.0)
