"""``deckgen sync`` on a deck built with a translation: the deck showed the translation's
texts, so each scalar is compared with what the translation put in its place, and each
edit is written into the translation file (the unit's translation, its review mark
cleared), never into the outline."""

from __future__ import annotations

from ..errors import error
from ..translation.apply import translate_store, translation_file
from ..translation.stores import read
from ..translation.walk import keys_at, units_of
from ..translation.writeback import with_targets


def translated_texts(outline, translation):
    """What the translated build showed for the scalar at a path (None: the scalar's own
    text, untranslated)."""
    done = translate_store(outline, read(translation_file(outline, translation)), refuse=False)

    def shown(path) -> str | None:
        return next((done.texts[key] for key in keys_at(outline, path) if key in done.texts), None)

    return shown


def into_translation(found, outline, translation, warnings):
    """The sync's result as edits of the translation file: each edit to the unit its
    scalar is; an edit of text no unit is (a {variable}'s value) is a conflict."""
    from .run import SyncResult

    path = translation_file(outline, translation)
    units = {unit.key for unit in units_of(outline)}
    targets: dict[str, str] = {}
    for steps, (new, slide) in sorted(found.edits.items(), key=str):
        key = next((key for key in keys_at(outline, steps) if key in units), None)
        if key is None:
            found.conflicts.append(
                error(
                    f"slide {slide}: this text is not translated (it is the outline's, or a "
                    "variable's): it cannot go into the translation file",
                    outline.pos,
                    "make the edit in the outline",
                )
            )
            continue
        targets[key] = new
    before, after, dropped = with_targets(path, targets) if targets else ("", "", [])
    if not targets:
        before = after = path.read_text(encoding="utf-8")
    from ..errors import warning

    notes = [warning(f"{path}: {what}; kept as plain text") for what in dropped]
    return SyncResult(
        path,
        before,
        after,
        tuple(found.conflicts),
        tuple(warnings) + tuple(notes),
        len(targets),
    )
