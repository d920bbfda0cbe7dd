"""Slides that are lists of a kind: a glossary (term — definition), references (one
source a line, links kept) and a quiz (a question, lettered options and a shown answer:
an answer line in the notes, or the answer marked bold among plain options)."""

from __future__ import annotations

import re

from ..limits import MAX_TEXT
from .kinds import named
from .made import Made, fitted, title_text, unstyled
from .text import Para, SourceRun, escape, to_markdown

_SEPARATORS = re.compile(r"^(?P<term>[^—–:]{1,120}?)\s*(?:—|–|:| - )\s*(?P<rest>\S.*)$", re.S)
_NUMBERED = re.compile(r"^\s*(?:\[\d+\]|\d+[.)])\s*")
_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"]+")
_LETTER = re.compile(r"^\s*\(?(?P<letter>[A-Fa-f])[).:]\s+(?P<rest>\S.*)$", re.S)
_ANSWER = re.compile(
    r"^\s*(?:correct\s+)?answers?\s*:\s*(?P<letters>[A-F](?:\s*(?:,|and|&)\s*[A-F])*)\b"
    r"(?:\s*\([^)]*\))?[.:]?\s*(?P<why>.*)$",
    re.IGNORECASE,
)
_TICKS = ("✓", "✔", "☑", "✅")
_QUIZ_TITLE = re.compile(r"\s*\((?:\d+/\d+|answer)\)\s*$")
_ALPHA = ("alphaUcPeriod", "alphaLcPeriod", "alphaUcParenR", "alphaLcParenR", "alphaLcParenBoth",
          "alphaUcParenBoth")  # fmt: skip


def glossary_of(content, title: str, place) -> Made | None:
    texts = content.texts
    if not named(content, title, "glossary") or not texts or content.tables:
        return None
    entries = []
    for para in texts:
        entry = _entry(para)
        if entry is None:
            return None
        entries.append(entry)
    slide = {"kind": "glossary", "title": title} if title else {"kind": "glossary"}
    return Made("glossary", [slide], f"glossary: {len(entries)} term(s)", glossary=entries)


def _entry(para: Para) -> dict | None:
    runs = [run for run in para.runs if run.text]
    if runs and runs[0].bold and not para.all_bold:
        term = runs[0].text.strip().rstrip(":—–").strip()
        rest = to_markdown(tuple(runs[1:])).strip()
        rest = re.sub(r"^(?:—|–|:|-)\s*", "", rest)
        if term and rest:
            return {"term": escape(term), "definition": fitted(rest, MAX_TEXT, "a definition", [])}
    match = _SEPARATORS.match(para.words)
    if match is None:
        return None
    return {"term": escape(match["term"].strip()), "definition": escape(match["rest"].strip())}


def references_of(content, title: str, place) -> Made | None:
    texts = content.texts
    if not named(content, title, "references") or not texts or content.tables:
        return None
    references = [_reference(para) for para in texts]
    slide = {"kind": "references", "title": title} if title else {"kind": "references"}
    return Made("references", [slide], f"references: {len(references)} source(s)",
                references=references)  # fmt: skip


def _reference(para: Para) -> dict:
    link = next((run.link for run in para.runs if run.link), None)
    runs = [SourceRun(run.text, run.bold, run.italic, run.code) for run in para.runs]
    number = _NUMBERED.match(para.words)
    if number:
        runs = _without_lead(runs, len(number.group()))
    text = to_markdown(tuple(runs))
    found = _URL.search(text)
    url = link or (found.group().rstrip(".,;)") if found else None)
    if url and found:
        text = (text[: found.start()] + text[found.end() :]).strip()
    title = text.strip().rstrip(".,;").strip() or (url or "?")
    reference = {"id": "", "title": fitted(title, MAX_TEXT, "a reference", [])}
    if url:
        reference["url"] = url
    return reference


def quiz_of(content, title: str, place) -> Made | None:
    texts = content.texts
    if len(texts) < 3 or content.tables or content.charts:
        return None
    question, options = texts[0], texts[1:]
    if not 2 <= len(options) <= 6 or None in [_letter(p, i) for i, p in enumerate(options)]:
        return None
    answer, why, notes = _answer_in_notes(content.notes, len(options))
    if answer is None:
        answer = _bold_answer(options)
        if answer is None:
            return None  # lettered options without a shown answer: bullets, said later
    slide: dict = {"kind": "quiz"}
    plain_title = _QUIZ_TITLE.sub("", title).strip()
    if plain_title and plain_title.lower() != "check your understanding":
        slide["title"] = plain_title
    slide["question"] = title_text(question)
    slide["options"] = [unstyled(_option_text(para)) for para in options]
    slide["answer"] = answer[0] if len(answer) == 1 else answer
    if why:
        slide["explanation"] = why
    made = Made("quiz", [slide], f"quiz: {len(options)} options")
    made.lines = [notes] if notes is not None else []
    return made


def _letter(para: Para, index: int) -> str | None:
    expected = "ABCDEF"[index]
    if para.bullet and (para.bullet.upper() == expected or para.bullet in _ALPHA + _TICKS):
        return expected
    match = _LETTER.match(para.words)
    return expected if match and match["letter"].upper() == expected else None


def _option_text(para: Para) -> Para:
    """The option without a typed letter before it ('B) ')."""
    match = _LETTER.match(para.words)
    if not match or para.bullet:
        return para
    cut = len(para.words) - len(match["rest"])
    runs, seen = [], 0
    for run in para.runs:
        text = run.text.lstrip() if not seen else run.text
        keep = text[max(0, cut - seen) :]
        seen += len(text)
        if keep:
            runs.append(SourceRun(keep, run.bold, run.italic, run.code, run.link))
    return Para(tuple(runs), para.level, para.bullet)


def _answer_in_notes(notes: str, count: int) -> tuple[list[int] | None, str | None, str | None]:
    """The answer a notes line gives ('Answer: B (…). Why.'), the explanation after it, and
    the notes without that line."""
    lines = notes.split("\n")
    for i, line in enumerate(lines):
        match = _ANSWER.match(line)
        if match is None:
            continue
        numbers = [ord(ch) - 64 for ch in re.findall(r"[A-F]", match["letters"].upper())]
        if all(1 <= number <= count for number in numbers):
            rest = "\n".join(lines[:i] + lines[i + 1 :]).strip()
            return numbers, match["why"].strip() or None, rest
    return None, None, None


def _bold_answer(options: list[Para]) -> list[int] | None:
    bold = [i + 1 for i, para in enumerate(options) if para.all_bold or para.bullet in _TICKS]
    return bold if bold and len(bold) < len(options) else None


def shows_unanswered_quiz(content) -> bool:
    """Lettered options after a question, but no answer the deck shows."""
    texts = content.texts
    return 3 <= len(texts) <= 7 and all(_letter(para, i) for i, para in enumerate(texts[1:]))


def _without_lead(runs: list[SourceRun], count: int) -> list[SourceRun]:
    """The runs without their first ``count`` characters (leading spaces not counted)."""
    out, left = [], count
    for run in runs:
        text = run.text.lstrip() if left == count else run.text
        if left > 0:
            cut = min(left, len(text))
            text, left = text[cut:], left - cut
        if text:
            out.append(SourceRun(text, run.bold, run.italic, run.code, run.link))
    return out
