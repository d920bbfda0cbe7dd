"""deckgen's own OOXML writer for packages it did not write: every edit deckgen makes to
the XML of a template's or an imported deck's package, outside the deck writer
(``render/pptx/``), as a named operation on what it does to the OOXML.

The modules that clean, promote, restyle and place (``template/``, ``deck_import/``)
decide WHAT to change, by reading the trees; the change itself is made here and nowhere
else (``tests/test_oxml_writer.py`` reads every module to hold that). Reading a tree
(``find``, ``xpath``, ``get``) is not an edit and is done where it is decided. Each
operation takes the elements or parts it edits and the values to write, and makes
exactly the edit its name says: no choice of its own beyond where the schema puts an
element.
"""

from __future__ import annotations

import copy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from .pptx_private import package_relationships, slide_id_list

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"

# ------------------------------------------------------------------ package items
# [Content_Types].xml and .rels trees, edited before python-pptx opens the package


def set_content_type(entry, content_type: str) -> None:
    """A ``[Content_Types].xml`` Override (or Default) entry made to say ``content_type``."""
    entry.set("ContentType", content_type)


def remove_overrides(types, part_suffix: str) -> None:
    """Each Override of ``types`` (the ``Types`` root) for a part whose name ends in
    ``part_suffix`` removed."""
    for override in list(types.iter(f"{{{_CT}}}Override")):
        if override.get("PartName", "").endswith(part_suffix):
            types.remove(override)


def remove_relationships(rels, reltype: str) -> None:
    """Each Relationship of ``rels`` (a ``.rels`` part's root) of type ``reltype`` removed."""
    for rel in list(rels.iter(f"{{{_RELS}}}Relationship")):
        if rel.get("Type") == reltype:
            rels.remove(rel)


def remove_package_relationships(package, reltype_suffix: str) -> None:
    """Each of the package's own relationships (``/_rels/.rels``) whose type ends in
    ``reltype_suffix`` dropped, so its target is not saved."""
    rels = package_relationships(package)
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith(reltype_suffix):
            rels.pop(rid)


# ------------------------------------------------------------------ the presentation part


def remove_custom_shows(prs) -> bool:
    """The presentation's ``p:custShowLst`` removed; whether it had one."""
    root = prs.element
    shows = root.find(qn("p:custShowLst"))
    if shows is None:
        return False
    root.remove(shows)
    return True


def remove_section_lists(prs) -> int:
    """Each ``p14:sectionLst`` of the presentation removed with the ``p:ext`` holding it;
    how many."""
    removed = 0
    for sections in list(prs.element.iter(f"{{{_P14}}}sectionLst")):
        ext = sections.getparent()
        ext.getparent().remove(ext)
        removed += 1
    return removed


def remove_slides(prs) -> int:
    """Every slide's ``p:sldId`` and its relationship from the presentation removed, so
    neither the slide's part nor its notes are saved; how many."""
    ids = slide_id_list(prs)
    slides = list(ids)
    for entry in slides:
        ids.remove(entry)
        prs.part.rels.pop(entry.rId)
    return len(slides)


def add_table_styles(prs, xml: bytes) -> None:
    """A ``/ppt/tableStyles.xml`` part of ``xml``, related to the presentation."""
    part = Part(PackURI("/ppt/tableStyles.xml"), CT.PML_TABLE_STYLES, prs.part.package, xml)
    prs.part.relate_to(part, RT.TABLE_STYLES)


# ------------------------------------------------------------------ masters and layouts


def renumber_shape_ids(names, first: int) -> None:
    """Each ``p:cNvPr`` of ``names`` given the next id from ``first`` on."""
    for number, shape in enumerate(names, start=first):
        shape.set("id", str(number))


def set_srgb_color(color, value: str) -> None:
    """An ``a:srgbClr`` made to say ``value`` (hex RGB)."""
    color.set("val", value)


def move_shape(shape, x: int, y: int, width: int, height: int) -> None:
    """A shape (a python-pptx proxy; its ``a:xfrm`` made where missing) placed at ``x``,
    ``y`` in EMU, ``width`` by ``height``."""
    shape.left, shape.top = x, y
    shape.width, shape.height = width, height


def add_level_run_style(body, number: int, attributes: dict, children, indents: dict) -> None:
    """A list style's level ``number`` (``a:lvl{number}pPr`` of ``body``'s
    ``a:lstStyle``, each made where missing in the schema's order) given an
    ``a:defRPr`` of ``attributes`` and copies of ``children`` (before any ``a:extLst``),
    and each of ``indents`` (``marL``, ``indent`` …) the level does not set itself."""
    style = body.makeelement(qn("a:defRPr"), {})
    for name, value in attributes.items():
        style.set(name, value)
    for child in children:
        style.append(copy.deepcopy(child))
    level = _list_level(body, number)
    for name, value in indents.items():
        if level.get(name) is None:
            level.set(name, value)
    extension = level.find(qn("a:extLst"))
    if extension is None:
        level.append(style)
    else:
        extension.addprevious(style)


def _list_level(body, number: int):
    """The list style's ``a:lvl{number}pPr``, made where missing in the schema's order
    (after a:defPPr and the levels before it)."""
    lst = body.find(qn("a:lstStyle"))
    if lst is None:
        lst = body.makeelement(qn("a:lstStyle"), {})
        body.find(qn("a:bodyPr")).addnext(lst)
    level = lst.find(qn(f"a:lvl{number}pPr"))
    if level is None:
        level = lst.makeelement(qn(f"a:lvl{number}pPr"), {})
        earlier = {qn("a:defPPr"), *(qn(f"a:lvl{n}pPr") for n in range(1, number))}
        before = [child for child in lst if child.tag in earlier]
        if before:
            before[-1].addnext(level)
        else:
            lst.insert(0, level)
    return level
