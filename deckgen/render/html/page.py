"""The web handout as one self-contained HTML file: its head (language, title, a strict
content security policy, the styles with the fonts inside), a skip link, the cover, the
contents, the sections; no script, nothing fetched from elsewhere."""

from __future__ import annotations

import base64
import hashlib
from html import escape
from importlib import resources

from ...layout.web import WebHandout
from .blocks import WebPage, prose, sections
from .fonts import families_of, font_faces, sets_code, styles_of
from .svg import Pictures, SlideSvg
from .units import attr


def render_web(web: WebHandout) -> tuple[bytes, list]:
    """The page's bytes (UTF-8) and what rendering it said (nothing yet)."""
    layout = web.handout
    deck = layout.deck
    families = families_of(web.fonts)
    pictures = Pictures()
    page = WebPage(
        SlideSvg(deck.width, deck.height, layout.design, pictures, families, "g"),
        web.notes,
        web.chart_data,
    )
    main = sections(page, layout.body)
    cover = page.cover(layout.cover)
    body = (
        f'<a class="skip" href="#main">{escape(web.skip)}</a>'
        + pictures.defs()
        + f'<header class="cover">{cover}</header>'
        + _contents(layout.cover.contents, page.contents)
        + f'<main id="main" tabindex="-1">{main}</main>'
    )
    style = _style(web, families, body, layout)
    return _document(layout, style, body).encode("utf-8"), []


def _contents(heading: str, entries: list) -> str:
    """The sections, each with a list of its slides, as nested lists of links (slides
    before the first section stand at the top level); (level, key, text as Prose)."""
    groups: list[tuple[str, list[str]]] = []  # (a top entry, its slides' entries)
    for level, key, text in entries:
        link = f'<a href="#{key}">{_listed(text)}</a>'
        if level == 0 or not groups or not groups[-1][0].startswith("<a"):
            groups.append((link, []) if level == 0 else ("", [link]))
        else:
            groups[-1][1].append(link)
    items = []
    for top, slides in groups:
        inner = "".join(f"<li>{link}</li>" for link in slides)
        if top:
            items.append(f"<li>{top}" + (f"<ol>{inner}</ol>" if inner else "") + "</li>")
        else:
            items.append(inner)
    return (
        '<nav class="contents" aria-labelledby="contents">'
        f'<h2 id="contents">{escape(heading)}</h2><ol>{"".join(items)}</ol></nav>'
    )


def _listed(text) -> str:
    """A heading's words for the contents list: plain, but words in another language than
    the page's (a translation's fallback) in a span that says so."""
    out = []
    for run in text.runs:
        words = escape(run.text)
        out.append(f'<span lang="{escape(run.lang)}">{words}</span>' if run.lang else words)
    return "".join(out)


def _style(web: WebHandout, families, body: str, layout) -> str:
    css = resources.files(__package__).joinpath("handout.css").read_text("utf-8")
    palette = layout.design.palette
    text = _visible_text(body) + prose(layout.cover.title).text
    lines = [
        font_faces(web.fonts, text, styles_of(body), sets_code(body, families)),
        ":root{"
        f"--body:{families.body};--heading:{families.heading};--mono:{families.mono};"
        f"--dark-page:#{web.dark_page};--dark-text:#{web.dark_text};"
        f"--accent:#{_light(web, palette.primary)};--accent-dark:#{_dark(web, palette.primary)}"
        "}",
        css,
    ]
    for color, light, dark in web.accents:
        lines.append(f".accent-{color}{{color:#{light}}}")
        lines.append(f"@media (prefers-color-scheme:dark){{.accent-{color}{{color:#{dark}}}}}")
    for block in layout.body:
        for fill, ink in zip(
            getattr(block, "header_fills", ()), getattr(block, "header_inks", ()), strict=False
        ):
            lines.append(f".fill-{fill}{{background:#{fill};color:#{ink}}}")
    return "\n".join(dict.fromkeys(lines))


def _light(web: WebHandout, color: str) -> str:
    return next((light for c, light, _d in web.accents if c == color), color)


def _dark(web: WebHandout, color: str) -> str:
    return next((dark for c, _l, dark in web.accents if c == color), color)


def _visible_text(markup: str) -> str:
    """The characters between tags (what fonts must cover), entities decoded."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def _document(layout, style: str, body: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; img-src data:; font-src data:; "
        f"style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    meta = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{attr(policy)}">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="generator" content="deckgen">',
    ]
    if layout.author:
        meta.append(f'<meta name="author" content="{attr(layout.author)}">')
    if layout.subject:
        meta.append(f'<meta name="description" content="{attr(layout.subject)}">')
    if layout.keywords:
        meta.append(f'<meta name="keywords" content="{attr(layout.keywords)}">')
    return (
        f'<!DOCTYPE html>\n<html lang="{attr(layout.language)}">\n<head>\n'
        + "\n".join(meta)
        + f"\n<title>{escape(layout.title)}</title>\n<style>{style}</style>\n</head>\n"
        + f"<body>\n{body}\n</body>\n</html>\n"
    )
