"""References' ids, derived from their titles, and the agenda's lines checked against
the sections the agenda is made from."""

from __future__ import annotations

import re
import unicodedata

_LEAD = re.compile(r"^\s*(?:\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|\d+[.)]?)\s+")


def finish_references(references: list[dict]) -> list[dict]:
    """Each reference with an id of its own: its title's first words, made unique."""
    taken: set[str] = set()
    out = []
    for reference in references:
        stem = _slug(reference["title"]) or "source"
        name, count = stem, 1
        while name in taken:
            count += 1
            name = f"{stem}-{count}"
        taken.add(name)
        out.append({**reference, "id": name})
    return out


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:3]
    slug = "-".join(words)
    return slug if slug[:1].isalpha() else (f"ref-{slug}" if slug else "")


def unknown_agenda_lines(lines: list[str], titles: list[str]) -> list[str]:
    """The agenda's lines that name no section (after a number or a time before them)."""
    known = {_plain(title) for title in titles}
    out = []
    for line in lines:
        text = _plain(_LEAD.sub("", line.replace("\u202f", " ")))
        if text and text not in known:
            out.append(line.strip())
    return out


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[\\*`]", "", text).lower().split())


_CITED = re.compile(r"\s*\\\[(\d{1,4})\\\]$")


def cite(outline: dict) -> int:
    """A definition's attribution ending in a reference number ('— NIST, 2023 [2]') names
    that reference instead (``reference:``, the number deckgen then writes itself), where
    the references list has it; how many were."""
    references = outline.get("references") or []
    count = 0
    for section in outline["sections"]:
        for slide in section["slides"]:
            found = (
                _CITED.search(slide.get("attribution") or "")
                if slide["kind"] == "definition"
                else None
            )
            if found and 1 <= int(found[1]) <= len(references):
                slide["attribution"] = slide["attribution"][: found.start()].strip() or "?"
                slide["reference"] = references[int(found[1]) - 1]["id"]
                count += 1
    return count
