"""What one slide became (``Made``) and the small helpers every kind's reader shares:
titles, bullets with their levels, and text held to the outline's limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..limits import MAX_BULLETS, MAX_SUB_BULLETS, MAX_TEXT
from .text import Para, SourceRun, to_markdown


@dataclass
class Made:
    """One source slide as the outline holds it."""

    kind: str  # an outline kind, "meta", "section" or "dropped"
    slides: list[dict] = field(default_factory=list)  # more than one: split to fit limits
    summary: str = ""
    warnings: list[str] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    section: dict | None = None  # a divider: {"title": …, "subtitle": …}
    meta: dict | None = None  # the title slide
    lines: list[str] = field(default_factory=list)  # an agenda's lines, checked later


def title_text(para: Para | None) -> str:
    """A title as outline text: without the emphasis that covers all of it (titles are
    set in the title's own weight)."""
    if para is None:
        return ""
    whole_bold, whole_italic = para.all_bold, para.all_italic
    runs = tuple(
        SourceRun(
            run.text,
            run.bold and not whole_bold,
            run.italic and not whole_italic,
            run.code,
            run.link,
        )
        for run in para.runs
    )
    return fitted(" ".join(to_markdown(runs).split("\n")).strip(), MAX_TEXT, "a title", [])


def unstyled(para: Para) -> str:
    """A paragraph as outline text without the emphasis that covers all of it (deckgen
    sets a quote in italic, a heading in bold: the kind's look, not the text's)."""
    return title_text(para)


def fitted(text: str, limit: int, what: str, warnings: list[str]) -> str:
    """``text`` within ``limit`` characters: cut at a word with '…' and said."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[-200:]:
        cut = cut[: cut.rfind(" ")]
    while cut.endswith("\\"):  # never leave an escape without its character
        cut = cut[:-1]
    warnings.append(f"{what} of {len(text):,} characters shortened to the limit of {limit:,}")
    return cut + "…"


def bullets_of(paras: list[Para], warnings: list[str]) -> list:
    """Level 0 as points, level 1 as their sub-points; deeper levels flattened to
    sub-points and more sub-points than a point may hold made points, each said."""
    points: list[dict] = []
    deeper = promoted = 0
    for para in paras:
        text = fitted(para.markdown, MAX_TEXT, "a bullet", warnings)
        if not text:
            continue
        if para.level == 0 or not points:
            points.append({"text": text, "sub": []})
            continue
        deeper += para.level > 1
        if len(points[-1]["sub"]) >= MAX_SUB_BULLETS:
            promoted += 1
            points.append({"text": text, "sub": []})
        else:
            points[-1]["sub"].append(text)
    if deeper:
        warnings.append(f"{deeper} bullet(s) below the second level made sub-points")
    if promoted:
        warnings.append(
            f"{promoted} sub-point(s) beyond {MAX_SUB_BULLETS} under one point made points"
        )
    return [point if point["sub"] else point["text"] for point in points]


def bullet_slides(title: str, points: list, warnings: list[str]) -> list[dict]:
    """Bullets slides holding ``points``: more than the outline's limit split into
    '(cont.)' slides, said."""
    groups = [points[i : i + MAX_BULLETS] for i in range(0, len(points), MAX_BULLETS)]
    if len(groups) > 1:
        warnings.append(
            f"{len(points)} bullets, over the limit of {MAX_BULLETS}: split into "
            f"{len(groups)} slides"
        )
    return [
        {"kind": "bullets", "title": title if i == 0 else f"{title} (cont.)", "bullets": group}
        for i, group in enumerate(groups)
    ]


def count_summary(points: list) -> str:
    subs = sum(len(point["sub"]) for point in points if isinstance(point, dict))
    more = f", {subs} sub-point(s)" if subs else ""
    return f"{len(points)} point(s){more}"
