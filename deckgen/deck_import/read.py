"""``read_deck``: a PowerPoint deck read into an :class:`ImportedDeck`: the outline as
data, its pictures, the source's design as a template, what became of each slide and
every loss, with its slide number. Nothing the deck does not say is invented."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..inline import plain
from ..limits import MAX_LANGUAGE, MAX_NOTES, MAX_SLIDES
from .design import template_of
from .kinds import Place, decide
from .lists import shows_unanswered_quiz
from .made import Made, fitted
from .model import ImportedDeck, ImportWarning, SlideRecord
from .open import open_deck
from .pictures import VECTOR, PictureStore, convert_vector
from .refs import cite, finish_references, unknown_agenda_lines
from .sections import FIRST_SECTION, Sections, powerpoint_sections
from .slides import SlideContent, read_slide
from .text import escape
from .titles import MAX_TITLE, shorten_titles

_EMU_SLIDE_HEIGHT = 6_858_000  # PowerPoint's default, where a deck does not say
_EMU_SLIDE_WIDTH = 9_144_000
HIDDEN: list[str] = []  # ``only: []``: kept for no audience, so no build shows it


def read_deck(path: Path) -> ImportedDeck:
    """The deck at ``path`` as an outline; :class:`~deckgen.errors.InputError` where it
    cannot be read safely."""
    path = Path(path)
    opened = open_deck(path)
    prs = opened.prs
    deck = ImportedDeck({}, warnings=list(opened.warnings))
    tolerance = (prs.slide_height or _EMU_SLIDE_HEIGHT) // 30
    contents = [read_slide(slide, i, tolerance) for i, slide in enumerate(prs.slides, 1)]
    if len(contents) > MAX_SLIDES:
        deck.warnings.append(
            ImportWarning(None, f"{len(contents)} slides: the first {MAX_SLIDES} imported")
        )
        contents = contents[:MAX_SLIDES]
    store = _store(contents, deck.warnings)
    reading = _Reading(path.name, store, deck)
    starts = powerpoint_sections(prs)
    repeated = _repeated(contents)
    for index, content in enumerate(contents):
        if index in starts:
            reading.sections.start(starts[index] or f"Section {len(starts)}", None, False)
        last = index == len(contents) - 1
        width = prs.slide_width or _EMU_SLIDE_WIDTH
        place = Place(content.number, index == 0, last, store, width, repeated)
        reading.take(content, place)
    deck.outline = reading.outline(prs, path)
    deck.assets = list(store.assets.values())
    deck.template, problem = template_of(opened)
    if deck.template is not None:
        deck.outline["theme"] = {"template": {"path": "template.pptx"}}
    else:
        deck.warnings.append(ImportWarning(None, f"no template made: {problem}"))
    return deck


DRESS_SLIDES = 3  # a small picture on this many slides is a logo or an icon


def _repeated(contents: list[SlideContent]) -> frozenset[str]:
    """The content hashes of pictures shown on three slides or more: logos and icons (a
    deckgen deck's concept icons), the deck's dress rather than its content (a
    screenshot shown again on the next slide is content)."""
    import hashlib
    from collections import Counter

    seen = Counter(
        key
        for content in contents
        for key in {hashlib.sha256(picture.blob).hexdigest() for picture in content.pictures}
    )
    return frozenset(key for key, count in seen.items() if count >= DRESS_SLIDES)


def _store(contents: list[SlideContent], warnings: list[ImportWarning]) -> PictureStore:
    """The picture store, EMF and WMF pictures converted up front in one LibreOffice run."""
    import hashlib

    vector = {
        hashlib.sha256(picture.blob).hexdigest(): (picture.blob, picture.ext)
        for content in contents
        for picture in content.pictures
        if picture.ext in VECTOR
    }
    converted, problem = convert_vector(vector)
    if problem:
        warnings.append(
            ImportWarning(None, f"{len(vector)} EMF/WMF picture(s) left out: {problem}")
        )
    return PictureStore(converted)


class _Reading:
    """The outline as it is made, slide by slide."""

    def __init__(self, name: str, store: PictureStore, deck: ImportedDeck) -> None:
        self.name, self.store, self.deck = name, store, deck
        self.sections = Sections()
        self.meta: dict = {}
        self.glossary: list[dict] = []
        self.references: list[dict] = []
        self.agenda: list[tuple[int, list[str], dict]] = []
        self.pending_notes: list[str] = []  # a divider's notes, for its first slide

    def take(self, content: SlideContent, place: Place) -> None:
        made = decide(content, place)
        number = content.number
        for message in made.warnings:
            self._warn(number, message)
        for loss in content.losses:
            self._warn(number, f"left out: {loss}")
        if made.kind == "bullets" and shows_unanswered_quiz(content):
            self._warn(number, "lettered options but no answer the deck shows: kept as bullets")
        if made.kind == "section":
            self._section(content, made)
            return
        if made.kind == "meta":
            self.meta = made.meta or {}
        if made.kind == "dropped":
            self._dropped(content, made)
            return
        self.glossary += made.glossary
        self.references += made.references
        if made.kind == "agenda":
            self.agenda.append((number, made.lines, made.slides[0]))
        notes = made.lines[0] if made.kind == "quiz" and made.lines else content.notes
        self._place(content, made, notes)

    def _place(self, content: SlideContent, made: Made, notes: str) -> None:
        number = content.number
        notes = "\n".join([*self.pending_notes, notes]).strip() if self.pending_notes else notes
        self.pending_notes = []
        first = None
        if made.kind == "closing":
            _without_presenter(made.slides[0], self.meta)
        for i, slide in enumerate(made.slides):
            if i == 0 and notes and not notes.startswith("Continued from "):
                slide["notes"] = fitted(notes, MAX_NOTES, "the notes", made.warnings)
            if content.hidden:
                slide["only"] = list(HIDDEN)
            path = self.sections.place(made, slide, number)
            first = first or path
            suffix = "" if i == 0 else f" (split: part {i + 1})"
            self.deck.comments.setdefault(path, f"slide {number} of {self.name}{suffix}")
            image = slide.get("image")
            if isinstance(image, dict) and image.get("alt") == " ":
                self.deck.comments[(*path, "image", "alt")] = (
                    "no alt text in the deck: say what the picture shows"
                )
        if content.hidden:
            self._warn(number, "a hidden slide: imported with 'only: []', so no build shows it")
        self.deck.slides.append(SlideRecord(number, made.kind, first, made.summary, content.hidden))

    def _dropped(self, content: SlideContent, made: Made) -> None:
        """A slide with nothing an outline holds; its notes join the slide before."""
        number = content.number
        self.deck.slides.append(SlideRecord(number, "dropped", None, made.summary))
        last = self.sections.last
        if content.notes and last is not None:
            notes = last[1].get("notes")
            last[1]["notes"] = f"{notes}\n{content.notes}" if notes else content.notes
            self._warn(number, f"nothing on it but notes: they join the notes of slide {last[3]}")
        elif content.notes:
            self.pending_notes.append(content.notes)
            self._warn(number, "nothing on it but notes: they join the next slide's notes")
        else:
            self._warn(number, "nothing on it an outline can hold: left out")

    def _section(self, content: SlideContent, made: Made) -> None:
        section = made.section or {}
        said = " ".join([section.get("title") or "", section.get("subtitle") or ""])
        if content.notes and not _adds_nothing(content.notes, said):
            self.pending_notes.append(content.notes)
        divider = not content.hidden
        if content.hidden:
            self._warn(content.number, "a hidden divider: its section is kept without a divider")
        self.sections.start(
            section.get("title") or "Section", section.get("subtitle"), divider, content.number
        )
        self.deck.slides.append(
            SlideRecord(content.number, "section", None, made.summary, content.hidden)
        )

    def _warn(self, slide: int | None, message: str) -> None:
        self.deck.warnings.append(ImportWarning(slide, message))

    def outline(self, prs, path: Path) -> dict:
        closing = self.sections.close()
        if closing is not None:
            number, slide, where = closing
            if self.pending_notes:
                slide["notes"] = "\n".join(self.pending_notes)
                self.pending_notes = []
            self.deck.comments[where] = f"slide {number} of {self.name}"
            self._warn(number, "a section header with no slides after it: made the closing slide")
        dropped = self.sections.finish()
        for title in dropped:
            self._warn(None, f"the section '{title}' has no slides: left out")
        meta = self._meta(prs, path)
        sections = self.sections.sections
        if not self.sections.first_named and len(sections) == 1:
            sections[0]["title"] = meta["title"]
            self._warn(None, "the deck has no sections: its slides are one section named "
                       "after the deck's title")  # fmt: skip
        elif not self.sections.first_named:
            self._warn(None, f"the slides before the first section are a section called "
                       f"'{FIRST_SECTION}'")  # fmt: skip
        outline: dict = {"meta": meta, "sections": self.sections.sections}
        if not outline["sections"]:  # nothing but notes, or nothing: a title slide
            outline["sections"] = [{"title": FIRST_SECTION, "divider": False,
                                    "slides": [{"kind": "title"}]}]  # fmt: skip
            self._warn(None, "no slide an outline can hold: the outline has a title slide")
        if self.pending_notes:
            last = outline["sections"][-1]["slides"][-1]
            last["notes"] = "\n".join([last.get("notes") or "", *self.pending_notes]).strip()
            self._warn(None, "notes with no slide after them join the last slide's notes")
        for where, title in shorten_titles(outline):
            number = self._source_of(where)
            self._warn(number, f"the title '{plain(title)[:80]}' is too long for a title box: "
                       f"cut to {MAX_TITLE} characters, kept whole below it")  # fmt: skip
        glossary = list({entry["term"]: entry for entry in self.glossary}.values())
        if glossary:
            outline["glossary"] = glossary
        if self.references:
            outline["references"] = finish_references(self.references)
            cite(outline)
        self._agendas([section["title"] for section in outline["sections"]])
        return outline

    def _agendas(self, titles: list[str]) -> None:
        """An agenda is made from the sections when the deck is built: one whose lines
        are not the sections' titles keeps them as bullets instead."""
        for number, lines, slide in self.agenda:
            if not unknown_agenda_lines(lines, titles):
                continue
            slide.update(kind="bullets", title=slide.get("title") or "Agenda")
            slide["bullets"] = [escape(line) for line in lines]
            self.deck.slides[:] = [
                replace(r, kind="bullets", summary=f"bullets: {len(lines)} point(s)")
                if r.slide == number
                else r
                for r in self.deck.slides
            ]
            self._warn(number, "an agenda whose lines are not the sections: kept as bullets")

    def _source_of(self, where: tuple) -> int | None:
        """The source slide a title at ``where`` came from, if one did."""
        if where[0] == "meta":
            return next((r.slide for r in self.deck.slides if r.kind == "meta"), None)
        if len(where) == 3:
            return None
        return next((r.slide for r in self.deck.slides if r.path == where[:4]), None)

    def _meta(self, prs, path: Path) -> dict:
        meta = dict(self.meta)
        if not meta.get("title"):
            core = (prs.core_properties.title or "").strip()
            meta["title"] = core or path.stem
            where = "its file properties" if core else "the file name"
            self._warn(None, f"the deck's title taken from {where}: '{meta['title']}'")
        language = _language(prs)
        if language and not language.lower().startswith("en"):
            meta["language"] = language
        return {key: meta[key] for key in sorted(meta, key=_META_ORDER.index)}


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # as the outline's model
_META_ORDER = ["title", "subtitle", "presenter", "organisation", "date", "language"]


def _language(prs) -> str | None:
    """The language most of the deck's text is marked in, if any."""
    counts: Counter = Counter()
    for slide in list(prs.slides)[:50]:
        for props in slide.element.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}rPr"
        ):
            tag = props.get("lang") or ""
            if _LANGUAGE.match(tag) and len(tag) <= MAX_LANGUAGE:
                counts[tag] += 1
    return counts.most_common(1)[0][0] if counts else None


def _adds_nothing(notes: str, said: str) -> bool:
    """Whether a divider's notes only repeat its title and subtitle (deckgen writes
    'Section 2: Title. Subtitle.' there): no more than one word of their own."""
    known = set(re.findall(r"\w+", said.lower()))
    own = [word for word in re.findall(r"\w+", notes.lower()) if word not in known]
    return len([word for word in own if not word.isdigit()]) <= 1


def _without_presenter(slide: dict, meta: dict) -> None:
    """A closing message without the presenter's line deckgen adds from ``meta``."""
    names = [meta.get("presenter"), meta.get("organisation")]
    lines = {" · ".join(name for name in names if name), *(name for name in names if name)}
    message = [
        line
        for line in (slide.get("message") or "").split("\n")
        if line.strip("* ").strip() not in lines
    ]
    if message:
        slide["message"] = "\n".join(message)
    else:
        slide.pop("message", None)
