"""A look that lives only in prompt text, made the placeholders' own style.

Templates exported by LibreOffice (and some made by hand) set their titles' and text's
font, size and colour only on the prompt text ("Click to add title") of each placeholder,
with no list style and no master text styles. PowerPoint shows the prompt so, but text a
person types, or a slide they add by hand, comes out in black Arial. So each level's
prompt ("Click to edit the outline text format", "Second Outline Level" …) gives its run
properties (size, bold, italic, colour, fonts), and its indents where the level has
none, to that level of the master placeholder's own list style, which layouts and
slides inherit.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

from .. import oxml
from .look import placeholders

# run properties that make the look, in DrawingML's order within a:defRPr
_ATTRIBUTES = ("sz", "b", "i")
_CHILDREN = ("a:solidFill", "a:latin", "a:ea", "a:cs")
_TEXT_TYPES = ("title", "ctrTitle", "body", "subTitle", "obj", None)
_INDENTS = ("marL", "indent")  # a level's indents, from the prompt where its style has none


def promote_prompt_styles(prs) -> list[str]:
    """Copy prompt-text formatting into list styles, in every master (layouts inherit
    from them; a layout's own prompt is left as it is: LibreOffice writes one master's
    prompts into every master's layouts); the parts changed."""
    changed = []
    for owner in prs.slide_masters:
        if sum(_promote(ph.element) for ph in placeholders(owner)):
            changed.append(str(owner.part.partname))
    return changed


def _promote(sp) -> bool:
    ph = sp.find(qn("p:nvSpPr") + "/" + qn("p:nvPr") + "/" + qn("p:ph"))
    body = sp.find(qn("p:txBody"))
    if ph is None or body is None or ph.get("type") not in _TEXT_TYPES:
        return False
    promoted = False
    for number, paragraph in _first_of_each_level(body).items():
        promoted |= _promote_level(body, number, paragraph)
    return promoted


def _first_of_each_level(body) -> dict[int, object]:
    """The prompt's first paragraph at each level (1 to 9): "Click to edit the outline
    text format", "Second Outline Level" … each shows its level's look."""
    found = {}
    for paragraph in body.findall(qn("a:p")):
        props = paragraph.find(qn("a:pPr"))
        written = props.get("lvl", "0") if props is not None else "0"
        number = int(written) + 1 if written.isdigit() and int(written) < 9 else 1
        found.setdefault(number, paragraph)
    return found


def _promote_level(body, number: int, paragraph) -> bool:
    """The prompt paragraph's run look (and its indents, where the level says none)
    made level ``number``'s style, unless the placeholder's list style gives one."""
    if body.xpath(f"./a:lstStyle/a:lvl{number}pPr/a:defRPr"):
        return False  # it has a style of its own: the prompt only shows it
    prompt = paragraph.xpath("./a:r[1]/a:rPr | ./a:endParaRPr")
    if not prompt:
        return False
    source = prompt[0]
    attributes = {name: source.get(name) for name in _ATTRIBUTES if source.get(name) is not None}
    children = [child for tag in _CHILDREN if (child := source.find(qn(tag))) is not None]
    if not children and not attributes:
        return False
    props = paragraph.find(qn("a:pPr"))
    indents = {
        name: props.get(name)
        for name in _INDENTS
        if props is not None and props.get(name) is not None
    }
    oxml.add_level_run_style(body, number, attributes, children, indents)
    return True
