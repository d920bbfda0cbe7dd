"""The outline model: a closed, immutable set of node types.

Nothing here knows about YAML, python-pptx or reportlab. The loader builds these
from YAML (mapping every validation error back to file:line:col); tailoring maps
an Outline to a Talk; layout reads that. Every node carries ``pos``, the place in
the source it came from, so later stages can point warnings at it. The slide
kinds' models live with their kinds (deckgen/kinds/); the registry there makes
the ``Slide`` union.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field, StringConstraints, create_model, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import SourcePos
from ..kinds import KINDS
from ..kinds.agenda import AgendaSlide
from ..kinds.analogy import AnalogyPair, AnalogyPanel, AnalogySlide
from ..kinds.bullets import Bullet, BulletsSlide
from ..kinds.closing import ClosingSlide
from ..kinds.comparison import Column, ComparisonSlide
from ..kinds.definition import DefinitionSlide
from ..kinds.glossary import GlossarySlide
from ..kinds.references import ReferencesSlide
from ..kinds.takeaways import Takeaway, TakeawaysSlide
from ..kinds.title import TitleSlide
from ..labels import ENGLISH
from ..limits import MAX_ENTRIES, MAX_LANGUAGE, MAX_SECTIONS, MAX_SLIDES
from ..nodes import (
    POS_KEY,
    AudienceList,
    ClockTime,
    Color,
    Image,
    Minutes,
    Name,
    Node,
    Note,
    Notes,
    Selectable,
    SlideBase,
    Text,
    Verbatim,
    text_shorthand,
    with_places,
)

Language = Annotated[
    str,
    StringConstraints(max_length=MAX_LANGUAGE, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"),
]

Slide = Annotated[Union[tuple(kind.model for kind in KINDS)], Field(discriminator="kind")]  # noqa: UP007
SLIDE_KINDS: tuple[str, ...] = tuple(kind.name for kind in KINDS)

__all__ = [
    "POS_KEY",
    "AgendaSlide",
    "AnalogyPair",
    "AnalogyPanel",
    "AnalogySlide",
    "AudienceList",
    "Bullet",
    "BulletsSlide",
    "ClosingSlide",
    "Color",
    "Column",
    "ComparisonSlide",
    "DefinitionSlide",
    "GlossarySlide",
    "Image",
    "Name",
    "Node",
    "Note",
    "Notes",
    "ReferencesSlide",
    "Selectable",
    "Slide",
    "SlideBase",
    "Takeaway",
    "TakeawaysSlide",
    "Text",
    "TitleSlide",
]


# ---------------------------------------------------------------------------
# Document level


class Section(Selectable):
    id: Name | None = None
    title: Text
    subtitle: Text | None = None
    divider: bool = Field(default=True, description="Open the section with a divider slide.")
    concept: Name | None = Field(default=None, description="Colours the divider.")
    minutes: Minutes | None = Field(
        default=None,
        description="Planned minutes for the section; its slides without minutes share "
        "what their own leave, in proportion to their notes.",
    )
    agenda: bool | None = Field(
        default=None,
        description="List the section in the agenda. Default: when it opens with a divider "
        "(a section without one is folded into the listed one before it, or the first).",
    )
    pause: Minutes | None = Field(
        default=None,
        alias="break",
        description="A break of this many minutes after the section: the agenda, the "
        "guide's session plan and the talk time count it.",
    )
    slides: list[Slide] = Field(min_length=1)


class Meta(Node):
    title: Text
    subtitle: Text | None = None
    presenter: Text | None = None
    organisation: Text | None = None
    date: Text | None = None
    language: Language = Field(
        default="en", description="The talk's language as a BCP 47 tag: en, de, en-GB…"
    )
    footer: Text | None = Field(
        default=None,
        description="Footer text; defaults to the title. A blank one (' ') leaves it out.",
    )
    disclosure: Text | None = Field(default=None, description="AI-assistance disclosure.")
    keywords: list[Text] = Field(default_factory=list, max_length=MAX_ENTRIES)
    start: ClockTime | None = Field(
        default=None,
        description="When the session starts, on a 24-hour clock ('09:30'): the guide's "
        "and the agenda's clock times (--start overrides it).",
    )
    materials: list[Text] = Field(
        default_factory=list,
        max_length=MAX_ENTRIES,
        description="What the facilitator brings besides the slides and handouts: "
        "'flip chart', 'sticky notes'.",
    )


# every label deckgen writes itself, each optional: what an outline, an overlay or an
# audience puts in place of the language's own words
LabelOverrides = create_model(
    "LabelOverrides",
    __base__=Node,
    __doc__="deckgen's own words, replaced: any of them, in any language the talk is built in.",
    **{
        key: (Text | None, Field(default=None, description=f"In English: {english!r}"))
        for key, english in ENGLISH.items()
    },
)


class Concept(Node):
    label: Text
    color: Color = Field(  # None where left out (YAML has no null here: never written)
        default=None,
        description="Left out: on an organisation's template, its theme's accent colours in "
        "the concepts' order (accent1, accent2, …), so Design > Colors changes them; on "
        "deckgen's own design, deckgen's. Set, it is kept on any template.",
    )
    icon: Image | None = None


class ThemeColors(Node):
    primary: Color = "#1F2A44"
    text: Color = "#1F2933"
    muted: Color = "#5B6670"
    background: Color = "#FFFFFF"
    surface: Color = Field(default="#F3F5F8", description="Panels and banded rows.")


# what template.layouts may name a layout for: a kind of slide, or the section dividers
LayoutFor = Literal[(*SLIDE_KINDS, "divider")]


class TemplateRef(Node):
    """An organisation's PowerPoint template to build on; a plain string is its path."""

    path: Verbatim = Field(description=".pptx or .potx file, relative to the outline's folder.")
    layouts: dict[LayoutFor, Verbatim] = Field(
        default_factory=dict,
        description="The template's layout (by name) for a kind of slide; "
        "the rest are chosen by name, type and structure.",
    )

    # where each name under 'layouts' stands, for messages about it
    layout_pos: SkipJsonSchema[dict[str, SourcePos]] = Field(
        default_factory=dict, alias="__layout_pos__", exclude=True, repr=False
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return with_places(text_shorthand(data, "path"), "layouts", "__layout_pos__", "value_pos")


class Logo(Image):
    """The organisation's logo, placed on every slide's footer, the title and the closing
    slide: ``path`` for light grounds, ``on_dark`` its light variant for dark ones."""

    on_dark: Verbatim | None = Field(
        default=None,
        description="The logo's light variant (PNG, JPEG or SVG, relative to the outline's "
        "folder): placed where 'path' reads below 3:1 on what lies under it (dark dividers, "
        "the closing slide).",
    )


class Theme(Node):
    font: Verbatim = Field(default="Arial", description="One sans family for the deck.")
    colors: ThemeColors = Field(default_factory=ThemeColors)
    logo: Logo | None = None
    template: TemplateRef | None = None


class GlossaryEntry(Selectable):
    term: Text
    definition: Text


class Reference(Node):
    id: Name
    title: Text
    author: Text | None = None
    publisher: Text | None = None
    year: Verbatim | None = None
    url: Verbatim | None = None


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
    font: Verbatim | None = None
    colors: dict[Literal["primary", "text", "muted", "background", "surface"], Color] = Field(
        default_factory=dict
    )
    logo: Logo | None = None
    template: TemplateRef | None = None


class Audience(Node):
    label: Text | None = Field(default=None, description="Shown on the handout; default: name.")
    description: Text
    minutes: Annotated[int, Field(gt=0, le=24 * 60)] = Field(description="The time slot.")
    theme: ThemeOverride | None = None
    handout: HandoutDefaults | None = None
    language: Language | None = Field(
        default=None, description="Build for this audience in this language (BCP 47)."
    )
    start: ClockTime | None = Field(
        default=None, description="This audience's session starts then ('14:00'): over meta.start."
    )
    labels: LabelOverrides | None = Field(
        default=None, description="deckgen's own words for this audience."
    )


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
    sections: list[Section] = Field(min_length=1, max_length=MAX_SECTIONS)
    glossary: list[GlossaryEntry] = Field(default_factory=list, max_length=MAX_ENTRIES)
    references: list[Reference] = Field(default_factory=list, max_length=MAX_ENTRIES)
    audiences: dict[Name, Audience] = Field(
        default_factory=dict, description="Profiles: build with --audience NAME."
    )
    translations: dict[Language, Verbatim] = Field(
        default_factory=dict,
        description="Translation files by language, relative to the outline's folder "
        "({de: translations/de.po}): build --translation de builds one, --all-languages "
        "each (deckgen translate extract writes them).",
    )
    pace: Pace = Field(default_factory=Pace)
    labels: LabelOverrides = Field(
        default_factory=LabelOverrides,
        description="deckgen's own words (Contents, page X of Y, Glossary …) replaced.",
    )

    base_dir: SkipJsonSchema[str] = Field(default=".", alias="__base_dir__", exclude=True)
    variable_pos: SkipJsonSchema[dict[str, SourcePos]] = Field(
        default_factory=dict, alias="__variable_pos__", exclude=True
    )
    # every picture the outline names, read and decoded once (deckgen/outline/files.py)
    pictures: SkipJsonSchema[dict[str, Any]] = Field(
        default_factory=dict, alias="__pictures__", exclude=True, repr=False
    )
    # what loading found worth saying but not refusing (bidirectional controls)
    warnings: SkipJsonSchema[list[Any]] = Field(
        default_factory=list, alias="__warnings__", exclude=True, repr=False
    )

    @model_validator(mode="after")
    def _not_too_many_slides(self):
        count = sum(len(section.slides) for section in self.sections)
        if count > MAX_SLIDES:
            raise PydanticCustomError(
                "too_many_slides",
                "{count} slides; at most {most} are allowed",
                {"count": count, "most": MAX_SLIDES},
            )
        return self

    def slides(self):
        """Every (section, slide) pair in order."""
        for section in self.sections:
            for slide in section.slides:
                yield section, slide
