"""Opening a deck to import as untrusted input, with the template's machinery.

The file is read up to :data:`MAX_DECK_BYTES`; its zip is checked from its directory
(`template/zipped.py`: members, declared sizes, methods, encryption) and only the parts
the package root reaches by relationship are read, each checked against its declared
size and CRC, every XML part scanned by the one safe parser (no DOCTYPE, no entities,
nothing fetched). A macro project is never read: it is dropped and said. Videos, sounds
and embedded objects are never inflated (their parts reach python-pptx empty). Pictures
are checked one by one when they are taken (`pictures.py`), so one bad picture costs
that picture, not the deck.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from .. import oxml
from ..errors import InputError, error, quoted
from ..outline.files import not_regular
from ..template.package import _main_override, repacked, xml_within
from ..template.zipped import CONTENT_TYPES, PackageRefusal, Zipped, open_zip, reachable
from .model import ImportWarning

MAX_DECK_BYTES = 200 * 1024 * 1024  # the deck file
MAX_DECK_PART = 200 * 1024 * 1024  # one part as its zip declares it (a video)
MAX_DECK_TOTAL = 512 * 1024 * 1024  # every part together, as declared
MAX_DECK_XML = 64 * 1024 * 1024  # the XML parts read, declared sizes together
SUFFIXES = (".pptx", ".potx", ".pptm", ".potm")
CONVERT = "convert it first: soffice --headless --convert-to pptx {name}"

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_MAIN_TYPES = (
    _PRESENTATION,
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .ppt, .pps and other binary Office files
# parts never inflated: what they hold is lost anyway (said per slide)
_NOT_READ = ("video/", "audio/", "application/vnd.openxmlformats-officedocument.oleObject")
_NOT_READ_NAMES = ("/embeddings/", "/media/media")


@dataclass
class OpenedDeck:
    """A deck's package, checked and opened by python-pptx."""

    path: Path
    prs: object  # pptx.Presentation
    package: bytes  # the checked package python-pptx opened (for the template's copy)
    warnings: list[ImportWarning] = field(default_factory=list)


def open_deck(path: Path) -> OpenedDeck:
    """The deck at ``path``, checked and opened; :class:`InputError` (exit 2) for a file
    that is not a PowerPoint deck deckgen can read safely."""
    path = Path(path)
    name = path.name
    why = not_regular(path)
    if why is not None:
        raise _refused(f"{quoted(str(path))} is {why[0]}", "give the path of a .pptx file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DECK_BYTES + 1)
    except OSError as exc:
        raise _refused(f"{quoted(str(path))} cannot be read ({exc.strerror})", "check it") from None
    if len(data) > MAX_DECK_BYTES:
        raise _refused(f"{quoted(name)} is over {MAX_DECK_BYTES >> 20} MiB", "save it smaller")
    if data.startswith(_OLE_SIGNATURE) or path.suffix.lower() in (".ppt", ".pps", ".pot"):
        raise _refused(
            f"{quoted(name)} is a PowerPoint 97-2003 file (.ppt), which deckgen does not read",
            CONVERT.format(name=quoted(str(path))[1:-1]),
        )
    warnings: list[ImportWarning] = []
    try:
        package = _checked(data, warnings)
    except PackageRefusal as refusal:
        raise _refused(f"{quoted(name)}: {refusal.message}", _hint(refusal.hint, path)) from None
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(package))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds for a bad file
        raise _refused(
            f"{quoted(name)} cannot be opened as PowerPoint ({quoted(str(exc))[1:-1]})",
            _hint("", path),
        ) from None
    return OpenedDeck(path, prs, package, warnings)


def _hint(hint: str, path: Path) -> str:
    again = "open it in PowerPoint or LibreOffice and save it again as .pptx"
    return hint if hint and hint != again else f"{again}, or {CONVERT.format(name=path.name)}"


def _refused(message: str, hint: str) -> InputError:
    return InputError(message, [error(message, hint=hint)])


def _checked(data: bytes, warnings: list[ImportWarning]) -> bytes:
    """The package's bytes as python-pptx should open them: a plain presentation, only
    the parts something refers to, no macro project, media parts empty."""
    if not data.startswith(b"PK"):
        raise PackageRefusal("it is not a PowerPoint file (not a zip package)", "")
    zipped = open_zip(data, MAX_DECK_PART, MAX_DECK_TOTAL)
    types = zipped.xml(CONTENT_TYPES)
    main = _main_override(types)
    if main is None or main.get("ContentType") not in _MAIN_TYPES:
        raise PackageRefusal("it is not a PowerPoint presentation", "")
    names = reachable(zipped)
    if "macroEnabled" in (main.get("ContentType") or "") or any(
        member.endswith("vbaProject.bin") for member in zipped.members
    ):
        warnings.append(ImportWarning(None, "its macros are ignored: never read, never run"))
    oxml.set_content_type(main, _PRESENTATION)
    return _rewritten(zipped, names, types)


def _rewritten(zipped: Zipped, names: list[str], types) -> bytes:
    hint = "split the deck, or remove shapes drawn many times over"
    xml_types = xml_within(zipped, names, types, MAX_DECK_XML, hint)
    # pictures are checked as the import takes them (pictures.py), not here
    data, _pictures = repacked(zipped, names, types, xml_types, frozenset(_media(types, names)))
    return data


def _media(types, names: list[str]) -> set[str]:
    """The parts holding video, sound or embedded objects: never inflated."""
    defaults = {
        (entry.get("Extension") or "").lower(): entry.get("ContentType") or ""
        for entry in types.iter(f"{{{_CT}}}Default")
    }
    overrides = {
        (entry.get("PartName") or "").lstrip("/"): entry.get("ContentType") or ""
        for entry in types.iter(f"{{{_CT}}}Override")
    }
    found = set()
    for name in names:
        kind = overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
        if kind.startswith(_NOT_READ) or any(mark in f"/{name}" for mark in _NOT_READ_NAMES):
            found.add(name)
    return found
