"""Adding slides and notes pages fast: python-pptx makes the first of each kind, the rest
are copies.

python-pptx clones a layout's placeholders into every new slide, and the notes master's
into every notes page, looking each one up through its object model: a large share of a
long deck's time. The result is the same for every slide on one layout, and for every
notes page, so each is made once by python-pptx and copied after, with the same parts and
relationships in the same order: the package is byte-identical.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml.etree import SubElement
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.slide import CT_Slide
from pptx.parts.slide import NotesSlidePart, SlidePart

from ...layout.frames import Prose, Run
from ...pptx_private import (
    add_relationship,
    add_slide_id,
    escape_ctrl_chars,
    keep_as_bytes,
    next_slide_partname,
    part_element,
    slide_id_list,
)
from .package import NOTES_TEMPLATE
from .text import CODE_FONT
from .xmlns import DML, PML, REL

FIRST_SLIDE_ID = 256  # PowerPoint's, and python-pptx's


class SlideMaker:
    def __init__(self, prs) -> None:
        self.prs = prs
        self._trees: dict[tuple, object] = {}  # (layout, variant) -> a new slide's tree
        self._blank_notes = None  # a new notes page's element, before its text
        self._images: dict[str, object] = {}  # sha1 -> the package's image part
        self._last_id: int | None = None  # the highest slide id given

    def add_slide(self, layout, variant: tuple = (), prepare=None):
        """A new slide on ``layout``; ``prepare`` (called on the first of each
        ``variant``) adds what python-pptx leaves out, and the copies have it too."""
        key = (str(layout.part.partname), variant)
        tree = self._trees.get(key)
        if tree is None:
            slide = self.prs.slides.add_slide(layout)
            if prepare is not None:
                prepare(slide)
            self._trees[key] = deepcopy(slide.element.cSld.spTree)
            self._last_id = None  # python-pptx gave this one its id: count from the list again
            return slide
        # as python-pptx's add_slide, without its scans of every relationship and slide
        # id so far (which make a long deck quadratic): a new part matches none of them
        prs_part = self.prs.part
        slide_part = SlidePart(
            next_slide_partname(prs_part), CT.PML_SLIDE, prs_part.package, CT_Slide.new()
        )
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rid = add_relationship(prs_part.rels, RT.SLIDE, slide_part)
        slide = slide_part.slide
        old = slide.element.cSld.spTree
        old.getparent().replace(old, deepcopy(tree))
        id_list = slide_id_list(self.prs)
        if self._last_id is None:
            self._last_id = max([int(e.get("id")) for e in id_list] or [FIRST_SLIDE_ID - 1])
        self._last_id += 1
        add_slide_id(self.prs, self._last_id, rid)
        return slide

    def image_part(self, sha1: str, make):
        """The package's image part for a picture with ``sha1``: made once by ``make()``
        (python-pptx, which looks for it among every part), then reused."""
        part = self._images.get(sha1)
        if part is None:
            part = self._images[sha1] = make()
        return part

    def set_notes(self, slide, notes: Prose, lang: str = "en-US") -> None:
        """The slide's notes page with ``notes``, every run in ``lang`` (screen readers
        and the spelling checker read the language from each run)."""
        if self._blank_notes is None:
            notes_slide = slide.notes_slide
            self._blank_notes = deepcopy(notes_slide.element)
            part = notes_slide.part
        else:
            slide_part, package = slide.part, slide.part.package
            part = NotesSlidePart(
                package.next_partname(NOTES_TEMPLATE),
                CT.PML_NOTES_SLIDE,
                package,
                deepcopy(self._blank_notes),
            )
            part.relate_to(self.prs.part.notes_master_part, RT.NOTES_MASTER)
            part.relate_to(slide_part, RT.SLIDE)
            slide_part.relate_to(part, RT.NOTES_SLIDE)
        if not _write_notes(part_element(part), notes, part, lang):
            part.notes_slide.notes_text_frame.text = notes.text

    def finish(self, slide) -> None:
        """A slide (and its notes page) written: kept as its bytes from here on, so a
        long deck does not hold a tree of objects for every slide until it is saved."""
        for part in (slide.part, slide.part.part_related_by(RT.NOTES_SLIDE)):
            keep_as_bytes(part)


def _write_notes(notes_page, notes: Prose, part, lang: str) -> bool:
    """``notes`` into a notes page's body placeholder, as python-pptx's
    ``notes_text_frame.text`` writes them (a paragraph a line), each run in ``lang``
    with its emphasis, code and links as run properties (a link related from ``part``).
    False if the page has no body placeholder with a text body (python-pptx decides)."""
    body = next(
        (
            sp.find(PML + "txBody")
            for sp in notes_page.find(f"{PML}cSld/{PML}spTree")
            if sp.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph[@type='body']") is not None
        ),
        None,
    )
    if body is None:
        return False
    for old in body.findall(DML + "p"):
        body.remove(old)
    paragraph = SubElement(body, DML + "p")
    for styled in notes.runs:
        for index, line in enumerate(styled.text.split("\n")):
            if index:
                paragraph = SubElement(body, DML + "p")
            for number, piece in enumerate(_LINE_BREAK.split(line)):
                if number:
                    SubElement(paragraph, DML + "br")
                if piece:
                    run = SubElement(paragraph, DML + "r")
                    _run_properties(run, styled, part, styled.lang or lang)
                    SubElement(run, DML + "t").text = escape_ctrl_chars(piece)
    return True


_LINE_BREAK = re.compile("\v")


def _run_properties(run, style: Run, part, lang: str) -> None:
    """A notes run's properties: its language, and its run's style."""
    props = SubElement(run, DML + "rPr", lang=lang)
    if style.bold:
        props.set("b", "1")
    if style.italic:
        props.set("i", "1")
    if style.link:
        props.set("u", "sng")
    if style.code:
        SubElement(props, DML + "latin", typeface=CODE_FONT)
    if style.link:
        rid = part.relate_to(style.link, RT.HYPERLINK, is_external=True)
        SubElement(props, DML + "hlinkClick", {REL + "id": rid})
