"""Contrast measured against what a template draws: each layout's ground rasterised once,
every text box's lines checked against the worst part of the pixels under them, and
``deckgen template check`` naming the slide and the box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from deckgen.layout.contrast import low_on_drawn, worst_ground
from deckgen.layout.frames import Paragraph, Role, Run, SlideLayout, TextBox
from deckgen.layout.geometry import Rect
from deckgen.render.pdf.grounds import DrawnGrounds

from ..conftest import lo_templates, run_cli, run_color, stripes_png
from .test_build import talk_folder
from .test_scenery import NS

WIDTH, HEIGHT = 12_192_000, 6_858_000
BAND = 1_100_000  # EMU: the bands' height, top and bottom
GRADIENT = (  # white at the left to black at the right
    '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000">'
    '<a:srgbClr val="000000"/></a:gs></a:gsLst><a:lin ang="0" scaled="0"/></a:gradFill>'
)
PICTURE = '<a:blipFill><a:blip r:embed="RID"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'


def _band(shape_id: int, top: int, fill: str) -> str:
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Band {shape_id}"/><p:cNvSpPr/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="{top}"/><a:ext cx="{WIDTH}" '
        f'cy="{BAND}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def _template(folder: Path, artwork: bool) -> Path:
    """python-pptx's default at 16:9; with ``artwork``, a striped picture band (black and
    white: its average reads, its stripes do not) under the titles and a gradient band
    under the footer, both behind the master's placeholders."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    if artwork:
        png = stripes_png((0, 0, 0))
        _part, rid = master.part.get_or_add_image_part(png)
        tree = master.shapes._spTree
        first = tree.find("{http://schemas.openxmlformats.org/presentationml/2006/main}sp")
        for shape in (
            _band(900, 0, PICTURE.replace("RID", rid)),
            _band(901, HEIGHT - BAND, GRADIENT),
        ):
            first.addprevious(etree.fromstring(shape))  # under the placeholders
    path = folder / ("art.template" if artwork else "clean.template")
    prs.save(str(path))
    return path


def _check(folder: Path, template: Path) -> list[dict]:
    result = run_cli("template", "check", str(template), str(folder / "outline.yaml"), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["contrast"]


def _on_artwork(found: list[dict]) -> list[str]:
    """The lines found unreadable on the drawn ground (not the colours decided on it)."""
    return [d["message"] for d in found if "artwork under it (" in d["message"]]


def test_text_on_a_picture_band_and_a_gradient_band_is_decided_on_the_pixels_and_named(tmp_path):
    from deckgen.layout.colors import contrast

    folder = talk_folder(tmp_path)
    template = _template(folder, artwork=True)
    found = _check(folder, template)
    assert all(d["topic"] == "contrast" for d in found)
    said = [d["message"] for d in found]
    # black titles on black and white stripes (their average, grey, let them pass before)
    assert any(
        m.startswith("the template's title colour #000000 reads at 1.0:1 on the artwork")
        for m in said
    ), said
    # the number at the gradient's dark end: the theme's light text colour reads there
    assert any(
        m.startswith("the template's slide number colour") and "the theme's #FFFFFF" in m
        for m in said
    ), said
    # judged where each line's words stand, every line reads (the closing slide's small
    # print, named when its box's full width was judged, stops short of the dark end)
    assert _on_artwork(found) == []
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    prs = Presentation(str(deck))
    agenda = prs.slides[1]
    title = agenda.shapes.title
    color = run_color(title.text_frame.paragraphs[0].runs[0], title, agenda, prs)
    assert contrast(color, "000000") >= 3 and contrast(color, "FFFFFF") >= 3  # both stripes


def test_a_clean_template_gives_no_finding_on_artwork(tmp_path):
    folder = talk_folder(tmp_path)
    assert _on_artwork(_check(folder, _template(folder, artwork=False))) == []


def test_the_worst_twentieth_of_the_ground_decides_not_a_speck():
    ink = "333333"
    assert worst_ground(((90, "FFFFFF"), (10, "222222")), ink) == "222222"
    assert worst_ground(((99, "FFFFFF"), (1, "222222")), ink) == "FFFFFF"  # a speck


def _box(rect: Rect, color: str, size: float = 12.0) -> TextBox:
    run = Run("Words on artwork", color=color)
    para = Paragraph((run,), size, color, ((run,),), size * 1.2)
    return TextBox(rect, (para,), Role.BODY, "Liberation Sans", "Caption")


def test_each_line_is_checked_against_what_is_drawn_under_it_and_the_slides_own_fill_hides_it():
    box = _box(Rect(0, 0, 2_000_000, 400_000), "444444")
    under = []

    def drawn(rect: Rect):
        under.append(rect)
        return ((50, "FFFFFF"), (50, "3A3A3A"))

    (found,) = low_on_drawn([box], "FFFFFF", drawn)
    assert (found.box.name, found.line, found.ground) == ("Caption", 1, "3A3A3A")
    assert found.ratio < 1.5 and found.need == 4.5
    assert under[0].h == round(12 * 1.2 * 12_700)  # the line's height, not the box's
    filled = TextBox(box.rect, box.paragraphs, box.role, box.font, box.name, fill="FFFFFF")
    assert low_on_drawn([filled], "FFFFFF", drawn) == []


def test_a_layouts_ground_is_drawn_once_at_a_modest_resolution():
    from dataclasses import replace

    from deckgen.layout.design import default_design
    from deckgen.layout.frames import Shape, ShapeKind
    from deckgen.outline.loader import load_outline
    from deckgen.outline.tailor import tailor

    from ..conftest import SMALL

    design = default_design(tailor(load_outline(SMALL)))
    band = Shape(Rect(0, 0, design.grid.width, 914_400), ShapeKind.RECT, "000000", "Band")
    design = replace(design, plain=True, scenery={SlideLayout.CONTENT.value: (band,)})
    grounds = DrawnGrounds(design, dpi=24)
    top = dict(
        (color, count)
        for count, color in grounds.colors(SlideLayout.CONTENT, Rect(0, 0, 914_400, 914_400))
    )
    assert top == {"000000": 24 * 24}
    below = grounds.colors(SlideLayout.CONTENT, Rect(0, 914_400, 914_400, 914_400))
    assert [color for _count, color in below] == [
        design.slide_fill(SlideLayout.CONTENT, design.palette.background)
    ]
    assert len(grounds._images) == 1
    assert grounds.colors(SlideLayout.CONTENT, Rect(-5, design.grid.height, 10, 10)) == ()


# LibreOffice's own templates, converted at test time (never committed: some are CC BY-SA)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("drawn")
    lo_templates(("Vivid", "Focus"), out, tmp_path_factory.mktemp("drawn-profile"))
    return out


def _shipped_on(template: Path) -> list[str]:
    result = run_cli("template", "check", str(template), "--json")  # the shipped talk
    assert result.exit_code == 0, result.output
    return _on_artwork(json.loads(result.output)["contrast"])


@pytest.mark.libreoffice
def test_vivid_footer_and_number_on_the_blue_band_take_the_themes_dark_text(converted, tmp_path):
    result = run_cli("template", "check", str(converted / "Vivid.template"), "--json")
    found = [d["message"] for d in json.loads(result.output)["contrast"]]
    for what in ("footer", "slide number", "subtitle"):
        said = f"the template's section slides' {what} colour #"
        assert any(m.startswith(said) and "#1A82BF" in m for m in found), found
    assert _on_artwork(json.loads(result.output)["contrast"]) == []  # no line left unread
    out = tmp_path / "out"
    args = ("build", "outline.yaml", "--template", str(converted / "Vivid.template"))
    assert run_cli(*args, "-o", str(out), "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    divider = Presentation(str(deck)).slides[2]  # "Two sides of the same coin"
    for name in ("Footer", "Slide number", "Subtitle"):
        (shape,) = [shape for shape in divider.shapes if shape.name == name]
        fills = shape._element.findall(".//{*}rPr/{*}solidFill/{*}schemeClr")
        assert fills and {fill.get("val") for fill in fills} == {"tx1"}, name


@pytest.mark.libreoffice
def test_focus_title_on_the_red_triangle_is_made_to_read_and_its_subtitle_named(converted):
    result = run_cli("template", "check", str(converted / "Focus.template"), "--json")
    found = [d["message"] for d in json.loads(result.output)["contrast"]]
    said = "the template's title slides' title colour #333333 reads at 2.9:1 on the artwork"
    assert any(m.startswith(said) and "#F10D0C" in m for m in found), found
    # the subtitle's box straddles the red triangle and white: no colour reads on all of
    # the box, but its laid-out lines take the theme's dark text, which reads where they
    # stand; nothing is left unread
    said = "slide 1 'title': 'Subtitle' paragraph 1: text in #"
    assert any(m.startswith(said) and "set in the theme's #" in m for m in found), found
    assert _on_artwork(json.loads(result.output)["contrast"]) == []


def test_a_colour_on_artwork_takes_the_themes_other_text_colour_where_that_reads_on_all_of_it():
    from deckgen.template.drawn import _decided

    problems = []
    band = ((100, "1A82BF"),)  # Vivid's blue
    variants = ["000000", "FFFFFF"]
    assert _decided("footer", "484848", band, False, variants, problems) == "000000"
    assert "reads at 2.2:1 on the artwork under its box (#1A82BF at worst)" in problems[0].message
    halves = ((50, "FFFFFF"), (50, "000000"))  # nothing reads on both: the colour stays
    assert _decided("footer", "484848", halves, False, variants, problems) == "484848"
    assert len(problems) == 1
    assert _decided("footer", "FFFFFF", ((9, "000000"),), False, variants, problems) == "FFFFFF"


def test_the_default_design_draws_no_ground(monkeypatch):
    """Only a build on a template pays for the rasters (the watch's rebuilds on the default
    stay as they were)."""
    import deckgen.render.pdf.grounds as grounds
    from deckgen.build import BuildOptions, load, prepare

    from ..conftest import SMALL

    def refused(*_args, **_kwargs):
        raise AssertionError("a ground drawn for the default design")

    monkeypatch.setattr(grounds.DrawnGrounds, "__init__", refused)
    options = BuildOptions(outline=SMALL, out_dir=Path("."), formats=("pptx",))
    assert prepare(load(options), None, {}, options).deck.slides
