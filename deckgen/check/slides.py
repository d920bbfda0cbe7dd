"""The deck's accessibility: as laid out (titles, the smallest text) and as written (the
rules of PowerPoint's Accessibility Checker, read from the .pptx's own XML)."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import defaultdict

from ..errors import Diagnostic, warning
from ..layout.access import is_chrome, is_title
from ..layout.frames import Chart, Deck, Picture, SlideFrame, Table, TextBox
from ..render.pptx.xmlns import ADEC, DML, PML, REL
from ..safexml import parse
from . import TOPIC, SlideText

# below this, projected text is hard to read from the back of a room (the deck's own
# floors are higher; a template or a long table can bring text down to it)
SMALLEST_PROJECTED = 12.0
_URL = re.compile(r"^\s*(https?://|mailto:|www\.)", re.I)

_SHAPES = (PML + "sp", PML + "pic", PML + "graphicFrame", PML + "grpSp", PML + "cxnSp")


def _finding(message: str, frame: SlideFrame | None, hint: str) -> Diagnostic:
    where = f"slide {frame.number} '{frame.title}': " if frame is not None else ""
    return warning(where + message, frame.pos if frame else None, hint, topic=TOPIC)


# --------------------------------------------------------------------------- laid out


def deck_findings(deck: Deck, sizes: list[SlideText] | None = None) -> list[Diagnostic]:
    """Titles present and unique, pictures described, text large enough to read
    (``sizes``: each slide's smallest text, if the caller has it already)."""
    out = []
    by_title: dict[str, list[SlideFrame]] = defaultdict(list)
    for frame in deck.slides:
        if not any(is_title(item) and item.paragraphs for item in frame.items):
            out.append(_finding("the slide has no title", frame, "give every slide a title"))
        by_title[frame.title.strip().casefold()].append(frame)
        for item in frame.items:
            if not isinstance(item, Picture | Chart) or getattr(item, "decorative", False):
                continue
            if not (item.alt or "").strip():
                out.append(
                    _finding(
                        f"the {type(item).__name__.lower()} '{item.name}' has no alt text",
                        frame,
                        "say what it shows in 'alt:', or mark it 'decorative: true'",
                    )
                )
    for frames in by_title.values():
        if len(frames) > 1:
            numbers = ", ".join(str(f.number) for f in frames)
            out.append(
                _finding(
                    f"slides {numbers} share the title '{frames[0].title}': a screen reader's "
                    "list of slides cannot tell them apart",
                    frames[0],
                    "give each slide a title of its own",
                )
            )
    for slide in smallest_text(deck) if sizes is None else sizes:
        if slide.smallest is not None and slide.smallest < SMALLEST_PROJECTED:
            frame = deck.slides[slide.number - 1]
            out.append(
                _finding(
                    f"its smallest text is {slide.smallest:g} pt, below "
                    f"{SMALLEST_PROJECTED:g} pt: hard to read when projected",
                    frame,
                    "shorten the slide's text, or split it, so it sets larger",
                )
            )
    return out


def smallest_text(deck: Deck) -> list[SlideText]:
    """Each slide's smallest text (its footer and number aside)."""
    out = []
    for frame in deck.slides:
        sizes = []
        for item in frame.items:
            if isinstance(item, TextBox) and not is_chrome(item):
                sizes += [p.size for p in item.paragraphs if p.text.strip()]
            elif isinstance(item, Table):
                sizes += [p.size for row in item.cells for c in row for p in c.paragraphs]
            elif isinstance(item, Chart):
                sizes.append(item.label_size)
        out.append(SlideText(frame.number, frame.title, min(sizes) if sizes else None))
    return out


# ---------------------------------------------------------------------------- written


def pptx_findings(data: bytes, deck: Deck) -> list[Diagnostic]:
    """The written deck read as PowerPoint's checker reads it, slide by slide: its own
    XML, in the presentation's order."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for frame, (slide, notes) in zip(deck.slides, _slides(package), strict=False):
            out += _slide_findings(frame, slide)
            if notes is not None and _without_language(notes):
                out.append(_finding("its notes have text without a language", frame, _LANG))
    return out


def _slides(package: zipfile.ZipFile):
    """Each slide's XML and its notes page's (or None), in the presentation's order."""
    presentation = parse(package.read("ppt/presentation.xml"))
    targets = _targets(package, "ppt/_rels/presentation.xml.rels", "ppt/")
    for entry in presentation.iter(PML + "sldId"):
        name = targets[entry.get(REL + "id")]
        slide = parse(package.read(name))
        rels = f"{posixpath.dirname(name)}/_rels/{posixpath.basename(name)}.rels"
        related = _targets(package, rels, posixpath.dirname(name) + "/")
        notes = next((t for t in related.values() if "notesSlide" in t), None)
        yield slide, parse(package.read(notes)) if notes else None


def _targets(package: zipfile.ZipFile, rels: str, base: str) -> dict[str, str]:
    if rels not in package.namelist():
        return {}
    root = parse(package.read(rels))
    return {
        rel.get("Id"): posixpath.normpath(posixpath.join(base, rel.get("Target")))
        for rel in root
        if rel.get("TargetMode") != "External"
    }


_LANG = "a bug in deckgen: every run carries the talk's language"


def _slide_findings(frame: SlideFrame, element) -> list[Diagnostic]:
    out = []
    tree = element.find(f"{PML}cSld/{PML}spTree")
    shapes = [el for el in tree if el.tag in _SHAPES]
    read = [el for el in shapes if not _decorative(el)]
    for el in read:
        props = el.find(f".//{PML}cNvPr")
        described = (props.get("descr") or "").strip()
        if el.tag == PML + "sp" and _text(el).strip():
            continue
        if not described:
            name = props.get("name")
            out.append(
                _finding(
                    f"'{name}' has no alt text and is not marked decorative",
                    frame,
                    "a bug in deckgen unless the template brought it",
                )
            )
    titles = [el for el in read if _is_title_placeholder(el)]
    if titles and read[0] is not titles[0]:
        out.append(_finding("its title is not read first", frame, "a bug in deckgen"))
    if _without_language(element):
        out.append(_finding("it has text without a language", frame, _LANG))
    for table in element.iter(DML + "tbl"):
        props = table.find(DML + "tblPr")
        if props is None or props.get("firstRow") != "1":
            out.append(_finding("a table has no header row", frame, "mark its first row"))
    for run in element.iter(DML + "r"):
        props = run.find(DML + "rPr")
        linked = props is not None and props.find(DML + "hlinkClick") is not None
        if not (linked and _URL.match(_text(run))):
            continue
        out.append(
            _finding(
                f"a link reads as its bare address '{_text(run).strip()}'",
                frame,
                "give the link words that say where it goes: [words](address)",
            )
        )
    return out


def _decorative(element) -> bool:
    flag = element.find(f".//{PML}cNvPr/{DML}extLst/{DML}ext/{ADEC}decorative")
    return flag is not None and flag.get("val") in ("1", "true")


def _is_title_placeholder(element) -> bool:
    ph = element.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
    return ph is not None and ph.get("type") in ("title", "ctrTitle")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(DML + "t"))


def _without_language(element) -> bool:
    for run in element.iter(DML + "r", DML + "fld"):
        props = run.find(DML + "rPr")
        if _text(run).strip() and (props is None or not props.get("lang")):
            return True
    return False


__all__ = ["deck_findings", "pptx_findings", "smallest_text"]
