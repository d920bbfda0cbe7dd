"""Opening an organisation's template (.pptx or .potx) as untrusted input, and cleaning it.

A template is confined like a picture (a regular file inside the project folder), size
capped, and refused when it carries macros or external links unless asked to strip or
allow them. Then it is cleaned so a deck can be built on it: the sample slides go
completely (their ids, relationships and parts, and the section and custom-show entries
that would otherwise adopt the first new slide), duplicate shape ids in masters and
layouts are renumbered, and a missing table-styles part is added. Every repair is a
warning that names the part.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InputError, SourcePos, error, quoted, warning
from ..outline.files import locate_input

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024  # the template file
MAX_TEMPLATE_PART = 25 * 1024 * 1024  # one part (a picture, a video) in it

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_MACROS = (
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# a template's XML is untrusted: no entities expanded, nothing fetched
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


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
            f"{shown} cannot be opened as PowerPoint ({exc})", pos, _SAVE_AGAIN
        ) from None
    template = Template(path, prs, repairs)
    from .clean import clean

    clean(template, pos)
    return template


_SAVE_AGAIN = "open it in PowerPoint or LibreOffice and save it again as .pptx"


def _refused(message: str, pos: SourcePos | None, hint: str) -> InputError:
    return InputError(message, [error(message, pos, hint)])


def _checked_package(data: bytes, shown: str, pos, options: TemplateOptions):
    """The package's bytes, a .potx or stripped .pptm turned into a plain .pptx; refused
    if it is not a zip, holds an oversized part, macros or external links."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {info.filename: info for info in archive.infolist()}
        types = etree.fromstring(archive.read("[Content_Types].xml"), SAFE_XML)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError):
        raise _refused(f"{shown} is not a PowerPoint file", pos, _SAVE_AGAIN) from None
    big = [name for name, info in members.items() if info.file_size > MAX_TEMPLATE_PART]
    if big:
        raise _refused(
            f"{shown}: the part {big[0]} is over {MAX_TEMPLATE_PART >> 20} MiB",
            pos,
            "remove the large picture or video from the template",
        )
    repairs: list[Diagnostic] = []
    main = _main_override(types)
    if main is None:
        raise _refused(f"{shown} is not a PowerPoint file", pos, _SAVE_AGAIN)
    kind = main.get("ContentType")
    if kind in _MACROS or any(name.endswith("vbaProject.bin") for name in members):
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
    try:
        external = _external_links(archive, members)
    except etree.XMLSyntaxError as exc:
        raise _refused(f"{shown} has a damaged part ({exc})", pos, _SAVE_AGAIN) from None
    if external and not options.allow_external_links:
        raise _refused(
            f"{shown} links to {external[0]} outside itself",
            pos,
            "pass --allow-external-links to build with them, or remove them from the template",
        )
    main.set("ContentType", _PRESENTATION)
    return _rewritten(archive, types, members), repairs


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


def _external_links(archive, members) -> list[str]:
    """The targets of relationships that reach outside the package (but hyperlinks)."""
    found = []
    for name in members:
        if name.endswith(".rels"):
            root = etree.fromstring(archive.read(name), SAFE_XML)
            for rel in root.iter(f"{{{_RELS}}}Relationship"):
                external = rel.get("TargetMode") == "External"
                if external and rel.get("Type") != _HYPERLINK:
                    found.append(rel.get("Target"))
    return found


def _rewritten(archive, types, members) -> bytes:
    """The package with the presentation's content type fixed and no macro project."""
    for override in list(types.iter(f"{{{_CT}}}Override")):
        if override.get("PartName", "").endswith("vbaProject.bin"):
            types.remove(override)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in members:
            if name.endswith("vbaProject.bin"):
                continue
            if name == "[Content_Types].xml":
                data = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
            elif name.endswith(".rels"):
                data = _without_vba(archive.read(name))
            else:
                data = archive.read(name)
            target.writestr(name, data)
    return out.getvalue()


def _without_vba(data: bytes) -> bytes:
    root = etree.fromstring(data, SAFE_XML)
    for rel in list(root.iter(f"{{{_RELS}}}Relationship")):
        if rel.get("Type") == _VBA:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
