"""Styled runs of text as inline HTML: strong, em, code and links, everything else
escaped. One writer for the web handout (layout's runs) and the quiz export (the outline's
spans): both carry ``text``, ``bold``, ``italic``, ``code`` and ``link``; a run with a
``lang`` (another language than the page's) is a span in it."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def runs_html(runs: Iterable, line_break: str = "<br>", breaks: str = "\v") -> str:
    """``runs`` as inline HTML; each of ``breaks`` in their text becomes ``line_break``
    (``"<br/>"`` for XHTML)."""
    out = []
    for run in runs:
        text = escape(run.text, quote=False)
        for mark in breaks:
            text = text.replace(mark, line_break)
        if run.code:
            text = f"<code>{text}</code>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.link:
            text = f'<a href="{escape(run.link, quote=True)}">{text}</a>'
        lang = getattr(run, "lang", None)  # words in another language (a fallback)
        if lang:
            text = f'<span lang="{escape(lang, quote=True)}">{text}</span>'
        out.append(text)
    return "".join(out)
