"""What ``deckgen check`` and ``deckgen template check`` see of a deck on its template
(deckgen/check/findings.py): low contrast, artwork under text boxes, titles off their
layout's box and overridden styles, each finding naming its slide, shape and paragraph.
Templates and decks are made here with python-pptx, so every answer is known."""

from __future__ import annotations

import json
from types import SimpleNamespace

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from deckgen.check.fidelity import measure_fidelity
from deckgen.check.findings import KINDS, PROPERTIES, compact, template_findings
from deckgen.render.pptx.xmlns import level_size

from .conftest import SHIPPED, laid_out_slides, run_cli, stripes_png
from .template.test_build import talk_folder

NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
TITLE_AND_CONTENT, TITLE_ONLY = 1, 5  # python-pptx's default template's layouts
PICTURE = (Inches(1), Inches(2.5), Inches(4), Inches(2))  # under the body placeholder
GRADIENT = (Inches(5.5), Inches(2.5), Inches(3), Inches(2))
LIGHT = (  # light enough that dark text still reads on it: artwork, not low contrast
    '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000">'
    '<a:srgbClr val="E0E0E0"/></a:gs></a:gsLst><a:lin ang="0" scaled="0"/></a:gradFill>'
)


def _xfrm(box) -> str:
    x, y, w, h = box
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def _picture(rid: str) -> str:
    return (
        f'<p:pic {NS}><p:nvPicPr><p:cNvPr id="900" name="Brand picture"/><p:cNvPicPr/><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</p:blipFill><p:spPr>{_xfrm(PICTURE)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</p:spPr></p:pic>"
    )


def _gradient() -> str:
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="901" name="Brand gradient"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr>{_xfrm(GRADIENT)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{LIGHT}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def _template(folder, artwork: bool):
    """python-pptx's stock template; with ``artwork``, a light striped picture and a light
    gradient on 'Title and Content', under its body placeholder."""
    prs = Presentation()
    layout = prs.slide_layouts[TITLE_AND_CONTENT]
    if artwork:
        png = stripes_png((232, 232, 232))
        _part, rid = layout.part.get_or_add_image_part(png)
        first = layout.shapes._spTree.find("{*}sp")  # under the placeholders
        first.addprevious(etree.fromstring(_picture(rid)))
        first.addprevious(etree.fromstring(_gradient()))
    path = folder / ("art.template" if artwork else "clean.template")
    prs.save(str(path))
    body = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 1)
    return path, body.name


def _template_check(folder, template) -> dict:
    result = run_cli("template", "check", str(template), str(folder / "outline.yaml"), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_artwork_under_the_body_placeholder_is_a_note_per_layout_and_per_slide(tmp_path):
    folder = talk_folder(tmp_path)
    template, body = _template(folder, artwork=True)
    report = _template_check(folder, template)
    found = report["template_findings"]
    assert {f["kind"] for f in found} <= set(KINDS)
    artwork = [f for f in found if f["kind"] == "artwork-under-text"]
    # the layout's own placeholder: no slide, named by its layout and its shape
    (layout,) = [f for f in artwork if f["slide"] is None]
    assert (layout["layout"], layout["shape"], layout["severity"]) == (
        "Title and Content",
        body,
        "note",
    )
    assert layout["figures"]["artwork"] == [
        "picture 'Brand picture' on the layout",
        "shape filled with a gradient 'Brand gradient' on the layout",
    ]
    assert 0.1 < layout["figures"]["share"] < 0.3  # the stripes' and gradient's darker parts
    # every slide built on that layout: its body, by slide number, at its outline line
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    prs = Presentation(str(deck))
    on_layout = {
        number
        for number, slide in enumerate(prs.slides, start=1)
        if slide.slide_layout.name == "Title and Content"
        and any(shape.name == "Body" for shape in slide.shapes)
    }
    noted = {f["slide"] for f in artwork if f["slide"] is not None and f["shape"] == "Body"}
    assert on_layout and noted == on_layout
    lock = next(f for f in artwork if f["slide"] == _titled(prs, "Kinds of locks"))
    assert lock["line"] and lock["file"].endswith("outline.yaml")
    assert "picture 'Brand picture' on the layout" in lock["figures"]["artwork"]
    # the text still reads: a note, never a low-contrast finding on that body
    assert not [f for f in found if f["kind"] == "low-contrast" and f["slide"] in on_layout]
    text = run_cli("template", "check", str(template), str(folder / "outline.yaml")).output
    assert "on the template, by layout:" in text and "  layout 'Title and Content': " in text
    assert f"    note: artwork-under-text: '{body}': the template's artwork lies under" in text


def _titled(prs, title: str) -> int:
    for number, slide in enumerate(prs.slides, start=1):
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text == title:
            return number
    raise AssertionError(title)


def test_a_clean_template_has_no_artwork_under_text(tmp_path):
    folder = talk_folder(tmp_path)
    template, _body = _template(folder, artwork=False)
    found = _template_check(folder, template)["template_findings"]
    assert [f for f in found if f["kind"] in ("artwork-under-text", "low-contrast")] == []


def _deck(tmp_path, prs):
    path = tmp_path / "deck.pptx"
    prs.save(str(path))
    nothing = SimpleNamespace(slides=(), design=None)  # no frames: the written deck alone
    return path, template_findings(nothing, path.read_bytes())


def test_a_title_with_its_own_box_and_styles_of_its_own_are_named_by_paragraph_and_run(tmp_path):
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])  # slide 1: inherits everything
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    title = slide.shapes.title
    title.text_frame.text = "Kept"
    second = title.text_frame.add_paragraph()
    for text in ("A", "B", "C"):
        second.add_run().text = text
    runs = second.runs
    # the box's own list style: 40 pt where the master's title style gives 44 pt
    level_size(title._element.txBody, "4000")
    runs[0].font.size = Pt(20)
    runs[2].font.size = Pt(20)
    runs[1].font.name = "Calibri"  # the theme's minor font, named
    runs[2].font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    runs[0].font.bold = True  # the master's title style is regular
    second.alignment = PP_ALIGN.LEFT  # … and centred
    top = title.top  # the layout's, inherited
    title.left = title.left + Inches(1)  # a box of its own, an inch off the layout's
    title.top = top  # (python-pptx would write y="0")
    path, found = _deck(tmp_path, prs)
    assert all(f.slide == 2 and f.shape == title.name for f in found), found
    by = {(f.kind, f.figures.get("property")): f for f in found}
    off = by[("title-off-box", None)]
    assert (off.paragraph, off.figures["moved"], off.severity) == (None, 72.0, "warning")
    assert off.figures["box"][0] == off.figures["layout_box"][0] + 72.0
    assert off.figures["differs"] == ["x"] and "off its layout's: x " in off.message
    size = by[("style-overridden", "size")]
    assert (size.paragraph, size.runs, size.figures["value"]) == (2, (1, 3), "20 pt")
    assert size.figures["inherited"] == "40 pt"  # the box's own list style, nearest
    boxed = by[("style-overridden", "box-size")]
    assert (boxed.paragraph, boxed.runs, boxed.figures["value"]) == (None, (), "40 pt")
    assert boxed.figures["inherited"] == "44 pt"  # the master's title style
    font = by[("style-overridden", "font")]
    assert (font.paragraph, font.runs, font.figures["value"]) == (2, (2,), "Calibri")
    color = by[("style-overridden", "color")]
    assert (color.paragraph, color.runs, color.figures["value"]) == (2, (3,), "#333333")
    weight = by[("style-overridden", "weight")]
    assert (weight.paragraph, weight.runs, weight.figures["value"]) == (2, (1,), "bold")
    align = by[("style-overridden", "alignment")]
    assert (align.paragraph, align.runs, align.figures) == (
        2, (), {"property": "alignment", "value": "left", "inherited": "centred"},
    )  # fmt: skip
    assert {f.figures["property"] for f in found if f.kind == "style-overridden"} == set(PROPERTIES)
    assert len(found) == 7
    assert found[0].to_json()["slide"] == 2 and found[0].to_json()["shape"] == title.name
    (line,) = [said for said in compact(found) if "style-overridden" in said]
    assert "its own size in its list style; size in paragraph 2;" in line
    measured = measure_fidelity(path)  # the same deck, counted: the findings agree
    assert (measured.runs_with_size, measured.runs_with_rgb, measured.titles_off_box) == (2, 1, 1)
    assert measured.runs_sized_by_box == 2  # "Kept" and "B": no size of their own


def test_a_title_on_its_layouts_box_is_no_finding(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = "Here"
    inherited = prs.slide_layouts[TITLE_ONLY].placeholders[0]
    box = slide.shapes.title
    box.left, box.top = inherited.left or Emu(457200), inherited.top or Emu(274638)
    box.width, box.height = inherited.width or Emu(8229600), inherited.height or Emu(1143000)
    _path, found = _deck(tmp_path, prs)
    assert [f for f in found if f.kind == "title-off-box"] == []


def test_check_lists_the_shipped_talks_titles_off_their_box_and_its_own_sizes(tmp_path):
    """On deckgen's own template: every title stands on its layout's box (none is found
    off it, as the deck's XML says), and the sizes found are the runs' own."""
    result = run_cli("check", str(SHIPPED), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"]  # notes on the template change nothing of the verdict
    found = report["template_findings"]
    out = tmp_path / "out"
    assert run_cli("build", str(SHIPPED), "-o", str(out), "--format", "pptx").exit_code == 0
    (deck,) = out.glob("*.pptx")
    measured = measure_fidelity(deck)
    off = [f for f in found if f["kind"] == "title-off-box"]
    expected = {(f.slide, f.shape) for f in measured.findings if f.what == "title off its box"}
    assert {(f["slide"], f["shape"]) for f in off} == expected == set()
    sizes = [f for f in found if f["figures"].get("property") == "size"]
    assert sum(len(f["runs"]) for f in sizes) == measured.runs_with_size
    prs = Presentation(str(deck))
    for finding in sizes:
        shape = next(
            s for s in prs.slides[finding["slide"] - 1].shapes if s.name == finding["shape"]
        )
        paragraph = shape.text_frame.paragraphs[finding["paragraph"] - 1]
        for run in finding["runs"]:
            runs = [e for e in paragraph._p if e.tag.rsplit("}", 1)[-1] in ("r", "fld")]
            size = runs[run - 1].find("{*}rPr").get("sz")
            assert f"{int(size) / 100:g} pt" in finding["figures"]["value"]
    text = run_cli("check", str(SHIPPED)).stdout
    assert "on the template: " in text and "title-off-box" not in text
    assert f"0 accessibility finding(s) in {laid_out_slides(SHIPPED)} slides" in text


def test_a_gradient_background_and_master_shapes_are_artwork_unless_the_layout_hides_them(
    tmp_path,
):
    prs = Presentation()
    master = prs.slide_master
    c_sld = master._element.find("{*}cSld")
    for stock in c_sld.findall("{*}bg"):  # the stock theme background, bgRef 1001
        c_sld.remove(stock)
    c_sld.insert(0, etree.fromstring(f"<p:bg {NS}><p:bgPr>{LIGHT}<a:effectLst/></p:bgPr></p:bg>"))
    band = (0, Inches(6.5), prs.slide_width, Inches(1))  # across the foot, under the footer
    sp = _gradient().replace("Brand gradient", "Foot band").replace(_xfrm(GRADIENT), _xfrm(band))
    master.shapes._spTree.find("{*}sp").addprevious(etree.fromstring(sp))
    hiding = prs.slide_layouts[TITLE_ONLY]
    hiding._element.set("showMasterSp", "0")
    for layout in (prs.slide_layouts[TITLE_AND_CONTENT], hiding, prs.slide_layouts[0]):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = "Title"
        footer = slide.shapes.add_textbox(Inches(1), Inches(6.7), Inches(4), Inches(0.5))
        footer.name = "Footer"
        footer.text_frame.text = "Footer text"
    slide.background.fill.solid()  # the third slide: a plain background of its own
    slide.background.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _path, found = _deck(tmp_path, prs)
    noted = {
        (f.slide, f.shape): f.figures["artwork"] for f in found if f.kind == "artwork-under-text"
    }
    background = "the master's gradient background"
    assert noted[(1, "Footer")] == [
        "shape filled with a gradient 'Foot band' on the master",
        background,
    ]
    assert noted[(1, "Title 1")] == [background]
    assert noted[(2, "Footer")] == [background]  # its layout hides the master's shapes
    assert noted[(3, "Footer")] == ["shape filled with a gradient 'Foot band' on the master"]
    assert all(f.figures["share"] is None for f in found if f.kind == "artwork-under-text")


def test_a_theme_background_named_by_reference_is_artwork_when_it_is_a_gradient(tmp_path):
    prs = Presentation()  # the stock master's background: bgRef 1001, the theme's solid fill
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = "Plain"
    path, found = _deck(tmp_path, prs)
    assert [f for f in found if f.kind == "artwork-under-text"] == []
    reference = prs.slide_master._element.find("{*}cSld/{*}bg/{*}bgRef")
    reference.set("idx", "1002")  # the theme's second background: a gradient
    _path, found = _deck(tmp_path, prs)
    (note,) = [f for f in found if f.kind == "artwork-under-text"]
    assert (note.slide, note.shape) == (1, slide.shapes.title.name)
    assert note.figures["artwork"] == ["the master's gradient background"]


def test_a_layouts_own_text_colour_on_its_artwork_is_low_contrast_per_layout(tmp_path):
    """Black and white stripes under the master's title (test_drawn_contrast's template):
    the build sets the deck's titles in a colour that reads, but the layout's own black
    title, what a slide added by hand shows, is said, once per layout."""
    from .template.test_drawn_contrast import _template as striped

    folder = talk_folder(tmp_path)
    found = _template_check(folder, striped(folder, artwork=True))["template_findings"]
    low = [f for f in found if f["kind"] == "low-contrast" and f["slide"] is None]
    assert low and all(f["figures"]["color"] == "000000" for f in low if "Title" in f["shape"])
    titles = {f["layout"] for f in low if f["shape"].startswith("Title")}
    assert "Title and Content" in titles
    assert all(f["figures"]["ratio"] < 1.1 and f["figures"]["on"] == "artwork" for f in low
               if f["shape"].startswith("Title"))  # fmt: skip
    clean = _template_check(folder, striped(folder, artwork=False))["template_findings"]
    assert [f for f in clean if f["kind"] == "low-contrast"] == []


def test_a_template_check_that_does_not_build_has_no_findings_and_says_why(tmp_path):
    folder = talk_folder(tmp_path)
    template, _body = _template(folder, artwork=True)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    long_title = 'title: "' + "Very " * 30 + 'long"'
    outline.write_text(text.replace('title: "Ladder rules"', long_title), encoding="utf-8")
    result = run_cli("template", "check", str(template), str(outline), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert not report["builds"] and report["template_findings"] == []
    said = run_cli("template", "check", str(template), str(outline)).output
    assert "on the template, by layout: nothing to say" in said


def _triangle(name: str, box, points: str) -> str:
    """A freeform triangle in ``box`` (EMU), its path on a 100 × 100 grid."""
    steps = ""
    for i, pair in enumerate(points.split()):
        x, y = pair.split(",")
        step = "moveTo" if i == 0 else "lnTo"
        steps += f'<a:{step}><a:pt x="{x}" y="{y}"/></a:{step}>'

    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="9{len(name)}" name="{name}"/><p:cNvSpPr/><p:nvPr/>'
        f"</p:nvSpPr><p:spPr>{_xfrm(box)}<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/>"
        '<a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="100" h="100">'
        f"{steps}<a:close/></a:path></a:pathLst></a:custGeom>{LIGHT}</p:spPr></p:sp>"
    )


def test_a_freeform_is_named_under_a_box_only_where_its_drawing_reaches(tmp_path):
    """Two triangles with the same box over the text box's corner: one drawn in the
    corner the text box is in, one in the opposite corner."""
    prs = Presentation()
    box = (Inches(4), Inches(3), Inches(4), Inches(3))  # the text box is at its top left
    tree = prs.slide_master.shapes._spTree
    first = tree.find("{*}sp")
    first.addprevious(etree.fromstring(_triangle("Near", box, "0,0 60,0 0,60")))
    first.addprevious(etree.fromstring(_triangle("Far", box, "100,40 100,100 40,100")))
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    text = slide.shapes.add_textbox(Inches(3), Inches(2), Inches(2), Inches(2))
    text.name = "Corner"
    text.text_frame.text = "On the corner"
    _path, found = _deck(tmp_path, prs)
    (note,) = [f for f in found if f.kind == "artwork-under-text"]
    assert note.shape == "Corner"
    assert note.figures["artwork"] == ["freeform filled with a gradient 'Near' on the master"]
