"""Tagged PDF, while drawing: marked content in the page streams, and the structure it
belongs to.

reportlab writes no structure of its own. A :class:`Tagger` rides on the canvas: each
piece of content is wrapped in a marked-content sequence as it is drawn, either an
artifact (running headers and footers, rules, backgrounds, decoration) or a numbered
piece of a structure element (``/P <</MCID 3>> BDC … EMC``). The tagger records which
element each piece belongs to, in a tree (Document › H1, P, L › LI › LBody, Table › TR
› TH/TD, TOC › TOCI, Figure …), and which link annotations each element made. After the
document is written, :mod:`deckgen.render.pdf.tagged` turns that record into the PDF's
structure tree, parent tree and catalog entries.

Marked content may not cut through a text object, so sequences are opened and closed
between drawing calls: around a flowable's ``drawOn``, a slide item, a header.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

# a structure element's place: its ancestors' (tag, key) from the top, then its own;
# an entry may add the element's attributes: (tag, key, {"Scope": "Column"})
Path = Sequence[tuple]


@dataclass
class Content:
    """A marked-content sequence: the page it is on and its number there."""

    page: int
    mcid: int


@dataclass
class Annotation:
    """A link annotation an element made: its page and reportlab's reference to it."""

    page: int
    ref: object  # a PDFObjectReference
    text: str  # what the link says, for the annotation's /Contents


@dataclass
class Element:
    tag: str
    key: object = None
    children: list[Element | Content | Annotation] = field(default_factory=list)
    alt: str | None = None
    attributes: dict[str, object] = field(default_factory=dict)  # /A: Scope, BBox …
    text: str = ""  # what it says, for the /Contents of a link annotation it makes


class Tagger:
    """The structure of one document as it is drawn (one per canvas: a pass that is
    thrown away takes its tagger with it)."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._elements: dict[tuple, Element] = {}
        self.page = 0
        self._next_mcid = 0
        self._open = False  # a marked-content sequence is open on this page

    # -- pages

    def next_page(self) -> None:
        self.page += 1
        self._next_mcid = 0

    # -- structure

    def element(self, path: Path) -> Element:
        """The element at ``path``, made (with any missing ancestor) on first use, in
        the order first used."""
        parent, trail = self.root, ()
        for tag, key, *attributes in path:
            trail = (*trail, (tag, key))
            found = self._elements.get(trail)
            if found is None:
                found = self._elements[trail] = Element(tag, key)
                parent.children.append(found)
                for extra in attributes:
                    found.attributes.update(extra)
            parent = found
        return parent

    # -- content

    @contextmanager
    def content(
        self, canvas, path: Path, alt: str | None = None, text: str = "", **attributes
    ) -> Iterator:
        """What is drawn inside belongs to the element at ``path`` (a new element when
        the last key is None: a paragraph drawn in two parts is two paragraphs)."""
        if self._open:  # inside another sequence (a figure's own drawing): part of it
            yield None
            return
        *above, (tag, key, *_extra) = path
        parent = self.element(above)
        if key is None:
            element = Element(tag)
            parent.children.append(element)
        else:
            element = self.element(path)
        if alt is not None:
            element.alt = alt
        element.text = element.text or text
        element.attributes.update(attributes)
        mcid = self._next_mcid
        self._next_mcid += 1
        element.children.append(Content(self.page, mcid))
        links = len(getattr(canvas, "_annotationrefs", ()))
        with self._sequence(canvas, f"/{tag} <</MCID {mcid}>> BDC"):
            yield element
        for ref in getattr(canvas, "_annotationrefs", ())[links:]:
            link = Element("Link", children=[Annotation(self.page, ref, element.text)])
            element.children.append(link)

    @contextmanager
    def artifact(self, canvas) -> Iterator:
        """What is drawn inside is not content: headers, footers, rules, backgrounds."""
        if self._open:
            yield
            return
        with self._sequence(canvas, "/Artifact BMC"):
            yield

    @contextmanager
    def _sequence(self, canvas, opening: str) -> Iterator:
        """A marked-content sequence around what is drawn inside (never nested: marked
        content inside it belongs to it)."""
        canvas._code.append(opening)
        self._open = True
        try:
            yield
        finally:
            self._open = False
            canvas._code.append("EMC")


def tagging_canvas(base):
    """A subclass of reportlab's canvas class ``base`` that carries a fresh Tagger, tells
    it each time a page is finished and, given ``described``, writes the structure it
    recorded into the document when it saves."""

    class TaggingCanvas(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.tagger = Tagger()
            self.described: tuple | None = None  # (title, language, build time)

        def showPage(self):  # noqa: N802 - reportlab's name
            super().showPage()
            self.tagger.next_page()

        def save(self):
            if self.described is not None:  # the structure goes into the same file
                from .tagged import write_structure

                write_structure(self, self.tagger, *self.described)
            super().save()

    return TaggingCanvas


def tagger_of(canvas) -> Tagger | None:
    return getattr(canvas, "tagger", None)


@contextmanager
def tagged(canvas, path: Path, alt: str | None = None, text: str = "", **attributes) -> Iterator:
    """Content of the element at ``path`` on a canvas with a tagger (else untouched)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield None
        return
    with tagger.content(canvas, path, alt, text, **attributes) as element:
        yield element


@contextmanager
def artifact(canvas) -> Iterator:
    """An artifact on a canvas with a tagger (else untouched)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.artifact(canvas):
        yield


__all__ = [
    "Annotation",
    "Content",
    "Element",
    "Tagger",
    "artifact",
    "tagged",
    "tagger_of",
    "tagging_canvas",
]
