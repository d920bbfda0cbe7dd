"""What ``deckgen import`` says it did, as lines and as a JSON manifest: what each source
slide became and where it went in the outline, every warning with its slide number, the
files written and the command to run next. The CLI prints them; nothing here prints."""

from __future__ import annotations

import shlex
from pathlib import Path

from ..errors import Diagnostic
from .model import ImportedDeck, ImportWarning, OutlinePath, SlideRecord
from .write import OUTLINE_NAME


def path_text(path: OutlinePath | None) -> str | None:
    """An outline path as a person reads it: ``sections[0].slides[1]``."""
    if path is None:
        return None
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def shown(text: str) -> str:
    """``text`` for a terminal: what a deck says (a SmartArt's name, a title) may hold
    control characters, an escape sequence among them; each is shown as an escape."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04X}" for ch in text)


def slide_line(record: SlideRecord) -> str:
    """``slide 3 → bullets: 5 points (sections[0].slides[1])``."""
    said = shown(record.summary)
    if not said.startswith(record.kind):
        said = f"{record.kind}: {said}" if said else record.kind
    where = path_text(record.path)
    line = f"slide {record.slide} → {said}"
    if where:
        line += f" ({where})"
    return line + (", hidden in the deck" if record.hidden else "")


def warning_line(deck_name: str, warning: ImportWarning) -> str:
    """``deck.pptx: slide 7: warning: SmartArt … left out``."""
    where = f"slide {warning.slide}: " if warning.slide is not None else ""
    return f"{shown(deck_name)}: {where}warning: {shown(warning.message)}"


def wrote_line(folder: Path, deck: ImportedDeck) -> str:
    """``wrote out/outline.yaml, 3 pictures, template.pptx``."""
    parts = [f"wrote {folder / OUTLINE_NAME}"]
    if deck.assets:
        count = len(deck.assets)
        parts.append(f"{count} picture{'s' if count != 1 else ''}")
    if deck.template is not None:
        parts.append("template.pptx")
    return ", ".join(parts)


def next_command(folder: Path) -> str:
    return f"deckgen build {shlex.quote(str(folder / OUTLINE_NAME))}"


def manifest(
    deck_name: str,
    folder: Path,
    deck: ImportedDeck,
    written: list[Path],
    outline_warnings: tuple[Diagnostic, ...] = (),
) -> dict:
    """The import as data: ``deckgen import --json``'s answer."""
    return {
        "ok": True,
        "deck": deck_name,
        "folder": str(folder),
        "outline": str(folder / OUTLINE_NAME),
        "slides": [
            {
                "slide": record.slide,
                "kind": record.kind,
                "path": path_text(record.path),
                "outline_path": list(record.path) if record.path is not None else None,
                "summary": record.summary,
                "hidden": record.hidden,
            }
            for record in deck.slides
        ],
        "warnings": [{"slide": w.slide, "message": w.message} for w in deck.warnings],
        "outline_warnings": [d.to_json() for d in outline_warnings],
        "files": [str(path) for path in written],
        "pictures": len(deck.assets),
        "template": deck.template is not None,
        "next": next_command(folder),
    }
