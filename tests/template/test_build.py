"""Building a deck on an organisation's template: --template, theme.template in the outline
and an audience's profile, and what the deck keeps of the template."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from deckgen.layout.design import default_design
from deckgen.layout.scaling import scaled

from ..conftest import SMALL, run_cli, slide_titled
from ..facts import laid_out_slides, slide_titles
from .test_package import sample_template

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def talk_folder(tmp_path: Path) -> Path:
    """A copy of the small fixture talk, to put templates and overlays beside."""
    folder = tmp_path / "talk"
    shutil.copytree(SMALL.parent, folder)
    return folder


def four_by_three(folder: Path) -> Path:
    """python-pptx's stock template (4:3, 10 × 7.5 in, Office theme) with a sample slide."""
    prs = Presentation()
    sample = prs.slides.add_slide(prs.slide_layouts[1])
    sample.shapes.title.text = "Sample to remove"
    path = folder / "stock.template"
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(buf.getvalue())
    return path


def with_template(outline: Path, value: str) -> int:
    """Name a template in the outline's theme; the line it is on."""
    text = outline.read_text(encoding="utf-8")
    assert "\ntheme:\n" in text
    outline.write_text(text.replace("\ntheme:\n", f"\ntheme:\n  template: {value}\n"), "utf-8")
    return text[: text.index("\ntheme:\n")].count("\n") + 3


def built_deck(out: Path):
    (deck,) = out.glob("*.pptx")
    return Presentation(str(deck)), deck


def assert_on_the_template(prs, size: tuple[int, int]) -> None:
    """Its size, every title in a title placeholder, notes on every slide, nothing of the
    sample slide, every shape on the slide."""
    assert (prs.slide_width, prs.slide_height) == size
    titles = []
    for slide in prs.slides:
        title = next((s for s in slide.placeholders if s.placeholder_format.type in TITLES), None)
        assert title is not None and title.text_frame.text.strip()
        titles.append(title.text_frame.text)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width, shape.name
            assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height, shape.name
    assert "Sample to remove" not in titles
    assert [t for t in slide_titles() if t not in " ".join(titles)] == []


def test_build_on_a_4_3_template_keeps_its_size_and_theme(tmp_path):
    folder = talk_folder(tmp_path)
    template = four_by_three(folder)
    out = tmp_path / "out"
    result = run_cli(
        "build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template)
    )
    assert result.exit_code == 0, result.output
    assert "1 sample slide(s) removed" in result.output
    prs, _deck = built_deck(out)
    assert_on_the_template(prs, (Emu(9_144_000), Emu(6_858_000)))
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    assert b'name="Office Theme"' in theme.blob  # the template's theme, not rewritten


def test_the_outline_and_an_audience_profile_name_the_template(tmp_path):
    folder = talk_folder(tmp_path)
    sample_template(folder, "corporate.template")
    four_by_three(folder)
    outline = folder / "outline.yaml"
    with_template(outline, "corporate.template")
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 0, result.output
    prs, _deck = built_deck(out)
    assert_on_the_template(prs, (Emu(12_192_000), Emu(6_858_000)))
    # a client overlay brings its own template, relative to the overlay's folder
    client = folder / "client"
    client.mkdir()
    shutil.move(folder / "stock.template", client / "stock.template")
    overlay = client / "client.yaml"
    overlay.write_text("theme:\n  template: {path: stock.template}\n", encoding="utf-8")
    out2 = tmp_path / "out2"
    result = run_cli("build", str(outline), "--overlay", str(overlay), "-o", str(out2))
    assert result.exit_code == 0, result.output
    prs, _deck = built_deck(out2)
    assert (prs.slide_width, prs.slide_height) == (9_144_000, 6_858_000)


def test_a_template_outside_the_folder_or_a_missing_layout_is_a_positioned_error(tmp_path):
    folder = talk_folder(tmp_path)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    sample_template(tmp_path, "elsewhere.template")
    line = with_template(outline, "../elsewhere.template")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"outline.yaml:{line}:13: error: template '../elsewhere.template' is outside" in (
        result.output
    )
    assert "Traceback" not in result.output
    sample_template(folder, "corporate.template")
    outline.write_text(text, encoding="utf-8")
    with_template(outline, "{path: corporate.template, layouts: {bullets: Nope}}")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "the template has no layout 'Nope' (named for bullets slides)" in result.output
    assert "'Title and Content'" in result.output  # it lists the layouts it has
    assert not (tmp_path / "out").exists()


def test_every_layout_name_the_template_lacks_is_told_at_once_with_a_did_you_mean(tmp_path):
    """Three wrong names: three errors in one run, each at its own line, each with the
    template's closest name; a name close to none lists the template's layouts."""
    folder = talk_folder(tmp_path)
    sample_template(folder, "corporate.template")
    outline = folder / "outline.yaml"
    line = with_template(
        outline,
        "\n    path: corporate.template\n    layouts:\n      bullets: Title and Contnet"
        "\n      divider: Section Heder\n      closing: Zebra\n      glossary: title only",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [row for row in result.output.splitlines() if ": error: " in row]
    assert errors[:3] == [
        f"{outline}:{line + 3}:16: error: the template has no layout 'Title and Contnet' "
        "(named for bullets slides) (did you mean 'Title and Content'? its layouts are: "
        + LAYOUTS
        + ")",
        f"{outline}:{line + 4}:16: error: the template has no layout 'Section Heder' "
        "(named for divider slides) (did you mean 'Section Header'? its layouts are: "
        + LAYOUTS
        + ")",
        f"{outline}:{line + 5}:16: error: the template has no layout 'Zebra' "
        f"(named for closing slides) (its layouts are: {LAYOUTS})",
    ]
    assert len(errors) == 3  # 'title only' is there (names match whatever their case)
    assert not (tmp_path / "out").exists()


LAYOUTS = ", ".join(
    f"'{name}'"
    for name in sorted(
        ["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison"]
        + ["Title Only", "Blank", "Content with Caption", "Picture with Caption"]
        + ["Title and Vertical Text", "Vertical Title and Text"],
        key=str.casefold,
    )
)


def test_a_layout_named_for_a_kind_is_used_for_it(tmp_path):
    folder = talk_folder(tmp_path)
    sample_template(folder, "corporate.template")
    outline = folder / "outline.yaml"
    with_template(outline, "{path: corporate.template, layouts: {divider: 'Title Only'}}")
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 0, result.output
    prs, _deck = built_deck(out)
    assert slide_titled(prs, "Locks").slide_layout.name == "Title Only"  # a section divider
    assert slide_titled(prs, "Agenda").slide_layout.name == "Title and Content"


def test_a_build_on_a_template_is_reproducible(tmp_path):
    folder = talk_folder(tmp_path)
    template = four_by_three(folder)
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        args = ("build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template))
        assert run_cli(*args, env=env).exit_code == 0
        outputs.append(built_deck(out)[1].read_bytes())
    assert outputs[0] == outputs[1]


def test_a_design_scales_every_length_and_size_but_no_count_or_ratio():
    from deckgen.outline.loader import load_outline
    from deckgen.outline.tailor import tailor_with_report

    talk, _report = tailor_with_report(load_outline(SMALL), {}, None)
    design = default_design(talk)
    half = scaled(design, 0.5)
    assert half.grid.margin == design.grid.margin // 2
    assert half.grid.title_lines == design.grid.title_lines
    assert half.scale.body == design.scale.body / 2
    assert half.bullets.most == design.bullets.most
    assert half.shapes.corner == design.shapes.corner
    assert half.comparison.first_column == design.comparison.first_column
    assert half.spacing == design.spacing and half.handout == design.handout
    assert half.title_slide.logo.w == design.title_slide.logo.w // 2
    assert scaled(design, 1) is design


def test_template_check_reports_layouts_fit_contrast_and_fonts_without_writing(tmp_path):
    folder = talk_folder(tmp_path)
    template = four_by_three(folder)
    before = sorted(p.name for p in folder.rglob("*"))
    result = run_cli("template", "check", str(template), str(folder / "outline.yaml"))
    assert result.exit_code == 0, result.output
    assert f"builds: {laid_out_slides()} slides" in result.output
    assert "content slides use 'Title and Content' of master 1" in result.output
    for label in ("fit:", "contrast:", "fonts:", "template:"):
        assert label in result.output
    assert "1 sample slide(s) removed" in result.output  # under template:
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written
    report = json.loads(
        run_cli("template", "check", str(template), str(folder / "outline.yaml"), "--json").output
    )
    assert report["builds"] and report["slides"] == laid_out_slides()
    assert [d["topic"] for d in report["template"]] == ["template"] * len(report["template"])


def test_template_check_exits_1_when_the_talk_would_not_fit(tmp_path):
    folder = talk_folder(tmp_path)
    template = four_by_three(folder)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    long_title = 'title: "' + "Very " * 30 + 'long"'
    outline.write_text(text.replace('title: "Ladder rules"', long_title), encoding="utf-8")
    result = run_cli("template", "check", str(template), str(outline))
    assert result.exit_code == 1
    assert "does not build" in result.output and "error:" in result.output
    assert "Traceback" not in result.output


def test_a_layout_named_for_a_kind_it_cannot_hold_is_said_and_not_used(tmp_path):
    folder = talk_folder(tmp_path)
    sample_template(folder, "corporate.template")
    outline = folder / "outline.yaml"
    with_template(outline, "{path: corporate.template, layouts: {bullets: 'Title Only'}}")
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "the layout 'Title Only' named for bullets slides cannot hold them" in result.output
    prs, _deck = built_deck(out)
    assert slide_titled(prs, "Kinds of locks").slide_layout.name == "Title and Content"


def test_the_notes_page_shows_the_slide_in_its_own_proportions(tmp_path):
    folder = talk_folder(tmp_path)
    template = sample_template(folder, "wide.template")  # 16:9, python-pptx's 4:3 notes
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template))
    assert run_cli(*args, "--format", "pptx").exit_code == 0
    prs, _deck = built_deck(out)
    (image,) = [
        ph
        for ph in prs.notes_master.placeholders
        if ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE
    ]
    assert abs(image.width / image.height - prs.slide_width / prs.slide_height) < 0.01


def test_a_template_colour_that_does_not_read_is_made_readable_and_said(tmp_path):
    from pptx.oxml.ns import qn

    from deckgen.layout.colors import contrast

    folder = talk_folder(tmp_path)
    prs = Presentation()
    fill = prs.slide_master._element.find(qn("p:txStyles")).find(
        ".//" + qn("p:titleStyle") + "//" + qn("a:solidFill")
    )
    for child in list(fill):
        fill.remove(child)
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": "FFE699"}))  # pale yellow on white
    template = folder / "pale.template"
    prs.save(str(template))
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template))
    result = run_cli(*args, "--format", "pptx")
    assert result.exit_code == 0, result.output
    assert (
        "the template's title colour #FFE699 reads at 1.2:1 on #FFFFFF: set in #" in result.output
    )
    deck, _path = built_deck(out)
    agenda = slide_titled(deck, "Agenda")
    run = agenda.shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.font.color.type is None  # it inherits the mended colour …
    # … which the deck's master now gives its titles, where the template said FFE699
    style = agenda.slide_layout.slide_master._element.find(qn("p:txStyles"))
    said = style.find(".//" + qn("p:titleStyle") + "//" + qn("a:srgbClr")).get("val")
    assert said != "FFE699" and contrast(said, "FFFFFF") >= 3.0


def test_an_audience_profile_brings_its_own_template(tmp_path):
    folder = talk_folder(tmp_path)
    four_by_three(folder)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    profile = "    handout: {per_page: 3}\n"
    assert profile in text
    outline.write_text(
        text.replace(profile, profile + "    theme: {template: stock.template}\n", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli("build", str(outline), "-o", str(out), "--audience", "brief").exit_code == 0
    prs, _deck = built_deck(out)
    assert (prs.slide_width, prs.slide_height) == (9_144_000, 6_858_000)  # the client's 4:3
    out2 = tmp_path / "out2"
    assert run_cli("build", str(outline), "-o", str(out2), "--audience", "deep").exit_code == 0
    prs, _deck = built_deck(out2)
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)  # deckgen's own


def test_layouts_named_in_another_language_with_every_placeholder_idx_0(tmp_path):
    """A German template whose placeholders all carry idx 0 (as LibreOffice writes them):
    layouts are chosen by type and structure, and two placeholders of one slide never
    land on each other."""
    folder = talk_folder(tmp_path)
    prs = Presentation()
    german = {
        "Title Slide": "Titelfolie",
        "Title and Content": "Titel und Inhalt",
        "Section Header": "Abschnittsüberschrift",
        "Title Only": "Nur Titel",
    }
    for layout in prs.slide_layouts:
        layout._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}cSld"
        ).set("name", german.get(layout.name, layout.name + " (de)"))
        for ph in layout._element.iter(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}ph"
        ):
            ph.attrib.pop("idx", None)
    template = folder / "deutsch.template"
    prs.save(str(template))
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "-o", str(out), "--template", str(template))
    result = run_cli(*args, "--format", "pptx")
    assert result.exit_code == 0, result.output
    deck, _path = built_deck(out)
    assert_on_the_template(deck, (Emu(9_144_000), Emu(6_858_000)))
    slide = slide_titled(deck, "Kinds of locks")
    assert slide.slide_layout.name == "Titel und Inhalt"
    title, body = (
        next(p for p in slide.placeholders if p.placeholder_format.type in types)
        for types in (TITLES, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT))
    )
    assert title.top + title.height <= body.top  # the body under the title, not on it
