"""Document-level PDF settings shared by the slides PDF and the handout: metadata, dates."""

from __future__ import annotations

import datetime as _dt
import time

from ...layout.frames import Deck


def stamp(doc, created: _dt.datetime) -> None:
    """Make the PDF's creation and modification dates ``created`` (UTC)."""
    from reportlab.pdfbase.pdfdoc import TimeStamp

    ts = TimeStamp(invariant=1)
    t = int(created.timestamp())
    ts.t = t
    ts.lt = time.gmtime(t)
    ts.YMDhms = tuple(ts.lt)[:6]
    ts.dhh = ts.dmm = 0
    ts.tzname = "UTC"
    doc._timeStamp = ts


def apply_metadata(c, deck: Deck, created: _dt.datetime, subject_suffix: str = "") -> None:
    meta = deck.meta
    c.setTitle(meta.title)
    c.setAuthor(meta.author or meta.organisation or "")
    subject = meta.subtitle or meta.title
    c.setSubject(f"{subject} ({subject_suffix})" if subject_suffix else subject)
    c.setKeywords(", ".join(meta.keywords))
    c.setCreator("deckgen")
    stamp(c._doc, created)
