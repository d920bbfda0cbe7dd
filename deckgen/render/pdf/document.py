"""Document-level PDF settings shared by the slides PDF and the handout: metadata, dates."""

from __future__ import annotations

import datetime as _dt
import time

from ...layout.frames import Deck


def stamp(doc, created: _dt.datetime) -> None:
    """Make the PDF's creation and modification dates ``created`` (UTC)."""
    from reportlab.pdfbase.pdfdoc import TimeStamp

    ts = TimeStamp(invariant=1)
    seconds = int(created.timestamp())
    ts.t = seconds
    ts.lt = time.gmtime(seconds)
    ts.YMDhms = tuple(ts.lt)[:6]
    ts.dhh = ts.dmm = 0
    ts.tzname = "UTC"
    doc._timeStamp = ts


def apply_metadata(canvas, deck: Deck, created: _dt.datetime, subject_suffix: str = "") -> None:
    meta = deck.meta
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author or meta.organisation or "")
    subject = meta.subtitle or meta.title
    canvas.setSubject(f"{subject} ({subject_suffix})" if subject_suffix else subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("deckgen")
    stamp(canvas._doc, created)
