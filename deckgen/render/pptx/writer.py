"""The package as zip bytes: python-pptx's writer, with every member dated the build's
time (reproducible builds) and each part's relationships serialised directly.

python-pptx serialises a part's relationships by parsing an element for each one and
setting its attributes through properties (5,700 of them for a 1,000-slide deck);
``rels_xml`` writes the same bytes from the same relationships, in the same order.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.packuri import PACKAGE_URI
from pptx.opc.serialized import PackageWriter

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# what lxml writes for these characters in an attribute value (libxml2's escaping)
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def stamped_package(prs, when: _dt.datetime) -> bytes:
    """The package as a zip whose members all carry ``when`` (so builds are
    reproducible), written once: python-pptx's own writer, with stamped members."""
    stamp = max(when, _dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    package = prs.part.package
    out = io.BytesIO()
    _StampedWriter(out, package._rels, tuple(package.iter_parts()), stamp)._write()
    return out.getvalue()


def rels_xml(rels) -> bytes:
    """A part's (or the package's) relationships as the .rels bytes python-pptx writes:
    in the numerical order of their ids, an external one marked so."""

    def number(rid: str) -> int:
        return int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0

    out = [_XML_DECLARATION, f'<Relationships xmlns="{_RELS_NS}">']
    for _number, rid in sorted((number(rid), rid) for rid in rels):
        rel = rels[rid]
        mode = f' TargetMode="{RTM.EXTERNAL}"' if rel.is_external else ""
        out.append(
            f'<Relationship Id="{_attribute(rid)}" Type="{_attribute(rel.reltype)}" '
            f'Target="{_attribute(rel.target_ref)}"{mode}/>'
        )
    out.append("</Relationships>")
    return "".join(out).encode("utf-8")


def _attribute(value: str) -> str:
    return value.translate(_ATTRIBUTE_ESCAPES)


class _StampedWriter(PackageWriter):
    def __init__(self, out, rels, parts, stamp) -> None:
        super().__init__(out, rels, parts)
        self._stamp = stamp

    def _write(self) -> None:
        with zipfile.ZipFile(self._pkg_file, "w", zipfile.ZIP_DEFLATED) as archive:
            writer = _StampedZip(archive, self._stamp)
            self._write_content_types_stream(writer)
            writer.write(PACKAGE_URI.rels_uri, rels_xml(self._pkg_rels))
            for part in self._parts:  # as PackageWriter._write_parts, with rels_xml
                writer.write(part.partname, part.blob)
                if part._rels:
                    writer.write(part.partname.rels_uri, rels_xml(part.rels))


class _StampedZip:
    """python-pptx's physical writer's one method, each member dated ``stamp``."""

    def __init__(self, archive: zipfile.ZipFile, stamp) -> None:
        self._archive, self._stamp = archive, stamp

    def write(self, pack_uri, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        self._archive.writestr(member, blob)
