"""What the package says about the deck besides its slides: the extended properties
(docProps/app.xml), what the deck was built with (docProps/custom.xml), the notes
master's place in presentation.xml, and the thumbnail.

python-pptx's default package says "On-screen Show (4:3)", 0 slides, and carries a
blank thumbnail; and it relates the notes master without listing it in
``p:notesMasterIdLst``, which PowerPoint expects.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ...layout.frames import Deck
from ...pptx_private import package_relationships, set_part_blob
from ...safexml import parse
from .ids import custom_properties_xml

_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WIDESCREEN = 12_192_000, 6_858_000  # what PowerPoint calls "Widescreen"


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def finish_package(prs, deck: Deck, thumbnail: bytes | None) -> None:
    _list_notes_master(prs)
    _set_part(prs, RT.EXTENDED_PROPERTIES, "/docProps/app.xml", _APP_TYPE, _app_xml(prs, deck))
    if deck.record:
        _set_part(
            prs,
            RT.CUSTOM_PROPERTIES,
            "/docProps/custom.xml",
            _CUSTOM_TYPE,
            custom_properties_xml(deck.record),
        )
    if thumbnail is not None:
        _set_part(prs, RT.THUMBNAIL, "/docProps/thumbnail.jpeg", "image/jpeg", thumbnail)


def _set_part(prs, reltype: str, name: str, content_type: str, blob: bytes) -> None:
    """The package's part of ``reltype`` given ``blob``; added where a template has none,
    and replaced where its part is of another type (a PNG or WMF thumbnail)."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    for rel_id, rel in list(package_relationships(package).items()):
        if rel.reltype == reltype and not rel.is_external:
            if rel.target_part.content_type == content_type:
                set_part_blob(rel.target_part, blob)
                return
            package_relationships(package).pop(rel_id)
    package.relate_to(Part(PackURI(name), content_type, package, blob), reltype)


def _list_notes_master(prs) -> None:
    """Name the notes master in presentation.xml's p:notesMasterIdLst."""
    presentation = prs.element
    if presentation.find(qn("p:notesMasterIdLst")) is not None:
        return
    rel = next(
        (r for r in prs.part.rels.values() if r.reltype == RT.NOTES_MASTER and not r.is_external),
        None,
    )
    if rel is None:
        return
    listing = etree.SubElement(presentation, qn("p:notesMasterIdLst"))
    etree.SubElement(listing, qn("p:notesMasterId")).set(f"{{{_R}}}id", rel.rId)
    presentation.find(qn("p:sldMasterIdLst")).addnext(listing)


def _app_xml(prs, deck: Deck) -> bytes:
    """Extended properties that describe this deck, not the stock template."""
    root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP, "vt": _VT})
    titles = [frame.title for frame in deck.slides]
    words = sum(len(t.split()) for frame in deck.slides for t in _texts(frame))
    paragraphs = sum(1 for frame in deck.slides for _t in _texts(frame))
    size = (deck.width, deck.height)
    fields = [
        ("TotalTime", "0"),
        ("Words", str(words)),
        ("Application", "deckgen"),
        ("PresentationFormat", "Widescreen" if size == WIDESCREEN else "Custom"),
        ("Paragraphs", str(paragraphs)),
        ("Slides", str(len(deck.slides))),
        ("Notes", str(sum(1 for frame in deck.slides if frame.presenter_prose.runs))),
        ("HiddenSlides", "0"),
        ("MMClips", "0"),
        ("ScaleCrop", "false"),
    ]
    for name, value in fields:
        etree.SubElement(root, f"{{{_EP}}}{name}").text = value
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme_name = parse(theme.blob).get("name") or "Theme"
    _vector(root, "HeadingPairs", [("Theme", 1), ("Slide Titles", len(titles))])
    _titles(root, [theme_name, *titles])
    for name, value in (
        ("Company", deck.meta.organisation or ""),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
        ("AppVersion", "16.0000"),
    ):
        etree.SubElement(root, f"{{{_EP}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _texts(frame):
    for item in frame.items:
        for para in getattr(item, "paragraphs", ()):
            yield para.text


def _vector(root, name: str, pairs: list[tuple[str, int]]) -> None:
    holder = etree.SubElement(root, f"{{{_EP}}}{name}")
    vector = etree.SubElement(
        holder, f"{{{_VT}}}vector", size=str(2 * len(pairs)), baseType="variant"
    )
    for label, count in pairs:
        etree.SubElement(
            etree.SubElement(vector, f"{{{_VT}}}variant"), f"{{{_VT}}}lpstr"
        ).text = label
        etree.SubElement(etree.SubElement(vector, f"{{{_VT}}}variant"), f"{{{_VT}}}i4").text = str(
            count
        )


def _titles(root, names: list[str]) -> None:
    holder = etree.SubElement(root, f"{{{_EP}}}TitlesOfParts")
    vector = etree.SubElement(holder, f"{{{_VT}}}vector", size=str(len(names)), baseType="lpstr")
    for name in names:
        etree.SubElement(vector, f"{{{_VT}}}lpstr").text = name
