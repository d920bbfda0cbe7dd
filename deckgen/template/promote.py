"""A look that lives only in prompt text, made the placeholders' own style.

Templates exported by LibreOffice (and some made by hand) set their titles' and text's
font, size and colour only on the prompt text ("Click to add title") of each placeholder,
with no list style and no master text styles. PowerPoint shows the prompt so, but text a
person types, or a slide they add by hand, comes out in black Arial. So the prompt's
first-level run properties (size, bold, italic, colour, fonts) are copied into the
master placeholder's own list style, which layouts and slides inherit.
"""

from __future__ import annotations

import copy

from pptx.oxml.ns import qn

from .look import placeholders

# run properties that make the look, in DrawingML's order within a:defRPr
_ATTRIBUTES = ("sz", "b", "i")
_CHILDREN = ("a:solidFill", "a:latin", "a:ea", "a:cs")
_TEXT_TYPES = ("title", "ctrTitle", "body", "subTitle", "obj", None)


def promote_prompt_styles(prs) -> list[str]:
    """Copy prompt-text formatting into list styles, in every master (layouts inherit
    from them; a layout's own prompt is left as it is: LibreOffice writes one master's
    prompts into every master's layouts); the parts changed."""
    changed = []
    for owner in prs.slide_masters:
        if sum(_promote(ph._element) for ph in placeholders(owner)):
            changed.append(str(owner.part.partname))
    return changed


def _promote(sp) -> bool:
    ph = sp.find(qn("p:nvSpPr") + "/" + qn("p:nvPr") + "/" + qn("p:ph"))
    body = sp.find(qn("p:txBody"))
    if ph is None or body is None or ph.get("type") not in _TEXT_TYPES:
        return False
    if body.xpath("./a:lstStyle/a:lvl1pPr/a:defRPr"):
        return False  # it has a style of its own: the prompt only shows it
    prompt = body.xpath("./a:p[1]/a:r[1]/a:rPr | ./a:p[1]/a:endParaRPr")
    if not prompt:
        return False
    source = prompt[0]
    style = source.makeelement(qn("a:defRPr"), {})
    for name in _ATTRIBUTES:
        if source.get(name) is not None:
            style.set(name, source.get(name))
    for tag in _CHILDREN:
        child = source.find(qn(tag))
        if child is not None:
            style.append(copy.deepcopy(child))
    if not len(style) and not style.attrib:
        return False
    lst = body.find(qn("a:lstStyle"))
    if lst is None:
        lst = body.makeelement(qn("a:lstStyle"), {})
        body.find(qn("a:bodyPr")).addnext(lst)
    level = lst.find(qn("a:lvl1pPr"))
    if level is None:  # after a:defPPr, before the other levels (the schema's order)
        level = lst.makeelement(qn("a:lvl1pPr"), {})
        default = lst.find(qn("a:defPPr"))
        lst.insert(0 if default is None else 1, level)
    extension = level.find(qn("a:extLst"))
    if extension is None:
        level.append(style)
    else:
        extension.addprevious(style)
    return True
