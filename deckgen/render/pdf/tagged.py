"""A written PDF made a tagged one (PDF/UA-1), from what its :class:`Tagger` recorded.

reportlab wrote the marked content; pikepdf (QPDF) adds what reportlab cannot: the
structure tree (an element per node, its marked-content and annotation references,
Alt text and attributes), the parent tree that maps each page's marked content and
each link annotation back to its element, ``/StructParents`` and ``/Tabs /S`` on every
page, ``/StructParent`` and ``/Contents`` on every link, and in the catalog
``MarkInfo``, ``Lang``, ``DisplayDocTitle`` and the XMP metadata that says PDF/UA-1
(``pdfuaid:part``) with the document's title and dates. Dates come from the build, and
the file ID from its content, so a build stays reproducible.
"""

from __future__ import annotations

import datetime as _dt
import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from .tagging import Annotation, Content, Element, Tagger


def tag_pdf(data: bytes, tagger: Tagger, title: str, lang: str, created: _dt.datetime) -> bytes:
    """``data`` (a PDF whose pages ``tagger`` marked) with its structure and the PDF/UA
    entries."""
    pdf = Pdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    writer = _Structure(pdf, pages)
    root = pdf.make_indirect(
        Dictionary(Type=Name.StructTreeRoot, ParentTree=Dictionary(), ParentTreeNextKey=0)
    )
    document = writer.element(tagger.root, root)
    root.K = document
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=writer.parent_tree()))
    root.ParentTreeNextKey = writer.next_key
    catalog = pdf.Root
    catalog.StructTreeRoot = root
    catalog.MarkInfo = Dictionary(Marked=True)
    catalog.Lang = String(lang)
    catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    for page in pages:
        page.obj.Tabs = Name.S  # the tab order follows the structure
    _metadata(pdf, title, lang, created)
    out = io.BytesIO()
    pdf.save(  # the streams as reportlab compressed them: copied, not decoded again
        out,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
    )
    return out.getvalue()


class _Structure:
    def __init__(self, pdf: Pdf, pages: list) -> None:
        self.pdf, self.pages = pdf, pages
        self.marked: dict[int, dict[int, object]] = {}  # page -> mcid -> element
        self.annotations: list[tuple[int, object]] = []  # (struct parent key, element)
        self.next_key = len(pages)

    def element(self, node: Element, parent) -> object:
        pdf = self.pdf
        made = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{node.tag}"), P=parent))
        if node.alt is not None:
            made.Alt = String(node.alt)
        if node.attributes:
            made.A = _attributes(node)
        kids = Array()
        for child in node.children:
            if isinstance(child, Element):
                kids.append(self.element(child, made))
            elif isinstance(child, Content):
                page = self.pages[child.page].obj
                kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=child.mcid))
                self.marked.setdefault(child.page, {})[child.mcid] = made
            elif isinstance(child, Annotation):
                kids.append(self._annotation(child, made))
        made.K = kids[0] if len(kids) == 1 else kids  # one kid stands alone, as is usual
        first = next((c for c in node.children if isinstance(c, Content)), None)
        if first is not None:
            made.Pg = self.pages[first.page].obj
        return made

    def _annotation(self, child: Annotation, element) -> Dictionary:
        page = self.pages[child.page].obj
        annotation = page.Annots[child.index]
        key = self.next_key
        self.next_key += 1
        annotation.StructParent = key
        if not str(annotation.get("/Contents", "")).strip():  # reportlab writes an empty one
            annotation.Contents = String(child.text or _target(annotation))
        self.annotations.append((key, element))
        return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page)

    def parent_tree(self) -> Array:
        nums = Array()
        for index, page in enumerate(self.pages):
            page.obj.StructParents = index
            marked = self.marked.get(index, {})
            elements = [marked[m] for m in sorted(marked)]
            nums.append(index)
            nums.append(self.pdf.make_indirect(Array(elements)))
        for key, element in self.annotations:
            nums.append(key)
            nums.append(element)
        return nums


def _attributes(node: Element) -> Dictionary:
    owner = Name.Layout if "BBox" in node.attributes else Name.Table
    out = Dictionary(O=owner)
    for key, value in node.attributes.items():
        if isinstance(value, tuple | list):
            out[f"/{key}"] = Array(value)
        elif isinstance(value, str):
            out[f"/{key}"] = Name(f"/{value}")
        else:
            out[f"/{key}"] = value
    return out


def _target(annotation) -> str:
    action = annotation.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    return "Link"


def _metadata(pdf: Pdf, title: str, lang: str, created: _dt.datetime) -> None:
    stamp = created.astimezone(_dt.UTC).isoformat()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp.register_xml_namespace("http://www.aiim.org/pdfua/ns/id/", "pdfuaid")
        xmp["dc:title"] = title
        xmp["dc:language"] = [lang]
        xmp["pdfuaid:part"] = "1"
        xmp["xmp:CreateDate"] = stamp
        xmp["xmp:ModifyDate"] = stamp
        xmp["xmp:MetadataDate"] = stamp
        xmp["xmp:CreatorTool"] = "deckgen"
        xmp["pdf:Producer"] = str(pdf.docinfo.get("/Producer", "deckgen"))


__all__ = ["tag_pdf"]
