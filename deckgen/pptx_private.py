"""Every use deckgen makes of python-pptx's private API, behind one small interface.

python-pptx's public API builds decks one object at a time; deckgen also needs what it
keeps to itself: a part's XML tree, the package's own relationships, a relationship or
slide id added without a scan of every one so far, its escapes for control characters,
its content-types item, a workbook writer's worksheet. Those names (a leading
underscore: python-pptx may change them in any release) are used here and nowhere else
in deckgen (``tests/test_pptx_private.py`` reads every module to hold that, and fails
naming the attribute when an installed python-pptx lacks one of ``RELIED_ON``).

Proxies' public ``.element`` (a slide, layout, master, shape or shape tree and the
``Presentation``) is python-pptx's API and used directly; a part's tree is not.
Written against python-pptx 1.0.2.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from contextlib import contextmanager

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import XmlPart
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.text import CT_RegularTextRun
from pptx.util import Inches

# ------------------------------------------------------------------ parts and packages


def part_element(part):
    """The root element of an XML part (python-pptx's proxies give theirs as ``.element``;
    a part does not)."""
    return part._element


def set_part_blob(part, blob: bytes) -> None:
    """A binary part's bytes replaced (a thumbnail, a theme deckgen rewrote)."""
    part._blob = blob


def package_relationships(package):
    """The package's own relationships (``/_rels/.rels``): rId -> relationship."""
    return package._rels


def add_relationship(rels, reltype: str, target) -> str:
    """A new relationship to ``target``, its rId returned, without python-pptx's scan of
    every relationship for an equal one (a new part matches none; the scan makes a long
    deck quadratic)."""
    return rels._add_relationship(reltype, target)


def content_types_xml(parts) -> bytes:
    """``[Content_Types].xml`` for ``parts``, as python-pptx's writer serialises it."""
    return serialize_part_xml(_ContentTypesItem.xml_for(parts))


class _Written(XmlPart):
    """An XML part already serialised: its bytes, not its tree."""

    _written: bytes

    @property
    def blob(self) -> bytes:  # pyright: ignore[reportIncompatibleMethodOverride]
        return self._written


def keep_as_bytes(part) -> None:
    """An XML part kept as the bytes it serialises to from here on (its tree and the
    proxies that hold it let go), so a long deck does not hold a tree of objects for
    every slide until it is saved. Done once; a part already kept is left alone."""
    if not isinstance(part, XmlPart) or isinstance(part, _Written):
        return
    blob = part.blob
    part.__class__ = _Written
    part._written = blob
    part._element = None
    for cached in ("slide", "notes_slide"):  # lazy proxies that hold the tree
        part.__dict__.pop(cached, None)


# ------------------------------------------------------------------ slides and layouts


def next_slide_partname(prs_part):
    """The part name python-pptx gives the next slide (``/ppt/slides/slideN.xml``)."""
    return prs_part._next_slide_partname


def slide_id_list(prs):
    """The presentation's ``p:sldIdLst`` element, slides in show order."""
    return prs.slides._sldIdLst


def add_slide_id(prs, slide_id: int, rid: str) -> None:
    """A ``p:sldId`` with ``slide_id`` naming the slide related as ``rid``."""
    prs.slides._sldIdLst._add_sldId(id=slide_id, rId=rid)


def add_layout_id(master):
    """A new ``p:sldLayoutId`` entry in ``master``'s layout list (made if missing)."""
    return master.element.get_or_add_sldLayoutIdLst()._add_sldLayoutId()


def shape_of(shapes, element):
    """The python-pptx shape for ``element`` of the shape collection ``shapes``."""
    return shapes._shape_factory(element)


def text_body(text_frame):
    """A text frame's ``p:txBody`` (or ``a:txBody``) element."""
    return text_frame._txBody


def cell_element(cell):
    """A table cell's ``a:tc`` element."""
    return cell._tc


def escape_ctrl_chars(text: str) -> str:
    """``text`` with python-pptx's escapes for control characters (``_x0007_``; tab and
    line feed kept), as its own text setters write them."""
    return CT_RegularTextRun._escape_ctrl_chars(text)


# ------------------------------------------------------------------ charts


class DatedChartData(CategoryChartData):
    """Category chart data whose embedded workbook says it was created at ``created``
    (XlsxWriter dates it now otherwise, and builds would differ)."""

    def __init__(self, created: _dt.datetime) -> None:
        super().__init__()
        self._created = created

    @property
    def xlsx_blob(self) -> bytes:
        return _DatedWorkbookWriter(self, self._created).xlsx_blob


class _DatedWorkbookWriter(CategoryWorkbookWriter):
    def __init__(self, chart_data, created: _dt.datetime) -> None:
        super().__init__(chart_data)
        self._created = created

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
            created = self._created
            if created.tzinfo is not None:  # XlsxWriter writes the time as UTC
                created = created.astimezone(_dt.UTC).replace(tzinfo=None)
            workbook.set_properties({"created": created})
            yield workbook, worksheet


# ------------------------------------------------------------------ what is relied on


def _first_slide(prs):
    return prs.slides.add_slide(prs.slide_layouts[5])


def _table_cell(prs):
    slide = _first_slide(prs)
    return slide.shapes.add_table(1, 1, 0, 0, Inches(1), Inches(1)).table.cell(0, 0)


# Each private name used above, and how to reach it on python-pptx's default deck: a
# test runs every probe against the installed python-pptx and names what is missing.
RELIED_ON: tuple[tuple[str, Callable], ...] = (
    ("XmlPart._element", lambda prs: prs.part._element.tag),
    ("Part._blob", lambda prs: prs.part.package.part_related_by(_THUMBNAIL)._blob),
    ("OpcPackage._rels", lambda prs: dict(prs.part.package._rels.items())),
    ("_Relationships._add_relationship", lambda prs: prs.part.rels._add_relationship),
    ("_ContentTypesItem.xml_for", lambda prs: _ContentTypesItem.xml_for),
    ("PresentationPart._next_slide_partname", lambda prs: prs.part._next_slide_partname),
    ("Slides._sldIdLst", lambda prs: prs.slides._sldIdLst),
    ("CT_SlideIdList._add_sldId", lambda prs: prs.slides._sldIdLst._add_sldId),
    (
        "CT_SlideLayoutIdList._add_sldLayoutId",
        lambda prs: prs.slide_master.element.get_or_add_sldLayoutIdLst()._add_sldLayoutId,
    ),
    ("_BaseShapes._shape_factory", lambda prs: prs.slide_master.shapes._shape_factory),
    ("TextFrame._txBody", lambda prs: _first_slide(prs).shapes.title.text_frame._txBody),
    ("_Cell._tc", lambda prs: _table_cell(prs)._tc),
    ("CT_RegularTextRun._escape_ctrl_chars", lambda prs: CT_RegularTextRun._escape_ctrl_chars),
    ("CategoryWorkbookWriter._open_worksheet", lambda prs: CategoryWorkbookWriter._open_worksheet),
    ("SlidePart.slide (cached in __dict__)", lambda prs: _cached_slide(prs)),
)

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _cached_slide(prs):
    """``keep_as_bytes`` lets go of the slide proxy python-pptx caches on its part."""
    slide = _first_slide(prs)
    part = slide.part
    assert part.__dict__.get("slide") is slide, "SlidePart.slide is no longer cached"
    return part
