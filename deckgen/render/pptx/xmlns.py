"""The OOXML namespaces as lxml's ``{uri}`` tag prefixes, and the pieces of a shape that
the modules writing DrawingML and PresentationML directly all write alike."""

from __future__ import annotations

from lxml.etree import SubElement

from ...layout.geometry import Rect
from .units import emu

PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
# the extension PowerPoint writes for "Mark as decorative" (Office 365, 2019)
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def mark_decorative(element) -> None:
    """Flag a shape, picture or frame as decorative, as PowerPoint's "Mark as
    decorative" does: screen readers skip it and the accessibility checker wants no alt
    text for it."""
    props = element.find(f".//{PML}cNvPr")
    props.attrib.pop("descr", None)
    extensions = props.find(DML + "extLst")
    if extensions is None:
        extensions = SubElement(props, DML + "extLst")
    ext = SubElement(extensions, DML + "ext", uri=DECORATIVE_EXT)
    SubElement(ext, ADEC + "decorative", {"val": "1"}, nsmap={"adec": ADEC[1:-1]})


def write_xfrm(xfrm, rect: Rect) -> None:
    """``rect`` (EMU) into an empty ``a:xfrm``: its offset, then its extent."""
    SubElement(xfrm, DML + "off", x=str(emu(rect.x)), y=str(emu(rect.y)))
    SubElement(xfrm, DML + "ext", cx=str(emu(rect.w)), cy=str(emu(rect.h)))


def new_sp(tree, name: str, rect: Rect, **shape_locks: str):
    """A ``p:sp`` appended to the slide's shape tree, as python-pptx starts one: its
    id (one above any on the slide), name, position; returns it and its ``p:spPr``."""
    sp = SubElement(tree, PML + "sp")
    nv = SubElement(sp, PML + "nvSpPr")
    SubElement(nv, PML + "cNvPr", id=str(tree.max_shape_id + 1), name=name)
    SubElement(nv, PML + "cNvSpPr", **shape_locks)
    SubElement(nv, PML + "nvPr")
    props = SubElement(sp, PML + "spPr")
    write_xfrm(SubElement(props, DML + "xfrm"), rect)
    return sp, props


def new_placeholder(tree, ph_type: str, idx: int, name: str):
    """A placeholder ``p:sp`` appended to a master's or layout's shape tree, as PowerPoint
    writes one (grouping locked, no box of its own, an empty list style); returns it and
    its one paragraph, for its prompt or field."""
    # one above the shapes' own ids (python-pptx's max_shape_id counts any id attribute,
    # a master's layout list and extensions included)
    shape_id = max((int(e.get("id")) for e in tree.iter(PML + "cNvPr")), default=1) + 1
    sp = SubElement(tree, PML + "sp")
    nv = SubElement(sp, PML + "nvSpPr")
    SubElement(nv, PML + "cNvPr", id=str(shape_id), name=name)
    SubElement(SubElement(nv, PML + "cNvSpPr"), DML + "spLocks", noGrp="1")
    SubElement(SubElement(nv, PML + "nvPr"), PML + "ph", type=ph_type, sz="quarter", idx=str(idx))
    SubElement(sp, PML + "spPr")
    body = SubElement(sp, PML + "txBody")
    SubElement(body, DML + "bodyPr")
    SubElement(body, DML + "lstStyle")
    return sp, SubElement(body, DML + "p")


def level_size(body, size: str, level: int = 1) -> None:
    """``size`` (hundredths of a point, as written) on ``level`` (from 1) of a text
    body's list style, each element made where missing, in its schema place."""
    styles = _child(body, DML + "lstStyle", after=DML + "bodyPr")
    tag = f"{DML}lvl{level}pPr"
    found = styles.find(tag)
    if found is None:
        found = styles.makeelement(tag, {})
        earlier = {DML + "defPPr", *(f"{DML}lvl{number}pPr" for number in range(1, level))}
        before = [child for child in styles if child.tag in earlier]
        if before:
            before[-1].addnext(found)
        else:
            styles.insert(0, found)
    _child(found, DML + "defRPr", before=DML + "extLst").set("sz", size)


def _child(parent, tag: str, after: str | None = None, before: str | None = None):
    """``parent``'s ``tag`` child, made where missing: right after its ``after`` child,
    else before its ``before`` child, else first (with ``after``) or last."""
    found = parent.find(tag)
    if found is not None:
        return found
    made = parent.makeelement(tag, {})
    anchor_after = parent.find(after) if after else None
    anchor_before = parent.find(before) if before else None
    if anchor_after is not None:
        anchor_after.addnext(made)
    elif anchor_before is not None:
        anchor_before.addprevious(made)
    elif after:
        parent.insert(0, made)
    else:
        parent.append(made)
    return made
