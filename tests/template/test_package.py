"""Opening and cleaning a template (issue 9, first part): small templates made here, each
with one of the troubles real ones have."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from deckgen.errors import InputError
from deckgen.template.package import TemplateOptions, read_template
from deckgen.template.zipped import MAX_TEMPLATE_PART

from ..conftest import check_pptx_strictly, run_cli

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def sample_template(folder: Path, name: str = "corporate.template") -> Path:
    """(Named .template: the tests' strict check is for decks deckgen writes, not broken inputs.)
    python-pptx's default with two sample slides, a section list and a custom show
    naming them, a duplicate shape id in the master and no table-styles part."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12_192_000, 6_858_000  # 16:9
    for title in ("Sample one", "Sample two"):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.notes_slide.notes_text_frame.text = "licence text"
    ids = [entry.get("id") for entry in prs.slides._sldIdLst]
    root = prs.part._element
    shows = etree.SubElement(root, f"{P}custShowLst")
    show = etree.SubElement(shows, f"{P}custShow", name="Short", id="0")
    listed = etree.SubElement(show, f"{P}sldLst")
    etree.SubElement(listed, f"{P}sld").set(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
        prs.slides._sldIdLst[0].rId,
    )
    root.find(f"{P}notesSz").addnext(shows)
    ext_list = etree.SubElement(root, f"{P}extLst")
    ext = etree.SubElement(ext_list, f"{P}ext", uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}")
    sections = etree.SubElement(ext, f"{{{P14}}}sectionLst")
    section = etree.SubElement(
        sections, f"{{{P14}}}section", name="Intro", id="{00000000-0000-0000-0000-000000000001}"
    )
    section_ids = etree.SubElement(section, f"{{{P14}}}sldIdLst")
    for slide_id in ids:
        etree.SubElement(section_ids, f"{{{P14}}}sldId", id=slide_id)
    shapes = list(prs.slide_master._element.iter(f"{P}cNvPr"))
    shapes[1].set("id", shapes[0].get("id"))
    path = folder / name
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(_without_table_styles(buf.getvalue()))
    return path


def _without_table_styles(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name == "ppt/tableStyles.xml":
                continue
            content = source.read(name)
            if name == "ppt/_rels/presentation.xml.rels":
                root = etree.fromstring(content)
                for rel in list(root):
                    if rel.get("Target") == "tableStyles.xml":
                        root.remove(rel)
                content = etree.tostring(root)
            if name == "[Content_Types].xml":
                content = content.replace(
                    b'<Override PartName="/ppt/tableStyles.xml"', b"<Ignored "
                )
                content = _drop_ignored(content)
            target.writestr(name, content)
    return out.getvalue()


def _drop_ignored(content: bytes) -> bytes:
    root = etree.fromstring(content.replace(b"<Ignored ", b'<Override PartName="/x"'))
    for override in list(root):
        if override.get("PartName") == "/x":
            root.remove(override)
    return etree.tostring(root)


def rezipped(path: Path, change) -> None:
    """Rewrite the template's zip, ``change(name, data) -> data | None`` per member."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = change(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    path.write_bytes(out.getvalue())


def opened(path: Path, **options):
    return read_template(path.name, path.parent, path.parent, None, TemplateOptions(**options))


def saved(template, folder: Path) -> Path:
    out = folder / "cleaned.pptx"
    template.prs.save(str(out))
    return out


def test_sample_slides_go_completely_and_every_repair_is_said(tmp_path):
    template = opened(sample_template(tmp_path))
    said = " | ".join(d.message for d in template.repairs)
    assert "2 sample slide(s) removed, and 2 section or custom-show list(s)" in said
    assert "duplicate shape id(s) renumbered in /ppt/slideMasters/slideMaster1.xml" in said
    assert "a table-styles part added" in said
    out = saved(template, tmp_path)
    check_pptx_strictly(out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        presentation = package.read("ppt/presentation.xml")
    assert not [n for n in names if n.startswith(("ppt/slides/", "ppt/notesSlides/"))]
    assert b"sectionLst" not in presentation and b"custShow" not in presentation
    assert "ppt/tableStyles.xml" in names
    # a slide added now is the only one: no stale section or show adopts it
    prs = Presentation(str(out))
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)
    prs.slides.add_slide(prs.slide_layouts[0])
    assert len(prs.slides) == 1


def test_a_potx_is_opened_as_a_presentation(tmp_path):
    path = sample_template(tmp_path, "corporate.potx")
    rezipped(
        path,
        lambda name, data: (
            data.replace(b"presentation.main+xml", b"template.main+xml")
            if name == "[Content_Types].xml"
            else data
        ),
    )
    template = opened(path)
    assert any("a .potx, opened as a presentation" in d.message for d in template.repairs)
    check_pptx_strictly(saved(template, tmp_path))


def test_macros_are_refused_unless_stripped(tmp_path):
    path = sample_template(tmp_path, "macros.pptm")

    def with_macros(name, data):
        if name == "[Content_Types].xml":
            return data.replace(
                b"presentationml.presentation.main+xml",
                b"x",
            ).replace(
                b"application/vnd.openxmlformats-officedocument.x",
                b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            )
        return data

    rezipped(path, with_macros)
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("ppt/vbaProject.bin", b'Attribute VB_Name = "Module1"')
    with pytest.raises(InputError) as info:
        opened(path)
    assert "contains macros" in str(info.value.diagnostics[0]) and "--strip-macros" in str(
        info.value.diagnostics[0]
    )
    template = opened(path, strip_macros=True)
    assert any("macros removed" in d.message for d in template.repairs)
    out = saved(template, tmp_path)
    with zipfile.ZipFile(out) as package:
        assert not [n for n in package.namelist() if "vba" in n.lower()]
        assert b"macroEnabled" not in package.read("[Content_Types].xml")
    check_pptx_strictly(out)


def test_external_links_are_refused_unless_allowed(tmp_path):
    path = sample_template(tmp_path)

    def linked(name, data):
        if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" TargetMode="External" Target="file:///etc/passwd" '
                b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
                b"</Relationships>",
            )
        return data

    rezipped(path, linked)
    with pytest.raises(InputError) as info:
        opened(path)
    assert "links to 'file:///etc/passwd'" in info.value.diagnostics[0].message
    assert opened(path, allow_external_links=True).prs is not None


def test_a_part_over_the_cap_is_refused(tmp_path):
    path = sample_template(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("ppt/media/video1.mp4", b"\0" * (MAX_TEMPLATE_PART + 1))
    with pytest.raises(InputError) as info:
        opened(path)
    assert "the part 'ppt/media/video1.mp4' is over 25 MiB" in info.value.diagnostics[0].message


def test_a_template_is_confined_like_a_picture(tmp_path):
    outside = sample_template(tmp_path)
    project = tmp_path / "talk"
    project.mkdir()
    with pytest.raises(InputError) as info:
        read_template("../corporate.template", project, project)
    assert "outside the outline's folder" in info.value.diagnostics[0].message
    os.mkfifo(project / "pipe.pptx")
    with pytest.raises(InputError) as info:
        read_template("pipe.pptx", project, project)
    assert "not a regular file" in info.value.diagnostics[0].message
    (project / "not.template").write_bytes(b"not a zip")
    with pytest.raises(InputError) as info:
        read_template("not.template", project, project)
    assert "not a PowerPoint file" in info.value.diagnostics[0].message
    assert outside.exists()


def test_template_inspect_reports_layouts_placeholders_and_repairs(tmp_path):
    path = sample_template(tmp_path)
    result = run_cli("template", "inspect", str(path), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["slide_size"] == {"width_in": 13.333, "height_in": 7.5, "ratio": 1.7778}
    (master,) = report["masters"]
    names = [layout["name"] for layout in master["layouts"]]
    assert names[:2] == ["Title Slide", "Title and Content"]
    title_slide = master["layouts"][0]
    assert [p["type"] for p in title_slide["placeholders"]][:2] == ["CENTER_TITLE", "SUBTITLE"]
    assert report["theme"]["fonts"] == {"majorFont": "Calibri", "minorFont": "Calibri"}
    assert len(report["repairs"]) == 3
    text = run_cli("template", "inspect", str(path))
    assert text.exit_code == 0 and "'Title and Content'" in text.stdout
    assert "repaired:" in text.stdout
    bad = run_cli("template", "inspect", str(tmp_path / "missing.pptx"))
    assert bad.exit_code == 2 and "not found" in bad.stderr


def test_template_new_writes_deckgens_design_as_a_template_it_can_read_back(tmp_path):
    for name in ("ours.potx", "ours.pptx"):
        path = tmp_path / name
        result = run_cli("template", "new", str(path))
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(path) as package:
            types = package.read("[Content_Types].xml")
            assert (b"template.main+xml" in types) is name.endswith(".potx")
            assert not [n for n in package.namelist() if n.startswith("ppt/slides/")]
        template = opened(path)
        prs = template.prs
        assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)
        report = json.loads(run_cli("template", "inspect", str(path), "--json").stdout)
        assert report["theme"]["fonts"] == {"majorFont": "Arial", "minorFont": "Arial"}
        assert {use["chosen_by"] for use in report["layouts_used"].values()} == {"name"}
    check_pptx_strictly(tmp_path / "ours.pptx")
    again = run_cli("template", "new", str(tmp_path / "ours.pptx"))
    assert again.exit_code == 2 and "--force" in again.stderr
    wrong = run_cli("template", "new", str(tmp_path / "ours.txt"))
    assert wrong.exit_code == 2 and ".potx" in wrong.stderr


def test_entities_in_a_templates_xml_are_never_expanded(tmp_path):
    """A billion-laughs DTD in a part must neither hang nor exhaust memory: the part is
    refused as damaged, at once."""
    from ..layout.support import deadline

    path = sample_template(tmp_path)
    entities = "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    laughs = f'<!DOCTYPE Relationships [<!ENTITY a "lol">{entities}]>'.encode()

    def bombed(name, data):
        if name == "ppt/_rels/presentation.xml.rels":
            start = data.index(b"<Relationships")
            return laughs + data[start:].replace(
                b"</Relationships>",
                b'<Relationship Id="rIdZ" Type="&j;" Target="x"/></Relationships>',
            )
        return data

    rezipped(path, bombed)
    with deadline(10), pytest.raises(InputError) as info:
        opened(path)
    message = info.value.diagnostics[0].message
    assert "'ppt/_rels/presentation.xml.rels' is refused: it declares a DOCTYPE" in message
