"""A written PDF against PDF/UA-1's machine-checkable core, read back with pikepdf: the
catalog's entries, marked content, fonts, links (in the structure, described, their
text inside their Link element), figures' Alt, tables' header cells and their scope."""

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
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        worded: set[tuple[int, int]] = set()  # (page, MCID) of marked content with text
        for index, page in enumerate(pdf.pages):
            loose, texts = _marked(page)
            worded |= {(index, mcid) for mcid in texts}
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
            if tag == "/Table":
                heads = [e for e in _elements(element) if str(e.get("/S")) == "/TH"]
                if not heads:
                    say("a table has no header cells")
                if any(_scope(head) not in ("/Column", "/Row", "/Both") for head in heads):
                    say("a table's header cell has no scope (Column or Row)")
            if tag == "/Link" and not _content(element, pages) & worded:
                say("a link's text is not in its Link element (only its annotation is)")
    return out


_TEXT = {"Tj", "TJ", "'", '"'}


def _marked(page) -> tuple[int, set[int]]:
    """How many painting operations are outside marked content, and the MCIDs of the
    marked content that shows text."""
    import pikepdf

    depth, loose, mcids, texts = 0, 0, [], set()
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            depth += 1
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            mcids.append(int(mcid) if mcid is not None else None)
        elif op == "EMC":
            depth -= 1
            if mcids:
                mcids.pop()
        elif op in _PAINTING and depth <= 0:
            loose += 1
        elif op in _TEXT:
            texts.update(m for m in mcids if m is not None)
    return loose, texts


def _scope(head) -> str:
    attributes = head.get("/A")
    for found in attributes if isinstance(attributes, list) else [attributes]:
        if found is not None and "/Scope" in found:
            return str(found.Scope)
    return ""


def _content(element, pages: dict) -> set[tuple[int, int]]:
    """(page, MCID) of the marked content an element holds itself (its MCRs and bare
    MCIDs), pages found through the MCR's or the element's ``/Pg``."""
    import pikepdf

    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
    found = set()
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            page = kid.get("/Pg", element.get("/Pg"))
            mcid = kid.get("/MCID")
        elif isinstance(kid, int) and not isinstance(kid, bool):  # an MCID on the element's page
            page, mcid = element.get("/Pg"), kid
        else:
            continue
        objgen = getattr(page, "objgen", None)
        if objgen in pages and isinstance(mcid, int):
            found.add((pages[objgen], int(mcid)))
    return found


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
