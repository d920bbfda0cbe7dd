"""The structure of a tagged PDF (PDF/UA-1), written by reportlab with the document.

What a :class:`Tagger` recorded while the pages were drawn becomes, just before the
canvas saves, reportlab objects in the same file: an element per structure node with its
marked-content and annotation references, Alt text and attributes; the structure tree
root and the parent tree that maps each page's marked content and each link annotation
back to its element; ``/StructParents`` and ``/Tabs /S`` on every page, ``/StructParent``
and a description on every link; and in the catalog ``MarkInfo``, ``DisplayDocTitle`` and
XMP metadata that says PDF/UA-1 (``pdfuaid:part``) with the title, language and the
build's dates. No second pass over the file: nothing is parsed or copied.
"""

from __future__ import annotations

import datetime as _dt
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

from .tagging import Annotation, Content, Element, Tagger

# reportlab writes a page's and a link's entries from fixed lists: these join them
pdfdoc.PDFPage.__NoDefault__ = [*pdfdoc.PDFPage.__NoDefault__, "StructParents", "Tabs"]
pdfdoc.LinkAnnotation.permitted = (*pdfdoc.LinkAnnotation.permitted, "StructParent")


def write_structure(canvas, tagger: Tagger, title: str, lang: str, created: _dt.datetime):
    """The structure ``tagger`` recorded, into ``canvas``'s document (call before save)."""
    doc = canvas._doc
    pages = doc.Pages.pages
    writer = _Structure(doc, tagger, len(pages))
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(root, "StructTreeRoot")
    root["K"] = writer.element(tagger.root, root_ref)
    root["ParentTree"] = doc.Reference(PDFDictionary({"Nums": writer.parent_tree()}))
    root["ParentTreeNextKey"] = writer.next_key
    for index, page in enumerate(pages):
        page.StructParents = index
        page.Tabs = PDFName("S")  # the tab order follows the structure
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    canvas.setViewerPreference("DisplayDocTitle", "true")
    catalog.Metadata = doc.Reference(_xmp(title, lang, created))


class _Structure:
    def __init__(self, doc, tagger: Tagger, page_count: int) -> None:
        self.doc, self.tagger = doc, tagger
        self.pages = [PDFObjectReference(f"Page{i + 1}") for i in range(page_count)]
        self.marked: dict[int, dict[int, PDFObjectReference]] = {}
        self.annotations: list[tuple[int, PDFObjectReference]] = []
        self.next_key = page_count
        self.count = 0

    def element(self, node: Element, parent: PDFObjectReference) -> PDFObjectReference:
        made = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(node.tag), "P": parent})
        self.count += 1
        ref = self.doc.Reference(made, f"StructElem{self.count}")
        if node.alt is not None:
            made["Alt"] = PDFString(node.alt)
        if node.lang is not None:  # another language than the document's
            made["Lang"] = PDFString(node.lang)
        if node.attributes:
            made["A"] = _attributes(node)
        kids = []
        for child in node.children:
            if isinstance(child, Element):
                kids.append(self.element(child, ref))
            elif isinstance(child, Content):
                page = self.pages[child.page]
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page, "MCID": child.mcid}))
                self.marked.setdefault(child.page, {})[child.mcid] = ref
            elif isinstance(child, Annotation):
                kids.append(self._annotation(child, ref))
        made["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)  # one kid stands alone
        first = next((c for c in node.children if isinstance(c, Content)), None)
        if first is not None:
            made["Pg"] = self.pages[first.page]
        return ref

    def _annotation(self, child: Annotation, element: PDFObjectReference) -> PDFDictionary:
        key = self.next_key
        self.next_key += 1
        annotation = self.doc.idToObject[child.ref.name]
        if isinstance(annotation, PDFDictionary):  # a web link: reportlab's plain dictionary
            annotation["StructParent"] = key
            annotation["Contents"] = PDFString(child.text or _uri(annotation))
        else:  # a link within the document
            annotation.otherkw["StructParent"] = key
            if not (annotation.Contents or "").strip():  # reportlab leaves it empty
                annotation.Contents = child.text or "Link"
        self.annotations.append((key, element))
        page = self.pages[child.page]
        return PDFDictionary({"Type": PDFName("OBJR"), "Obj": child.ref, "Pg": page})

    def parent_tree(self) -> PDFArray:
        nums: list = []
        for index in range(len(self.pages)):
            marked = self.marked.get(index, {})
            nums += [index, PDFArray([marked[m] for m in sorted(marked)])]
        for key, element in self.annotations:
            nums += [key, element]
        return PDFArray(nums)


def _attributes(node: Element) -> PDFDictionary:
    owner = "Layout" if "BBox" in node.attributes else "Table"
    out = PDFDictionary({"O": PDFName(owner)})
    for key, value in node.attributes.items():
        if isinstance(value, tuple | list):
            out[key] = PDFArray(list(value))
        elif isinstance(value, str):
            out[key] = PDFName(value)
        else:
            out[key] = value
    return out


def _uri(annotation: PDFDictionary) -> str:
    action = annotation.dict.get("A")
    uri = action.dict.get("URI") if isinstance(action, PDFDictionary) else None
    return str(getattr(uri, "s", uri) or "Link")


_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{stamp}</xmp:CreateDate>
<xmp:ModifyDate>{stamp}</xmp:ModifyDate>
<xmp:MetadataDate>{stamp}</xmp:MetadataDate>
<xmp:CreatorTool>deckgen</xmp:CreatorTool>
<pdf:Producer>deckgen</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _xmp(title: str, lang: str, created: _dt.datetime) -> PDFStream:
    """The XMP packet PDF/UA asks for (reportlab's own XMP writes no pdfuaid), as an
    uncompressed stream so any reader finds it."""
    stamp = created.astimezone(_dt.UTC).isoformat()
    content = _XMP.format(title=escape(title), lang=escape(lang), stamp=stamp)
    dictionary = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    return PDFStream(dictionary, content.encode("utf-8"), filters=[])


__all__ = ["write_structure"]
