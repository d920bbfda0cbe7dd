"""``deckgen sync`` on a translated deck writes its edits here: each unit's translation
set in the translation file, in the file's own format (through translate-toolkit)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .markup import XLIFF_NS, fill_xliff
from .stores import read


def with_targets(path: Path, targets: Mapping[str, str]) -> tuple[str, str, list[str]]:
    """The translation file at ``path`` as it is and with ``targets`` (unit key -> the
    outline's Markdown) as those units' translations, each unit's review mark cleared
    (``deckgen sync`` on a deck built with the file). In XLIFF each tag takes the id of
    the source's tag of its kind; markup the source has no tag for is left out and said.
    Returns (before, after, what was left out)."""
    data = path.read_bytes()
    kind = read(path).kind
    if kind == "po":
        from translate.storage import po

        store = po.pofile.parsestring(data)
        for unit in store.units:
            if not unit.isheader() and unit.getcontext() in targets:
                unit.target = targets[unit.getcontext()]
                unit.markfuzzy(False)
                unit.prev_source = None
        return data.decode("utf-8"), bytes(store).decode("utf-8"), []
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(data)
    dropped: list[str] = []
    for unit in store.units:
        element = unit.xmlelement
        key = element.get("resname") or element.get("id")
        if key in targets:
            dropped += [f"{key}: {what}" for what in _set_target(element, targets[key])]
    return data.decode("utf-8"), bytes(store).decode("utf-8"), dropped


def _set_target(element, text: str) -> list[str]:
    """``element``'s (a trans-unit's) target set to ``text``, its tags given the ids of
    the source's tags of their kind; what has no such tag in the source."""
    from lxml import etree

    source = element.find("{*}source")
    target = element.find("{*}target")
    if target is None:
        target = etree.Element(f"{{{XLIFF_NS}}}target")
        source.addnext(target)
    for child in list(target):
        target.remove(child)
    target.text = None
    fill_xliff(target, text)
    target.set("state", "translated")
    free = [(c.tag.rsplit("}", 1)[-1], c.get("ctype"), c.text, c.get("id")) for c in source.iter()]
    dropped = []
    for tag in list(target.iter()):
        if tag is target:
            continue
        want = (tag.tag.rsplit("}", 1)[-1], tag.get("ctype"))
        match = next(
            (f for f in free if f[:2] == want and (want[0] == "g" or f[2] == tag.text)), None
        )
        if match is None:
            dropped.append(f"{want[1] or want[0]} the source has no tag for")
            _unwrap(tag)
            continue
        free.remove(match)
        tag.set("id", match[3])
    return dropped


def _unwrap(tag) -> None:
    """``tag`` replaced by its text (and its children's)."""
    parent = tag.getparent()
    text = "".join(tag.itertext()) + (tag.tail or "")
    previous = tag.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(tag)
