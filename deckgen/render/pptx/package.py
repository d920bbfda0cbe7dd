"""Keep python-pptx linear on long decks.

python-pptx names each new notes slide by scanning every part of the package
(``OpcPackage.next_partname``), so a 1000-slide deck with notes costs a million
part visits. The deck is built in one pass and only ever adds parts, so the
names can be counted instead: same names, same order, no scan.
"""

from __future__ import annotations

from pptx.opc.packuri import PackURI

NOTES_TEMPLATE = "/ppt/notesSlides/notesSlide%d.xml"


def count_notes_partnames(package) -> None:
    original = package.next_partname
    prefix = NOTES_TEMPLATE[: (NOTES_TEMPLATE % 42).find("42")]
    used = {str(p.partname) for p in package.iter_parts() if p.partname.startswith(prefix)}

    def next_partname(tmpl: str) -> PackURI:
        if tmpl != NOTES_TEMPLATE:
            return original(tmpl)
        # python-pptx's own rule: the highest free number up to len + 1
        for n in range(len(used) + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in used:
                used.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free notes-slide part name")  # pragma: no cover

    package.next_partname = next_partname
