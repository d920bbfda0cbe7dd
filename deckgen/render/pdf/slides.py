"""The slides PDF: every frame at full size, one per page, one bookmark per slide."""

from __future__ import annotations

import datetime as _dt
import io

from ...layout.frames import Deck
from . import pin_reportlab_settings
from .document import apply_metadata
from .fonts import Fonts, load_fonts
from .slide import draw_slide
from .tagging import tagging_canvas
from .units import EMU_PER_PT


def render_slides_pdf(deck: Deck, created: _dt.datetime, fonts: Fonts | None = None) -> bytes:
    pin_reportlab_settings()
    from reportlab.pdfgen.canvas import Canvas

    fonts = fonts or load_fonts(deck.design.font_files, deck.design.faces)
    w, h = deck.width / EMU_PER_PT, deck.height / EMU_PER_PT
    buf = io.BytesIO()
    canvas = tagging_canvas(Canvas)(
        buf,
        pagesize=(w, h),
        invariant=1,
        pageCompression=1,
        lang=deck.meta.language,
        initialFontName=fonts.face(False, False),
    )
    apply_metadata(canvas, deck, created, subject_suffix="slides")
    canvas.described = (deck.meta.title, deck.meta.language, created)
    for frame in deck.slides:
        key = f"slide-{frame.number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{frame.number}. {frame.title}", key, level=0)
        draw_slide(canvas, deck, frame, 0, h, w, fonts)
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    return buf.getvalue()
