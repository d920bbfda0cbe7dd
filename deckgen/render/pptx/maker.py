"""Adding slides and notes pages fast: python-pptx makes the first of each kind, the rest
are copies.

python-pptx clones a layout's placeholders into every new slide, and the notes master's
into every notes page, looking each one up through its object model: a large share of a
long deck's time. The result is the same for every slide on one layout, and for every
notes page, so each is made once by python-pptx and copied after, with the same parts and
relationships in the same order: the package is byte-identical.
"""

from __future__ import annotations

from copy import deepcopy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import XmlPart
from pptx.parts.slide import NotesSlidePart

from .package import NOTES_TEMPLATE


class SlideMaker:
    def __init__(self, prs) -> None:
        self.prs = prs
        self._trees: dict[tuple, object] = {}  # (layout, variant) -> a new slide's tree
        self._blank_notes = None  # a new notes page's element, before its text

    def add_slide(self, layout, variant: tuple = (), prepare=None):
        """A new slide on ``layout``; ``prepare`` (called on the first of each
        ``variant``) adds what python-pptx leaves out, and the copies have it too."""
        key = (str(layout.part.partname), variant)
        tree = self._trees.get(key)
        if tree is None:
            slide = self.prs.slides.add_slide(layout)
            if prepare is not None:
                prepare(slide)
            self._trees[key] = deepcopy(slide._element.cSld.spTree)
            return slide
        rid, slide = self.prs.part.add_slide(layout.part)
        old = slide._element.cSld.spTree
        old.getparent().replace(old, deepcopy(tree))
        self.prs.slides._sldIdLst.add_sldId(rid)
        return slide

    def set_notes(self, slide, notes: str) -> None:
        if self._blank_notes is None:
            notes_slide = slide.notes_slide
            self._blank_notes = deepcopy(notes_slide._element)
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
            notes_slide = part.notes_slide
        notes_slide.notes_text_frame.text = notes

    def finish(self, slide) -> None:
        """A slide (and its notes page) written: kept as its bytes from here on, so a
        long deck does not hold a tree of objects for every slide until it is saved."""
        for part in (slide.part, slide.part.part_related_by(RT.NOTES_SLIDE)):
            if isinstance(part, XmlPart) and not isinstance(part, _Written):
                blob = part.blob
                part.__class__ = _Written
                part._written = blob
                part._element = None
                for cached in ("slide", "notes_slide"):  # proxies that hold the tree
                    part.__dict__.pop(cached, None)


class _Written(XmlPart):
    """An XML part already serialised: its bytes, not its tree."""

    _written: bytes

    @property
    def blob(self) -> bytes:  # pyright: ignore[reportIncompatibleMethodOverride]
        return self._written
