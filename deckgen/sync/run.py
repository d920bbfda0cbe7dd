"""``deckgen sync``: the edits made in a built deck carried back into its outline.

The deck says what it was built with (``docProps/custom.xml``); the outline is laid out
again with the same options (``build.prepare``) to know what was built, slide by slide;
the edited deck's slides and shapes are matched to those frames by their ids
(``match.py``), their text compared paragraph by paragraph (``compare.py``), and each
edit written into exactly the scalar it came from (``deckgen.outline.yamledit``: in
place, nothing else in the file changes). What cannot be carried back is a conflict,
which never stops the other edits.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, InputError, error, quoted, warning
from .compare import Found, compare_slide
from .match import SlideMatch, match_slides
from .read import ReadDeck, read_deck


@dataclass(frozen=True)
class SyncResult:
    outline: Path
    before: str
    after: str
    conflicts: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    edits: int
    bom: bool = False  # the outline starts with a UTF-8 byte order mark (kept)

    def written(self) -> bytes:
        """The outline's new bytes."""
        return (codecs.BOM_UTF8 if self.bom else b"") + self.after.encode("utf-8")

    def diff(self) -> str:
        name = self.outline.name
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{name}",
                f"b/{name}",
            )
        )


def sync_deck(deck_path: Path, outline_path: Path | None = None) -> SyncResult:
    """The outline with the edits of the deck at ``deck_path`` (nothing written)."""
    from ..build import load, prepare
    from ..outline.yamledit import ScalarEdit, edit_scalars
    from ..outline.yamltree import parse, read_text

    deck = read_deck(deck_path)
    record = deck.record
    warnings = []
    if not record:
        warnings.append(
            warning(
                f"{deck_path}: the deck does not say what it was built with (not built by "
                "this deckgen, or its custom properties were removed); synced as a build "
                "without options"
            )
        )
    outline_path = outline_path or _outline_of(deck_path, record)
    text = read_text(outline_path, str(outline_path))
    if record.get("outline_sha256") and record["outline_sha256"] != _digest(outline_path):
        warnings.append(
            warning(
                f"{outline_path} changed since the deck was built: its text is matched to "
                "the outline as it is now"
            )
        )
    options = _options(record, outline_path)
    outline = load(options)
    prepared = prepare(outline, options.audience, options.variables, options)
    values = {k: v for k, v in outline.variables.items() if v is not None}
    values.update(options.variables)
    tree, _problems = parse(text, str(outline_path))
    defined = frozenset(values) - frozenset(options.variables)
    found = Found(values, defined, str(outline_path))
    shown = None
    if options.translation is not None:  # the deck shows the translation's texts
        from .translated import translated_texts

        shown = translated_texts(outline, options.translation)
    _compare(found, prepared.deck.slides, deck, tree, (options.audience, shown))
    if shown is not None:
        from .translated import into_translation

        return into_translation(found, outline, options.translation, warnings)
    edits = [ScalarEdit(path, new) for path, (new, _slide) in sorted(found.edits.items(), key=str)]
    after = edit_scalars(text, edits, str(outline_path)) if edits else text
    bom = outline_path.read_bytes().startswith(codecs.BOM_UTF8)
    return SyncResult(
        outline_path, text, after, tuple(found.conflicts), tuple(warnings), len(edits), bom
    )


def _options(record: dict, outline_path: Path):
    """The build the deck records, again: its audience, overlays, template, values,
    start and translation (paths from the outline's folder), the deck alone."""
    from ..build import BuildOptions

    folder = outline_path.resolve().parent
    translation = record.get("translation")
    if translation and (folder / translation).is_file():
        translation = folder / translation
    return BuildOptions(
        outline=outline_path,
        out_dir=folder,
        formats=("pptx",),
        variables=dict(record.get("set") or {}),
        audience=record.get("audience"),
        overlays=tuple(folder / path for path in record.get("overlays") or ()),
        template=folder / record["template"] if record.get("template") else None,
        start=record.get("start"),
        jobs=1,
        translation=translation or None,
    )


def _compare(found: Found, frames, deck: ReadDeck, tree, showing) -> None:
    """Every slide's edits into ``found``; ``showing``: the build's audience and, for a
    translated build, what each scalar showed (its path -> the translation)."""
    from .scalars import candidates, located

    audience, shown = showing

    values = found.values
    matched = match_slides(frames, deck.slides)
    _structure(found, matched)
    for frame in frames:
        slide = matched.frames.get(frame.number)
        if slide is None or frame.source is None:
            continue
        path = located(tree, frame.source.path, frame.pos)
        scalars = candidates(tree, path, audience, values, shown) if path is not None else []
        compare_slide(found, frame, slide, scalars)


def _structure(found: Found, matched: SlideMatch) -> None:
    """Slides added, deleted or moved in the deck: conflicts (the outline says the order)."""
    for slide in matched.added:
        found.conflict(slide.number, None, "was added in the deck", "add it to the outline by hand")
    for frame in matched.deleted:
        found.conflict(
            frame.number,
            frame,
            f"{quoted(frame.title)} was deleted in the deck",
            "remove it from the outline (or leave it out for an audience with skip:)",
        )
    for frame, slide in matched.moved:
        found.conflict(
            slide.number,
            frame,
            f"{quoted(frame.title)} was moved (built as slide {frame.number})",
            "move it in the outline",
        )


def _outline_of(deck_path: Path, record: dict) -> Path:
    """The outline the deck names: in the deck's folder, the one above it or the working
    folder, the first whose digest is the recorded one, else the first found."""
    name = Path(str(record.get("outline") or "outline.yaml")).name
    folders = (deck_path.parent, deck_path.parent.parent, Path.cwd())
    found = [folder / name for folder in folders if (folder / name).is_file()]
    digest = record.get("outline_sha256")
    for path in found:
        if digest and _digest(path) == digest:
            return path
    if found:
        return found[0]
    message = f"cannot find the outline {quoted(name)} the deck was built from"
    raise InputError(message, [error(message, hint="name it: deckgen sync DECK OUTLINE")])


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
