"""An IMS Content Packaging 1.1 package, as both QTI exports write one: the zip (entries
dated so a build repeats), the manifest's head and its resources, XML as bytes."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MANIFEST_FILE = "imsmanifest.xml"


def zipped(files: dict[str, bytes], when: tuple[int, ...]) -> bytes:
    """``files`` (name -> bytes, in order) as a zip, each entry dated ``when`` (a zip date
    tuple)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, when), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def manifest_root(schema: str, version: str) -> tuple[etree._Element, etree._Element]:
    """A manifest naming the ``schema`` and ``version`` of what it packs, and its (empty)
    resources element."""
    root = etree.Element(f"{{{CP}}}manifest", identifier="manifest", nsmap={None: CP, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = schema
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = version
    etree.SubElement(root, f"{{{CP}}}organizations")
    return root, etree.SubElement(root, f"{{{CP}}}resources")


def resource(parent, identifier: str, kind: str, href: str) -> etree._Element:
    """A resource of ``kind`` that is the one file ``href``."""
    found = etree.SubElement(
        parent, f"{{{CP}}}resource", identifier=identifier, type=kind, href=href
    )
    etree.SubElement(found, f"{{{CP}}}file", href=href)
    return found


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
