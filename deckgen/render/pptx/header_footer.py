"""Insert › Header & Footer on the deck's masters and layouts.

A master without ``<p:hf>`` leaves PowerPoint's Header & Footer dialog with nothing to
manage, and a slide a person adds from a layout gets no footer and no number. So each
master that has none (and its layouts) says: footer and slide number on, header and date
off (deckgen writes no date). Every empty footer placeholder of a master or layout gets
the deck's footer text, which PowerPoint copies onto a slide added from that layout.

On deckgen's own template the stock date placeholder is removed from the master and its
layouts: its box lies under the footer, which runs from the margin to the slide number
(a date there would overlap the footer the moment someone ticks Date); an organisation's
template keeps its date box where its designer put it, hidden by ``dt="0"``.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

from ...layout.frames import Deck, Placeholder
from .chrome_placeholders import add_chrome_placeholders, first_box
from .slots import ph_type, placeholder_elements
from .units import centipoints
from .xmlns import level_size

# the children that follow <p:hf> in a master (txStyles, extLst) and in a layout (extLst)
_AFTER_HF = (qn("p:txStyles"), qn("p:extLst"))
_FLAGS = {"hdr": "0", "dt": "0"}  # ftr and sldNum default to on


def header_footer(prs, deck: Deck, lang: str, own: bool) -> None:
    """``<p:hf>`` on each master lacking one and on its layouts, the footer text in empty
    footer placeholders; on deckgen's own template (``own``) no date placeholders."""
    footer, size = footer_text(deck), _fitted_size(deck)
    if not own:  # a template's master without a footer or number placeholder gets them
        add_chrome_placeholders(prs, deck, lang)
    for master in prs.slide_masters:
        owners = (master, *master.slide_layouts)
        if master.element.find(qn("p:hf")) is None:
            for owner in owners:
                add_hf(owner.element)
        for owner in owners:
            if own:
                _drop_dates(owner)
            if footer:
                _fill_footer(owner, footer, lang, size)


def footer_text(deck: Deck) -> str:
    """The text of the deck's first footer ("" if no slide has one)."""
    box = first_box(deck, Placeholder.FOOTER)
    if box is None:
        return ""
    return "\n".join("".join(run.text for run in p.runs) for p in box.paragraphs)


def _fitted_size(deck: Deck) -> str | None:
    """The first footer's size (hundredths of a point, as written) where it was set
    smaller than the design's footer size to fit its line, else None."""
    box = first_box(deck, Placeholder.FOOTER)
    size = box.paragraphs[0].size if box is not None and box.paragraphs else None
    if size is None or size == deck.design.scale.chrome:
        return None
    return centipoints(size)


def add_hf(element) -> None:
    """``<p:hf>`` in its place in a master's or layout's children, unless it has one."""
    if element.find(qn("p:hf")) is not None:
        return
    hf = element.makeelement(qn("p:hf"), _FLAGS)
    following = next((child for child in element if child.tag in _AFTER_HF), None)
    if following is not None:
        following.addprevious(hf)
    else:
        element.append(hf)


def _placeholders_of(owner, xml_type: str) -> list:
    tree = owner.element.find(qn("p:cSld") + "/" + qn("p:spTree"))
    return [shape for shape in placeholder_elements(tree) if ph_type(shape) == xml_type]


def _drop_dates(owner) -> None:
    for shape in _placeholders_of(owner, "dt"):
        shape.getparent().remove(shape)


def _fill_footer(owner, text: str, lang: str, size: str | None) -> None:
    """The deck's footer text in ``owner``'s empty footer placeholders; in all of them
    the size the deck's footer was set in to fit its line (where smaller than the
    template's), so slides' footers inherit it and a slide added by hand shows the
    footer as the generated ones do."""
    for shape in _placeholders_of(owner, "ftr"):
        body = shape.find(qn("p:txBody"))
        if body is not None and size is not None:
            level_size(body, size)
        if body is None or "".join(body.itertext()).strip():
            continue  # the template's own footer text stays
        for para in body.findall(qn("a:p")):
            body.remove(para)
        for line in text.split("\n"):
            para = body.makeelement(qn("a:p"), {})
            run = para.makeelement(qn("a:r"), {})
            run.append(run.makeelement(qn("a:rPr"), {"lang": lang}))
            run.append(run.makeelement(qn("a:t"), {}))
            run[-1].text = line
            para.append(run)
            body.append(para)
