"""The handout's typed blocks: what layout decides (``layout/handout.py``,
``handout_back.py``, ``guide.py`` and each kind's ``handout`` hook) and every renderer
draws (the PDF handout and guide, the web handout).

The blocks are generic: a heading, paragraphs, a bulleted list, a figure (a slide with
its caption and notes, or a page of them), a table, a definition list, numbered sources,
a question list and its key. None names a kind and no renderer knows one: a kind
contributes through its hook what any of these blocks can carry.

Lengths are points (the handout is print). Every text a renderer flows is
:class:`~deckgen.layout.frames.Prose` (runs with their emphasis, code and links,
decided here); a plain ``str`` is drawn as it is (bookmarks, the running header,
deckgen's own headings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SourcePos
from .frames import Deck, Prose, SlideFrame
from .text import prose_of

if TYPE_CHECKING:
    from ..labels import Labels
    from .design import Design


@dataclass(frozen=True)
class HandoutOptions:
    per_page: int | None = None  # None: the notes layout
    lines: bool = False  # ruled lines for the attendee's own notes
    paper: str = "a4"  # or "letter"
    answers: bool = False  # the presenter's copy: quiz answers and reveal slides in it


@dataclass(frozen=True)
class SourcedText:
    """Text as runs and where it came from (a glyph no font has names this line)."""

    prose: Prose
    pos: SourcePos | None = None

    @property
    def text(self) -> str:
        """What it reads as, without its emphasis (bookmarks, contents entries)."""
        return self.prose.text


def sourced(text: str, pos: SourcePos | None = None) -> SourcedText:
    """Outline text (or a label) as the handout sets it."""
    return SourcedText(prose_of(text), pos)


@dataclass(frozen=True)
class PageFrame:
    """The paper and the frames text flows in, in points."""

    width: float
    height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    footer_room: float

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def frame_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom - self.footer_room


@dataclass(frozen=True)
class Running:
    """The running header and footer of every page but the cover."""

    left_header: str
    right_header: str
    footer: str
    page_label: str  # "page {page} of {total}", in the talk's language
    first_pass_label: str  # "page {page}": before the page count is known
    pos: SourcePos | None = None  # where the title, presenter and organisation come from


# ---------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class PlanTable:
    """The facilitator guide's session plan: a row a section, then the end and total."""

    heading: str
    header: tuple[Prose, ...]
    rows: tuple[tuple[Prose, ...], ...]
    total: tuple[Prose, ...]
    widths: tuple[float, ...]  # points, the frame's width together
    row_header: int | None = None  # the column that names each row (the section's)


@dataclass(frozen=True)
class Cover:
    """The first page: the title, the talk's facts, the contents (or the guide's session
    plan in their place) and the disclosure."""

    title: SourcedText
    subtitle: SourcedText | None
    facts: tuple[tuple[Prose, Prose], ...]  # (label, value)
    disclosure: SourcedText | None
    bars: tuple[str, ...]  # the concepts' colours across the top
    contents: str  # the contents' heading, in the talk's language
    plan: PlanTable | None = None  # the guide's session plan, in place of the contents


@dataclass(frozen=True)
class Heading:
    """A section heading: a bookmark and a contents entry, in the section's colour."""

    text: SourcedText
    key: str
    color: str | None = None
    subtitle: SourcedText | None = None
    keep: float = 0.0  # start a new page unless this much room is left
    space_before: float = 0.0  # room above it (on the page it lands on)


@dataclass(frozen=True)
class Paragraphs:
    """Running text: each text a paragraph (its line breaks kept) in one of the design's
    handout styles (``design.handout.styles``: "notes" for running text, "small"…)."""

    texts: tuple[SourcedText, ...]
    style: str = "notes"


@dataclass(frozen=True)
class ItemList:
    """A bulleted list, each item a paragraph in one of the design's handout styles;
    ``key`` names it in the PDF's structure tree (its heading is a :class:`Heading`
    before it)."""

    items: tuple[SourcedText, ...]
    key: str
    style: str = "notes"


@dataclass(frozen=True)
class SlideWithNotes:
    """A figure: one slide drawn from its frame, with its caption (the heading it is read
    under) and paragraphs of notes beside it, or below it when they are long."""

    frame: SlideFrame
    caption: Prose  # "7. What is AI security?"
    notes: tuple[Prose, ...]  # paragraphs
    thumb_width: float
    text_width: float
    gap: float
    lines_height: float  # ruled lines under the notes (0: none)
    beside_max: float  # notes taller than this flow below the slide instead of beside it
    level: int = 1  # its bookmark's level: 0 before the first section heading


@dataclass(frozen=True)
class GridCell:
    """A figure in a :class:`SlideGrid`: one slide drawn from its frame, its caption
    under it; where a section starts, its bookmark."""

    frame: SlideFrame
    caption: Prose
    section: tuple[str, str] | None  # (bookmark key, plain title) if a section starts here
    level: int = 1  # its bookmark's level: 0 before the first section


@dataclass(frozen=True)
class SlideGrid:
    """One page of figures, N slides a page (PowerPoint's 1/2/3/4/6/9)."""

    cells: tuple[GridCell, ...]
    columns: int
    row_height: float
    cell_width: float
    thumb_width: float
    gap: float
    lines_height: float  # ruled lines under each slide (0: none)
    lines_beside: float  # 3 a page: the width of the lines beside each slide (0: none)


@dataclass(frozen=True)
class ReadingTable:
    """A table at reading size, under its heading and a note (a kind's handout hook makes
    it: the comparison's; the handout numbers its bookmark key, ``table-0``…)."""

    heading: Heading
    note: Prose
    header: tuple[SourcedText, ...]
    rows: tuple[tuple[SourcedText, ...], ...]
    header_fills: tuple[str, ...]
    header_inks: tuple[str, ...]
    col_widths: tuple[float, ...]
    band: str
    row_headers: bool = False  # the first column names each row


@dataclass(frozen=True)
class DefinedTerm:
    """A glossary entry: the term and its definition."""

    term: Prose
    definition: Prose
    pos: SourcePos | None = None


@dataclass(frozen=True)
class DefinitionList:
    """Terms and their definitions (the glossary)."""

    heading: Heading
    terms: tuple[DefinedTerm, ...]


@dataclass(frozen=True)
class CitedReference:
    """A numbered source: its label, title, details and address, and a muted note after
    it (where the slides quote it)."""

    label: str  # "[1]"
    title: Prose
    details: Prose | None  # author, publisher, year
    url: str | None  # the web page it links to
    url_text: Prose | None  # its address as it reads (a link where ``url`` is given)
    cited_on: tuple[int, ...]  # slide numbers that quote it
    pos: SourcePos | None = None
    cited: str = ""  # "Quoted on slides 7 and 12.", in the talk's language
    # the full stop after its title, its details and its address, in the talk's language;
    # "" after one that ends a sentence itself ("Example Co."), never a doubled stop
    stops: tuple[str, str, str] = (".", ".", ".")


@dataclass(frozen=True)
class ReferenceList:
    """Numbered sources under their heading (the references)."""

    heading: Heading
    references: tuple[CitedReference, ...]


@dataclass(frozen=True)
class Question:
    """A question a slide asks (a kind's handout hook gives it: the quiz's): its text,
    its lettered options and its answer; in a :class:`QuestionList` or an
    :class:`AnswerKey` numbered ("1. Which …?")."""

    question: Prose
    options: tuple[tuple[str, Prose], ...]  # (its letter, its text)
    answer: Prose
    pos: SourcePos | None = None


@dataclass(frozen=True)
class QuestionList:
    """Every question the slides ask, with boxes to tick and never the answers: the
    participants' own check (the worksheet)."""

    heading: Heading
    questions: tuple[Question, ...]
    box: str = "\u25a1"  # □: a box to tick before each option


@dataclass(frozen=True)
class AnswerKey:
    """The questions' answers, on a page of their own (the presenter's copy only)."""

    heading: Heading
    questions: tuple[Question, ...]


HandoutBlock = (
    Cover
    | Heading
    | SlideWithNotes
    | SlideGrid
    | ReadingTable
    | DefinitionList
    | ReferenceList
    | Paragraphs
    | QuestionList
    | AnswerKey
    | ItemList
)


@dataclass(frozen=True)
class HandoutLayout:
    deck: Deck
    design: Design
    page: PageFrame
    running: Running
    cover: Cover
    body: tuple[HandoutBlock, ...]
    title: str
    author: str
    subject: str
    keywords: str
    language: str


# ---------------------------------------------------------- what slides contribute


@dataclass(frozen=True)
class HandoutContext:
    """What a kind's ``handout`` hook is handed: the deck number of the slide's first
    page, the design, the printed page and the talk's words."""

    number: int
    design: Design
    page: PageFrame
    labels: Labels


@dataclass(frozen=True)
class Citation:
    """A source a slide quotes: its reference, or who said it and where (the handout's
    references list it with the slides that quote it)."""

    number: int  # the slide it is quoted on
    reference: str | None
    attribution: str
    source: str | None
    pos: SourcePos | None = None


# what a hook returns: a table for the back matter, a question for the question list
# (and the presenter's key), a source the references cite
Contribution = ReadingTable | Question | Citation
