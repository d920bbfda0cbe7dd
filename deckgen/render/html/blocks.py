"""The handout's blocks as HTML, one method per type of block chosen by one ``match``:
the cover, headings, paragraphs, bulleted lists, figures (each slide as inline SVG with
its notes), tables, definition lists, numbered sources, question lists and their key.
It knows no kind of slide: what a kind contributes arrives as one of these blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ...htmlruns import runs_html  # emphasis, code and links; colours are the page's
from ...layout import handout_blocks as h
from ...layout.frames import Chart, Prose
from ...layout.text import plain_runs
from .svg import SlideSvg, slide_svg
from .units import attr


def prose(value: Prose | h.SourcedText) -> Prose:
    """Text as layout set it (runs), from a block's text or its sourced text."""
    return value.prose if isinstance(value, h.SourcedText) else value


def inline(value) -> str:
    """One paragraph's worth of text, inline (paragraph breaks become line breaks)."""
    return "<br>".join(runs_html(p) for p in prose(value).paragraphs)


def paragraphs(value, css: str = "") -> str:
    """Text as ``<p>`` elements, one a paragraph (empty ones dropped)."""
    cls = f' class="{css}"' if css else ""
    return "".join(f"<p{cls}>{runs_html(p)}</p>" for p in prose(value).paragraphs if p)


@dataclass
class WebPage:
    """Writing one page: the slides' drawing context and the ids given out."""

    svg: SlideSvg
    notes_label: str
    chart_label: str
    ids: set[str] = field(default_factory=set)
    contents: list[tuple[int, str, Prose]] = field(default_factory=list)  # level, id, text

    def block(self, block: h.HandoutBlock) -> str:
        match block:
            case h.Cover():
                return self.cover(block)
            case h.Heading():
                return self.heading(block)
            case h.Paragraphs():
                css = _CLASS.get(block.style, block.style)
                return "".join(paragraphs(text, css) for text in block.texts)
            case h.ItemList():
                items = "".join(f"<li>{inline(i)}</li>" for i in block.items)
                return f"<ul>{items}</ul>"
            case h.SlideWithNotes():
                return self.slide(block)
            case h.SlideGrid():
                return ""  # a page of thumbnails: the web handout shows every slide whole
            case h.ReadingTable():
                return self.table(block)
            case h.DefinitionList():
                return self.definition_list(block)
            case h.ReferenceList():
                return self.references(block)
            case h.QuestionList():
                return self.question_list(block)
            case h.AnswerKey():
                return self.answer_key(block)
            case _:  # pragma: no cover - the blocks are a closed set
                raise TypeError(f"unknown handout block {block!r}")

    def cover(self, cover: h.Cover) -> str:
        """The title, the subtitle, the facts as a definition list, the disclosure (the
        contents follow it, made from the headings once the body is written)."""
        out = f"<h1>{inline(cover.title)}</h1>"
        if cover.subtitle:
            out += paragraphs(cover.subtitle, "subtitle")
        if cover.facts:
            facts = "".join(f"<dt>{inline(k)}</dt><dd>{inline(v)}</dd>" for k, v in cover.facts)
            out += f'<dl class="facts">{facts}</dl>'
        if cover.disclosure:
            out += paragraphs(cover.disclosure, "small")
        return out

    def heading(self, heading: h.Heading) -> str:
        key = self.key(heading.key)
        self.contents.append((0, key, prose(heading.text)))
        accent = f' class="accent-{heading.color}"' if heading.color else ""
        out = f'<h2 id="{key}"{accent}>{inline(heading.text)}</h2>'
        if heading.subtitle:
            out += paragraphs(heading.subtitle, "subtitle")
        return out

    def key(self, wanted: str) -> str:
        key = "".join(c if c.isalnum() or c in "-_" else "-" for c in wanted) or "part"
        while key in self.ids:
            key += "-"
        self.ids.add(key)
        return key

    def slide(self, block: h.SlideWithNotes) -> str:
        frame = block.frame
        key = self.key(f"slide-{frame.number}")
        self.contents.append((1, key, prose(block.caption)))
        head = f"{key}-h"
        art = slide_svg(frame, self.svg, head)
        figures = "".join(self.chart_table(item) for item in frame.items if isinstance(item, Chart))
        notes = "".join(paragraphs(n) for n in block.notes)
        named = f'role="note" aria-label="{attr(self.notes_label)}"'
        return (
            f'<article class="slide" id="{key}" aria-labelledby="{head}">'
            f'<h3 id="{head}">{inline(block.caption)}</h3>'
            f'<div class="art">{art}</div>{figures}'
            + (f'<div class="notes" {named}>{notes}</div>' if notes else "")
            + "</article>"
        )

    def chart_table(self, chart: Chart) -> str:
        """A chart's figures as a table, for those who do not see the chart."""
        head = "".join(f'<th scope="col">{_words(s.name)}</th>' for s in chart.series)
        rows = "".join(
            f'<tr><th scope="row">{_words(category)}</th>'
            + "".join(f"<td>{_figure(s.values[i], chart.decimal)}</td>" for s in chart.series)
            + "</tr>"
            for i, category in enumerate(chart.categories)
        )
        return (
            f'<details class="figures"><summary>{escape(self.chart_label)}</summary>'
            f"<table><caption>{_words(chart.alt)}</caption>"
            f"<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
        )

    def table(self, block: h.ReadingTable) -> str:
        key = self.key(block.heading.key)
        self.contents.append((0, key, prose(block.heading.text)))
        head = "".join(
            f'<th scope="col" class="fill-{fill}">{inline(text)}</th>'
            for text, fill in zip(block.header, block.header_fills, strict=False)
        )
        rows = []
        for row in block.rows:
            cells = []
            for index, text in enumerate(row):
                tag = "th" if index == 0 and block.row_headers else "td"
                scope = ' scope="row"' if tag == "th" else ""
                cells.append(f"<{tag}{scope}>{inline(text)}</{tag}>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return (
            f'<h2 id="{key}">{inline(block.heading.text)}</h2>'
            + paragraphs(block.note, "small")
            + f'<div class="wide" tabindex="0" role="region" aria-labelledby="{key}">'
            f'<table aria-labelledby="{key}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )

    def definition_list(self, block: h.DefinitionList) -> str:
        terms = "".join(
            f"<dt>{inline(t.term)}</dt><dd>{inline(t.definition)}</dd>" for t in block.terms
        )
        return self.heading(block.heading) + f'<dl class="glossary">{terms}</dl>'

    def references(self, block: h.ReferenceList) -> str:
        items = []
        for ref in block.references:
            text = (
                f'<span class="label">{escape(ref.label)}</span> <cite>{inline(ref.title)}</cite>'
            )
            stop = ref.stops[0]  # after each part its full stop, where it has none of its own
            if ref.details:
                text += f"{stop} " + inline(ref.details)
                stop = ref.stops[1]
            if ref.url_text is not None:
                shown = inline(ref.url_text)
                text += (
                    f'{stop} <a href="{attr(ref.url)}">{shown}</a>'
                    if ref.url
                    else f"{stop} {shown}"
                )
            if ref.cited:
                text += f' <span class="small">{escape(ref.cited)}</span>'
            items.append(f"<li>{text}</li>")
        return self.heading(block.heading) + f'<ul class="refs">{"".join(items)}</ul>'

    def question_list(self, block: h.QuestionList) -> str:
        questions = []
        for asked in block.questions:
            options = "".join(
                '<li><span class="box" aria-hidden="true"></span> '
                f'<span class="letter">{escape(letter)}</span> {inline(text)}</li>'
                for letter, text in asked.options
            )
            questions.append(
                f'<li><p class="question">{inline(asked.question)}</p>'
                f'<ul class="options">{options}</ul></li>'
            )
        return self.heading(block.heading) + f'<ol class="quiz">{"".join(questions)}</ol>'

    def answer_key(self, block: h.AnswerKey) -> str:
        answers = "".join(
            f'<li><p class="question">{inline(q.question)}</p>{paragraphs(q.answer)}</li>'
            for q in block.questions
        )
        return (
            '<div class="answer-key">'
            + self.heading(block.heading)
            + f'<ol class="quiz">{answers}</ol></div>'
        )


# a handout style's class on the page: running text ("notes") is the page's own paragraph
_CLASS = {"notes": ""}


def _words(text: str) -> str:
    """A chart's words, escaped; those in another language than the page's (a
    translation's fallback) in a span saying so."""
    runs = plain_runs(text)
    return runs_html(runs) if any(run.lang for run in runs) else escape(text)


def _figure(value: float, decimal: str) -> str:
    text = f"{value:g}"
    return escape(text.replace(".", decimal))


def sections(page: WebPage, body) -> str:
    """The body's blocks, each section heading opening a ``<section>`` that runs to the
    next one (the slides before the first heading stand alone)."""
    out, open_section = [], False
    for block in body:
        if isinstance(block, h.Heading) or hasattr(block, "heading"):
            if open_section:
                out.append("</section>")
            out.append("<section>")
            open_section = True
        out.append(page.block(block))
    if open_section:
        out.append("</section>")
    return "".join(out)
