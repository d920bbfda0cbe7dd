"""The one XML parser for what deckgen reads of a template (and of a deck's theme) itself.

A template's XML is untrusted. Every XML part is scanned when the package is checked
(`package.py`): a DOCTYPE or an entity declaration is refused outright, so no entity is
ever expanded (an internal ``<!ENTITY f "Comic Sans MS">`` would otherwise turn into the
theme's font), nothing is fetched, and a text node or comment over libxml2's size limit
is a syntax error rather than a crash later on. What deckgen parses afterwards (the theme,
relationships, content types) goes through :data:`SAFE_XML` too.
"""

from __future__ import annotations

from lxml import etree

# no entities expanded, no DTD loaded, nothing fetched, libxml2's size limits kept
SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", b"<\x00!\x00D\x00O\x00C", b"<\x00!\x00E\x00N\x00T")


class UnsafeXml(ValueError):
    """A part that is not well-formed XML or declares a DOCTYPE or entities."""


def parse(data: bytes):
    """The root element of ``data``; :class:`UnsafeXml` for a DOCTYPE, an entity
    declaration or XML that is not well-formed."""
    if any(mark in data for mark in _DECLARATIONS):
        raise UnsafeXml("it declares a DOCTYPE or entities")
    try:
        root = etree.fromstring(data, SAFE_XML)
    except (etree.XMLSyntaxError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UnsafeXml(f"it is not well-formed XML ({reason})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # other encodings
        raise UnsafeXml("it declares a DOCTYPE or entities")
    return root
