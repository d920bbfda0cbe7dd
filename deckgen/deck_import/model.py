"""What reading a deck hands to writing an outline: the outline as plain data in the
outline's own schema (``docs/outline.schema.json``), the comments a person would want
beside it, the pictures to write, the source's design, and what became of each slide.

Plain dataclasses, no behaviour: both halves of ``deckgen import`` build on this and
nothing else of each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A place in the outline: keys and list indices from the root, e.g.
# ("sections", 0, "slides", 2, "title"). The same paths ``deckgen sync`` uses.
from ..outline.spans import OutlinePath


@dataclass(frozen=True)
class Asset:
    """A picture to write as ``assets/<name>``: its bytes as they will be written (PNG,
    JPEG or SVG; other formats already converted), once however many slides show it."""

    name: str  # a file name, no folder: "phishing-mail.png"
    data: bytes
    slides: tuple[int, ...]  # the source slide numbers (from 1) that show it


@dataclass(frozen=True)
class ImportWarning:
    """Something the outline cannot hold or the deck did not say, with its slide."""

    slide: int | None  # source slide number from 1; None for the deck as a whole
    message: str  # "SmartArt 'Process' left out: its text is kept as bullets"


@dataclass(frozen=True)
class SlideRecord:
    """What one source slide became, for the report ``import`` prints."""

    slide: int  # source slide number from 1
    kind: str  # the outline kind ("bullets", "definition", …), "meta" for the title
    # slide, "section" for a divider, "dropped" for a slide with nothing to keep
    path: OutlinePath | None  # where it went in the outline (None: meta or dropped)
    summary: str  # "bullets: 5 points, 2 sub-points"
    hidden: bool = False


@dataclass
class ImportedDeck:
    """A deck read: ``outline`` is the outline as data (mappings, lists, strings,
    numbers and booleans only; picture paths are ``assets/<name>``; the template is
    ``theme.template.path: template.pptx`` when ``template`` is given), which must
    validate against the outline's schema as it is."""

    outline: dict
    assets: list[Asset] = field(default_factory=list)
    template: bytes | None = None  # the source's design, cleaned: no slides left
    comments: dict[OutlinePath, str] = field(default_factory=dict)  # a line above the value
    slides: list[SlideRecord] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
