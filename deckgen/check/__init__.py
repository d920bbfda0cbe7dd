"""The accessibility check: what PowerPoint's Accessibility Checker and PDF/UA ask of a
build, found in what deckgen laid out and what it wrote.

- :mod:`deckgen.check.slides`: the laid-out deck (titles present and unique, the
  smallest text on each slide) and the written deck (every shape with alt text or
  marked decorative, the title read first, a language on every run, table headers,
  links that say where they go).
- :mod:`deckgen.check.pdf`: a written PDF (the catalog's PDF/UA entries, every painted
  thing tagged or an artifact, figures with alternative text, tables with headers,
  links in the structure with a description, every font embedded).

Each finding is a Diagnostic (topic "accessibility") naming its slide or page and,
where there is one, the outline line it came from. ``deckgen check`` prints them with
the smallest text of each slide; ``build --strict`` fails on any.

What a deck does to its template is apart (issue 20, ``docs/checks.md``):
:mod:`deckgen.check.findings` gathers low contrast (``readable.py``), artwork under text
(``artwork.py``), the layouts' own colours on their artwork (``inks.py``), titles off
their box and overridden styles (``styles.py``, reading the deck as ``fidelity.py``
measures it) into ``Finding`` records naming slide or layout, shape, paragraph and runs,
which ``deckgen check`` and ``deckgen template check`` list under ``template_findings``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Diagnostic

TOPIC = "accessibility"


@dataclass(frozen=True)
class SlideText:
    """A slide's smallest text, for the report."""

    number: int
    title: str
    smallest: float | None  # points; None: a slide without text of its own


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Diagnostic, ...]
    slides: tuple[SlideText, ...]
    checked: tuple[str, ...]  # what was checked: "layout", then the formats ("pptx" …)

    def to_json(self) -> dict:
        return {
            "checked": list(self.checked),
            "findings": [d.to_json() for d in self.findings],
            "slides": [
                {"number": s.number, "title": s.title, "smallest_pt": s.smallest}
                for s in self.slides
            ],
        }


def check_outputs(deck, files) -> CheckReport:
    """The findings on a laid-out deck and its rendered files ((format, path, bytes);
    each format a ``formats.Format``, which says how its file is inspected)."""
    from .slides import deck_findings, smallest_text

    sizes = smallest_text(deck)
    findings = list(deck_findings(deck, sizes))
    checked = ["layout"]
    for fmt, path, data in files:
        if fmt.inspect is None:  # a format check does not read: never read as something else
            continue
        findings += fmt.inspect(data, path.name, deck)
        checked.append(fmt.name)
    return CheckReport(tuple(findings), tuple(sizes), tuple(checked))


__all__ = ["TOPIC", "CheckReport", "SlideText", "check_outputs"]
