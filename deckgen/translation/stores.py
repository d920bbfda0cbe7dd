"""Translation files as translators' tools read them, through translate-toolkit's stores:
PO (gettext: Poedit, Weblate) and XLIFF 1.2 (OmegaT, Trados, memoQ).

Each unit of the talk is one entry: its key as the PO ``msgctxt`` / the XLIFF ``id`` and
``resname``, the outline's line as its location, what it is on and how long it may get as
a note for the translator. What a file says is read into :class:`FileEntry` objects, each with
the line it stands on, so every problem names the file, the line and the unit.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, SourcePos, error
from ..inline import plain
from .markup import XLIFF_NS, fill_xliff
from .walk import Unit

FORMATS = ("po", "xliff")
# XLIFF 1.2 target states that say the text is not (yet, or no longer) the translation
_NOT_DONE = {"new", "needs-translation", "needs-adaptation", "needs-l10n"}
_REVIEW = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
REVIEW_STATE = "needs-review-translation"
_SKELETON = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    f"<xliff version='1.2' xmlns='{XLIFF_NS}'>"
    "<file original='{original}' source-language='{source}' target-language='{target}' "
    "datatype='plaintext'><body/></file></xliff>"
)
MARKUP_NOTE = (
    "Keep the tags (bold, italic, links, code) and every {variable}; translate the words "
    "around and inside them."
)


@dataclass(frozen=True)
class FileEntry:
    """One entry of a translation file: its unit's key, the source it was made from, its
    translation (PO: text; XLIFF: the ``<target>`` element), whether it awaits review
    (``fuzzy``), and the line it stands on."""

    key: str
    source: str  # PO: the msgid; XLIFF: the <source> element, serialised
    target: object | None
    fuzzy: bool
    line: int


@dataclass(frozen=True)
class Store:
    """A translation file as read: its format, its languages and its entries by key."""

    path: Path
    kind: str  # "po" or "xliff"
    language: str
    source_language: str
    entries: dict[str, FileEntry]

    def at(self, entry: FileEntry | None) -> SourcePos:
        return SourcePos(str(self.path), entry.line if entry else 1, 1)


def format_of(path: Path, given: str | None = None) -> str:
    """The format a file's name (or ``given``) says: ``po`` or ``xliff``."""
    if given:
        return given
    return "xliff" if path.suffix.lower() in (".xlf", ".xliff") else "po"


def write(
    units: list[Unit],
    kind: str,
    languages: tuple[str, str],
    original: str,
    previous: Store | None = None,
    fits: Mapping | None = None,
) -> tuple[bytes, dict[str, int]]:
    """The file for ``units`` (``languages``: source, target) in ``kind``, each unit's
    translation carried over from ``previous`` (matched by key, then by source text;
    marked for review where its source changed), each note saying how long the text may
    get (``fits``: a :class:`~deckgen.fitnotes.Fit` by key). Returns the bytes and the counts:
    ``kept``, ``review`` (carried over, source changed), ``new``, ``removed``."""
    writer = _po_file if kind == "po" else _xliff_file
    store, add = writer(languages, original, fits or {})
    counts = {"kept": 0, "review": 0, "new": 0, "removed": 0}
    match = _Matcher(previous)
    for unit in units:
        counts[add(unit, match(unit))] += 1
    counts["removed"] = match.unused()
    if kind == "xliff":  # translate-toolkit's units declare its default 1.1 namespace
        from lxml import etree

        etree.cleanup_namespaces(store.document.getroot())
    return bytes(store), counts


def _note(unit: Unit, fit) -> str:
    """What the translator reads beside a unit: what it is on, how long it may get, what
    to keep."""
    room = ""
    if fit is not None and fit.most is not None:
        room = (
            f" Fits: up to {fit.most} characters at the design's size (now "
            f"{len(plain(unit.source))}), the slide's other texts as they are."
        )
    elif fit is not None and fit.shrunk:
        room = " Its slide is set smaller already: keep it no longer than the source."
    return f"On: {unit.context}.{room} {MARKUP_NOTE}"


def _po_file(languages, original, fits):
    from translate.storage import po

    source, target = languages
    store = po.pofile()  # it opens with translate-toolkit's placeholder header
    header = store.units[0]
    fields = {
        "Project-Id-Version": original,
        "PO-Revision-Date": "",  # the translator's tool fills these three
        "Last-Translator": "",
        "Language-Team": "",
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "deckgen",
        "X-Source-Language": source,
    }
    header.target = "".join(f"{name}: {value}\n" for name, value in fields.items())
    header.markfuzzy(False)

    def add(unit: Unit, old: tuple[FileEntry, bool] | None) -> str:
        entry = store.addsourceunit(unit.source)
        entry.setcontext(unit.key)
        entry.addnote(_note(unit, fits.get(unit.key)), origin="developer")
        if unit.pos is not None:
            entry.addlocation(f"{original}:{unit.pos.line}")
        if old is None or not old[0].target:
            return "new"
        found, same = old
        entry.target = found.target
        if same and not found.fuzzy:
            return "kept"
        entry.markfuzzy(True)
        entry.prev_source = found.source
        return "review"

    return store, add


def _xliff_file(languages, original, fits):
    from translate.storage import xliff

    source, target = languages
    text = _SKELETON.format(original=_attr(original), source=source, target=target)
    store = xliff.xlifffile.parsestring(text.encode())

    def add(unit: Unit, old: tuple[FileEntry, bool] | None) -> str:
        entry = store.addsourceunit(unit.source, filename=original)
        element = entry.xmlelement
        element.set("id", unit.key)
        element.set("resname", unit.key)
        held = element.find(f"{{{XLIFF_NS}}}source")
        held.text = None  # the words again, with the markup as tags
        fill_xliff(held, unit.source)
        entry.addnote(_note(unit, fits.get(unit.key)), origin="developer")
        if unit.pos is not None:
            entry.addlocation(f"{original}:{unit.pos.line}")
        if old is None or old[0].target is None:
            return "new"
        found, same = old
        carried = copy.deepcopy(found.target)
        element.find(f"{{{XLIFF_NS}}}source").addnext(carried)
        if same and not found.fuzzy:
            return "kept"
        carried.set("state", REVIEW_STATE)
        return "review"

    return store, add


class _Matcher:
    """A unit's entry in the previous file: by key, else by the same source text (so a
    slide given an id keeps its translations); with whether its source is the same."""

    def __init__(self, previous: Store | None) -> None:
        self.previous = previous
        self.used: set[str] = set()
        entries = previous.entries.values() if previous else ()
        self.by_source = {words_of(entry.source): entry for entry in entries}

    def __call__(self, unit: Unit) -> tuple[FileEntry, bool] | None:
        if self.previous is None:
            return None
        now = source_words(unit.source, self.previous.kind)
        entry = self.previous.entries.get(unit.key)
        if entry is None or entry.key in self.used:
            entry = self.by_source.get(now)
            if entry is None or entry.key in self.used:
                return None
        self.used.add(entry.key)
        return entry, words_of(entry.source) == now

    def unused(self) -> int:
        return len(self.previous.entries) - len(self.used) if self.previous else 0


def words_of(source: str) -> str:
    """A source as compared with another: its words, however its lines were wrapped or
    spaced (a file made when notes were extracted hard-wrapped, as the outline wraps
    them, still matches them; a change of spacing alone asks no review)."""
    return " ".join(source.split())


def source_words(text: str, kind: str) -> str:
    """The words of ``text`` as a file of ``kind`` says its source (compared with an
    entry's ``words_of(entry.source)``)."""
    return words_of(source_of(text, kind))


def source_of(text: str, kind: str) -> str:
    """What a file of ``kind`` says as the source of ``text`` (how :class:`FileEntry` keeps
    it): the text itself in PO, the filled ``<source>`` element in XLIFF."""
    if kind == "po":
        return text
    from lxml import etree

    element = etree.Element(f"{{{XLIFF_NS}}}source", nsmap={None: XLIFF_NS})
    fill_xliff(element, text)
    return _serialised(element)


def _serialised(element) -> str:
    """An inline run of text and tags as one comparable string: local names, each tag's
    ``id`` and ``ctype``, its text and tail (prefixes, other attributes and the order a
    tool wrote them in do not count)."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else "?"
        parts.append(f"<{tag} {child.get('id', '')} {child.get('ctype', '')}>")
        parts.append(_serialised(child))
        parts.append(f"</{tag}>{child.tail or ''}")
    return "".join(parts)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;")


# ---------------------------------------------------------------- reading


MOST_BYTES = 16 * 1024 * 1024  # a talk's translation is a few hundred kB


def read(path: Path) -> Store:
    """A translation file as :class:`Store`; an :class:`InputError` naming the file (and
    the line where the parser says) when it cannot be read."""
    try:
        if path.stat().st_size > MOST_BYTES:
            raise _unreadable(path, 1, f"is over {MOST_BYTES // 1024 // 1024} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, 1, f"cannot be read ({exc.strerror or exc})") from None
    if data.lstrip()[:5] in (b"<?xml", b"<xlif") or format_of(path) == "xliff":
        return _read_xliff(path, data)
    return _read_po(path, data)


def _read_po(path: Path, data: bytes) -> Store:
    from translate.storage import po

    try:
        store = po.pofile.parsestring(data)
    except Exception as exc:  # the PO parser raises what it meets; say it, positioned
        raise _unreadable(path, 1, f"is not a PO file ({_first_line(exc)})") from None
    lines = _context_lines(data.decode("utf-8", "replace"))
    entries = {}
    header = store.parseheader()
    for unit in store.units:
        key = unit.getcontext()
        if unit.isheader() or not key:
            continue
        target = unit.target or None
        entries[key] = FileEntry(key, unit.source, target, unit.isfuzzy(), lines.get(key, 1))
    language = header.get("Language", "") or ""
    return Store(path, "po", language, header.get("X-Source-Language", "") or "", entries)


_MSGCTXT = re.compile(r'^msgctxt\s+"((?:[^"\\]|\\.)*)"', re.MULTILINE)


def _context_lines(text: str) -> dict[str, int]:
    return {found[1]: text.count("\n", 0, found.start()) + 1 for found in _MSGCTXT.finditer(text)}


def _read_xliff(path: Path, data: bytes) -> Store:
    from ..safexml import UnsafeXml, parse

    try:
        root = parse(data)
    except UnsafeXml as exc:
        raise _unreadable(path, 1, f"is not an XLIFF file deckgen reads: {exc}") from None
    files = root.findall(f"{{{XLIFF_NS}}}file") or root.findall("{*}file")
    if root.tag.rsplit("}", 1)[-1] != "xliff" or not files:
        raise _unreadable(path, root.sourceline or 1, "is not an XLIFF 1.2 file (no <file>)")
    entries = {}
    for element in root.iter("{*}trans-unit"):
        key = element.get("resname") or element.get("id") or ""
        source = element.find("{*}source")
        if not key or source is None:
            continue
        target = element.find("{*}target")
        state = target.get("state", "") if target is not None else ""
        empty = target is None or state in _NOT_DONE or not _has_text(target)
        entries[key] = FileEntry(
            key,
            _serialised(source),
            None if empty else target,
            state in _REVIEW,
            element.sourceline or 1,
        )
    head = files[0]
    language = head.get("target-language", "")
    return Store(path, "xliff", language, head.get("source-language", ""), entries)


def _has_text(element) -> bool:
    return bool("".join(element.itertext()).strip()) or len(element) > 0


def _unreadable(path: Path, line: int, what: str) -> InputError:
    message = f"the translation file {what}"
    hint = "give a .po or .xlf file written by 'deckgen translate extract' (or a tool)"
    return InputError(message, [error(message, SourcePos(str(path), line, 1), hint)])


def _first_line(exc: Exception) -> str:
    text = str(exc).splitlines()
    return text[0] if text else type(exc).__name__
