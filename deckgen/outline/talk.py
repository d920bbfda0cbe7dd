"""The talk one build lays out: an outline after tailoring, with no audiences left in it.

:func:`deckgen.outline.tailor.tailor` makes a :class:`Talk` from an outline for one
audience (or none). It has no ``only``/``skip`` lists, no per-audience
``overrides``, no audience profiles and no variables: every choice about who sees
what has been made, every ``{name}`` filled in. Layout takes a Talk, so layout
never sees audiences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ..errors import Diagnostic, SourcePos
from ..kinds import REGISTRY, KindRegistry
from ..labels import Labels, labels_for
from ..nodes import Image
from . import model as m
from .files import CheckedPicture, check_picture
from .pixels import PictureInks, picture_inks


@dataclass(frozen=True)
class TalkSection:
    title: str
    slides: tuple[m.Slide, ...]
    subtitle: str | None = None
    divider: bool = True
    concept: str | None = None
    id: str | None = None
    pos: SourcePos | None = None
    minutes: float | None = None  # planned
    # where it stands in the outline: its index under 'sections' and each slide's index
    # under its 'slides' (an audience's cut leaves some out; deckgen sync needs the path)
    index: int | None = None
    slide_indices: tuple[int, ...] = ()
    pause: float | None = None  # a break of these minutes after the section
    agenda: bool | None = None  # listed in the agenda; None: when it has a divider

    @property
    def listed(self) -> bool:
        """Whether the agenda lists it: as the outline says, else when it has a divider."""
        return self.divider if self.agenda is None else self.agenda


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    term: str
    definition: str
    pos: SourcePos | None = None


@dataclass(frozen=True)
class Talk:
    meta: m.Meta
    theme: m.Theme
    concepts: Mapping[str, m.Concept]
    sections: tuple[TalkSection, ...]
    glossary: tuple[Term, ...] = ()
    references: tuple[m.Reference, ...] = ()
    base_dir: str = "."
    pos: SourcePos | None = None
    # the checked pictures, by their path as written (overlays' made absolute)
    pictures: Mapping[str, CheckedPicture] = field(default_factory=dict)
    # deckgen's own words in the talk's language, the outline's and audience's in place
    labels: Labels = field(default_factory=lambda: labels_for("en"))
    pace: m.Pace = field(default_factory=m.Pace)  # how talk time is estimated from notes
    # the kinds its slides are: layout dispatches through it and never imports them
    kinds: KindRegistry = REGISTRY
    # draws an SVG as a PNG on a see-through ground (the build's renderer), so a logo's
    # edges can be read; None: an SVG's are not
    svg_png: Callable[[bytes, int, int], bytes] | None = None

    def inks(self, data: bytes, vector: bool, aspect: float = 1.0) -> PictureInks | None:
        """A placed picture's edge colours (``outline/pixels.py``), None where unread."""
        return picture_inks(data, vector, self.svg_png, aspect)

    def picture(self, image: Image) -> tuple[CheckedPicture | None, list[Diagnostic]]:
        """The picture ``image`` names, as the loader checked it (a talk built without
        the loader has it checked now: regular files inside the talk's folder only)."""
        checked = self.pictures.get(image.path)
        if checked is not None:
            return checked, []
        return check_picture(image.path, self.base_dir, self.base_dir, image.pos)

    def slides(self) -> Iterator[tuple[TalkSection, m.Slide]]:
        """Every (section, slide) pair in order."""
        for section in self.sections:
            for slide in section.slides:
                yield section, slide

    def indexed_slides(self) -> Iterator[tuple[int, int, m.Slide]]:
        """Every (section index, slide index in it, slide) in order."""
        for i, section in enumerate(self.sections):
            for j, slide in enumerate(section.slides):
                yield i, j, slide
