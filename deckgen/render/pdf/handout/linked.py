"""Links inside a handout paragraph, tagged as PDF/UA asks (7.18.5): the words of a link
are content of a Link element, beside its annotation, inside the paragraph's element.

reportlab draws a paragraph as one text object (``BT … ET``), and marked content may
not cross a text object's bounds; so a paragraph with links is marked inside its text
object: its own words in sequences of the paragraph's element, each link's words in
sequences of that link's Link element. What it paints outside the text object (the
graphics state, a background, an underline) is an artifact around it.

reportlab reports where a link's words begin and end (``_linkRecord``, called just
after the first linked words are written and before the first words after them) and
makes one annotation per link per line, after the line, in the links' order.

Words in another language than the paragraph's (a translation's fallback beside its
translated words) are a span of marked content that says it (``/Span <</Lang (en)>> BDC``)
inside their sequence: reportlab calls back at the zero-width marks where they begin and
end (styles.language_mark), and the text object notes the change there.
"""

from __future__ import annotations

from reportlab.pdfgen.textobject import PDFTextObject

from ..tagging import Element, Tagger, span_opening
from .styles import LANGUAGE


class _Mark(str):
    """Where the text object's words change: the element they belong to from there (None:
    the paragraph's own; else the number of a link) and their language (None: the
    paragraph's)."""

    link: int | None = None
    lang: str | None = None


class _Shown(str):
    """Words written (a text-showing operation)."""


class MarkedParagraph:
    """One drawing of a paragraph with links or words in another language: its text
    object's marks and the Link elements and language spans they make."""

    def __init__(self, tagger: Tagger, element: Element, texts: dict[int, str], whole: bool):
        self.tagger, self.element, self.texts = tagger, element, texts
        self.whole = whole  # reportlab's one-style paragraph: every word is in the link
        self.opening: str | None = None  # the language of its first words (a split's part)
        self.links: dict[int, Element] = {}
        self.pieces: list[tuple[int, int]] = []  # (line, link) of each run of link words

    def text_object(self, canvas, x: float, y: float) -> PDFTextObject:
        return _MarkedText(canvas, x, y, self)

    def code(self, entries: list[str]) -> str:
        """The text object's code marked: the artifact around the paragraph closed
        before it and opened again after it; sequences without words left unmarked."""
        first = next(iter(self.texts), 0) if self.whole else None
        segments: list[tuple[int | None, str | None, list[str]]] = [(first, self.opening, [])]
        for entry in entries[1:-1]:  # inside BT … ET
            if isinstance(entry, _Mark):
                segments.append((entry.link, entry.lang, []))
            else:
                segments[-1][2].append(entry)
        out = ["EMC", "BT"]
        for link, lang, code in segments:
            if not any(isinstance(entry, _Shown) for entry in code):
                out += code
                continue
            out.append(self.tagger.begin(self._owner(link)))
            if lang is not None and lang != self.element.lang:
                out += [span_opening(lang), *code, "EMC"]
            else:
                out += code
            out.append("EMC")
        return " ".join([*out, "ET", "/Artifact BMC"])

    def _owner(self, link: int | None) -> Element:
        if link is None:
            return self.element
        found = self.links.get(link)
        if found is None:
            found = self.links[link] = Element("Link", text=self.texts.get(link, ""))
            self.element.children.append(found)
        return found

    def annotate(self, refs: list) -> None:
        """Each annotation the paragraph made into the Link of its words: reportlab
        makes them line by line, in the order of the links' numbers."""
        if self.whole:
            owners = [self._owner(next(iter(self.texts), 0))] * len(refs)
        else:
            owners = [self.links[n] for _line, n in sorted(self.pieces) if n in self.links]
        for i, ref in enumerate(refs):
            if i < len(owners):
                owner = owners[i]
            else:  # (not expected) an annotation without words of its own
                owner = Element("Link", text=self.element.text)
                self.element.children.append(owner)
            owner.children.append(self.tagger.annotation(ref, owner.text or self.element.text))


class _MarkedText(PDFTextObject):
    """reportlab's text object, marking where link words and words in another language
    start and end."""

    def __init__(self, canvas, x: float, y: float, paragraph: MarkedParagraph):
        super().__init__(canvas, x, y)
        self._paragraph = paragraph
        self._line = 0  # the line being written
        self._shown_at = (0, 0)  # (index in the code, line) of the last words written
        self._in_link: int | None = None
        self._lang = paragraph.opening

    def _mark(self, link: int | None) -> _Mark:
        mark = _Mark("")
        mark.link, mark.lang = link, self._lang
        return mark

    def _textOut(self, text, TStar=0):  # noqa: N802,N803 - reportlab's names
        self._shown_at = (len(self._code), self._line)
        super()._textOut(text, TStar)
        self._code[-1] = _Shown(self._code[-1])
        if TStar:
            self._line += 1

    def _linkRecord(self, link, what):  # noqa: N802 - reportlab's name
        number = link[0]
        if what == "start" and self._in_link is None:
            index, line = self._shown_at
            self._code.insert(index, self._mark(number))  # before the words that start it
            self._paragraph.pieces.append((line, number))
            self._in_link = number
        elif what == "end" and self._in_link == number:
            self._code.append(self._mark(None))
            self._in_link = None

    def language(self, lang: str | None) -> None:
        """The words written from here on are in ``lang`` (None: the paragraph's)."""
        self._lang = lang
        self._code.append(self._mark(self._in_link))

    def getCode(self):  # noqa: N802 - reportlab's name
        self._code.append("ET")
        return self._paragraph.code(self._code)


def pieces(frags):
    """(style, text) of each piece of a paragraph's fragments, as parsed or as reportlab
    keeps them once it has broken the lines (words: ``[width, (style, text), …]``)."""
    for frag in frags:
        if isinstance(frag, list):
            yield from frag[1:]
        else:
            yield frag, getattr(frag, "text", "")


def language_marked(canvas, _kind, label) -> None:
    """reportlab's call at a language mark (styles.language_mark) as it draws a line: the
    text object of a paragraph marked inside notes it; any other ignores it."""
    text = getattr(canvas, "_curr_tx_info", {}).get("tx")
    if isinstance(text, _MarkedText):
        text.language(label or None)


def languages_in(frags) -> list[str | None]:
    """The languages a paragraph's language marks switch to, in order (None: its own)."""
    return [
        style.cbDefn.label or None
        for style, _text in pieces(frags)
        if getattr(getattr(style, "cbDefn", None), "name", None) == LANGUAGE
    ]


def link_texts(frags) -> dict[int, str]:
    """What each link of a paragraph says, by its number (none: no link)."""
    out: dict[int, str] = {}
    for style, text in pieces(frags):
        for number, _target in getattr(style, "link", None) or ():
            out[number] = out.get(number, "") + (text if isinstance(text, str) else "")
    return {n: " ".join(text.split()) for n, text in out.items()}


__all__ = ["MarkedParagraph", "language_marked", "languages_in", "link_texts"]
