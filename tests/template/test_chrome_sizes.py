"""The footer and slide number in the sizes the template's placeholders give them (issue 20,
deliverable 1): no ``sz`` of their own where the footer fits on its line at the template's
size; a footer too long for it set smaller, on one line, and that size said once on the
masters' and layouts' footer placeholders, which the slides' footers inherit.
Decks built on python-pptx's stock template (footer and number 12 pt in the master's
placeholders), read back, and the laid-out frames."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from deckgen.build import BuildOptions, load, prepare
from deckgen.layout.frames import Role

from ..conftest import build_on_template

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
OUTLINE = """\
meta:
  title: "Chrome"
  footer: "{footer}"
sections:
  - title: "One"
    slides:
      - kind: bullets
        title: "Short"
        bullets: ["Check the sender", "Report"]
"""


def _folder(tmp_path: Path, footer: str) -> tuple[Path, Path]:
    (tmp_path / "outline.yaml").write_text(OUTLINE.format(footer=footer), encoding="utf-8")
    template = tmp_path / "house.pptx"
    Presentation().save(str(template))
    return tmp_path / "outline.yaml", template


def _master_size(prs, kind: str) -> str:
    """What the stock master's placeholder of ``kind`` says, read from its own XML."""
    for shape in prs.slide_master.placeholders:
        if shape._element.find(f".//{_P}ph").get("type") == kind:
            return shape._element.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr").get("sz")
    raise AssertionError(kind)


def _chrome_runs(deck: Path):
    """(type, run properties) of the footer's and the number's runs on the content slide."""
    slide = Presentation(str(deck)).slides[1]
    for shape in slide.placeholders:
        kind = shape._element.find(f".//{_P}ph").get("type")
        if kind in ("ftr", "sldNum"):
            for rpr in shape._element.iter(f"{_A}rPr"):
                yield kind, rpr


def _laid_out(outline: Path, template: Path):
    options = BuildOptions(outline, outline.parent / "out", template=template)
    return prepare(load(options), None, {}, options).deck


def test_footer_and_number_take_the_templates_size(tmp_path):
    outline, template = _folder(tmp_path, "Course")
    deck = build_on_template(outline, template, tmp_path / "out")
    prs = Presentation(str(deck))
    assert (_master_size(prs, "ftr"), _master_size(prs, "sldNum")) == ("1200", "1200")
    runs = list(_chrome_runs(deck))
    assert {kind for kind, _ in runs} == {"ftr", "sldNum"}
    assert all(rpr.get("sz") is None for _, rpr in runs), runs  # it was 9 pt: deckgen's own
    frame = _laid_out(outline, template).slides[1]
    sizes = {i.role: i.paragraphs[0].size for i in frame.items if hasattr(i, "paragraphs")}
    assert sizes[Role.FOOTER] == sizes[Role.SLIDE_NUMBER] == 12


def test_a_footer_too_long_for_its_line_is_set_smaller_on_one_line(tmp_path):
    footer = "Awareness course · Information Security Office"
    outline, template = _folder(tmp_path, footer)
    deck = build_on_template(outline, template, tmp_path / "out")
    frame = _laid_out(outline, template).slides[1]
    (para,) = [i for i in frame.items if getattr(i, "role", None) is Role.FOOTER][0].paragraphs
    assert len(para.lines) == 1 and para.text == footer  # smaller, not shortened
    assert 9 <= para.size < 12
    # the masters' and layouts' footers say that size, so the slides' footers inherit it
    # and a slide added by hand shows the footer as the generated ones do
    prs = Presentation(str(deck))
    owners = [prs.slide_master, *prs.slide_master.slide_layouts]
    said = {_footer_size(owner) for owner in owners} - {None}
    assert said == {str(round(para.size * 100))}
    sizes = {kind: rpr.get("sz") for kind, rpr in _chrome_runs(deck)}
    assert sizes == {"ftr": None, "sldNum": None}


def _footer_size(owner) -> str | None:
    for shape in owner.placeholders:
        if shape._element.find(f".//{_P}ph").get("type") == "ftr":
            rpr = shape._element.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr")
            return rpr.get("sz") if rpr is not None else None
    return None


TITLED = """\
meta:
  title: "Chrome"
  subtitle: "A short subtitle"
sections:
  - title: "One"
    divider: false
    slides:
      - kind: title
"""


def test_the_title_slides_subtitle_takes_the_layouts_size(tmp_path):
    """The stock Title Slide's subtitle inherits the master's body style, 32 pt: the
    subtitle is set in it (it fits), not in deckgen's own 24 pt scaled to 4:3 (18 pt)."""
    (tmp_path / "outline.yaml").write_text(TITLED, encoding="utf-8")
    template = tmp_path / "house.pptx"
    Presentation().save(str(template))
    deck = build_on_template(tmp_path / "outline.yaml", template, tmp_path / "out")
    prs = Presentation(str(deck))
    body_style = prs.slide_master._element.find(
        f"{_P}txStyles/{_P}bodyStyle/{_A}lvl1pPr/{_A}defRPr"
    ).get("sz")
    slide = prs.slides[0]
    (subtitle,) = [s for s in slide.placeholders if s.name == "Subtitle"]
    runs = list(subtitle._element.iter(f"{_A}rPr"))
    assert runs and all(rpr.get("sz") is None for rpr in runs)  # it was deckgen's 18 pt
    frame = _laid_out(tmp_path / "outline.yaml", template).slides[0]
    (para,) = [i for i in frame.items if getattr(i, "role", None) is Role.SUBTITLE][0].paragraphs
    assert str(round(para.size * 100)) == body_style == "3200"
