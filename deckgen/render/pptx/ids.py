"""Ids in the deck, for ``deckgen sync``: which outline slide each slide came from and
which frame item each shape is, where PowerPoint keeps them when it saves.

A slide carries tags (``p:cSld/p:custDataLst/p:tags``, a ``/ppt/tags/tagN.xml`` part):
``DECKGEN_SLIDE`` its frame number, ``DECKGEN_SOURCE`` its outline slide
(``sections/2/slides/3`` in the outline, ``sections/2`` for a divider, ``id:NAME``
where the slide has an id), ``DECKGEN_PAGE`` which of that slide's pages it is (a
slide continued), and ``DECKGEN_LINE`` the outline line. A shape holding text from
the outline or a table carries ``DECKGEN_SHAPE`` (``12.3``: frame 12, item 3),
``DECKGEN_HOLDS`` (its role or kind) and ``DECKGEN_LINE`` (``p:nvPr/p:custDataLst``).
A title placeholder, one a slide and known by its type, carries none. Each such shape
that is not a placeholder has its id at the end of its name (``Code ·
dg12.3``, readable in the Selection Pane): LibreOffice (7.4) keeps no tags and renames
placeholders, but keeps the names of other shapes. The build's options go into a
custom document property (``docProps/custom.xml``), which both keep.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from lxml.etree import Element, SubElement
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from ...layout.frames import Role, SlideFrame, Table, TextBox
from ...pptx_private import add_relationship
from .xmlns import PML, REL

TAGS_TEMPLATE = "/ppt/tags/tag%d.xml"
_TAGS_HEAD = (
    f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<p:tagLst xmlns:p=\"{PML[1:-1]}\">"
)
# the id at the end of a shape's name: " · dg12.3"
NAME_ID = re.compile(r" · dg(\d+)\.(\d+)$")
RECORD_PROPERTY = "deckgen.build"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties


# placeholders a slide has one of at most, known by their type alone
_ONE_A_SLIDE = ("title", "ctrTitle")


def named(name: str, frame: int, index: int) -> str:
    """A shape's name with its id after it."""
    return f"{name} · dg{frame}.{index}"


def source_key(frame: SlideFrame) -> str:
    """The outline slide a frame came from, as its tag says it."""
    source = frame.source
    if source is None:
        return ""
    if source.id:
        return f"id:{source.id}"
    return "/".join(str(step) for step in source.path)


# generated chrome: nothing in it comes from an outline slide
_UNTAGGED = (Role.FOOTER, Role.SLIDE_NUMBER, Role.DECORATION)


def holds(item) -> str | None:
    """What a tagged shape holds; None for what is not tagged: text the build
    generates itself (footer, number, decoration), and pictures, charts and plain shapes
    (a tags part each would cost a long deck 10 % of its time, for no text)."""
    match item:
        case TextBox(role=role) if role in _UNTAGGED:
            return None
        case TextBox():
            return str(item.role)
        case Table():
            return "table"
    return None  # pictures, charts and plain shapes: no text to carry back


class DeckIds:
    """Writes tags parts, numbered after any the template has (counted, never scanned
    again: a long deck has thousands)."""

    def __init__(self, package) -> None:
        prefix = TAGS_TEMPLATE[: TAGS_TEMPLATE.index("%")]
        used = [
            int(name[len(prefix) : -4])
            for name in (str(p.partname) for p in package.iter_parts())
            if name.startswith(prefix) and name[len(prefix) : -4].isdigit()
        ]
        self._next = max(used, default=0) + 1
        self._package = package
        self._pages: dict[str, int] = {}  # source key -> pages tagged so far

    def tag_slide(self, slide, frame: SlideFrame) -> None:
        key = source_key(frame)
        page = self._pages.get(key, 0)
        self._pages[key] = page + 1
        values = [("DECKGEN_SLIDE", str(frame.number)), ("DECKGEN_SOURCE", key)]
        values.append(("DECKGEN_PAGE", str(page)))
        if frame.pos is not None:
            values.append(("DECKGEN_LINE", str(frame.pos.line)))
        c_sld = slide.element.cSld
        _insert(c_sld, self._list(slide.part, values), after=PML + "spTree")

    def tag_shape(self, slide_part, element, frame: SlideFrame, index: int, item) -> None:
        """Tag ``element`` (frame item ``index``) and put its id in its name."""
        kind = holds(item)
        if kind is None:
            return
        values = [("DECKGEN_SHAPE", f"{frame.number}.{index}"), ("DECKGEN_HOLDS", kind)]
        pos = getattr(item, "pos", None)
        if pos is not None:
            values.append(("DECKGEN_LINE", str(pos.line)))
        non_visual = element[0]  # nvSpPr, nvPicPr, nvGraphicFramePr
        nv_pr = non_visual.find(PML + "nvPr")
        ph = nv_pr.find(PML + "ph")
        if ph is None:  # LibreOffice renames placeholders anyway
            props = non_visual[0]
            props.set("name", named(props.get("name", ""), frame.number, index))
        elif ph.get("type") in _ONE_A_SLIDE:
            return  # its type says which it is: a tags part each costs a long deck time
        _insert(nv_pr, self._list(slide_part, values), before=PML + "extLst")

    def _list(self, part, values: list[tuple[str, str]]):
        """A ``p:custDataLst`` naming a new tags part with ``values``, related from ``part``."""
        body = "".join(f"<p:tag name={quoteattr(n)} val={quoteattr(v)}/>" for n, v in values)
        blob = (_TAGS_HEAD + body + "</p:tagLst>").encode("utf-8")
        name = PackURI(TAGS_TEMPLATE % self._next)
        self._next += 1
        tags = Part(name, CT.PML_TAGS, self._package, blob)
        rid = add_relationship(part.rels, RT.TAGS, tags)
        listing = Element(PML + "custDataLst")
        SubElement(listing, PML + "tags", {REL + "id": rid})
        return listing


def _insert(parent, child, after: str | None = None, before: str | None = None) -> None:
    """``child`` into ``parent`` right after its ``after`` element or before its
    ``before`` one (schema order), else at its end."""
    if after is not None:
        anchor = parent.find(after)
        if anchor is not None:
            anchor.addnext(child)
            return
    if before is not None:
        anchor = parent.find(before)
        if anchor is not None:
            anchor.addprevious(child)
            return
    parent.append(child)


def custom_properties_xml(record: str) -> bytes:
    """docProps/custom.xml holding the build's record (JSON text)."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">'
        f'<property fmtid="{_FMTID}" pid="2" name="{RECORD_PROPERTY}">'
        f"<vt:lpwstr>{escape(record)}</vt:lpwstr></property></Properties>"
    ).encode()
