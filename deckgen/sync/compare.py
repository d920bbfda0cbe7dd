"""One edited slide against the frame it was built as: each text shape's paragraphs (a
table's cells one by one, the notes page) aligned with what was built (difflib over the
paragraph sequences), and each changed paragraph turned into edits of the outline
scalars it showed, or a conflict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..errors import Diagnostic, error, quoted
from ..layout.frames import Paragraph, SlideFrame, Table
from ..outline.validate import PLACEHOLDER
from .markdown import markdown
from .match import match_shapes
from .read import EditedRuns, ReadSlide, runs_of
from .rewrite import RewriteRefused, rewritten
from .scalars import Candidate, OutlineSteps, line_markdown
from .trace import Generated, edited_regions, trace_notes, trace_paragraphs


@dataclass
class Found:
    """The edits found so far (path -> new text, and the slide it came from) and the
    conflicts."""

    values: Mapping[str, str]
    defined: frozenset[str] = frozenset()  # variables whose value the outline gives
    outline: str = ""  # the outline's name, as positions name it
    edits: dict[OutlineSteps, tuple[str, int]] = field(default_factory=dict)
    conflicts: list[Diagnostic] = field(default_factory=list)

    def conflict(self, slide: int, frame: SlideFrame | None, message: str, hint: str) -> None:
        pos = frame.pos if frame is not None else None
        self.conflicts.append(error(f"slide {slide}: {message}", pos, hint))

    def edit(self, slide: int, frame: SlideFrame, candidate: Candidate, text: str) -> None:
        earlier = self.edits.get(candidate.path)
        if earlier is not None and earlier[0] != text:
            self.conflict(
                slide,
                frame,
                f"{_shown(candidate)} was edited differently on slide {earlier[1]}",
                "keep one of the two edits in the deck, or make the edit in the outline",
            )
            return
        self.edits[candidate.path] = (text, slide)


def compare_slide(found: Found, frame: SlideFrame, slide: ReadSlide, scalars: list[Candidate]):
    """Every edit of ``slide`` against ``frame`` into ``found``."""
    for index, shape in match_shapes(frame, slide):
        item = frame.items[index]
        label = item.name
        if isinstance(item, Table):
            built = [cell.paragraphs for row in item.cells for cell in row]
            edited = [cell for row in shape.cells or () for cell in row]
            if len(built) != len(edited) or len(item.cells) != len(shape.cells or ()):
                found.conflict(
                    slide.number,
                    frame,
                    f"rows or columns were added to or removed from the table {quoted(label)}",
                    "add or remove them in the outline",
                )
                continue
            for cell, (old, new) in enumerate(zip(built, edited, strict=True)):
                _unit(found, (frame, slide), f"{label}, cell {cell + 1}", old, new, scalars)
        else:
            _unit(found, (frame, slide), label, item.paragraphs, shape.paragraphs, scalars)
    _notes(found, frame, slide, scalars)


def _unit(found: Found, where, label: str, built, edited: tuple[EditedRuns, ...], scalars) -> None:
    """One shape's (or cell's) paragraphs: paired by their words, then each pair's text
    and style compared (each paragraph's style said against its own: a question set
    bold throughout has no bold of its own)."""
    frame, slide = where
    old_words = [para.text for para in built]
    new_words = ["".join(run[0] for run in para) for para in edited]
    bases = [_base(para) for para in built]
    old = [markdown(para.runs, *base) for para, base in zip(built, bases, strict=True)]
    regions = None
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                base = bases[i1 + k]
                new = markdown(runs_of(edited[j1 + k], *base), *base)
                if new != old[i1 + k]:
                    regions = regions or trace_paragraphs(old, scalars)
                    _edit(found, where, label, (old[i1 + k], new), regions[i1 + k])
            continue
        what = "added" if tag == "insert" else "removed" if tag == "delete" else "added or removed"
        found.conflict(
            slide.number,
            frame,
            f"paragraphs {what} in {quoted(label)}",
            "add or remove them in the outline (the sync carries edits of text, not of "
            "its structure)",
        )


def _edit(found: Found, where, label: str, change: tuple[str, str], regions) -> None:
    frame, slide = where
    old, new = change
    try:
        for candidate, showed, shown in edited_regions(old, new, regions):
            whole = PLACEHOLDER.fullmatch(candidate.source)
            if whole and whole.group(1) in found.defined:  # its value is all it shows
                path = ("variables", whole.group(1))
                found.edit(slide.number, frame, Candidate(path, "", "", False), shown)
                continue
            text = rewritten(candidate.source, found.values, showed, shown, candidate.notes)
            found.edit(slide.number, frame, candidate, text)
    except Generated as generated:
        source = frame.pos.file if frame.pos is not None else ""
        elsewhere = source != found.outline and not regions
        found.conflict(
            slide.number,
            frame,
            f"{quoted(str(generated))} in {quoted(label)} became {quoted(new)}, but "
            + (
                f"it comes from {source}, which sync does not edit"
                if elsewhere
                else "it is text the build generates (an agenda line, a label, a number, "
                "or text from elsewhere in the outline)"
            ),
            "make the change where that text comes from",
        )
    except RewriteRefused as refused:
        found.conflict(slide.number, frame, f"{quoted(label)}: {refused}", "edit the outline")


def _notes(found: Found, frame: SlideFrame, slide: ReadSlide, scalars) -> None:
    old = line_markdown(frame.presenter_notes)  # filled notes, a line a paragraph
    new = "\n".join(markdown(runs_of(p)) for p in slide.notes)
    if old.rstrip("\n") == new.rstrip("\n"):
        return
    regions = trace_notes(old, scalars)
    if not regions and not old.strip():
        found.conflict(
            slide.number, frame, "notes were added", "add them to the slide's notes in the outline"
        )
        return
    _edit(
        found,
        (frame, slide),
        "notes",
        (old, new if old.endswith("\n") else new.rstrip("\n")),
        regions,
    )


def _base(para: Paragraph) -> tuple[bool, bool]:
    """The style a paragraph is set in throughout (a title bold), which its runs do not
    say as their own."""
    runs = [run for run in para.runs if run.text.strip()]
    return bool(runs) and all(r.bold for r in runs), bool(runs) and all(r.italic for r in runs)


def _shown(candidate: Candidate) -> str:
    return "/".join(str(step) for step in candidate.path)
