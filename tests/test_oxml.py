"""deckgen.oxml's operations, each on python-pptx's default deck, read back from the
saved file: the edit its name says, in the schema's order, and nothing else."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen import oxml

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def saved(prs):
    out = io.BytesIO()
    prs.save(out)
    out.seek(0)
    return Presentation(out), zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_slides_custom_shows_and_sections_removed_and_table_styles_added():
    prs = Presentation()
    for _ in range(3):
        prs.slides.add_slide(prs.slide_layouts[1])
    shows = etree.SubElement(prs.element, qn("p:custShowLst"))
    assert shows is not None
    assert oxml.remove_custom_shows(prs) and not oxml.remove_custom_shows(prs)
    assert oxml.remove_section_lists(prs) == 0
    assert oxml.remove_slides(prs) == 3
    styles = [rel for rel in prs.part.rels.values() if rel.reltype == RT.TABLE_STYLES]
    for rel in styles:  # python-pptx's default deck has one: take it away, then add ours
        prs.part.rels.pop(rel.rId)
    xml = b'<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>'
    oxml.add_table_styles(prs, xml)
    again, package = saved(prs)
    assert len(again.slides) == 0
    assert not [name for name in package.namelist() if name.startswith("ppt/slides/")]
    assert again.element.find(qn("p:custShowLst")) is None
    assert package.read("ppt/tableStyles.xml").endswith(xml)


def test_duplicate_ids_renumbered_and_a_colour_replaced():
    prs = Presentation()
    names = list(prs.slide_master.element.iter(qn("p:cNvPr")))
    oxml.renumber_shape_ids(names[1:3], 40)
    color = etree.SubElement(names[0], qn("a:srgbClr"), val="009BDD")
    oxml.set_srgb_color(color, "006C9B")
    again, _package = saved(prs)
    ids = [shape.get("id") for shape in again.slide_master.element.iter(qn("p:cNvPr"))]
    assert ids[1:3] == ["40", "41"]
    assert again.slide_master.element.find(f".//{qn('a:srgbClr')}").get("val") == "006C9B"


def test_a_list_level_style_made_in_the_schema_order():
    """Level 3 of a body with no list style: a:lstStyle after a:bodyPr, a:lvl3pPr after
    an existing a:lvl1pPr and before a:lvl5pPr, its a:defRPr before an a:extLst; an
    indent the level sets kept, one it lacks set."""
    prs = Presentation()
    title = prs.slide_layouts[1].placeholders[0]
    body = title.element.find(qn("p:txBody"))
    assert body.find(qn("a:lstStyle")) is not None  # python-pptx writes an empty one
    body.remove(body.find(qn("a:lstStyle")))
    oxml.add_level_run_style(body, 1, {"sz": "2000"}, [], {})
    oxml.add_level_run_style(body, 5, {"b": "1"}, [], {})
    lst = body.find(qn("a:lstStyle"))
    etree.SubElement(lst.find(qn("a:lvl1pPr")), qn("a:extLst"))
    fill = etree.fromstring(
        '<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:srgbClr val="8B1E3F"/></a:solidFill>'
    )
    oxml.add_level_run_style(body, 3, {"sz": "1800", "i": "1"}, [fill], {"marL": "914400"})
    oxml.add_level_run_style(body, 1, {"sz": "2400"}, [], {"marL": "1", "indent": "-2"})
    again, _package = saved(prs)
    body = again.slide_layouts[1].placeholders[0].element.find(qn("p:txBody"))
    children = [etree.QName(child).localname for child in body]
    assert children[:2] == ["bodyPr", "lstStyle"]
    lst = body.find(qn("a:lstStyle"))
    assert [etree.QName(level).localname for level in lst] == ["lvl1pPr", "lvl3pPr", "lvl5pPr"]
    first = lst.find(qn("a:lvl1pPr"))
    assert [etree.QName(child).localname for child in first] == ["defRPr", "defRPr", "extLst"]
    assert (first.get("marL"), first.get("indent")) == ("1", "-2")
    third = lst.find(qn("a:lvl3pPr"))
    assert third.get("marL") == "914400"
    style = third.find(qn("a:defRPr"))
    assert (style.get("sz"), style.get("i")) == ("1800", "1")
    assert style.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val") == "8B1E3F"
    assert fill.getparent() is None  # copied, not moved


def test_a_shape_moved():
    prs = Presentation()
    title = prs.slide_layouts[1].placeholders[0]
    oxml.move_shape(title, 100, 200, 3000, 400)
    again, _package = saved(prs)
    moved = again.slide_layouts[1].placeholders[0]
    assert (moved.left, moved.top, moved.width, moved.height) == (100, 200, 3000, 400)


def test_package_items_edited():
    types = etree.fromstring(
        f'<Types xmlns="{_CT}"><Override PartName="/ppt/presentation.xml" ContentType="a"/>'
        '<Override PartName="/ppt/vbaProject.bin" ContentType="b"/></Types>'
    )
    oxml.set_content_type(types[0], "c")
    oxml.remove_overrides(types, "vbaProject.bin")
    assert [(entry.get("PartName"), entry.get("ContentType")) for entry in types] == [
        ("/ppt/presentation.xml", "c")
    ]
    rels = etree.fromstring(
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="keep" Target="a"/>'
        '<Relationship Id="rId2" Type="drop" Target="b"/></Relationships>'
    )
    oxml.remove_relationships(rels, "drop")
    assert [rel.get("Id") for rel in rels] == ["rId1"]
    prs = Presentation()
    oxml.remove_package_relationships(prs.part.package, "/extended-properties")
    _again, package = saved(prs)
    assert "docProps/app.xml" not in package.namelist()
    assert "docProps/core.xml" in package.namelist()
