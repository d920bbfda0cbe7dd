"""Titles an outline can set: a title longer than :data:`MAX_TITLE` characters (a
sentence pasted into the title box, a licence line) would not fit a slide's title box,
so it is cut at a word with '…' and kept whole where the kind has room: a bullets
slide's first point, a picture's caption, a section's or the title slide's subtitle,
else the notes."""

from __future__ import annotations

from ..inline import plain

MAX_TITLE = 60  # characters a title keeps: two lines of a title box at its smallest


def short(title: str) -> str | None:
    """``title`` cut to fit, or None if it fits."""
    if len(plain(title)) <= MAX_TITLE:
        return None
    words = plain(title).replace("\n", " ").split()
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > MAX_TITLE - 1:
            break
        out = f"{out} {word}".strip()
    from .text import escape

    return escape(out or words[0][: MAX_TITLE - 1]) + "…"


def shorten_titles(outline: dict) -> list[tuple[tuple, str]]:
    """Every title in ``outline`` made to fit (in place); where each was and what it was."""
    changed = []
    meta = outline["meta"]
    cut = short(meta["title"])
    if cut:
        changed.append((("meta", "title"), meta["title"]))
        meta["subtitle"] = _joined(meta["title"], meta.get("subtitle"))
        meta["title"] = cut
    for i, section in enumerate(outline["sections"]):
        cut = short(section["title"])
        if cut:
            changed.append((("sections", i, "title"), section["title"]))
            section["subtitle"] = _joined(section["title"], section.get("subtitle"))
            section["title"] = cut
        for j, slide in enumerate(section["slides"]):
            title = slide.get("title")
            cut = short(title) if title else None
            if cut:
                changed.append((("sections", i, "slides", j, "title"), title))
                _keep(slide, title)
                slide["title"] = cut
    return changed


def _joined(first: str, second: str | None) -> str:
    return f"{first}\n{second}" if second else first


def _keep(slide: dict, title: str) -> None:
    if slide["kind"] == "bullets" and len(slide["bullets"]) < 40:
        slide["bullets"].insert(0, title)
    elif slide["kind"] == "picture" and "caption" not in slide:
        slide["caption"] = title
    elif isinstance(slide.get("notes"), str) or "notes" not in slide:
        slide["notes"] = _joined(title, slide.get("notes"))
