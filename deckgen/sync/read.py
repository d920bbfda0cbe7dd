"""An edited deck read for ``deckgen sync``: opened as untrusted input (the template's
package checks: size cap, zip directory, reachable parts only, the safe XML parser, no
macros run), then each slide's tags, shapes (their ids, names, placeholder types,
paragraphs as runs, tables as cells) and notes, and the build's record.

The one module of ``deckgen.sync`` that reads python-pptx's object model.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, error, quoted
from ..layout.frames import Run
from ..pptx_private import package_relationships

PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TAGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tags"
_NAME_ID = re.compile(r" · dg(\d+)\.(\d+)$")
CODE_FONTS = ("Courier New", "Liberation Mono")
ZERO_WIDTH_SPACE = "\u200b"
RECORD_PROPERTY = "deckgen.build"

# A paragraph as its runs; ``None`` for bold or italic: inherited (not said on the run)
EditedRuns = tuple[tuple[str, bool | None, bool | None, bool, str | None], ...]


@dataclass(frozen=True)
class ReadShape:
    key: tuple[int, int] | None  # (frame number, item index) from its tag or name
    name: str
    placeholder: str | None  # its p:ph type ("title", "body", …; "" for a typeless one)
    paragraphs: tuple[EditedRuns, ...] = ()
    cells: tuple[tuple[tuple[EditedRuns, ...], ...], ...] | None = None  # a table's rows


@dataclass(frozen=True)
class ReadSlide:
    number: int  # 1-based, in the edited deck
    tags: dict[str, str]
    shapes: tuple[ReadShape, ...]
    notes: tuple[EditedRuns, ...] = ()


@dataclass(frozen=True)
class ReadDeck:
    slides: tuple[ReadSlide, ...]
    record: dict = field(default_factory=dict)


def read_deck(path: Path) -> ReadDeck:
    """The edited deck at ``path``, checked as the template's package is, then read."""
    from ..template.package import MAX_TEMPLATE_BYTES, checked_package

    shown = f"deck {quoted(str(path))}"
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        message = f"cannot read {shown}: {exc.strerror}"
        raise InputError(message, [error(message)]) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        message = f"{shown} is over {MAX_TEMPLATE_BYTES >> 20} MiB"
        raise InputError(message, [error(message)])
    data = checked_package(data, shown)
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds for a bad file
        message = f"{shown} cannot be opened as PowerPoint ({exc})"
        raise InputError(message, [error(message)]) from None
    slides = tuple(_slide(number, slide) for number, slide in enumerate(prs.slides, 1))
    return ReadDeck(slides, _record(prs))


def _record(prs) -> dict:
    """The build's record from the custom document property, or {} where there is none."""
    for rel in package_relationships(prs.part.package).values():
        if rel.reltype.endswith("/custom-properties") and not rel.is_external:
            from ..safexml import parse

            root = parse(rel.target_part.blob)
            for prop in root:
                if prop.get("name") == RECORD_PROPERTY and len(prop):
                    try:
                        record = json.loads(prop[0].text or "")
                    except ValueError:
                        return {}
                    return record if isinstance(record, dict) else {}
    return {}


def _tags(part, holder) -> dict[str, str]:
    """The tags of a ``p:custDataLst`` inside ``holder`` (``{}`` where it has none)."""
    found: dict[str, str] = {}
    if holder is None:
        return found
    listing = holder.find(PML + "custDataLst")
    if listing is None:
        return found
    for tags in listing.findall(PML + "tags"):
        rel = part.rels.get(tags.get(REL + "id"))
        if rel is None or rel.is_external or rel.reltype != _TAGS_TYPE:
            continue
        from ..safexml import parse

        for tag in parse(rel.target_part.blob):
            if tag.get("name"):
                found[tag.get("name").upper()] = tag.get("val") or ""
    return found


def _slide(number: int, slide) -> ReadSlide:
    part = slide.part
    tags = _tags(part, slide.element.find(PML + "cSld"))
    shapes = []
    for element in slide.element.iter(PML + "sp", PML + "graphicFrame"):
        shape = _shape(part, element)
        if shape is not None:
            shapes.append(shape)
    notes = ()
    if slide.has_notes_slide:
        body = _notes_body(slide.notes_slide.element)
        if body is not None:
            notes = tuple(
                paragraph(p, part=slide.notes_slide.part) for p in body.findall(DML + "p")
            )
    return ReadSlide(number, tags, tuple(shapes), notes)


def _notes_body(notes):
    for sp in notes.iter(PML + "sp"):
        ph = sp.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
        if ph is not None and ph.get("type") == "body":
            return sp.find(PML + "txBody")
    return None


def _shape(part, element) -> ReadShape | None:
    non_visual = element[0]
    props = non_visual.find(PML + "cNvPr")
    name = props.get("name", "") if props is not None else ""
    nv_pr = non_visual.find(PML + "nvPr")
    tags = _tags(part, nv_pr)
    key = _key(tags.get("DECKGEN_SHAPE", "")) or _key_of_name(name)
    ph = nv_pr.find(PML + "ph") if nv_pr is not None else None
    placeholder = (ph.get("type") or "") if ph is not None else None
    if element.tag == PML + "graphicFrame":
        table = element.find(f".//{DML}tbl")
        if table is None:
            return None
        rows = tuple(
            tuple(_cell_paragraphs(part, cell) for cell in row.findall(DML + "tc"))
            for row in table.findall(DML + "tr")
        )
        return ReadShape(key, name, placeholder, cells=rows)
    body = element.find(PML + "txBody")
    if body is None:
        return None
    paragraphs = tuple(paragraph(p, part=part) for p in body.findall(DML + "p"))
    return ReadShape(key, name, placeholder, paragraphs)


def _cell_paragraphs(part, cell) -> tuple[EditedRuns, ...]:
    body = cell.find(DML + "txBody")
    if body is None:
        return ()
    return tuple(paragraph(p, part=part) for p in body.findall(DML + "p"))


def _key(text: str) -> tuple[int, int] | None:
    frame, _dot, index = text.partition(".")
    return (int(frame), int(index)) if frame.isdigit() and index.isdigit() else None


def _key_of_name(name: str) -> tuple[int, int] | None:
    match = _NAME_ID.search(name)
    return (int(match.group(1)), int(match.group(2))) if match else None


def paragraph(element, part=None) -> EditedRuns:
    """An ``a:p`` as its runs: text, bold and italic (None: not said), code (a monospace
    typeface), link (an external hyperlink's target); a line break is a vertical tab."""
    runs = []
    for child in element:
        if child.tag == DML + "br":
            runs.append(("\v", None, None, False, None))
            continue
        if child.tag not in (DML + "r", DML + "fld"):
            continue
        text = "".join(t.text or "" for t in child.findall(DML + "t"))
        text = text.replace(ZERO_WIDTH_SPACE, "")
        if not text:
            continue
        props = child.find(DML + "rPr")
        runs.append((text, *_style(props, part)))
    return tuple(runs)


def _style(props, part) -> tuple[bool | None, bool | None, bool, str | None]:
    if props is None:
        return None, None, False, None
    latin = props.find(DML + "latin")
    code = latin is not None and latin.get("typeface") in CODE_FONTS
    link = None
    click = props.find(DML + "hlinkClick")
    if click is not None and part is not None:
        rel = part.rels.get(click.get(REL + "id"))
        if rel is not None and rel.is_external:
            link = rel.target_ref
    return _flag(props.get("b")), _flag(props.get("i")), code, link


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    return value in ("1", "true")


def runs_of(para: EditedRuns, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """A read paragraph as frame runs, what it does not say taken as ``bold``/``italic``."""
    return tuple(
        Run(text, bold if b is None else b, italic if i is None else i, None, code, link)
        for text, b, i, code, link in para
    )
