"""A template that prints the slide number itself (a field in a text box of its master,
not a placeholder), on artwork it draws: the field's colour is judged on the drawn ground
under its digits and, where it does not read, set in the theme's colour that does."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree
from pptx import Presentation

from ..conftest import run_cli
from .test_build import talk_folder
from .test_scenery import NS, _sp

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WIDTH, HEIGHT = 12_192_000, 6_858_000
DISC = (11_000_000, 6_000_000, 600_000, 600_000)  # bottom right


def _number_box(color: str) -> str:
    """A text box over the disc with the slide-number field, 18 pt bold, centred."""
    x, y, w, h = DISC
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="902" name="Number"/><p:cNvSpPr txBox="1"/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" '
        f'cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
        '</p:spPr><p:txBody><a:bodyPr anchor="ctr"/><a:p><a:pPr algn="ctr"/>'
        '<a:fld id="{E51FE2EA-062B-4EA6-BA37-0A3F90FD8923}" type="slidenum"><a:rPr b="1" '
        f'lang="en-US" sz="1800"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
        "</a:rPr><a:t>&lt;#&gt;</a:t></a:fld></a:p></p:txBody></p:sp>"
    )


def _template(folder: Path, disc: str, number: str) -> Path:
    """python-pptx's default at 16:9, its master with a disc and its own number on it."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    tree = prs.slide_master.shapes._spTree
    ellipse = '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>'
    tree.append(etree.fromstring(_sp(901, DISC, ellipse, disc)))
    tree.append(etree.fromstring(_number_box(number)))
    path = folder / "numbered.template"
    prs.save(str(path))
    return path


def _field_colors(deck: Path) -> set[str]:
    master = Presentation(str(deck)).slide_master
    return {
        fill.get("val")
        for fill in master._element.iter(f"{A}srgbClr")
        if fill.getparent().getparent().getparent().tag == f"{A}fld"
    }


def test_the_templates_own_number_on_its_disc_takes_the_themes_colour_that_reads(tmp_path):
    folder = talk_folder(tmp_path)
    template = _template(folder, disc="1ABC9C", number="FFFFFF")  # Midnightblue's: 2.4:1
    result = run_cli("template", "check", str(template), str(folder / "outline.yaml"), "--json")
    said = [d["message"] for d in json.loads(result.output)["contrast"]]
    assert any(
        m.startswith("the template's own slide number (a field on its master or layout) in "
                     "#FFFFFF reads at 2.4:1 on the artwork under it (#1ABC9C at worst)")
        and "set in the theme's #000000 instead" in m
        for m in said
    ), said  # fmt: skip
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    assert _field_colors(deck) == {"000000"}


def test_a_number_that_reads_on_its_disc_is_left_as_the_template_has_it(tmp_path):
    folder = talk_folder(tmp_path)
    template = _template(folder, disc="1F3864", number="FFFFFF")  # white on navy
    result = run_cli("template", "check", str(template), str(folder / "outline.yaml"), "--json")
    said = [d["message"] for d in json.loads(result.output)["contrast"]]
    assert not any("own slide number" in m for m in said), said
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    assert _field_colors(deck) == {"FFFFFF"}
