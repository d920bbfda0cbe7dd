"""A deck's text as outline text: paragraphs with their levels, and runs as the
outline's Markdown subset (``deckgen/inline.py``): bold, italic, code (a run in a
monospace font) and links (http, https and mailto only). Plain text is escaped so it
reads back exactly as it was: ``* ` [ ] \\`` get a backslash, braces are doubled (they
would otherwise be ``{variables}``), control characters go."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..inline import LINK_SCHEMES, Span, plain

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MONO = ("courier", "consolas", "menlo", "monaco", "mono", "lucida console", "source code")
_CONTROLS = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ESCAPED = re.compile(r"([\\*`\[\]])")
# fields that are not content: slide numbers and dates
_FIELDS_DROPPED = ("slidenum", "datetime")


# a run of the deck's text in one style: the outline's own inline span (text, bold,
# italic, code, link), which the Markdown the import writes reads back as
SourceRun = Span


@dataclass(frozen=True)
class Para:
    """One paragraph: its runs, level (0 first), bullet character and outline text."""

    runs: tuple[SourceRun, ...]
    level: int = 0
    bullet: str | None = None  # a:buChar's character, or the a:buAutoNum scheme

    @property
    def words(self) -> str:
        return "".join(run.text for run in self.runs).strip()

    @property
    def markdown(self) -> str:
        return to_markdown(self.runs)

    @property
    def all_bold(self) -> bool:
        return _all(self.runs, "bold")

    @property
    def all_italic(self) -> bool:
        return _all(self.runs, "italic")

    @property
    def all_code(self) -> bool:
        return _all(self.runs, "code")


def _all(runs: tuple[SourceRun, ...], what: str) -> bool:
    seen = [run for run in runs if run.text.strip()]
    return bool(seen) and all(getattr(run, what) for run in seen)


def clean(text: str) -> str:
    """Text without the characters an outline may not hold (PowerPoint's vertical tab,
    its soft line break, becomes a line break)."""
    return _CONTROLS.sub("", text.replace("\x0b", "\n").replace("\r\n", "\n").replace("\r", "\n"))


def escape(text: str) -> str:
    """Plain text as outline text that reads back as itself."""
    return _ESCAPED.sub(r"\\\1", clean(text)).replace("{", "{{").replace("}", "}}")


def to_markdown(runs: tuple[SourceRun, ...] | list[SourceRun]) -> str:
    """Runs as the outline's Markdown subset; plain escaped text where markup would not
    read back as the same words."""
    merged: list[SourceRun] = []
    for run in runs:
        if merged and _style(merged[-1]) == _style(run):
            merged[-1] = SourceRun(merged[-1].text + run.text, *_style(run))
        elif run.text:
            merged.append(run)
    words = clean("".join(run.text for run in merged))
    text = "".join(_marked(run) for run in merged).strip()
    if plain(text.replace("{{", "{").replace("}}", "}")) != words.strip():
        return escape(words).strip()
    return text


def _style(run: SourceRun) -> tuple:
    return (run.bold, run.italic, run.code, run.link)


def _marked(run: SourceRun) -> str:
    text = clean(run.text)
    core = text.strip()
    if not core:
        return escape(text)
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if run.code and "`" not in core and "\n" not in core:
        inner = "`" + core.replace("{", "{{").replace("}", "}}") + "`"
    else:
        inner = escape(core)
        if run.italic:
            inner = f"*{inner}*"
        if run.bold:
            inner = f"**{inner}**"
    if run.link:
        inner = f"[{inner}]({_url(run.link)})"
    return escape(lead) + inner + escape(tail)


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def paragraphs(txBody, part) -> list[Para]:
    """The paragraphs of a ``p:txBody`` (or ``a:txBody``), empty ones left out."""
    out = []
    for element in txBody.iter(f"{_A}p"):
        para = paragraph(element, part)
        if para.words:
            out.append(para)
    return out


def paragraph(element, part) -> Para:
    runs: list[SourceRun] = []
    for child in element:
        tag = child.tag
        if tag == f"{_A}r":
            runs.append(_run(child, part))
        elif tag == f"{_A}br":
            runs.append(SourceRun("\n"))
        elif tag == f"{_A}fld" and not (child.get("type") or "").startswith(_FIELDS_DROPPED):
            runs.append(_run(child, part))
    props = element.find(f"{_A}pPr")
    level = int(props.get("lvl", "0")) if props is not None else 0
    return Para(tuple(runs), level, _bullet(props))


def _bullet(props) -> str | None:
    if props is None:
        return None
    char = props.find(f"{_A}buChar")
    if char is not None:
        return char.get("char")
    number = props.find(f"{_A}buAutoNum")
    return number.get("type") if number is not None else None


def _run(element, part) -> SourceRun:
    text = "".join(node.text or "" for node in element.iter(f"{_A}t"))
    props = element.find(f"{_A}rPr")
    if props is None:
        return SourceRun(text)
    latin = props.find(f"{_A}latin")
    face = (latin.get("typeface") or "").lower() if latin is not None else ""
    return SourceRun(
        text,
        bold=props.get("b") in ("1", "true"),
        italic=props.get("i") in ("1", "true"),
        code=any(mark in face for mark in _MONO),
        link=_link(props, part),
    )


def _link(props, part) -> str | None:
    click = props.find(f"{_A}hlinkClick")
    if click is None or not click.get(_R_ID):
        return None
    rel = part.rels.get(click.get(_R_ID)) if part is not None else None
    if rel is None or not rel.is_external:
        return None
    target = (rel.target_ref or "").strip()
    return target if target.lower().startswith(LINK_SCHEMES) else None
