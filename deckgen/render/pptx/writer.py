"""The package as zip bytes, as python-pptx's writer writes it (the same members in the
same order), with every member dated the build's time (reproducible builds) and each
part's relationships serialised directly.

python-pptx serialises a part's relationships by parsing an element for each one and
setting its attributes through properties (5,700 of them for a 1,000-slide deck);
``rels_xml`` writes the same bytes from the same relationships, in the same order.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

from ...pptx_private import content_types_xml, package_relationships

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
    reproducible), written once, member for member as python-pptx's writer does: the
    content types, the package's relationships, then each part and its relationships."""
    stamp = max(when, _dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    package = prs.part.package
    parts = tuple(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _StampedZip(archive, stamp)
        writer.write(CONTENT_TYPES_URI, content_types_xml(parts))
        writer.write(PACKAGE_URI.rels_uri, rels_xml(package_relationships(package)))
        for part in parts:
            writer.write(part.partname, part.blob)
            if part.rels:
                writer.write(part.partname.rels_uri, rels_xml(part.rels))
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


class _StampedZip:
    """Zip members written as python-pptx's physical writer writes them, each dated
    ``stamp``."""

    def __init__(self, archive: zipfile.ZipFile, stamp) -> None:
        self._archive, self._stamp = archive, stamp

    def write(self, pack_uri, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        self._archive.writestr(member, blob)
