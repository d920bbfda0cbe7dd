"""The OOXML namespaces as lxml's ``{uri}`` tag prefixes, and the pieces of a shape that
the modules writing DrawingML and PresentationML directly all write alike."""

from __future__ import annotations

from lxml.etree import SubElement

from ...layout.geometry import Rect
from .units import emu

PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


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
