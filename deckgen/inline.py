"""Inline emphasis and links in outline text: a small subset of Markdown, parsed safely.

Any outline string (a title, a bullet, a note, a glossary definition, a handout
caption) may use:

- ``**bold**`` and ``*italic*`` at word boundaries; an underscore is never emphasis
  (``__init__``, ``snake_case`` stay as written) and an asterisk run with a letter or
  digit on both sides is literal (``2*3*4``, ``a*b``), so a trainer quoting Python or
  arithmetic need not escape anything;
- ```code``` in a monospace font;
- ``[text](https://…)`` links: ``http``, ``https`` and ``mailto`` only;
- a backslash before any of ``\\ * _ ` [ ]`` and other punctuation to show it as it is.

Everything else stays the literal text it was: HTML (``<img …>``, ``<a href=…>``),
entities (``&amp;``), links to any other scheme (``javascript:``, ``file:``), headings,
lists. markdown-it-py parses it with every other rule off and raw HTML off; a text
without any markup character is not parsed at all, so it is exactly what it was.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

LINK_SCHEMES = ("http://", "https://", "mailto:")
# a text with none of these cannot hold markup (an escape needs a backslash)
_MARKUP_CHARACTERS = frozenset("*_`[\\")


@dataclass(frozen=True)
class Span:
    """A piece of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None  # the target of a link (http, https or mailto)


def has_markup(text: str) -> bool:
    return not _MARKUP_CHARACTERS.isdisjoint(text)


@functools.lru_cache(maxsize=8192)
def spans(text: str) -> tuple[Span, ...]:
    """``text`` as styled spans, neighbours in one style merged (a text without markup
    is one plain span of itself)."""
    if not has_markup(text):
        return (Span(text),) if text else ()
    out: list[Span] = []
    bold = italic = 0
    link: list[str] = []
    for token in _parser().parseInline(text)[0].children or ():
        kind = token.type
        if kind == "text":
            _add(out, Span(token.content, bold > 0, italic > 0, False, _top(link)))
        elif kind == "code_inline":
            _add(out, Span(token.content, bold > 0, italic > 0, True, _top(link)))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link.append(str(token.attrs["href"]))
        elif kind == "link_close":
            link.pop()
        else:  # pragma: no cover - the enabled rules make no other token
            raise ValueError(f"unexpected inline token {kind!r}")
    return tuple(out)


def plain(text: str) -> str:
    """``text`` without its markup: what it reads as (titles in bookmarks, file
    properties, word counts)."""
    return "".join(span.text for span in spans(text)) if has_markup(text) else text


@dataclass(frozen=True)
class Marked:
    """A piece of markup as written: ``bold``, ``italic`` or a ``link`` (``target`` its
    URL) around its ``children``, or a ``code`` span (``target`` its text)."""

    kind: str
    children: tuple[Marked | str, ...] = ()
    target: str | None = None


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of hard-wrapped outline text (speaker notes in a YAML block): the
    lines of each joined by a space, a blank line between one paragraph and the next;
    none empty."""
    joined = (
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", text.strip())
    )
    return [paragraph for paragraph in joined if paragraph]


def tree(text: str) -> tuple[Marked | str, ...]:
    """``text`` as nested markup and plain strings, as the outline wrote it (a translation
    file shows a translator the markup as tags, and reads it back)."""
    if not has_markup(text):
        return (text,) if text else ()
    stack: list[tuple[Marked | None, list]] = [(None, [])]
    opens = {"strong_open": "bold", "em_open": "italic", "link_open": "link"}
    for token in _parser().parseInline(text)[0].children or ():
        kind = token.type
        if kind == "text":
            _append(stack[-1][1], token.content)
        elif kind == "code_inline":
            stack[-1][1].append(Marked("code", target=token.content))
        elif kind in opens:
            href = str(token.attrs["href"]) if kind == "link_open" else None
            stack.append((Marked(opens[kind], target=href), []))
        else:  # a close: the piece is done
            opened, children = stack.pop()
            stack[-1][1].append(Marked(opened.kind, tuple(children), opened.target))
    return tuple(stack[0][1])


def markdown(pieces: tuple[Marked | str, ...]) -> str:
    """Markup and plain strings written as the outline writes them: the inverse of
    :func:`tree` (literal markup characters escaped)."""
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(_ESCAPE.sub(r"\\\g<0>", piece))
        elif piece.kind == "code":
            fence = "``" if "`" in (piece.target or "") else "`"
            pad = " " if fence == "``" else ""
            out.append(f"{fence}{pad}{piece.target}{pad}{fence}")
        elif piece.kind == "link":
            target = piece.target or ""
            target = f"<{target}>" if any(c in target for c in " ()<>") else target
            out.append(f"[{markdown(piece.children)}]({target})")
        else:
            mark = "**" if piece.kind == "bold" else "*"
            out.append(f"{mark}{markdown(piece.children)}{mark}")
    return "".join(out)


_ESCAPE = re.compile(r"[\\*`\[\]]")


def _append(out: list, text: str) -> None:
    if out and isinstance(out[-1], str):
        out[-1] += text
    elif text:
        out.append(text)


def _add(out: list[Span], span: Span) -> None:
    if not span.text:
        return
    if out:
        last = out[-1]
        if (last.bold, last.italic, last.code, last.link) == (
            span.bold,
            span.italic,
            span.code,
            span.link,
        ):
            out[-1] = Span(last.text + span.text, span.bold, span.italic, span.code, span.link)
            return
    out.append(span)


def _top(stack: list[str]) -> str | None:
    return stack[-1] if stack else None


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # "zero": no rule at all; then only these. No newline rule: a line break stays the
    # text's own "\n" (with the spaces before it), as in a text without markup.
    md = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape"])
    md.inline.ruler.at("emphasis", _emphasis)
    md.validateLink = _allowed_link  # any other link stays literal text
    return md


def _emphasis(state, silent: bool) -> bool:
    """CommonMark's emphasis with deckgen's two exceptions: an underscore is never a
    delimiter, and an asterisk run between two letters or digits is literal text."""
    from markdown_it.rules_inline import emphasis

    src, start = state.src, state.pos
    if src[start] == "_":
        return False  # the parser keeps it as text
    if src[start] == "*":
        end = start
        while end < state.posMax and src[end] == "*":
            end += 1
        before = src[start - 1] if start > 0 else ""
        after = src[end] if end < state.posMax else ""
        if before.isalnum() and after.isalnum():
            if not silent:
                state.pending += src[start:end]
            state.pos = end
            return True
    return emphasis.tokenize(state, silent)


def _allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)
