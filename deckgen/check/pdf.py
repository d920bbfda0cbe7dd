"""A written PDF against PDF/UA-1's machine-checkable core, read back with pikepdf."""

from __future__ import annotations

import io

from ..errors import Diagnostic, warning
from ..layout.frames import Deck
from . import TOPIC

# operators that paint: text, paths, images and forms, shadings
_PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def pdf_findings(data: bytes, name: str, deck: Deck | None = None) -> list[Diagnostic]:
    """What PDF/UA asks that ``data`` lacks; a page of the slides PDF (``deck`` given)
    is named by its slide and the slide's outline line."""
    import pikepdf

    out: list[Diagnostic] = []

    def say(message: str, page: int | None = None) -> None:
        frame = deck.slides[page] if deck is not None and page is not None else None
        where = f"{name}" + (f", page {page + 1}" if page is not None else "")
        if frame is not None:
            where += f" (slide {frame.number} '{frame.title}')"
        hint = "a bug in deckgen: its PDFs are tagged"
        out.append(warning(f"{where}: {message}", frame.pos if frame else None, hint, topic=TOPIC))

    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        for key, what in (
            ("/StructTreeRoot", "no structure tree"),
            ("/MarkInfo", "no MarkInfo"),
            ("/Lang", "no language"),
            ("/ViewerPreferences", "no DisplayDocTitle"),
        ):
            if key not in root:
                say(what)
        if "/Metadata" not in root or b"pdfuaid" not in root.Metadata.read_bytes():
            say("no XMP metadata saying PDF/UA")
        if "/StructTreeRoot" not in root:
            return out
        for index, page in enumerate(pdf.pages):
            loose = _loose_painting(page)
            if loose:
                say(f"{loose} drawing operation(s) neither tagged nor an artifact", index)
            for font in _fonts(page.Resources):
                if not _embedded(font):
                    say(f"the font {font.get('/BaseFont')} is not embedded", index)
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") == "/Link":
                    if "/StructParent" not in annotation:
                        say("a link is not in the structure", index)
                    if not str(annotation.get("/Contents", "")).strip():
                        say("a link has no description", index)
        for element in _elements(root.StructTreeRoot.K):
            tag = str(element.get("/S"))
            if tag == "/Figure" and not str(element.get("/Alt", "")).strip():
                say("a figure has no alternative text")
            if tag == "/Table" and not any(str(e.get("/S")) == "/TH" for e in _elements(element)):
                say("a table has no header cells")
    return out


def _loose_painting(page) -> int:
    import pikepdf

    depth, loose = 0, 0
    for _operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            depth += 1
        elif op == "EMC":
            depth -= 1
        elif op in _PAINTING and depth <= 0:
            loose += 1
    return loose


def _fonts(resources):
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from _fonts(xobject.Resources)


def _embedded(font) -> bool:
    described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    descriptor = described.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in _FONT_FILES)


def _elements(node):
    import pikepdf

    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from _elements(kid)


__all__ = ["pdf_findings"]
