"""The outline model: a closed, immutable set of node types.

Nothing here knows about YAML, python-pptx or reportlab. The loader builds these
from YAML (mapping every validation error back to file:line:col); tailoring maps
an Outline to an Outline; layout reads them. Every node carries ``pos``, the
place in the source it came from, so later stages can point warnings at it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import SourcePos

Text = Annotated[str, StringConstraints(min_length=1)]
Name = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$")]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]

POS_KEY = "__pos__"


class Node(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True, validate_default=False
    )

    pos: SkipJsonSchema[SourcePos | None] = Field(
        default=None, alias=POS_KEY, exclude=True, repr=False
    )

    @model_validator(mode="before")
    @classmethod
    def _take_pos(cls, data):
        # The loader hands over mappings that know where they start (PosDict).
        pos = getattr(data, "source_pos", None) if isinstance(data, dict) else None
        if pos is not None:
            data = dict(data)
            data[POS_KEY] = pos
        return data


def _text_shorthand(data, key: str = "text"):
    """Allow a plain string where a mapping with one text field is expected."""
    if isinstance(data, str):
        return {key: data}
    return data


AudienceList = list[Name]


class Selectable(Node):
    """A part that can be limited to (``only``) or withheld from (``skip``) audiences."""

    only: AudienceList | None = Field(
        default=None, description="Keep this only for these audiences (keys of `audiences`)."
    )
    skip: AudienceList | None = Field(
        default=None, description="Leave this out for these audiences (keys of `audiences`)."
    )

    def kept_for(self, audience: str | None) -> bool:
        if audience is None:
            return True
        if self.only is not None and audience not in self.only:
            return False
        return not (self.skip and audience in self.skip)


# ---------------------------------------------------------------------------
# Leaves


class Image(Node):
    """A picture file (PNG or JPEG) with the alt text screen readers announce."""

    path: Text = Field(description="PNG or JPEG file, relative to the outline's folder.")
    alt: Text = Field(description="What the picture shows, for screen readers.")


class Bullet(Selectable):
    text: Text
    sub: list[Text] = Field(default_factory=list, description="Second-level bullets.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return _text_shorthand(data)


class Takeaway(Selectable):
    text: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return _text_shorthand(data)


class Column(Node):
    label: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return _text_shorthand(data, "label")


class AnalogyPanel(Node):
    heading: Text
    image: Image | None = None


class AnalogyPair(Node):
    left: Text
    right: Text


# ---------------------------------------------------------------------------
# Slides


class Note(Selectable):
    """A paragraph of speaker notes, which can be limited to some audiences."""

    text: Text

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return _text_shorthand(data)


Notes = str | list[Note]


class _Slide(Selectable):
    id: Name | None = Field(default=None, description="Stable id (for overlays).")
    notes: Notes | None = Field(
        default=None,
        description="Speaker notes: text, or a list of paragraphs (each text or "
        "{text, only, skip}).",
    )
    overrides: dict[Name, dict] = Field(
        default_factory=dict,
        description="Per audience, fields of this slide to replace (title, text, notes…).",
    )


class TitleSlide(_Slide):
    """The opening slide. Title, subtitle and presenter line default to `meta`."""

    kind: Literal["title"]
    title: Text | None = None
    subtitle: Text | None = None


class AgendaSlide(_Slide):
    """Lists the sections that have a divider slide."""

    kind: Literal["agenda"]
    title: Text = "Agenda"


class BulletsSlide(_Slide):
    kind: Literal["bullets"]
    title: Text
    bullets: list[Bullet] = Field(min_length=1)
    concept: Name | None = Field(default=None, description="A key of `concepts`.")
    image: Image | None = None


class DefinitionSlide(_Slide):
    """A quoted definition, large, with its attribution."""

    kind: Literal["definition"]
    title: Text
    term: Text = Field(description="The term being defined, e.g. 'AI security'.")
    quote: Text
    attribution: Text = Field(description="Who said it, e.g. 'Amazon Web Services (AWS)'.")
    source: Text | None = Field(default=None, description="Where, e.g. 'Security whitepaper'.")
    reference: Name | None = Field(default=None, description="An id in `references`.")
    concept: Name | None = Field(default=None, description="A key of `concepts`.")


class AnalogySlide(_Slide):
    """Two panels side by side, the mapping between them spelled out row by row."""

    kind: Literal["analogy"]
    title: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")
    left: AnalogyPanel
    right: AnalogyPanel
    pairs: list[AnalogyPair] = Field(min_length=1)
    summary: Text | None = None


class ComparisonSlide(_Slide):
    """A native table: a header row and one column per concept."""

    kind: Literal["comparison"]
    title: Text
    columns: list[Column] = Field(min_length=2)
    rows: list[list[Text]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_match_header(self):
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "row_length",
                    "row {number} has {cells} cells but the table has {columns} columns",
                    {"row": i, "number": i + 1, "cells": len(row), "columns": len(self.columns)},
                )
        return self


class TakeawaysSlide(_Slide):
    kind: Literal["takeaways"]
    title: Text
    points: list[Takeaway] = Field(min_length=1, max_length=4)


class GlossarySlide(_Slide):
    """Lists the outline's glossary."""

    kind: Literal["glossary"]
    title: Text = "Glossary"


class ReferencesSlide(_Slide):
    """Lists the outline's references."""

    kind: Literal["references"]
    title: Text = "References"


class ClosingSlide(_Slide):
    kind: Literal["closing"]
    title: Text = "Thank you"
    message: Text | None = None
    show_disclosure: bool = Field(default=True, description="Print meta.disclosure.")


Slide = Annotated[
    TitleSlide
    | AgendaSlide
    | BulletsSlide
    | DefinitionSlide
    | AnalogySlide
    | ComparisonSlide
    | TakeawaysSlide
    | GlossarySlide
    | ReferencesSlide
    | ClosingSlide,
    Field(discriminator="kind"),
]

SLIDE_KINDS: tuple[str, ...] = (
    "title",
    "agenda",
    "bullets",
    "definition",
    "analogy",
    "comparison",
    "takeaways",
    "glossary",
    "references",
    "closing",
)


# ---------------------------------------------------------------------------
# Document level


class Section(Selectable):
    id: Name | None = None
    title: Text
    subtitle: Text | None = None
    divider: bool = Field(default=True, description="Open the section with a divider slide.")
    concept: Name | None = Field(default=None, description="Colours the divider.")
    slides: list[Slide] = Field(min_length=1)


class Meta(Node):
    title: Text
    subtitle: Text | None = None
    presenter: Text | None = None
    organisation: Text | None = None
    date: Text | None = None
    language: Text = "en"
    footer: Text | None = Field(default=None, description="Footer text; defaults to the title.")
    disclosure: Text | None = Field(default=None, description="AI-assistance disclosure.")
    keywords: list[Text] = Field(default_factory=list)


class Concept(Node):
    label: Text
    color: Color
    icon: Image | None = None


class ThemeColors(Node):
    primary: Color = "#1F2A44"
    text: Color = "#1F2933"
    muted: Color = "#5B6670"
    background: Color = "#FFFFFF"
    surface: Color = Field(default="#F3F5F8", description="Panels and banded rows.")


class Theme(Node):
    font: Text = Field(default="Arial", description="One sans family for the deck.")
    colors: ThemeColors = Field(default_factory=ThemeColors)
    logo: Image | None = None


class GlossaryEntry(Selectable):
    term: Text
    definition: Text


class Reference(Node):
    id: Name
    title: Text
    author: Text | None = None
    publisher: Text | None = None
    year: Text | None = None
    url: Text | None = None


class HandoutDefaults(Node):
    per_page: int | None = Field(
        default=None,
        description="Slides a page: 1, 2, 3, 4, 6 or 9; none: each slide with its notes.",
        json_schema_extra={"enum": [1, 2, 3, 4, 6, 9, None]},
    )

    @model_validator(mode="after")
    def _per_page(self):
        if self.per_page is not None and self.per_page not in (1, 2, 3, 4, 6, 9):
            raise PydanticCustomError(
                "per_page",
                "per_page should be 1, 2, 3, 4, 6 or 9, not {value}",
                {"value": self.per_page},
            )
        return self

    lines: bool | None = None
    paper: Literal["a4", "letter"] | None = None


class ThemeOverride(Node):
    font: Text | None = None
    colors: dict[Literal["primary", "text", "muted", "background", "surface"], Color] = Field(
        default_factory=dict
    )
    logo: Image | None = None


class Audience(Node):
    label: Text | None = Field(default=None, description="Shown on the handout; default: name.")
    description: Text
    minutes: Annotated[int, Field(gt=0, le=24 * 60)] = Field(description="The time slot.")
    theme: ThemeOverride | None = None
    handout: HandoutDefaults | None = None


class Pace(Node):
    """How talk time is estimated from the notes."""

    words_per_minute: Annotated[int, Field(ge=60, le=300)] = 130
    seconds_per_slide: Annotated[int, Field(ge=0, le=600)] = 15


class Outline(Node):
    """A whole talk. ``source`` is the outline file; ``base_dir`` resolves assets."""

    meta: Meta
    variables: dict[Name, str | None] = Field(
        default_factory=dict,
        description="Defaults for {name} placeholders in any text; a variable with no "
        "value must be given on the command line (--set name=value).",
    )
    theme: Theme = Field(default_factory=Theme)
    concepts: dict[Name, Concept] = Field(default_factory=dict)
    sections: list[Section] = Field(min_length=1)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    audiences: dict[Name, Audience] = Field(
        default_factory=dict, description="Profiles: build with --audience NAME."
    )
    pace: Pace = Field(default_factory=Pace)

    base_dir: SkipJsonSchema[str] = Field(default=".", alias="__base_dir__", exclude=True)
    variable_pos: SkipJsonSchema[dict[str, SourcePos]] = Field(
        default_factory=dict, alias="__variable_pos__", exclude=True
    )

    def slides(self):
        """Every (section, slide) pair in order."""
        for section in self.sections:
            for slide in section.slides:
                yield section, slide
