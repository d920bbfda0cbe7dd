"""Opening an organisation's template (.pptx or .potx) as untrusted input, and cleaning it.

A template is confined like a picture (a regular file inside the project folder) and
at most 100 MiB. Its zip is checked from its directory before anything is inflated
(`zipped.py`: members, declared sizes per part and in total, methods, encryption) and
only the parts the package root reaches by relationship are read: each checked against
its declared size and CRC, every XML part scanned by the one safe parser (`safexml.py`:
no DOCTYPE, no entities), every picture held to the picture limits (`pictures.py`). The
pruned package goes to python-pptx, and what a deck needs is checked (`structure.py`:
masters, themes, layouts, slide size, shapes). It is refused when it carries macros or
external links unless asked to strip or allow them. Then it is cleaned so a deck can be
built on it: the sample slides go completely (their ids, relationships and parts, and
the section and custom-show entries that would otherwise adopt the first new slide),
duplicate shape ids in masters and layouts are renumbered, and a missing table-styles
part is added. Every refusal names the template and the part; every repair is a
warning that names the part.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import oxml
from ..errors import Diagnostic, InputError, SourcePos, error, quoted, warning
from ..outline.files import locate_input
from .pictures import checked_pictures, picture_kind
from .zipped import (
    CONTENT_TYPES,
    VBA,
    PackageRefusal,
    Zipped,
    open_zip,
    reachable,
)

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024  # the template file
# the XML parts deckgen reads, declared sizes together (python-pptx's trees of them take
# about 15 times as much memory; real templates hold 1 to 2 MiB)
MAX_TEMPLATE_XML = 16 * 1024 * 1024

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_MACROS = (
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


@dataclass(frozen=True)
class TemplateOptions:
    strip_macros: bool = False
    allow_external_links: bool = False


@dataclass
class Template:
    """A template's package, opened and cleaned, with what was repaired."""

    path: Path
    prs: object  # pptx.Presentation
    repairs: list[Diagnostic] = field(default_factory=list)


def read_template(
    path_text: str,
    base: str | Path,
    project: str | Path,
    pos: SourcePos | None = None,
    options: TemplateOptions = TemplateOptions(),
) -> Template:
    """The template at ``path_text``, confined, checked, opened and cleaned."""
    shown = f"template {quoted(path_text)}"
    path, problems = locate_input(path_text, base, project, pos, shown, "a .pptx or .potx file")
    if path is None:
        raise InputError(problems[0].message, problems)
    with open(path, "rb") as fh:  # never more than the cap, whatever its size
        data = fh.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise _refused(f"{shown} is over {MAX_TEMPLATE_BYTES >> 20} MiB", pos, "save it smaller")
    data, repairs = _checked_package(data, shown, pos, options)
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds for a bad file
        raise _refused(
            f"{shown} cannot be opened as PowerPoint ({quoted(str(exc))[1:-1]})", pos, _SAVE_AGAIN
        ) from None
    from .structure import check_structure

    try:
        check_structure(prs)
    except PackageRefusal as refusal:
        raise _refused(f"{shown}: {refusal.message}", pos, refusal.hint) from None
    template = Template(path, prs, repairs)
    from .clean import clean

    clean(template, pos)
    return template


_SAVE_AGAIN = "open it in PowerPoint or LibreOffice and save it again as .pptx"


def _refused(message: str, pos: SourcePos | None, hint: str) -> InputError:
    return InputError(message, [error(message, pos, hint)])


def _checked_package(data: bytes, shown: str, pos, options: TemplateOptions):
    """The package's bytes, a .potx or stripped .pptm turned into a plain .pptx, only the
    parts something refers to, stored uncompressed for python-pptx; refused if it is not
    a zip, its directory or a part is damaged or over the limits, or it holds macros or
    external links."""
    try:
        zipped = open_zip(data)
        types = zipped.xml(CONTENT_TYPES)
        main = _main_override(types)
        if main is None:
            raise PackageRefusal("it is not a PowerPoint file", _SAVE_AGAIN)
        names = reachable(zipped)
    except PackageRefusal as refusal:
        raise _refused(f"{shown}: {refusal.message}", pos, refusal.hint) from None
    repairs: list[Diagnostic] = []
    kind = main.get("ContentType")
    if kind in _MACROS or any(name.endswith("vbaProject.bin") for name in zipped.members):
        if not options.strip_macros:
            raise _refused(
                f"{shown} contains macros", pos, "pass --strip-macros to build without them"
            )
        repairs.append(
            warning(f"{shown}: macros removed ({main.get('PartName')})", pos, topic="template")
        )
    elif kind == _TEMPLATE:
        repairs.append(
            warning(f"{shown}: a .potx, opened as a presentation", pos, topic="template")
        )
    external = [target for _part, rel, target in zipped.external if rel != _HYPERLINK]
    if external and not options.allow_external_links:
        raise _refused(
            f"{shown} links to {quoted(external[0])} outside itself",
            pos,
            "pass --allow-external-links to build with them, or remove them from the template",
        )
    oxml.set_content_type(main, _PRESENTATION)
    try:
        return _rewritten(zipped, names, types, shown, pos), repairs
    except PackageRefusal as refusal:
        raise _refused(f"{shown}: {refusal.message}", pos, refusal.hint) from None


def checked_package(data: bytes, shown: str) -> bytes:
    """A deck's bytes (``deckgen sync``'s edited deck, whose text is read and nothing of
    it written) checked as a template's package is: refused when damaged or over the
    limits; macros dropped, never run; links outside it kept, never followed."""
    options = TemplateOptions(strip_macros=True, allow_external_links=True)
    return _checked_package(data, shown, None, options)[0]


def as_potx(data: bytes) -> bytes:
    """A .pptx package's bytes as a .potx (PowerPoint's template content type)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_PRESENTATION.encode(), _TEMPLATE.encode())
            target.writestr(info, content)
    return out.getvalue()


def _main_override(types):
    for override in types.iter(f"{{{_CT}}}Override"):
        if override.get("PartName") == "/ppt/presentation.xml":
            return override
    return None


def xml_within(zipped: Zipped, names: list[str], types, limit: int, hint: str) -> set:
    """The package's XML content types, once the macro project's entry is gone from
    ``types`` and the XML parts of ``names`` are found to come to at most ``limit``
    bytes (else refused, with ``hint``)."""
    oxml.remove_overrides(types, "vbaProject.bin")
    xml_types = _xml_types(types)
    xml = sum(zipped.members[name].file_size for name in names if _is_xml(name, b"", xml_types))
    if xml > limit:
        raise PackageRefusal(
            f"its XML parts come to {xml / 2**20:,.1f} MiB, over the limit of {limit >> 20} MiB",
            hint,
        )
    return xml_types


def _rewritten(zipped: Zipped, names: list[str], types, shown: str, pos) -> bytes:
    """The parts ``names`` (every XML part scanned by the safe parser, every picture
    checked), the presentation's content type fixed and no macro project, zipped again
    for python-pptx."""
    xml_types = xml_within(
        zipped, names, types, MAX_TEMPLATE_XML,
        "remove unused layouts and masters, or shapes drawn many times over",
    )  # fmt: skip
    data, pictures = repacked(zipped, names, types, xml_types)
    checked_pictures(pictures)
    return data


def repacked(
    zipped: Zipped, names: list[str], types, xml_types, emptied: frozenset[str] = frozenset()
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The parts ``names`` zipped again for python-pptx, every XML part scanned by the
    safe parser on the way, the (edited) content ``types`` and relationships without the
    macro project written in their place, ``emptied`` parts written empty (never
    inflated); and the pictures among them, (name, bytes), for the caller to check."""
    out = io.BytesIO()
    pictures = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name in names:
            if name == CONTENT_TYPES:
                data = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
            elif name.endswith(".rels"):
                data = _without_vba(zipped.xml(name))
            elif name in emptied:
                data = b""
            else:
                data = zipped.read(name)
                if _is_xml(name, data, xml_types):
                    zipped.xml(name)  # refused if unsafe: python-pptx parses it next
                if picture_kind(data):
                    pictures.append((name, data))
            target.writestr(name, data, *_packing(zipped.members.get(name)))
    return out.getvalue(), pictures


def _packing(info) -> tuple[int, int | None]:
    """How a part goes to python-pptx: stored where it does not shrink (pictures, video:
    no time spent), else deflated quickly (so 240 MiB of zeros are not held twice)."""
    if info is None or info.compress_size >= 0.9 * info.file_size:
        return zipfile.ZIP_STORED, None
    return zipfile.ZIP_DEFLATED, 1


def _xml_types(types) -> tuple[set[str], set[str]]:
    """The extensions and part names the content types declare as XML."""
    extensions, parts = set(), set()
    for entry in types:
        if not (entry.get("ContentType") or "").endswith("xml"):
            continue
        if entry.get("Extension"):
            extensions.add(entry.get("Extension").lower())
        if entry.get("PartName"):
            parts.add(entry.get("PartName").lstrip("/"))
    return extensions, parts


def _is_xml(name: str, data: bytes, xml_types: tuple[set[str], set[str]]) -> bool:
    """Whether python-pptx may parse the part as XML: by its content type, its name or its
    first bytes."""
    extensions, parts = xml_types
    extension = name.rsplit(".", 1)[-1].lower()
    return (
        name in parts
        or extension in extensions
        or extension in ("xml", "rels", "vml")
        or data.lstrip()[:5] == b"<?xml"
    )


def _without_vba(root) -> bytes:
    oxml.remove_relationships(root, VBA)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
