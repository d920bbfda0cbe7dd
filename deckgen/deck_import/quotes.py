"""The title slide as ``meta``, a quote with its attribution as a definition, two
panels mapped row by row as an analogy, and a picture as the outline's image."""

from __future__ import annotations

import re

from .made import Made, title_text, unstyled
from .text import Para, escape

_OPEN_QUOTES = "“\"«„‘'‚「"
_CLOSE_QUOTES = "”\"»“’'‘」"
_DASHES = re.compile(r"^\s*(?:[—–―]|-{1,2})\s*(?P<who>\S.*)$")
_TERM_IN_TITLE = re.compile(
    r"^(?:what\s+(?:is|are)|what's|defining|definition(?:\s+of)?:?|the\s+definition\s+of)\s+"
    r"(?P<term>.+?)\s*\??$",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    r"\d{1,2}\.?\s+[A-Za-zÀ-ÿ]+\.?\s+\d{4}|[A-Za-zÀ-ÿ]+\.?\s+\d{1,2},?\s+\d{4}|"
    r"[A-Za-zÀ-ÿ]+\s+\d{4})$"
)
_ARROWS = ("→", "->", "⇒", "➔", "⟶", "=")


def meta_of(content, title: str) -> Made:
    """``meta`` from the title slide: its title, its first line below as the subtitle; a
    bold short line as the presenter and a date (alone, or after an organisation and a
    '·') only where the slide says them so; any other line stays in the subtitle."""
    paras = content.texts
    warnings: list[str] = []
    if not title and paras:
        title, paras = title_text(paras[0]), paras[1:]
    meta: dict = {"title": title} if title else {}
    rest: list[str] = []
    for i, para in enumerate(paras):
        words = para.words
        parts = [part.strip() for part in words.split("·")]
        if i == 0:
            rest.append(para.markdown)
        elif _DATE.match(words) and "date" not in meta:
            meta["date"] = words
        elif len(parts) == 2 and _DATE.match(parts[1]) and "organisation" not in meta:
            meta["organisation"], meta["date"] = escape(parts[0]), parts[1]
        elif para.all_bold and len(words.split()) <= 5 and "presenter" not in meta:
            meta["presenter"] = escape(words)
        else:
            rest.append(para.markdown)
    if rest:
        meta["subtitle"] = "\n".join(rest)
    summary = "meta: " + ", ".join(key for key in meta)
    return Made("meta", [{"kind": "title"}], summary, warnings, meta=meta)


def definition_of(content, title: str, place) -> Made | None:
    """A quote (in quotation marks, or beside a quote mark of its own, or on deckgen's
    Definition layout) with a last line '— who' as its attribution."""
    boxes = [box for box in content.boxes if box.paras]
    mark = [box for box in boxes if box.paras[0].words in _OPEN_QUOTES and len(box.paras) == 1]
    texts = [para for box in boxes if box not in mark for para in box.paras]
    if len(texts) < 2 or content.tables or content.charts:
        return None
    who = _DASHES.match(texts[-1].words)
    quote_paras = texts[:-1]
    quote_words = " ".join(para.words for para in quote_paras)
    quoted = quote_words[:1] in _OPEN_QUOTES and quote_words[-1:] in _CLOSE_QUOTES
    if who is None or not (quoted or mark or content.layout.lower() == "definition"):
        return None
    quote = "\n".join(unstyled(para) for para in quote_paras)
    if quoted:
        quote = _unquoted(quote)
    attribution = _dashless(texts[-1])
    warnings: list[str] = []
    term = _term(title, quote_paras)
    if term is None:
        term = title or quote_paras[0].words[:40]
        warnings.append("a quote without a term: the slide's title stands as its term")
    slide = {
        "kind": "definition",
        "title": title or term,
        "term": term,
        "quote": quote,
        "attribution": attribution,
    }
    return Made("definition", [slide], f"definition of '{term}'", warnings)


def _unquoted(text: str) -> str:
    stripped = text.strip()
    return stripped[1:-1].strip() if len(stripped) > 2 else stripped


def _dashless(para: Para) -> str:
    text = unstyled(para)
    match = _DASHES.match(text)
    return match["who"].strip() if match else text


def _term(title: str, quote: list[Para]) -> str | None:
    match = _TERM_IN_TITLE.match(title)
    if match:
        return match["term"].strip()
    first = quote[0].runs if quote else ()
    lead = [run for run in first if run.text.strip()]
    if lead and lead[0].bold and not quote[0].all_bold:
        return escape(lead[0].text.strip().rstrip(":—–-").strip()) or None
    return None


def analogy_of(content, title: str, place) -> Made | None:
    """Two text boxes side by side, as long as each other, a heading (bold) and then one
    line a pair, with arrows between them (deckgen's Analogy layout, or drawn so)."""
    arrows = [box for box in content.boxes if box.paras and box.paras[0].words in _ARROWS]
    sides = [box for box in content.boxes if box not in arrows and len(box.paras) >= 2]
    if not arrows and content.layout.lower() != "analogy":
        return None
    if len(sides) < 2 or len(sides[0].paras) != len(sides[1].paras) or content.tables:
        return None
    left, right = sides[0].paras, sides[1].paras
    pairs = [
        {"left": a.markdown, "right": b.markdown} for a, b in zip(left[1:], right[1:], strict=True)
    ]
    slide = {
        "kind": "analogy",
        "title": title or unstyled(left[0]),
        "left": {"heading": unstyled(left[0])},
        "right": {"heading": unstyled(right[0])},
        "pairs": pairs,
    }
    others = [
        unstyled(para)
        for box in content.boxes
        if box not in arrows and box not in sides[:2]
        for para in box.paras
    ]
    if others:
        slide["summary"] = " ".join(others)
    return Made("analogy", [slide], f"analogy: {len(pairs)} pair(s)")


def image_of(picture, place, warnings: list[str]) -> dict | None:
    """The outline's image for a picture (taken into the store), or None (said)."""
    path, problem = place.store.take(picture.blob, picture.ext, picture.alt, place.number)
    if path is None:
        if problem:
            warnings.append(problem)
        return None
    if picture.decorative:
        return {"path": path, "decorative": True}
    if not picture.alt:
        warnings.append(
            f"the picture '{picture.name}' has no alt text: imported with a blank 'alt', "
            "which builds but fails --strict until you say what it shows"
        )
        return {"path": path, "alt": " "}
    return {"path": path, "alt": escape(picture.alt)}
