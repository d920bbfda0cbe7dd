"""The printable handout: the layout's handout blocks drawn as a real PDF document,
with the deck's own frames as vector thumbnails, bookmarks and a contents page."""

from __future__ import annotations

import datetime as _dt
import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import NextPageTemplate, PageBreak

from ....errors import Diagnostic
from ....layout.contrast import on_paper
from ....layout.handout import HandoutLayout
from .. import pin_reportlab_settings
from ..document import stamp
from ..fonts import load_fonts
from ..tagging import tagging_canvas
from .blocks import Blocks
from .flowables import LayoutPass, PageCount, contents_entries
from .pages import HandoutDoc, Pages
from .styles import Markup, paragraph_styles


def render_handout(layout: HandoutLayout, created: _dt.datetime) -> tuple[bytes, list[Diagnostic]]:
    """The handout PDF, tagged, and its warnings (characters no font can draw)."""
    pin_reportlab_settings()
    fonts = load_fonts(layout.design.font_files, layout.design.faces)
    fonts.register_family()  # paragraphs pick bold and italic faces by name
    markup = Markup(
        fonts, on_paper(layout.design.handout.link, layout.design.handout.styles["body"].size)
    )
    page = layout.page
    buf = io.BytesIO()
    doc = HandoutDoc(
        buf,
        pagesize=(page.width, page.height),
        leftMargin=page.margin_x,
        rightMargin=page.margin_x,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        title=layout.title,
        author=layout.author,
        subject=layout.subject,
        keywords=layout.keywords,
        creator="deckgen",
        lang=layout.language,
        invariant=1,
        initialFontName=fonts.face(False, False),
    )
    counter = PageCount(doc)
    doc.addPageTemplates(Pages(layout, markup, counter).templates())
    blocks = Blocks(layout, markup, paragraph_styles(layout.design, fonts))
    # the cover carries the contents: no half-empty page for either
    story = [counter, NextPageTemplate("body"), *blocks.cover(layout.cover), PageBreak()]
    for block in layout.body:
        story += blocks.flowables(block)
    counter.contents = blocks.contents
    if blocks.contents is not None:  # its lines from the start: the first pass sets the pages
        for level, text, key in contents_entries(story):
            blocks.contents.addEntry(level, text, 0, key)

    def canvasmaker(*args, **kwargs):
        kwargs["initialFontName"] = fonts.face(False, False)  # else an unembedded Helvetica
        canvas = tagging_canvas(Canvas)(*args, **kwargs)
        canvas.described = (layout.title, layout.language, created)
        stamp(canvas._doc, created)
        canvas.showOutline()
        return canvas

    try:
        doc.multiBuild(story, canvasmaker=canvasmaker)
    finally:  # a failed build leaves no measuring pass behind for the next one
        LayoutPass.measuring = False
    return buf.getvalue(), markup.diagnostics()
