"""What the slide-kind tests share: a context to compose one slide in, and the helpers
for laying out small talks (tests/layout/support.py)."""

from __future__ import annotations

from deckgen.layout.context import Report, SlideContext
from deckgen.layout.design import Design, default_design
from deckgen.layout.references import bibliography
from deckgen.layout.text import Typesetter
from deckgen.outline.talk import Talk

from ..layout.support import FAKE

# one minimal valid slide of each kind, as a YAML flow mapping
MINIMAL = {
    "title": "{kind: title}",
    "agenda": "{kind: agenda}",
    "bullets": "{kind: bullets, title: B, bullets: [x]}",
    "definition": "{kind: definition, title: D, term: t, quote: q, attribution: a}",
    "analogy": "{kind: analogy, title: A, left: {heading: L}, right: {heading: R}, "
    "pairs: [{left: a, right: b}]}",
    "comparison": "{kind: comparison, title: C, columns: [A, B], rows: [[x, y]]}",
    "takeaways": "{kind: takeaways, title: T, points: [one]}",
    "glossary": "{kind: glossary}",
    "references": "{kind: references}",
    "closing": "{kind: closing}",
    "chart": "{kind: chart, title: C, chart: column, categories: [a], series: [{name: s, "
    "values: [1]}], alt: one bar}",
    "quiz": "{kind: quiz, question: Q?, options: [a, b], answer: 2}",
    "code": "{kind: code, title: K, language: python, code: 'x = 1'}",
    "picture": "{kind: picture, title: P, image: {path: assets/icons/shield.png, alt: A shield}}",
}


def context(talk: Talk, section: int = 0, design: Design | None = None) -> SlideContext:
    """The context the engine hands a kind composing a slide of ``section``."""
    design = design or default_design(talk)
    spacing = design.spacing
    text = Typesetter(FAKE, design.font, spacing.wrap_safety, spacing.body_pitch)
    report = Report("slide", None, 1, [], [])
    return SlideContext(design, text, talk, bibliography(talk), report, talk.sections[section], 0)
