"""What the handout carries besides the slides: its content, gathered from the outline.

The handout renderer reads only layout types; this module hands it the document
around the slides (cover, sections with their slides, the comparison tables in
full, glossary, references, disclosure), each piece with its source position
so a problem (a glyph no font has) can name the outline line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SourcePos
from ..outline import model as m
from ..outline.talk import Talk
from .colors import hex6
from .frames import Deck, SlideFrame


@dataclass(frozen=True)
class HandoutOptions:
    per_page: int | None = None  # None: the notes layout
    lines: bool = False  # ruled lines for the attendee's own notes
    paper: str = "a4"  # or "letter"


@dataclass(frozen=True)
class Text:
    text: str
    pos: SourcePos | None = None


@dataclass(frozen=True)
class HandoutSection:
    title: str
    slides: tuple[SlideFrame, ...]
    pos: SourcePos | None = None
    subtitle: str | None = None
    color: str | None = None  # the section's concept colour, if it has one


@dataclass(frozen=True)
class HandoutTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    header_colors: tuple[str, ...]
    slide_number: int
    pos: SourcePos | None = None


@dataclass(frozen=True)
class GlossaryItem:
    term: str
    definition: str
    pos: SourcePos | None = None


@dataclass(frozen=True)
class ReferenceItem:
    label: str  # "[1]"
    title: str
    details: str  # author, publisher, year
    url: str | None
    cited_on: tuple[int, ...]  # slide numbers that quote it
    pos: SourcePos | None = None


@dataclass(frozen=True)
class Handout:
    deck: Deck
    options: HandoutOptions
    title: str
    subtitle: str | None
    presenter: str | None
    organisation: str | None
    date: str | None
    audience: str | None
    sections: tuple[HandoutSection, ...]
    tables: tuple[HandoutTable, ...]
    glossary: tuple[GlossaryItem, ...]
    references: tuple[ReferenceItem, ...]
    disclosure: Text | None
    colors: dict = field(default_factory=dict)  # primary, text, muted, surface, accents


def handout_content(
    outline: Talk, deck: Deck, options: HandoutOptions, audience: str | None = None
) -> Handout:
    """Gather the handout's content from a tailored outline and its laid-out deck."""
    sections: list[HandoutSection] = []
    for index, section in enumerate(outline.sections):
        frames = tuple(f for f in deck.slides if f.section_index == index)
        if frames:
            concept = outline.concepts.get(section.concept) if section.concept else None
            sections.append(
                HandoutSection(
                    section.title,
                    frames,
                    section.pos,
                    section.subtitle,
                    hex6(concept.color) if concept else None,
                )
            )

    first_slide = _first_slides(outline, deck)
    tables = []
    cited: dict[str, list[int]] = {}
    extra_refs: list[tuple[m.DefinitionSlide, int]] = []
    for _section, slide in outline.slides():
        number = first_slide.get(id(slide), 0)
        if isinstance(slide, m.ComparisonSlide):
            tables.append(
                HandoutTable(
                    title=slide.title,
                    header=tuple(c.label for c in slide.columns),
                    rows=tuple(tuple(r) for r in slide.rows),
                    header_colors=tuple(
                        hex6(outline.concepts[c.concept].color)
                        if c.concept and c.concept in outline.concepts
                        else hex6(outline.theme.colors.primary)
                        for c in slide.columns
                    ),
                    slide_number=number,
                    pos=slide.pos,
                )
            )
        if isinstance(slide, m.DefinitionSlide):
            if slide.reference:
                cited.setdefault(slide.reference, []).append(number)
            else:
                extra_refs.append((slide, number))

    references = []
    for i, ref in enumerate(outline.references, 1):
        details = ", ".join(x for x in (ref.author, ref.publisher, ref.year) if x)
        references.append(
            ReferenceItem(
                f"[{i}]", ref.title, details, ref.url, tuple(cited.get(ref.id, ())), ref.pos
            )
        )
    # a definition quoted without a reference still gets one, from its attribution
    seen: dict[tuple[str, str | None], int] = {}
    for slide, number in extra_refs:
        key = (slide.attribution, slide.source)
        if key in seen:
            old = references[seen[key]]
            references[seen[key]] = ReferenceItem(
                old.label, old.title, old.details, old.url, (*old.cited_on, number), old.pos
            )
            continue
        seen[key] = len(references)
        references.append(
            ReferenceItem(
                f"[{len(references) + 1}]",
                slide.source or slide.attribution,
                slide.attribution if slide.source else "",
                None,
                (number,),
                slide.pos,
            )
        )

    meta = outline.meta
    colors = outline.theme.colors
    return Handout(
        deck=deck,
        options=options,
        title=meta.title,
        subtitle=meta.subtitle,
        presenter=meta.presenter,
        organisation=meta.organisation,
        date=meta.date,
        audience=audience,
        sections=tuple(sections),
        tables=tuple(tables),
        glossary=tuple(GlossaryItem(g.term, g.definition, g.pos) for g in outline.glossary),
        references=tuple(references),
        disclosure=Text(meta.disclosure, meta.pos) if meta.disclosure else None,
        colors={
            "primary": hex6(colors.primary),
            "text": hex6(colors.text),
            "muted": hex6(colors.muted),
            "surface": hex6(colors.surface),
            "accents": tuple(hex6(c.color) for c in outline.concepts.values()),
        },
    )


def _first_slides(outline: Talk, deck: Deck) -> dict[int, int]:
    """The deck slide number where each outline slide starts."""
    first: dict[tuple[int, int], int] = {}
    for frame in deck.slides:
        if frame.source is not None and frame.source.slide is not None:
            first.setdefault((frame.source.section, frame.source.slide), frame.number)
    return {id(slide): first[(i, j)] for i, j, slide in outline.indexed_slides() if (i, j) in first}
