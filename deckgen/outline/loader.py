"""Load an outline: YAML → positioned tree → typed, validated :class:`Outline`.

This is the only module (with :mod:`.yamltree`) that reads YAML. Every problem
is reported as ``file:line:col: message (hint)``, all of them in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..errors import Diagnostic, InputError, Severity, SourcePos, error
from ..kinds import KINDS
from . import model as m
from .messages import diagnostics, start_of, told
from .overlay import apply_overlay
from .validate import check_tree
from .yamltree import PosDict, parse, read_text


def load_outline(
    path: str | Path,
    display_name: str | None = None,
    overlays: Sequence[str | Path] = (),
) -> m.Outline:
    """Read, validate and return the outline at ``path`` with ``overlays`` merged over it.

    Raises InputError listing every problem, each at the file:line:col it came from.
    """
    path = Path(path)
    name = display_name or str(path)
    text = read_text(path, name)
    layers = []
    for overlay in overlays:  # named on the command line: any regular file (docs/security.md)
        overlay = Path(overlay)
        layers.append((overlay, read_text(overlay, str(overlay))))
    return load_outline_text(text, name, base_dir=path.resolve().parent, overlays=layers)


def load_outline_text(
    text: str,
    name: str,
    base_dir: str | Path = ".",
    overlays: Sequence[tuple[Path, str]] = (),
) -> m.Outline:
    tree, yaml_problems = parse(text, name)
    if not isinstance(tree, PosDict):
        raise InputError(
            f"{name}: not an outline",
            [
                error(
                    "the outline must be a mapping with 'meta' and 'sections'",
                    start_of(tree) or SourcePos(name, 1, 1),
                    "start from 'deckgen init DIR' for a working example",
                )
            ],
        )
    problems = list(yaml_problems)
    for overlay_path, overlay_text in overlays:
        problems += _merge_overlay(tree, overlay_path, overlay_text)
    # Give base_dir by its alias, so a 'base_dir:' key in the outline is refused as unknown
    # (the YAML tree never holds '__' keys; 'tree' itself stays as written, for locate).
    declared = tree.get("variables")
    variable_pos = dict(declared.key_pos) if isinstance(declared, PosDict) else {}
    tree_problems, pictures = check_tree(tree, Path(base_dir))
    warnings = [d for d in tree_problems if d.severity is Severity.WARNING]
    problems += [d for d in tree_problems if d.severity is not Severity.WARNING]
    data = PosDict(
        tree,
        __base_dir__=str(Path(base_dir)),
        __variable_pos__=variable_pos,
        __pictures__=pictures,
        __warnings__=warnings,
    )
    data.source_pos = tree.source_pos
    try:
        outline = m.Outline.model_validate(data)
    except ValidationError as exc:
        problems += [d for err in told(exc.errors()) for d in diagnostics(err, tree, name)]
        raise InputError(f"{name}: invalid outline", _unique(problems)) from None
    problems += _check_overrides(tree, name)
    if problems:
        raise InputError(f"{name}: invalid outline", _unique(problems))
    return outline


# the model's own fields, which no outline or overlay may set
_INTERNAL = ("pos", "base_dir", "variable_pos", "pictures", "warnings")


def _merge_overlay(tree: PosDict, path: Path, text: str) -> list[Diagnostic]:
    """Merge one overlay over the outline's tree; its problems at its own lines."""
    layer, problems = parse(text, str(path))
    if not isinstance(layer, PosDict):
        return problems + [
            error(
                "an overlay must be a mapping of outline keys (and drop/add)",
                start_of(layer) or SourcePos(str(path), 1, 1),
                "see 'deckgen build --help' and the README's Overlays section",
            )
        ]
    allowed = [k for k in m.Outline.model_fields if k not in _INTERNAL]
    return problems + apply_overlay(tree, layer, path.resolve().parent, allowed)


_NOT_OVERRIDABLE = ("kind", "id", "overrides", "only", "skip")


def _check_overrides(tree: PosDict, name: str) -> list[Diagnostic]:
    """Validate each audience's override as the slide it would make, at the override's lines."""
    problems: list[Diagnostic] = []
    kinds = {kind.name: kind.model for kind in KINDS}
    for section in tree.get("sections") or []:
        for slide in (section.get("slides") or []) if isinstance(section, PosDict) else []:
            if not isinstance(slide, PosDict) or not isinstance(slide.get("overrides"), PosDict):
                continue
            cls = kinds.get(slide.get("kind"))
            for audience, override in slide["overrides"].items():
                if not isinstance(override, PosDict):
                    problems.append(
                        error(
                            f"the override for '{audience}' should be a mapping of slide fields",
                            slide["overrides"].value_pos[audience],
                            "e.g. title: …, notes: …",
                        )
                    )
                    continue
                for key in override:
                    if key in _NOT_OVERRIDABLE:
                        problems.append(
                            error(
                                f"'{key}' cannot be overridden per audience",
                                override.key_pos[key],
                                "use only/skip to choose slides",
                            )
                        )
                merged = PosDict({k: v for k, v in slide.items() if k != "overrides"})
                merged.source_pos = slide.source_pos
                merged.key_pos = {k: p for k, p in slide.key_pos.items() if k != "overrides"}
                merged.value_pos = {k: p for k, p in slide.value_pos.items() if k != "overrides"}
                for key, value in override.items():
                    if key in _NOT_OVERRIDABLE:
                        continue
                    merged[key] = value
                    merged.key_pos[key] = override.key_pos[key]
                    merged.value_pos[key] = override.value_pos[key]
                if cls is None:
                    continue
                try:
                    cls.model_validate(merged)
                except ValidationError as exc:
                    problems += [
                        d for err in told(exc.errors()) for d in diagnostics(err, merged, name)
                    ]
    return problems


def _unique(items: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return sorted(out, key=lambda found: (found.pos.line, found.pos.col) if found.pos else (0, 0))
