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
between drawing calls: around a flowable's ``drawOn``, a slide item, a header. A link's
words are a sequence of their own, of a Link element that also holds the link's
annotation (PDF/UA-1 7.18.5): between text objects (``link``: the slides' runs) or, for
a handout paragraph, inside its one text object (``handout/linked.py``).
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
    lang: str | None = None  # its /Lang, where not the document's (a translation's fallback)
    parent: Element | None = field(default=None, repr=False, compare=False)


class Tagger:
    """The structure of one document as it is drawn (one per canvas: a pass that is
    thrown away takes its tagger with it)."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._elements: dict[tuple, Element] = {}
        self.page = 0
        self._next_mcid = 0
        self._open = False  # a marked-content sequence is open on this page
        self._within: Element | None = None  # the element it belongs to (None: an artifact)
        self._resumed: tuple[str, Element] | None = None  # an opening after a link's words
        self.drawn: set[int] = set()  # what is drawn once, and as an artifact when repeated
        self._claimed: set[int] = set()  # the link annotations in a Link element

    @property
    def busy(self) -> bool:
        """A marked-content sequence is open: what is drawn now is part of it."""
        return self._open

    @property
    def in_content(self) -> bool:
        """A sequence of a structure element's content is open (not an artifact's)."""
        return self._open and self._within is not None

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
                found = self._elements[trail] = Element(tag, key, parent=parent)
                parent.children.append(found)
                for extra in attributes:
                    found.attributes.update(extra)
            parent = found
        return parent

    def target(self, path: Path) -> Element:
        """The element content at ``path`` belongs to: a new one when the last key is
        None (a paragraph drawn in two parts is two paragraphs)."""
        *above, (tag, key, *_extra) = path
        if key is not None:
            return self.element(path)
        parent = self.element(above)
        element = Element(tag, parent=parent)
        parent.children.append(element)
        return element

    def begin(self, element: Element) -> str:
        """The opening of a new marked-content sequence of ``element`` on this page."""
        mcid = self._next_mcid
        self._next_mcid += 1
        element.children.append(Content(self.page, mcid))
        return f"/{element.tag} <</MCID {mcid}>> BDC"

    def annotation(self, ref, text: str) -> Annotation:
        """A link annotation, for a Link element's kids (once only)."""
        self._claimed.add(id(ref))
        return Annotation(self.page, ref, text)

    # -- content

    @contextmanager
    def content(
        self, canvas, path: Path, alt: str | None = None, text: str = "", lang=None, **attributes
    ) -> Iterator:
        """What is drawn inside belongs to the element at ``path`` (see ``target``), in
        ``lang`` where given (else the document's language)."""
        if self._open:  # inside another sequence (a figure's own drawing): part of it
            yield None
            return
        element = self.target(path)
        if alt is not None:
            element.alt = alt
        element.lang = element.lang or lang
        element.text = element.text or text
        element.attributes.update(attributes)
        links = len(getattr(canvas, "_annotationrefs", ()))
        with self._sequence(canvas, self.begin(element), element):
            yield element
        self.claim(canvas, links, element)

    def claim(self, canvas, start: int, element: Element) -> None:
        """The link annotations made since the canvas had ``start``: a Link element's
        own, else each in a Link of its own inside ``element`` (its words are not)."""
        for ref in getattr(canvas, "_annotationrefs", ())[start:]:
            if id(ref) in self._claimed:  # a Link inside claimed it already
                continue
            self._claimed.add(id(ref))
            if element.tag == "Link":
                element.children.append(self.annotation(ref, element.text))
            else:
                link = Element("Link", children=[self.annotation(ref, element.text)])
                element.children.append(link)

    @contextmanager
    def link(self, canvas, text: str) -> Iterator[bool]:
        """The words of a link drawn inside (whole text objects) and its annotation: a
        Link element inside the element whose sequence is open, holding both; inside a
        figure (a slide's thumbnail, read as its alternative text), a Link after the
        figure. Yields whether to make the annotation: not inside an artifact."""
        within = self._within
        if not self._open or within is None:
            yield not self._open
            return
        link = Element("Link", text=text)
        owner = within.parent if within.tag == "Figure" and within.parent else within
        owner.children.append(link)
        link.parent = owner
        canvas._code += ["EMC", self.begin(link)]
        start = len(getattr(canvas, "_annotationrefs", ()))
        try:
            yield True
        finally:
            self.claim(canvas, start, link)
            opening = self.begin(within)
            canvas._code += ["EMC", opening]
            self._resumed = (opening, within)

    @contextmanager
    def artifact(self, canvas) -> Iterator:
        """What is drawn inside is not content: headers, footers, rules, backgrounds."""
        if self._open:
            yield
            return
        with self._sequence(canvas, "/Artifact BMC", None):
            yield

    @contextmanager
    def _sequence(self, canvas, opening: str, element: Element | None) -> Iterator:
        """A marked-content sequence around what is drawn inside (never nested: marked
        content inside it belongs to it)."""
        canvas._code.append(opening)
        self._open, self._within, self._resumed = True, element, None
        try:
            yield
        finally:
            self._open, self._within = False, None
            self._close(canvas)

    def _close(self, canvas) -> None:
        """EMC, or nothing where the sequence resumed after a link's words is empty."""
        resumed, self._resumed = self._resumed, None
        code = canvas._code
        if resumed is not None and code and code[-1] is resumed[0]:
            code.pop()  # the link was the last thing drawn: no empty sequence after it
            resumed[1].children.pop()
            self._next_mcid -= 1
        else:
            code.append("EMC")


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
def tagged(
    canvas, path: Path, alt: str | None = None, text: str = "", lang=None, **attributes
) -> Iterator:
    """Content of the element at ``path`` on a canvas with a tagger (else untouched), in
    ``lang`` where given."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield None
        return
    with tagger.content(canvas, path, alt, text, lang, **attributes) as element:
        yield element


@contextmanager
def language_span(canvas, lang: str | None) -> Iterator:
    """Words drawn inside in ``lang`` (another language than the document's): a span
    of marked content whose properties say it (``/Span <</Lang (en)>> BDC … EMC``, ISO
    32000-1 14.9.2), nested in the sequence that is open, between text objects. Nothing
    without a language, outside tagged content or inside an artifact."""
    tagger = tagger_of(canvas)
    if not lang or tagger is None or not tagger.in_content:
        yield
        return
    canvas._code.append(span_opening(lang))
    try:
        yield
    finally:
        canvas._code.append("EMC")


def span_opening(lang: str) -> str:
    """The opening of a span of marked content in ``lang`` (closed by ``EMC``)."""
    return f"/Span <</Lang {_pdf_string(lang)}>> BDC"


def _pdf_string(text: str) -> str:
    """A language tag as a PDF literal string (a tag is ASCII letters, digits, hyphens)."""
    return "(" + "".join(c for c in text if c.isalnum() or c == "-") + ")"


@contextmanager
def artifact(canvas) -> Iterator:
    """An artifact on a canvas with a tagger (else untouched)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.artifact(canvas):
        yield


@contextmanager
def link_text(canvas, text: str) -> Iterator[bool]:
    """A link's words and annotation drawn inside, as a Link element on a tagged canvas;
    yields whether to make the annotation (see ``Tagger.link``)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield True
        return
    with tagger.link(canvas, text) as annotate:
        yield annotate


__all__ = [
    "Annotation",
    "Content",
    "Element",
    "Tagger",
    "artifact",
    "language_span",
    "span_opening",
    "link_text",
    "tagged",
    "tagger_of",
    "tagging_canvas",
]
