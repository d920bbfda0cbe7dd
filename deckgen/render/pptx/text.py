"""Text boxes and placeholders: paragraphs with exact spacing, bullets and runs."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from xml.sax.saxutils import escape, quoteattr

from lxml.etree import SubElement, XMLParser, fromstring
from pptx.oxml import element_class_lookup

from ...layout.compositions import Typefaces
from ...layout.frames import Align, Anchor, Paragraph, Role, Run, TextBox
from ...pptx_private import escape_ctrl_chars
from .inherit import LEVELS, InheritedText
from .ink import Ink
from .units import centipoints, emu
from .xmlns import DML, PML, REL, level_size, new_sp, write_xfrm

# A fixed GUID: the slide-number field needs one, and builds must be reproducible.
SLIDENUM_FIELD_ID = "{3F5A8C1E-2B7D-4E6A-9C10-5D2E8F4B7A61}"


_AUTOFIT = tuple(DML + tag for tag in ("noAutofit", "normAutofit", "spAutoFit"))
_ANCHORS = {Anchor.TOP: "t", Anchor.MIDDLE: "ctr", Anchor.BOTTOM: "b"}


def fill_text_frame(body, box: TextBox, ink: Ink) -> None:
    """Write ``box``'s paragraphs into a text body (``p:txBody`` of a shape or
    placeholder): wrapped, never auto-fitted, anchored, with the box's insets."""
    body_pr = body.find(DML + "bodyPr")
    body_pr.set("wrap", "square")
    for old in [child for child in body_pr if child.tag in _AUTOFIT]:
        body_pr.remove(old)
    body_pr.insert(0, body_pr.makeelement(DML + "noAutofit", {}))
    body_pr.set("anchor", _ANCHORS[box.anchor])
    ins = box.insets
    for name, value in (
        ("lIns", ins.left),
        ("tIns", ins.top),
        ("rIns", ins.right),
        ("bIns", ins.bottom),
    ):
        body_pr.set(name, str(emu(value)))
    font = ink.heading_font if box.role is Role.TITLE else ink.body_font
    width = box.rect.w - ins.left - ins.right
    write_paragraphs(body, box.paragraphs, font, ink, box.field, width)


_P = DML + "p"
_ALGN = {Align.LEFT: "l", Align.CENTER: "ctr", Align.RIGHT: "r"}
# markup parsed into a text body: python-pptx's element classes, and every blank kept
_PARSER = XMLParser(resolve_entities=False)
_PARSER.set_element_class_lookup(element_class_lookup)
NAMESPACES = f'xmlns:a="{DML[1:-1]}" xmlns:p="{PML[1:-1]}" xmlns:r="{REL[1:-1]}"'
# code's monospace family by default (the design's ``faces.code``; what the deck writes)
CODE_FONT = Typefaces().code


def write_paragraphs(
    body, paragraphs, font: str, ink: Ink, field: str | None = None, width: int | None = None
):
    """Paragraphs into a text body element as runs in ``font`` (a theme font reference)
    and theme colours (``width``: EMU of the box's text area, where a paragraph set
    narrower gets a right margin). They are written as DrawingML markup and parsed at
    once: a fraction of the time of making their elements one by one (a 1,000-slide deck
    has 300,000)."""
    for old in body.findall(_P):
        body.remove(old)
    markup = [f"<x {NAMESPACES}>"]
    paragraphs_markup(markup, paragraphs, font, ink, field, width)
    markup.append("</x>")
    body.extend(parse_markup(markup))


def paragraphs_markup(
    markup: list[str],
    paragraphs,
    font: str,
    ink: Ink,
    field: str | None = None,
    width: int | None = None,
) -> None:
    """The ``a:p`` elements of ``paragraphs`` as markup, added to ``markup`` (one empty
    paragraph without a bullet if there are none: a text body needs one)."""
    if not paragraphs:
        markup.append("<a:p><a:pPr><a:buNone/></a:pPr></a:p>")
    margins = _right_margins(paragraphs, width)
    for para, right in zip(paragraphs, margins, strict=True):
        markup.append("<a:p>")
        _paragraph_properties(markup, para, ink, right)
        if field == "slidenum":
            _slide_number_field(markup, para, font, ink)
        else:
            _runs(markup, para, font, ink)
        markup.append("</a:p>")


def parse_markup(markup: list[str]):
    """The joined ``markup`` (an element whose root declares NAMESPACES) parsed into
    python-pptx's element classes, every blank kept."""
    return fromstring("".join(markup), _PARSER)


def _runs(markup: list[str], para: Paragraph, font: str, ink: Ink) -> None:
    # cap="none": some stock layouts set their titles in capitals
    head = f"<a:r><a:rPr{_size(para, ink)}"
    tail = f' lang={quoteattr(ink.lang)} cap="none"'
    typeface = _typeface(para, font, ink)
    code_typeface = f"<a:latin typeface={quoteattr(ink.faces.code)}/>"
    inherited = ink.inherited
    # in a placeholder, weight and slant only where they differ from what it gives
    bold = inherited.bold(para.level) if inherited is not None else None
    upright = "" if bold is not None else ' i="0"'

    def put(run: Run, text: str, link: str | None) -> None:
        markup.extend(
            (
                head,
                "" if run.bold == bold else ' b="1"' if run.bold else ' b="0"',
                ' i="1"' if run.italic else upright,
                tail if run.lang is None else f' lang={quoteattr(run.lang)} cap="none"',
                ' u="sng">' if link else ">",
                _fill(run.color or para.color, para.level, ink, link is not None),
                code_typeface if run.code else typeface,
                f'<a:hlinkClick r:id="{ink.links(link)}"/>' if link else "",
                "</a:rPr><a:t>",
                _text(text),
                "</a:t></a:r>",
            )
        )

    for index, run in enumerate(para.runs):
        link = run.link if ink.links is not None else None
        if link is None:
            put(run, run.text, None)
            continue
        # a link of several words: a run a word, the same link on each (as PowerPoint
        # writes a link over mixed formatting), so LibreOffice, which makes each linked
        # run an unbreakable field, can still break its lines between the words
        pieces = _WORDS.findall(run.text)
        for piece in pieces:
            put(run, piece, link)
        after = para.runs[index + 1] if index + 1 < len(para.runs) else None
        if len(pieces) > 1 and after is not None and after.link != link:
            # LibreOffice draws the last of several linked runs in the colour of the
            # text after it: an invisible character in the link's colour comes first
            put(run, ZERO_WIDTH_SPACE, None)


ZERO_WIDTH_SPACE = "\u200b"


def _size(para: Paragraph, ink: Ink) -> str:
    """The ``sz`` attribute of ``para``'s runs (with its leading blank), or nothing
    where the placeholder they are in gives that size anyway."""
    size = centipoints(para.size)
    inherited = ink.inherited
    if inherited is not None and inherited.size(para.level) == size:
        return ""
    return f' sz="{size}"'


def _typeface(para: Paragraph, font: str, ink: Ink) -> str:
    """A run's ``a:latin``, or nothing where the placeholder it is in gives ``font``
    anyway."""
    inherited = ink.inherited
    if inherited is not None and inherited.gives_font(para.level, font):
        return ""
    return f"<a:latin typeface={quoteattr(font)}/>"


def _fill(color: str, level: int, ink: Ink, link: bool = False) -> str:
    """A run's ``a:solidFill`` in ``color``, or nothing where the placeholder it is in
    gives that colour anyway (a link always says its own: PowerPoint would show the
    theme's link colour instead)."""
    inherited = ink.inherited
    if not link and inherited is not None and inherited.color(level) == color.upper():
        return ""
    return f"<a:solidFill>{ink.xml(color)}</a:solidFill>"


_WORDS = re.compile(r"\s*\S+\s*|\s+")


def _right_margins(paragraphs, width: int | None) -> list[str]:
    """Each paragraph's ``marR`` where one was set narrower than the text area it stands
    in (one box of several blocks: layout/stack.py), so PowerPoint breaks its lines
    where layout did; then every paragraph says its own (LibreOffice gives a paragraph
    without one the one before's). Nothing where all were set for the whole width."""
    rights = [
        max(0, int(width) - int(p.margin_left) - int(p.measure))
        if width is not None and p.measure is not None
        else 0
        for p in paragraphs
    ]
    if not any(rights):
        return [""] * len(paragraphs)
    return [f' marR="{right}"' for right in rights]


def _paragraph_properties(markup: list[str], para: Paragraph, ink: Ink, right: str = "") -> None:
    level = f' lvl="{para.level}"' if para.level else ""
    align = _ALGN[para.align]
    inherited = ink.inherited
    # in a placeholder, the alignment only where it differs from what the chain gives
    inherits = inherited is not None and inherited.align(para.level) == align
    algn = "" if inherits else f' algn="{align}"'
    markup.append(
        f'<a:pPr{algn}{level} marL="{int(para.margin_left)}"{right} '
        f'indent="{-int(para.hanging)}">'
        # children in schema order: lnSpc, spcBef, spcAft, buClr, buSzPct, buFont, buChar|buNone
        f'<a:lnSpc><a:spcPts val="{centipoints(para.line_pitch)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{centipoints(para.space_before)}"/></a:spcBef>'
        '<a:spcAft><a:spcPts val="0"/></a:spcAft>'
    )
    if para.bullet:
        markup.append(
            f"<a:buClr>{ink.xml(para.bullet_color or para.color)}</a:buClr>"
            f'<a:buSzPct val="100000"/><a:buFont typeface={quoteattr(ink.faces.bullet)}/>'
            f"<a:buChar char={quoteattr(para.bullet)}/></a:pPr>"
        )
    else:
        markup.append("<a:buNone/></a:pPr>")


def _slide_number_field(markup: list[str], para: Paragraph, font: str, ink: Ink) -> None:
    markup.append(
        f'<a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum">'
        f"<a:rPr lang={quoteattr(ink.lang)}{_size(para, ink)}>"
        f"{_fill(para.color, para.level, ink)}{_typeface(para, font, ink)}</a:rPr>"
        f"<a:t>{_text(para.text)}</a:t></a:fld>"
    )


def _text(text: str) -> str:
    """``text`` as element content that parses back to itself: python-pptx's escapes for
    control characters (a carriage return among them), then XML's for markup."""
    return escape(escape_ctrl_chars(text))


def add_text_box(shapes, box: TextBox, ink: Ink):
    """A text box's ``p:sp`` element, appended to the slide's shape tree: element for
    element what python-pptx's add_textbox writes, then ``box`` in it."""
    sp, props = new_sp(shapes.element, box.name, box.rect, txBox="1")
    SubElement(SubElement(props, DML + "prstGeom", prst="rect"), DML + "avLst")
    if box.fill:
        ink.put(SubElement(props, DML + "solidFill"), box.fill)
    else:
        SubElement(props, DML + "noFill")
    body = SubElement(sp, PML + "txBody")
    SubElement(body, DML + "bodyPr", wrap="none")
    SubElement(body, DML + "lstStyle")
    fill_text_frame(body, box, ink)
    return sp


def fill_placeholder(element, box: TextBox, ink: Ink, own_box: bool = True):
    """``box`` in a slide placeholder (its element): its position where it stands
    elsewhere than its layout's (``own_box``), its name and text."""
    sp_pr = element.find(PML + "spPr")
    xfrm = sp_pr.find(DML + "xfrm")
    if xfrm is not None:
        sp_pr.remove(xfrm)
    if own_box:
        xfrm = sp_pr.makeelement(DML + "xfrm", {})
        sp_pr.insert(0, xfrm)
        write_xfrm(xfrm, box.rect)
    element.find(f"{PML}nvSpPr/{PML}cNvPr").set("name", box.name)
    body = element.get_or_add_txBody()
    if ink.inherited is not None:
        ink = ink.inheriting(_own_sizes(body, box.paragraphs, ink.inherited))
    fill_text_frame(body, box, ink)
    return element


def _own_sizes(body, paragraphs, inherited: InheritedText) -> InheritedText:
    """Where a placeholder's text is set in another size than its layout gives (a
    glossary's listing size, sub-points a template leaves unsized, a box shrunk to fit),
    the size most of its paragraphs at that level use, written once in the
    placeholder's own list style, first in the chain its runs inherit from: they write
    none, and a paragraph the presenter adds there comes out alike. What the runs then
    inherit."""
    counts: dict[int, Counter] = {}
    for para in paragraphs:
        counts.setdefault(min(para.level, LEVELS - 1), Counter())[centipoints(para.size)] += 1
    sizes = list(inherited.sizes)
    for level, sized in sorted(counts.items()):
        usual = sized.most_common(1)[0][0]
        if sizes[level] != usual:
            level_size(body, usual, level + 1)
            sizes[level] = usual
    return replace(inherited, sizes=tuple(sizes))
