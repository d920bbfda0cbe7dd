"""Slides into sections: PowerPoint's own sections (``p14:sectionLst``) and section
header slides (a divider: the section's title and subtitle); slides before any section
go into a first one. '(cont.)' slides join the slide they continue; a quiz shown again
with its answer marked is the quiz's reveal; glossary and references slides after the
first add their entries to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..limits import MAX_BULLETS, MAX_ROWS
from ..pptx_private import slide_id_list
from .made import Made
from .model import OutlinePath

_P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
_CONT = re.compile(r"\s*\(cont\.?\)\s*$|\s*\(continued\)\s*$", re.IGNORECASE)
FIRST_SECTION = "Introduction"


def powerpoint_sections(prs) -> dict[int, str]:
    """PowerPoint's sections: the index (from 0) of each section's first slide -> its
    name."""
    ids = [int(entry.get("id")) for entry in slide_id_list(prs)]
    starts: dict[int, str] = {}
    for section in prs.element.iter(f"{_P14}section"):
        members = [int(entry.get("id")) for entry in section.iter(f"{_P14}sldId")]
        first = min((ids.index(member) for member in members if member in ids), default=None)
        if first is not None:
            starts.setdefault(first, section.get("name") or "")
    return starts


@dataclass
class Sections:
    """The outline's sections as they are made, and where each source slide went."""

    sections: list[dict] = field(default_factory=list)
    last: tuple[Made, dict, OutlinePath, int] | None = None  # the last slide placed, its
    # source slide number
    first_named: bool = True  # False: the first section is FIRST_SECTION, said
    dropped: list[str] = field(default_factory=list)  # sections left without slides
    divider_slide: int = 0  # the source slide of the last section's divider (0: none)

    def start(self, title: str, subtitle: str | None, divider: bool, number: int = 0) -> None:
        """A new section; one started by PowerPoint's section list and given its divider
        slide next is one section."""
        current = self.sections[-1] if self.sections else None
        if current is not None and not current["slides"] and divider and not current["divider"]:
            current.update(title=title, divider=True)
            if subtitle:
                current["subtitle"] = subtitle
            return
        section = {"title": title, "divider": divider, "slides": []}
        self.divider_slide = number
        if subtitle:
            section["subtitle"] = subtitle
        if current is not None and not current["slides"]:  # a section needs a slide
            self.dropped.append(current["title"])
            self.sections.pop()
        self.sections.append(section)
        self.last = None

    def place(self, made: Made, slide: dict, number: int) -> OutlinePath:
        """Add ``slide`` (or fold it into the one before); its path in the outline."""
        if not self.sections:
            self.first_named = False
            self.start(FIRST_SECTION, None, False)
        joined = self._joined(made, slide)
        if joined is not None:
            return joined
        slides = self.sections[-1]["slides"]
        slides.append(slide)
        path: OutlinePath = ("sections", len(self.sections) - 1, "slides", len(slides) - 1)
        self.last = (made, slide, path, number)
        return path

    def _joined(self, made: Made, slide: dict) -> OutlinePath | None:
        if self.last is None:
            return None
        before_made, before, path, _number = self.last
        if before["kind"] != slide["kind"]:
            return None
        kind = slide["kind"]
        if kind == "quiz" and _same_question(before, slide):
            before["reveal"] = True
            return path
        title = slide.get("title") or ""
        if not _CONT.search(title) or _CONT.sub("", title) != _CONT.sub(
            "", before.get("title", "")
        ):
            return None
        if kind == "bullets" and len(before["bullets"]) + len(slide["bullets"]) <= MAX_BULLETS:
            before["bullets"] += slide["bullets"]
            return path
        if (
            kind == "comparison"
            and before["columns"] == slide["columns"]
            and len(before["rows"]) + len(slide["rows"]) <= MAX_ROWS
        ):
            before["rows"] += slide["rows"]
            return path
        if kind in ("glossary", "references"):
            return path
        return None

    def close(self) -> tuple[int, dict, OutlinePath] | None:
        """A last section header with no slides after it as the closing slide of the
        section before (its title and subtitle kept): its source number, the slide, and
        its path."""
        if not self.sections or self.sections[-1]["slides"] or not self.divider_slide:
            return None
        header = self.sections[-1]
        if len(self.sections) > 1:
            self.sections.pop()
        else:  # the deck's only section: it holds the slide, without a divider
            header["divider"] = False
        slide = {"kind": "closing", "title": header["title"]}
        if header.get("subtitle"):
            slide["message"] = header["subtitle"]
        slides = self.sections[-1]["slides"]
        slides.append(slide)
        return (
            self.divider_slide,
            slide,
            ("sections", len(self.sections) - 1, "slides", len(slides) - 1),
        )

    def finish(self) -> list[str]:
        """The titles of sections left out for having no slide (the outline needs one)."""
        if self.sections and not self.sections[-1]["slides"]:
            self.dropped.append(self.sections.pop()["title"])
        return self.dropped


def _same_question(before: dict, slide: dict) -> bool:
    return before.get("question") == slide.get("question") and before.get("options") == slide.get(
        "options"
    )
