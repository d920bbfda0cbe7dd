"""A template's zip, checked from its directory before anything is inflated.

Only the central directory is trusted for planning: the number of members, each one's
declared size (per part and in total), its compression method and its encryption flag.
Then the parts are walked by relationship from the package root, and only the parts
something refers to are ever read; every read is bounded by the declared size and
checked against it and the CRC. Parts nothing refers to stay compressed and are dropped.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections import deque
from dataclasses import dataclass, field

from ..errors import quoted
from ..safexml import UnsafeXml, parse

MAX_TEMPLATE_PART = 25 * 1024 * 1024  # one part (a picture, a video), inflated
MAX_TEMPLATE_TOTAL = 256 * 1024 * 1024  # every part together, as the zip declares them
MAX_TEMPLATE_MEMBERS = 10_000  # members in the zip's directory
CONTENT_TYPES = "[Content_Types].xml"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# relationship types (the last part of their URI) whose target must be a part of the package
_INSIDE = frozenset(
    [
        "officeDocument",
        "slideMaster",
        "slideLayout",
        "slide",
        "notesMaster",
        "notesSlide",
        "handoutMaster",
        "theme",
        "themeOverride",
        "tableStyles",
        "presProps",
        "viewProps",
        "commentAuthors",
        "core-properties",
        "extended-properties",
        "custom-properties",
        "thumbnail",
    ]
)


class PackageRefusal(Exception):
    """What is wrong with the package, and the hint."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


_SAVE_AGAIN = "open it in PowerPoint or LibreOffice and save it again as .pptx"


@dataclass
class Zipped:
    """The zip's directory, and its parts read on demand (each once, checked)."""

    archive: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]
    external: list[tuple[str, str, str]] = field(default_factory=list)  # part, type, target

    def read(self, name: str) -> bytes:
        """The part ``name`` inflated, at most its declared size, checked."""
        info = self.members[name]
        if info.flag_bits & 0x1:
            raise PackageRefusal(
                f"the part {quoted(name)} is encrypted", "save the template without a password"
            )
        if info.compress_type not in _METHODS:
            raise PackageRefusal(
                f"the part {quoted(name)} is compressed with method {info.compress_type}, "
                "which PowerPoint does not use",
                _SAVE_AGAIN,
            )
        try:
            with self.archive.open(info) as member:
                data = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            reason = quoted(str(exc))[1:-1]
            raise PackageRefusal(
                f"the part {quoted(name)} is damaged ({reason})", _SAVE_AGAIN
            ) from None
        if len(data) != info.file_size:
            raise PackageRefusal(
                f"the part {quoted(name)} holds {len(data):,} bytes, not the {info.file_size:,} "
                "its directory says",
                _SAVE_AGAIN,
            )
        return data

    def xml(self, name: str):
        """The part ``name`` parsed with the safe parser."""
        try:
            return parse(self.read(name))
        except UnsafeXml as exc:
            raise PackageRefusal(
                f"the part {quoted(name)} is refused: {exc}", _SAVE_AGAIN
            ) from None


def open_zip(
    data: bytes, max_part: int = MAX_TEMPLATE_PART, max_total: int = MAX_TEMPLATE_TOTAL
) -> Zipped:
    """The zip's directory, checked: member count, duplicate names, declared sizes (a
    deck read by ``deckgen import`` may hold larger parts, its videos, than a template)."""
    count = _declared_members(data)
    if count > MAX_TEMPLATE_MEMBERS:
        raise PackageRefusal(
            f"it holds {count:,} parts, over the limit of {MAX_TEMPLATE_MEMBERS:,}", _SAVE_AGAIN
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        raise PackageRefusal("it is not a PowerPoint file", _SAVE_AGAIN) from None
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in members:
            raise PackageRefusal(f"it holds the part {quoted(info.filename)} twice", _SAVE_AGAIN)
        members[info.filename] = info
    big = next((info for info in infos if info.file_size > max_part), None)
    if big is not None:
        raise PackageRefusal(
            f"the part {quoted(big.filename)} is over {max_part >> 20} MiB",
            "remove the large picture or video from the template",
        )
    total = sum(info.file_size for info in infos)
    if total > max_total:
        raise PackageRefusal(
            f"its parts come to {total / 2**20:,.1f} MiB uncompressed, over the limit of "
            f"{max_total >> 20} MiB",
            "remove large pictures, videos and unused parts from the template",
        )
    if CONTENT_TYPES not in members:
        raise PackageRefusal("it is not a PowerPoint file (no [Content_Types].xml)", _SAVE_AGAIN)
    return Zipped(archive, members)


def _declared_members(data: bytes) -> int:
    """How many members the end of the zip's directory declares (0 if it has none)."""
    try:
        end = zipfile._EndRecData(io.BytesIO(data))  # the zip's own reader of that record
    except (OSError, ValueError, EOFError):
        return 0
    return end[zipfile._ECD_ENTRIES_TOTAL] if end else 0


def reachable(zipped: Zipped) -> list[str]:
    """The members the package root reaches by relationship (macro projects not
    followed), in the order found; external targets are noted in ``zipped.external``.
    A relationship to a part that is missing or outside the package is refused."""
    found = [CONTENT_TYPES]
    queue = deque([""])  # "" is the package root
    seen = {"", CONTENT_TYPES}
    while queue:
        source = queue.popleft()
        rels = _rels_name(source)
        if rels not in zipped.members:
            continue
        if rels not in seen:  # (a relationship may name a relationships part itself)
            seen.add(rels)
            found.append(rels)
        for rel in zipped.xml(rels).iter(f"{{{RELS}}}Relationship"):
            kind, target = rel.get("Type") or "", rel.get("Target")
            if rel.get("TargetMode") == "External":
                if kind.rsplit("/", 1)[-1] in _INSIDE:
                    raise PackageRefusal(
                        f"{quoted(rels)} takes its {quoted(kind.rsplit('/', 1)[-1])} from "
                        f"{quoted(target or '')}, outside the package",
                        _SAVE_AGAIN,
                    )
                zipped.external.append((source or "/", kind, target or ""))
                continue
            if kind == VBA:
                continue  # refused or stripped by the caller, never read here
            name = _resolved(source, target, rels)
            if name not in zipped.members:
                raise PackageRefusal(
                    f"{quoted(rels)} relates to {quoted(name)}, which it does not hold",
                    _SAVE_AGAIN,
                )
            if name not in seen:
                seen.add(name)
                found.append(name)
                queue.append(name)
    return found


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolved(source: str, target: str | None, rels: str) -> str:
    """The member a relationship's target names, relative to its source's folder."""
    if not target:
        raise PackageRefusal(f"{quoted(rels)} has a relationship without a target", _SAVE_AGAIN)
    start = [] if target.startswith("/") else posixpath.dirname(source).split("/")
    parts: list[str] = [part for part in start if part]
    for step in target.split("/"):
        if step in ("", "."):
            continue
        if step == "..":
            if not parts:
                raise PackageRefusal(
                    f"{quoted(rels)} relates to {quoted(target)}, outside the package", _SAVE_AGAIN
                )
            parts.pop()
        else:
            parts.append(step)
    return "/".join(parts)
