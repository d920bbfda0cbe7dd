"""Overlays: a small YAML file merged over the outline, without editing it.

An overlay carries any of the outline's own top-level keys (mappings merge key by
key, everything else replaces) plus two operations:

``drop``
    ids of sections or slides to leave out;
``add``
    extra slides, each entry placed ``after:`` or ``before:`` a slide id, or at the
    end of the ``section:`` with that id, e.g.
    ``add: [{after: two-terms, slides: [{kind: bullets, title: …, bullets: […]}]}]``.

Merging happens on the positioned YAML trees, so every value keeps the file,
line and column it came from: an error in an overlay points at the overlay.
Picture paths in an overlay are relative to the overlay's own folder.
"""

from __future__ import annotations

import contextlib
import difflib
import os
from pathlib import Path

from ..errors import Diagnostic, error, quoted
from .validate import IMAGE_KEYS, LIGHT_LOGO
from .yamltree import PosDict, PosList

OPERATIONS = ("drop", "add")


def apply_overlay(
    tree: PosDict, overlay: PosDict, overlay_dir: Path, allowed: list[str]
) -> list[Diagnostic]:
    """Merge ``overlay`` into ``tree`` in place; return the problems found."""
    problems: list[Diagnostic] = []
    _absolute_pictures(overlay, overlay_dir, None)
    for key, value in overlay.items():
        pos = overlay.key_pos[key]
        if key in OPERATIONS:
            continue
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed + list(OPERATIONS), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else ("an overlay holds outline keys (" + ", ".join(allowed) + ") and drop/add")
            )
            problems.append(error(f"unknown key '{key}' in the overlay", pos, hint))
            continue
        _merge_value(tree, key, value, overlay)
    if "drop" in overlay:
        problems += _drop(tree, overlay["drop"], overlay.value_pos["drop"])
    if "add" in overlay:
        problems += _add(tree, overlay["add"], overlay.value_pos["add"])
    return problems


def _merge_value(base: PosDict, key: str, value, source: PosDict) -> None:
    if isinstance(value, PosDict) and isinstance(base.get(key), PosDict):
        for sub, sub_value in value.items():
            _merge_value(base[key], sub, sub_value, value)
        return
    base[key] = value
    base.key_pos[key] = source.key_pos[key]
    base.value_pos[key] = source.value_pos[key]


def _absolute_pictures(node, folder: Path, parent_key: str | None) -> None:
    if isinstance(node, PosDict):
        path = node.get("path")
        if parent_key in (*IMAGE_KEYS, "template") and isinstance(path, str):
            _make_absolute(node, "path", folder)
        if parent_key == "logo" and isinstance(node.get(LIGHT_LOGO), str):
            _make_absolute(node, LIGHT_LOGO, folder)
        if parent_key == "theme" and isinstance(node.get("template"), str):
            _make_absolute(node, "template", folder)
        for key, value in node.items():
            _absolute_pictures(value, folder, key)
    elif isinstance(node, PosList):
        for item in node:
            _absolute_pictures(item, folder, parent_key)


def _make_absolute(node: PosDict, key: str, folder: Path) -> None:
    """An overlay's file path made absolute, so it is found from the overlay's folder."""
    path = node[key]
    if not os.path.isabs(path):
        with contextlib.suppress(OSError, ValueError, RuntimeError):  # checked later
            node[key] = str((folder / path).resolve())


def _sections(tree: PosDict) -> PosList | None:
    sections = tree.get("sections")
    return sections if isinstance(sections, PosList) else None


def _slides(section) -> PosList | None:
    if isinstance(section, PosDict) and isinstance(section.get("slides"), PosList):
        return section["slides"]
    return None


def _ids(tree: PosDict) -> tuple[dict, dict]:
    """id -> section index, and id -> (section index, slide index)."""
    sections, slides = {}, {}
    for i, section in enumerate(_sections(tree) or []):
        if isinstance(section, PosDict) and isinstance(section.get("id"), str):
            sections[section["id"]] = i
        for j, slide in enumerate(_slides(section) or []):
            if isinstance(slide, PosDict) and isinstance(slide.get("id"), str):
                slides[slide["id"]] = (i, j)
    return sections, slides


def _unknown_id(kind: str, name, known: list[str], pos) -> Diagnostic:
    close = difflib.get_close_matches(str(name), known, n=1)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else (
            f"{kind} ids in the outline: "
            + (", ".join(sorted(known)) or "none")
            + "; to name one here, give it an 'id:' in the outline"
        )
    )
    return error(f"no {kind} with id {quoted(str(name))} in the outline", pos, hint)


def _not_an_id(what: str, pos) -> Diagnostic:
    return error(f"{what} should be an id (a name), not a list or a mapping", pos, "e.g. intro")


def _drop(tree: PosDict, ids, pos) -> list[Diagnostic]:
    if not isinstance(ids, PosList):
        return [
            error(
                "'drop' should be a list of section or slide ids",
                pos,
                "write each id on its own line starting with '- '",
            )
        ]
    problems: list[Diagnostic] = []
    for name, item_pos in zip(ids, ids.item_pos, strict=True):
        if not isinstance(name, str):
            problems.append(_not_an_id("each 'drop' item", item_pos))
            continue
        section_ids, slide_ids = _ids(tree)
        if name in section_ids:
            _remove(_sections(tree), section_ids[name])
        elif name in slide_ids:
            i, j = slide_ids[name]
            _remove(_slides(_sections(tree)[i]), j)
        else:
            problems.append(
                _unknown_id("section or slide", name, list(section_ids) + list(slide_ids), item_pos)
            )
    return problems


def _remove(items: PosList, index: int) -> None:
    del items[index]
    del items.item_pos[index]


def _add(tree: PosDict, entries, pos) -> list[Diagnostic]:
    if not isinstance(entries, PosList):
        return [error("'add' should be a list of {after|before|section: ID, slides: [...]}", pos)]
    problems: list[Diagnostic] = []
    for entry, entry_pos in zip(entries, entries.item_pos, strict=True):
        problems += _add_entry(tree, entry, entry_pos)
    return problems


def _add_entry(tree: PosDict, entry, entry_pos) -> list[Diagnostic]:
    """Place one 'add' entry's slides where it says, or say why it cannot be done."""
    if not isinstance(entry, PosDict):
        return [
            error(
                "each 'add' entry is a mapping",
                entry_pos,
                "write 'after: ID' and 'slides:' under '- '",
            )
        ]
    anchors = [k for k in ("after", "before", "section") if k in entry]
    problems = [
        error(
            f"unknown key '{key}' in an 'add' entry",
            entry.key_pos[key],
            "use after, before or section, and slides",
        )
        for key in entry
        if key not in ("after", "before", "section", "slides")
    ]
    if len(anchors) != 1:
        return problems + [
            error(
                "an 'add' entry needs exactly one of after, before, section",
                entry_pos,
                "say where the slides go",
            )
        ]
    slides = entry.get("slides")
    if not isinstance(slides, PosList):
        return problems + [error("an 'add' entry needs a list of 'slides'", entry_pos)]
    anchor = anchors[0]
    target, target_pos = entry[anchor], entry.value_pos[anchor]
    if not isinstance(target, str):
        return problems + [_not_an_id(f"'{anchor}'", target_pos)]
    place, problem = _where_to_add(tree, anchor, target, target_pos)
    if problem is not None:
        return problems + [problem]
    into, at = place
    into[at:at] = list(slides)
    into.item_pos[at:at] = list(slides.item_pos)
    return problems


def _where_to_add(tree: PosDict, anchor: str, target: str, pos):
    """((the slide list, the index) to insert at, None) or (None, the problem)."""
    section_ids, slide_ids = _ids(tree)
    if anchor == "section":
        if target not in section_ids:
            return None, _unknown_id("section", target, list(section_ids), pos)
        into = _slides(_sections(tree)[section_ids[target]])
        if into is None:  # a section whose 'slides:' is empty or not a list
            return None, error(
                f"section '{target}' has no list of slides to add to",
                pos,
                "give the section at least one slide in the outline",
            )
        return (into, len(into)), None
    if target not in slide_ids:
        return None, _unknown_id("slide", target, list(slide_ids), pos)
    i, j = slide_ids[target]
    return (_slides(_sections(tree)[i]), j + (1 if anchor == "after" else 0)), None
