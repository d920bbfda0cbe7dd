"""Hostile templates made in the tests: python-pptx's own default package, changed member
by member or byte by byte in its zip."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from pptx import Presentation

from deckgen.errors import InputError
from deckgen.template.package import TemplateOptions, read_template

MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
THEME = "ppt/theme/theme1.xml"
PRESENTATION = "ppt/presentation.xml"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_BASE: list[bytes] = []


def base() -> bytes:
    """python-pptx's default package, 16:9, no slides."""
    if not _BASE:
        prs = Presentation()
        prs.slide_width, prs.slide_height = 12_192_000, 6_858_000
        buf = io.BytesIO()
        prs.save(buf)
        _BASE.append(buf.getvalue())
    return _BASE[0]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def zipped(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def changed(change=None, add: dict[str, bytes] | None = None, data: bytes | None = None) -> bytes:
    """The base package with ``change(name, data) -> data | None`` applied to each member
    and ``add``'s members added."""
    parts = members(data or base())
    if change is not None:
        parts = {name: change(name, part) for name, part in parts.items()}
        parts = {name: part for name, part in parts.items() if part is not None}
    parts.update(add or {})
    return zipped(parts)


def replaced(member: str, old: bytes, new: bytes, data: bytes | None = None) -> bytes:
    def change(name, part):
        if name == member:
            assert old in part, (member, old)
            return part.replace(old, new, 1)
        return part

    return changed(change, data=data)


def related(rels: str, target: str, kind: str = IMAGE, rid: str = "rId99", mode: str = "") -> bytes:
    """The base package with one more relationship in ``rels``."""
    extra = f' TargetMode="{mode}"' if mode else ""
    line = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{extra}/></Relationships>'
    return replaced(rels, b"</Relationships>", line.encode())


def patched(data: bytes, name: str, **fields: int) -> bytes:
    """``data`` with the zip's local and central headers of ``name`` changed: flags,
    method, crc or size (the uncompressed size)."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(name)
        central = package.start_dir
    local = info.header_offset
    while True:  # find the central directory entry of ``name``
        assert raw[central : central + 4] == b"PK\x01\x02"
        lengths = struct.unpack_from("<HHH", raw, central + 28)
        if raw[central + 46 : central + 46 + lengths[0]] == name.encode():
            break
        central += 46 + sum(lengths)
    offsets = {"flags": (6, 8, "<H"), "method": (8, 10, "<H"), "crc": (14, 16, "<I")}
    offsets["size"] = (22, 24, "<I")
    for field, value in fields.items():
        at_local, at_central, form = offsets[field]
        struct.pack_into(form, raw, local + at_local, value)
        struct.pack_into(form, raw, central + at_central, value)
    return bytes(raw)


def crc_of(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.getinfo(name).CRC


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels and holds none."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    end = b"IEND"
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", 0)
        + end
        + struct.pack(">I", zlib.crc32(end))
    )


def with_picture(picture: bytes, name: str = "ppt/media/image9.png") -> bytes:
    """The base package whose master shows ``picture`` as its background."""
    data = related(MASTER_RELS, "../media/" + name.rsplit("/", 1)[1])
    background = (
        b'<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/>'
        b"</a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>"
    )
    png = b'<Default Extension="png" ContentType="image/png"/>'
    if png not in members(data)["[Content_Types].xml"]:
        data = replaced("[Content_Types].xml", b"<Default ", png + b"<Default ", data)
    return changed(add={name: picture}, data=with_background(background, data))


def with_background(background: bytes, data: bytes) -> bytes:
    """``data`` whose master's background is ``background`` (a p:bg element)."""

    def change(name, part):
        if name != MASTER:
            return part
        start = part.index(b"<p:bg>")
        end = part.index(b"</p:bg>") + len(b"</p:bg>")
        return part[:start] + background + part[end:]

    return changed(change, data=data)


def write(folder: Path, data: bytes, name: str = "hostile.template") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def refusal(folder: Path, data: bytes, **options) -> str:
    """The one error message opening ``data`` as a template gives (it must give one)."""
    path = write(folder, data)
    try:
        read_template(path.name, folder, folder, None, TemplateOptions(**options))
    except InputError as exc:
        (diagnostic,) = exc.diagnostics
        assert diagnostic.message.startswith("template 'hostile.template'"), diagnostic
        return diagnostic.message
    raise AssertionError("opened")
