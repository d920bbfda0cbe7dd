"""A text's markup as a translator's tool shows it, and the checks on the way back.

In XLIFF 1.2 the outline's Markdown becomes inline codes the translator moves but cannot
break: ``<g ctype="bold">``, ``<g ctype="italic">``, ``<g ctype="link">`` around words
(the URL stays out of the file: it is the source's, by the tag's id), ``<ph
ctype="x-code">`` for a code span and ``<ph ctype="x-variable">`` for a ``{variable}``.
In PO the Markdown stays as written; :func:`problems` holds a translation, however it
came, to its source: the same ``{variables}``, link targets and code spans, and no markup
left half-written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..inline import Marked, markdown, plain, tree
from .walk import VARIABLE

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
_CTYPE = {"bold": "bold", "italic": "italic", "link": "link"}
_KIND = {ctype: kind for kind, ctype in _CTYPE.items()}


class MarkupError(ValueError):
    """A translation's inline codes that cannot be read back (said to the translator)."""


@dataclass(frozen=True)
class Code:
    """What an inline code in a source stands for: ``kind`` (bold, italic, link, code,
    variable) and its target (a link's URL, a code span's or a variable's text)."""

    kind: str
    target: str | None


def fill_xliff(element, text: str) -> dict[str, Code]:
    """``element`` (an empty ``<source>`` or ``<target>``) given ``text``'s words and
    inline codes, numbered from 1; returns what each id stands for."""
    codes: dict[str, Code] = {}
    _fill(element, tree(text), codes)
    return codes


def read_xliff(element, codes: dict[str, Code]) -> str:
    """A ``<target>``'s words and inline codes as the outline's Markdown, each code what
    the source's code of that id stands for (``codes``: from :func:`fill_xliff` of the
    source, so a link's URL is the outline's, whatever the file says)."""
    return markdown(tuple(_pieces(element, codes)))


def problems(source: str, target: str) -> list[str]:
    """What a translation breaks of its source's markup: a ``{variable}`` dropped or
    added, a link's target or a code span changed, markup characters left over."""
    said = []
    wanted, given = Counter(VARIABLE.findall(source)), Counter(VARIABLE.findall(target))
    if wanted != given:
        lost, added = sorted((wanted - given).elements()), sorted((given - wanted).elements())
        if lost:
            said.append(f"{', '.join(lost)} dropped: keep every variable of the source")
        if added:
            said.append(f"{', '.join(added)} is not in the source: variables stay as they are")
    for kind, what in (("link", "a link's target"), ("code", "a code span")):
        if Counter(_targets(source, kind)) != Counter(_targets(target, kind)):
            said.append(f"{what} differs from the source's: translate the words, keep {what}")
    leftover = _literal_marks(target) - _literal_marks(source)
    if leftover > 0:
        said.append(
            "markup left half-written (an unpaired * or `, or [ ] without its link): pair "
            "it as the source does, or write \\* for a literal asterisk"
        )
    return said


def _targets(text: str, kind: str) -> list[str]:
    out: list[str] = []

    def walk(pieces) -> None:
        for piece in pieces:
            if isinstance(piece, Marked):
                if piece.kind == kind:
                    out.append(piece.target or "")
                walk(piece.children)

    walk(tree(text))
    return out


def _literal_marks(text: str) -> int:
    """How many markup characters a text shows as they are, outside code spans (markup
    that did not pair)."""
    shown = plain(text)
    in_code = "".join(_targets(text, "code"))
    return sum(shown.count(c) - in_code.count(c) for c in "*`[]")


def _fill(element, pieces, codes: dict[str, Code]) -> None:
    from lxml import etree

    last = None

    def add_text(text: str) -> None:
        if last is None:
            element.text = (element.text or "") + text
        else:
            last.tail = (last.tail or "") + text

    for piece in pieces:
        if isinstance(piece, str):
            at = 0
            for found in VARIABLE.finditer(piece):
                add_text(piece[at : found.start()])
                last = _ph(element, codes, "x-variable", found.group(0), Code("variable", None))
                at = found.end()
            add_text(piece[at:])
            continue
        ident = str(len(codes) + 1)
        if piece.kind == "code":
            last = _ph(element, codes, "x-code", f"`{piece.target}`", Code("code", piece.target))
            continue
        last = etree.SubElement(element, f"{{{XLIFF_NS}}}g", id=ident, ctype=_CTYPE[piece.kind])
        codes[ident] = Code(piece.kind, piece.target)
        _fill(last, piece.children, codes)


def _ph(element, codes: dict[str, Code], ctype: str, native: str, code: Code):
    from lxml import etree

    ident = str(len(codes) + 1)
    node = etree.SubElement(element, f"{{{XLIFF_NS}}}ph", id=ident, ctype=ctype)
    node.text = native
    codes[ident] = Code(code.kind, native if code.kind == "variable" else code.target)
    return node


def _pieces(element, source: dict[str, Code]):
    if element.text:
        yield element.text
    for child in element:
        local, ident = _local(child.tag), child.get("id", "")
        code = source.get(ident)
        if local in ("g", "ph") and code is None:
            raise MarkupError(f"tag id {ident!r} is not in the source: keep the source's tags")
        if local == "g":
            if code.kind not in _CTYPE:
                raise MarkupError(f"tag id {ident!r} is not markup the outline knows")
            children = tuple(_pieces(child, source))
            yield Marked(code.kind, children, code.target)
        elif local == "ph":
            if code.kind == "variable":
                yield code.target or ""
            else:
                yield Marked("code", target=code.target)
        else:
            raise MarkupError(
                f"<{local}> is not an inline code deckgen writes: keep the source's tags"
            )
        if child.tail:
            yield child.tail


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
