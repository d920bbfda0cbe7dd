"""``deckgen template new``: deckgen's own design as an editable template a designer can
start from (16:9, its grid, type scale, fonts and colours, the footer and slide-number
boxes, no slides)."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, error

BARE_OUTLINE = (
    "meta: {title: deckgen}\nsections:\n  - title: S\n    slides:\n      - {kind: title}\n"
)


def new_template(file: str, outline: str | None = None, force: bool = False) -> tuple[Path, bytes]:
    """The template to write at ``file`` (.pptx or .potx): its path and bytes, in
    ``outline``'s theme and concepts if given, else deckgen's default. Refuses another
    suffix, and a file already there unless ``force``."""
    path = Path(file)
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise InputError(
            "not a template name",
            [error(f"{file}: name it .pptx or .potx", hint="e.g. deckgen template new ours.potx")],
        )
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError(
            f"{file} exists",
            [error(f"{file} already exists", hint="pass --force to replace it")],
        )
    data = template_bytes(_talk_for(outline))
    if path.suffix.lower() == ".potx":
        from .template.package import as_potx

        data = as_potx(data)
    return path, data


def template_bytes(talk) -> bytes:
    """A deck with no slides in ``talk``'s design: the masters and layouts every kind uses."""
    from .build import build_time
    from .kinds import kind_layouts
    from .layout.design import default_design
    from .layout.frames import Deck, DeckMeta
    from .render.pptx.deck import render_pptx

    design = default_design(talk)
    meta = DeckMeta(f"{talk.meta.title} template", None, None, None, None, "en")
    deck = Deck(design.grid.width, design.grid.height, (), meta, design, layouts=kind_layouts())
    return render_pptx(deck, build_time())


def _talk_for(outline: str | None):
    """The outline's tailored talk, or a bare one in deckgen's default theme."""
    from .outline.loader import load_outline, load_outline_text
    from .outline.tailor import tailor

    if outline:
        return tailor(load_outline(outline))
    return tailor(load_outline_text(BARE_OUTLINE, "(default)"))
