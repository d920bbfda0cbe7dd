"""A written web handout against what WCAG 2.1 and a self-contained page need that a
parser can see: a language, a title, one first-level heading and no level skipped,
a content security policy, nothing loaded from elsewhere and no script, a text
alternative for every picture, a scope on every header cell, words in every link, ids
used once. (axe-core and the Nu HTML Checker run in the test suite; this runs in
``deckgen check`` with nothing installed.)"""

from __future__ import annotations

from html.parser import HTMLParser

from ..errors import Diagnostic, warning
from . import TOPIC

# elements whose address the page loads (a link's address is only followed)
_LOADS = {
    "img": "src",
    "image": "href",
    "use": "href",
    "link": "href",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "object": "data",
    "audio": "src",
    "video": "src",
}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.lang = self.title = ""
        self.policy = False
        self.levels: list[int] = []
        self.ids: set[str] = set()
        self.stack: list[str] = []
        self.link_words: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = found.get("lang", "")
        if tag == "meta" and found.get("http-equiv", "").lower() == "content-security-policy":
            self.policy = "default-src 'none'" in found.get("content", "")
        if tag == "script":
            self.problems.append("a script")
        address = found.get(_LOADS.get(tag, ""), "")
        if address and not address.startswith(("data:", "#")):
            self.problems.append(f"<{tag}> loads {address[:80]} from elsewhere")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.levels.append(int(tag[1]))
        if found.get("role") == "img" and not found.get("aria-label", "").strip():
            self.problems.append("a picture without a text alternative")
        if tag == "img" and "alt" not in found:
            self.problems.append("an <img> without alt")
        if tag == "th" and found.get("scope") not in ("col", "row"):
            self.problems.append("a header cell without a scope")
        key = found.get("id")
        if key is not None:
            if key in self.ids:
                self.problems.append(f"the id {key!r} used twice")
            self.ids.add(key)
        if tag == "a" and "href" in found:
            self.link_words = []
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.link_words is not None:
            if not "".join(self.link_words).strip():
                self.problems.append("a link without words")
            self.link_words = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if self.link_words is not None:
            self.link_words.append(data)


def html_findings(data: bytes, name: str) -> list[Diagnostic]:
    """What the page at ``data`` lacks, each said once."""
    reader = _Reader()
    reader.feed(data.decode("utf-8", errors="replace"))
    reader.close()
    problems = list(reader.problems)
    if not reader.lang.strip():
        problems.append("no language on <html>")
    if not reader.title.strip():
        problems.append("no title")
    if not reader.policy:
        problems.append("no content security policy refusing what it does not name")
    if reader.levels.count(1) != 1:
        problems.append(f"{reader.levels.count(1)} first-level headings, not one")
    for before, after in zip(reader.levels, reader.levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"a level-{after} heading after a level-{before} one")
            break
    hint = "a bug in deckgen: its web handout is checked with axe-core and the Nu HTML Checker"
    return [
        warning(f"{name}: {problem}", None, hint, topic=TOPIC)
        for problem in dict.fromkeys(problems)
    ]
