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
            {"title": "Opening", "divider": False, "slides": [{"kind": "title"}, *_slides()[:4]]},
            {"title": "Details", "slides": _slides()[4:]},
        ],
        "glossary": [{"term": "Lock", "definition": "A device that keeps a door shut."}],
        "references": [{"id": "dictionary", "title": "The Fixture Dictionary", "year": "2030"}],
    }
    slide_paths = [("sections", 0, "slides", i) for i in range(1, 5)]
    slide_paths += [("sections", 1, "slides", i) for i in range(4)]
    records = [
        SlideRecord(1, "meta", ("sections", 0, "slides", 0), "meta: title, subtitle, presenter")
    ]
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


def example_deck() -> ImportedDeck:
    """docs/import.md's worked example: passwords.pptx, five slides, as read."""
    slides = [
        {"kind": "title"},
        {
            "kind": "bullets",
            "title": "Why passwords matter",
            "bullets": [
                "Most breaches start with a **stolen** password",
                {
                    "text": "Reuse turns one leak into many",
                    "sub": ["Attackers try leaked passwords everywhere"],
                },
            ],
            "notes": (
                "Ask who has reused a password this week.\nThen tell the story of the 2012 leak.\n"
            ),
        },
        {
            "kind": "comparison",
            "title": "Good and bad habits",
            "columns": ["Habit", "Good", "Bad"],
            "rows": [
                ["Length", "16 characters or more", "8 characters"],
                ["Reuse", "One per site", "One for all"],
            ],
        },
        {
            "kind": "picture",
            "title": "A password manager",
            "image": {
                "path": "assets/password-manager-vault.png",
                "alt": "A password manager's vault, locked",
            },
            "notes": (
                "A password manager remembers every password for you, so each site can have "
                "a long one of its own; you remember one strong passphrase and nothing else."
            ),
        },
        {
            "kind": "bullets",
            "title": "Three steps",
            "bullets": [
                "Install a manager",
                "Import your passwords",
                "Turn on two-factor sign-in",
            ],
        },
    ]
    outline = {
        "meta": {
            "title": "Password basics",
            "subtitle": "Staying safe online",
            "presenter": "Sam Lee",
        },
        "theme": {"template": {"path": "template.pptx"}},
        "sections": [{"title": "Password basics", "divider": False, "slides": slides}],
    }
    paths = [("sections", 0, "slides", index) for index in range(5)]
    return ImportedDeck(
        outline=outline,
        assets=[Asset("password-manager-vault.png", png(64, 48), (4,))],
        template=empty_template(),
        comments={
            ("meta",): "slide 1 of passwords.pptx",
            **{path: f"slide {index + 1} of passwords.pptx" for index, path in enumerate(paths)},
            paths[4]: "slide 5 of passwords.pptx: a SmartArt 'Basic Process', as bullets",
        },
        slides=[
            SlideRecord(1, "meta", paths[0], "meta: title, subtitle, presenter; a title slide"),
            SlideRecord(2, "bullets", paths[1], "bullets: 2 points, 1 sub-point"),
            SlideRecord(3, "comparison", paths[2], "comparison: 3 columns, 2 rows"),
            SlideRecord(4, "picture", paths[3], "picture: password-manager-vault.png"),
            SlideRecord(5, "bullets", paths[4], "bullets: 3 points, from a SmartArt"),
        ],
        warnings=[
            ImportWarning(5, "SmartArt 'Basic Process' left out: its text is kept as bullets")
        ],
    )
