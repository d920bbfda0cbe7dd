"""ImportedDecks made by hand, as the reader hands them over: every kind, notes of
several lines, the outline's Markdown, unicode, and text YAML would read as something
else if it were written carelessly."""

from __future__ import annotations

import io

from pptx import Presentation

from deckgen.deck_import.model import Asset, ImportedDeck, ImportWarning, SlideRecord

from ..pictures import jpeg, png

NOTES = (
    "Welcome, everyone. This deck was **imported**:\n"
    "\tits notes keep their tabs,\n"
    "their trailing spaces   \n"
    "\n"
    "and their paragraphs: yes, no, 1.10, #x, {{var}}, - dash, a: b.\n"
)
LONG_NOTE = (
    "A single paragraph of notes as PowerPoint keeps it, one long line that goes on well "
    "past the width of any editor window, so the outline folds it at the spaces between "
    "its words and a reader still gets it back as one line."
)


def empty_template() -> bytes:
    """A design with no slides, as the reader's cleaned template would be."""
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()


def _slides() -> list[dict]:
    return [
        {
            "kind": "bullets",
            "title": "Hello: world",
            "bullets": [
                "yes",
                "no",
                "1.10",
                "#x",
                "- not a sub-point",
                "{{not a variable}}",
                "trailing spaces  ",
                "a\ttab",
                {
                    "text": "With **bold**, *italic*, `code` and [a link](https://example.org)",
                    "sub": ["ünïcödé ✓ 中文", "emoji 🎉"],
                },
            ],
            "notes": NOTES,
        },
        {
            "kind": "definition",
            "title": "A quote",
            "term": "lock",
            "quote": "A lock keeps a door shut until the right key turns it.",
            "attribution": "The Fixture Dictionary",
            "notes": LONG_NOTE,
        },
        {
            "kind": "comparison",
            "title": "Side by side",
            "columns": ["Aspect", "Locks", "Ladders"],
            "rows": [["Purpose", "Keep people out", "Get people up"], ["Risk", "a, b", "c: d"]],
        },
        {
            "kind": "picture",
            "title": "A picture",
            "image": {"path": "assets/blue-square.png", "alt": "A blue square"},
            "notes": ["First paragraph.", "Second: paragraph."],
        },
        {
            "kind": "chart",
            "title": "Numbers",
            "chart": "column",
            "categories": ["Jan", "Feb", "Mar"],
            "series": [{"name": "Cases", "values": [12, 18.5, 9]}],
            "unit": "cases a month",
        },
        {
            "kind": "code",
            "title": "Code",
            "language": "python",
            "code": "def admit(user, door):\n    return user in door.allowed  # {braces}\n",
        },
        {
            "kind": "quiz",
            "question": "Which is right?",
            "options": ["This one", "That one"],
            "answer": 1,
            "only": ["full"],
        },
        {"kind": "takeaways", "title": "Remember", "points": ["Locks keep out", "No"]},
    ]


def sample_deck() -> ImportedDeck:
    """A deck of eleven source slides, as the reader would hand it over."""
    outline = {
        "meta": {"title": "Locks: an import", "subtitle": "Off", "presenter": "Zoë Ñúñez"},
        "theme": {"template": {"path": "template.pptx"}},
        "audiences": {"full": {"description": "Everything, hidden slides too", "minutes": 30}},
        "sections": [
            {"title": "Opening", "divider": False, "slides": _slides()[:4]},
            {"title": "Details", "slides": _slides()[4:]},
        ],
        "glossary": [{"term": "Lock", "definition": "A device that keeps a door shut."}],
        "references": [{"id": "dictionary", "title": "The Fixture Dictionary", "year": "2030"}],
    }
    slide_paths = [("sections", s, "slides", i) for s, n in ((0, 4), (1, 4)) for i in range(n)]
    records = [SlideRecord(1, "meta", None, "meta: title, subtitle, presenter")]
    records.append(SlideRecord(2, "section", ("sections", 0), "section: Opening"))
    comments = {("meta",): "slide 1 of deck.pptx"}
    number = 3
    for path in slide_paths:
        kind = outline["sections"][path[1]]["slides"][path[3]]["kind"]
        records.append(SlideRecord(number, kind, path, f"{kind}: from slide {number}"))
        comments[path] = f"slide {number} of deck.pptx"
        number += 1
    records[-2] = SlideRecord(9, "quiz", slide_paths[-2], "quiz: 2 options", hidden=True)
    comments[slide_paths[-2]] = "slide 9 of deck.pptx (hidden there: only for 'full')"
    return ImportedDeck(
        outline=outline,
        assets=[Asset("blue-square.png", png(8, 8), (6,)), Asset("photo.jpg", jpeg(), (7,))],
        template=empty_template(),
        comments=comments,
        slides=records,
        warnings=[
            ImportWarning(7, "SmartArt 'Process' left out: its text is kept as bullets"),
            ImportWarning(None, "animations left out"),
        ],
    )
