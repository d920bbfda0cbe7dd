"""The handout's back matter, laid out: the comparison tables at reading size, the
glossary, the references with the slides that cite them, and what made the handout."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import TYPE_CHECKING

from .handout_blocks import (
    Citation,
    CitedReference,
    Contribution,
    DefinedTerm,
    DefinitionList,
    HandoutBlock,
    Heading,
    Paragraphs,
    ReadingTable,
    ReferenceList,
    sourced,
)
from .references import bibliography
from .text import prose_of

if TYPE_CHECKING:
    from ..errors import SourcePos
    from ..labels import Labels
    from ..outline.talk import Talk
    from .design import Design


def tables(contributions: list[Contribution]) -> list[HandoutBlock]:
    """The tables the slides' hooks give, each its own bookmark (``table-0``…)."""
    found = [c for c in contributions if isinstance(c, ReadingTable)]
    return [
        replace(t, heading=replace(t.heading, key=f"{t.heading.key}-{i}"))
        for i, t in enumerate(found)
    ]


def glossary(design: Design, talk: Talk) -> list[HandoutBlock]:
    if not talk.glossary:
        return []
    title = talk.labels("glossary")
    heading = Heading(sourced(title), "glossary", keep=design.handout.listing_keep)
    terms = (DefinedTerm(prose_of(t.term), prose_of(t.definition), t.pos) for t in talk.glossary)
    return [DefinitionList(heading, tuple(terms))]


def references(design: Design, talk: Talk, contributions: list[Contribution]) -> list[HandoutBlock]:
    """The talk's references with the slides that quote them, then a reference for each
    definition quoted without one, made from its attribution."""
    citations = [c for c in contributions if isinstance(c, Citation)]
    refs = [
        _reference(
            e.label,
            e.title,
            e.details,
            e.url,
            tuple(c.number for c in citations if c.reference == e.id),
            e.pos,
        )
        for e in bibliography(talk).entries
    ]
    seen: dict[tuple[str, str | None], int] = {}
    for c in citations:
        if c.reference is not None:
            continue
        key = (c.attribution, c.source)
        if key in seen:
            old = refs[seen[key]]
            refs[seen[key]] = replace(old, cited_on=(*old.cited_on, c.number))
            continue
        seen[key] = len(refs)
        refs.append(
            _reference(
                f"[{len(refs) + 1}]",
                c.source or c.attribution,
                c.attribution if c.source else "",
                None,
                (c.number,),
                c.pos,
            )
        )
    if not refs:
        return []
    title = talk.labels("references")
    box = design.handout
    heading = Heading(
        sourced(title), "references", keep=box.listing_keep, space_before=box.heading_gap
    )
    labels = talk.labels
    said = [
        replace(r, cited=_cited(labels, r.cited_on) if r.cited_on else "", stops=_stops(labels, r))
        for r in refs
    ]
    return [ReferenceList(heading, tuple(said))]


def _reference(
    label: str,
    title: str,
    details: str,
    url: str | None,
    cited_on: tuple[int, ...],
    pos: SourcePos | None,
) -> CitedReference:
    """A reference as the handout sets it: its title, details and address as runs, the
    address a link where it is a web page's."""
    return CitedReference(
        label,
        prose_of(title),
        prose_of(details) if details else None,
        url if url and url.startswith(("https://", "http://")) else None,
        prose_of(url) if url else None,
        cited_on,
        pos,
    )


def _stops(labels: Labels, ref: CitedReference) -> tuple[str, str, str]:
    """The full stop after a reference's title, details and address, where each needs one."""
    parts = (ref.title, ref.details, ref.url_text)
    return tuple(labels.full_stop(part.text) if part is not None else "" for part in parts)


def _cited(labels: Labels, numbers: tuple[int, ...]) -> str:
    """ "Quoted on slide 7." or "Quoted on slides 7 and 12." """
    key = "cited" if len(numbers) == 1 else "cited_many"
    return labels(key, slides=labels.join(str(n) for n in numbers))


def about(design: Design, talk: Talk, created: _dt.datetime) -> list[HandoutBlock]:
    """What made the handout: its heading, the talk's disclosure, the day it was made."""
    meta, labels, box = talk.meta, talk.labels, design.handout
    out: list[HandoutBlock] = [
        Heading(
            sourced(labels("about")), "about", keep=box.about_keep, space_before=box.heading_gap
        )
    ]
    if meta.disclosure:
        out.append(Paragraphs((sourced(meta.disclosure, meta.pos),), "notes"))
    made = labels("made", date=labels.date(created.date()))
    return [*out, Paragraphs((sourced(made),), "small")]
