"""The talk in other languages: its translatable texts as PO or XLIFF files for
translators' tools (``deckgen translate extract``), merged again when the outline changes
(``translate update``), checked (``translate check``) and built (``build --translation``).

- :mod:`.walk`: every translatable text of an outline as a :class:`~.walk.Unit` with a
  stable key, and the same walk putting translations in place;
- :mod:`.markup`: the outline's Markdown as XLIFF inline codes, and what a translation
  must keep of its source;
- :mod:`.stores`: PO and XLIFF 1.2 files, written and read through translate-toolkit;
- :mod:`.apply`: an outline translated by a file, with what stayed in its language.
"""

from .apply import Translated, for_build, translate, translate_store
from .stores import FORMATS, Store, format_of, read, write
from .walk import Unit, units_of

__all__ = [
    "FORMATS",
    "Store",
    "Translated",
    "Unit",
    "for_build",
    "format_of",
    "read",
    "translate",
    "translate_store",
    "units_of",
    "write",
]
