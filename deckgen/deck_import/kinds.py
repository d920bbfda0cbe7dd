"""Which kind a slide becomes, by its structure: a table is a comparison, a chart a
chart, one picture under a title a picture, a body all in a monospace font code, a
quote with an attribution line a definition, lettered options with a shown answer a
quiz; takeaways, glossary, references, agenda and closing by their titles and place
(deckgen's own layout names, "Bullets", "Definition", "Glossary", …, are evidence
too). Anything else keeps its text as bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .made import Made, bullet_slides, bullets_of, count_summary, title_text
from .pictures import PictureStore
from .slides import SlideContent

_TITLE_LAYOUTS = ("title slide", "title")
_SECTION_LAYOUTS = ("divider", "section header", "section title", "section")
_WORDS = {
    "agenda": ("agenda", "contents", "table of contents", "overview", "outline", "today"),
    "takeaways": ("takeaways", "key takeaways", "take home", "take-home", "take aways",
                  "summary", "key points", "remember", "in short", "key messages"),
    "glossary": ("glossary", "key terms", "terms", "definitions", "vocabulary"),
    "references": ("references", "sources", "bibliography", "further reading", "reading",
                   "literature", "citations"),
    "closing": ("thank you", "thanks", "questions", "questions?", "q&a", "any questions?",
                "thank you!", "thank you for your attention", "merci", "danke"),
}  # fmt: skip
# the kinds whose readers place a slide's pictures themselves
_TAKE_PICTURES = ("picture", "bullets", "comparison", "chart")
_NUMBER_ONLY = re.compile(r"^\s*(?:section\s+)?\d{1,3}\.?\s*$", re.IGNORECASE)


@dataclass
class Place:
    """Where the slide stands in the deck."""

    number: int
    first: bool  # the deck's first slide
    last: bool  # its last slide
    store: PictureStore
    slide_width: int = 9_144_000  # EMU
    repeated: frozenset[str] = frozenset()  # pictures on several slides: logos, icons


def decide(content: SlideContent, place: Place) -> Made:
    """What the slide becomes; small pictures it shares with other slides (the deck's
    logos and icons: a deckgen deck's concept icons) are left out, said."""
    shown = _once_each(content.pictures)
    dress = [p for p in shown if p.width < place.slide_width // 4 and _dress(p, place)]
    if not dress:
        return _decided(replace(content, pictures=shown), place)
    kept = [picture for picture in shown if picture not in dress]
    made = _decided(replace(content, pictures=kept), place)
    made.warnings.append(
        f"{len(dress)} small picture(s) shown on several slides (logos, icons) left out"
    )
    return made


def _decided(content: SlideContent, place: Place) -> Made:
    layout = content.layout.strip().lower()
    title = title_text(content.title)
    if place.first and (content.layout_type == "title" or layout in _TITLE_LAYOUTS):
        from .quotes import meta_of

        made = meta_of(content, title)
        shown = [picture for picture in content.pictures if not picture.decorative]
        made.slides += more_pictures(shown, made.meta.get("title", ""), place, made.warnings)
        return made
    if content.layout_type == "secHead" or layout in _SECTION_LAYOUTS:
        return _section(content, title)
    for reader in _readers():
        made = reader(content, title, place)
        if made is not None:
            if made.kind not in _TAKE_PICTURES:
                shown = [picture for picture in content.pictures if not picture.decorative]
                heading = made.slides[0].get("title") or title or made.kind.capitalize()
                made.slides += more_pictures(shown, heading, place, made.warnings)
            return made
    return _bullets(content, title, place)


def _readers():
    from .charts import chart_of
    from .lists import glossary_of, quiz_of, references_of
    from .quotes import analogy_of, definition_of
    from .tables import comparison_of

    return (
        chart_of,
        comparison_of,
        _picture,
        _code,
        quiz_of,
        definition_of,
        analogy_of,
        glossary_of,
        references_of,
        _agenda,
        _takeaways,
        _closing,
    )


def named(content: SlideContent, title: str, kind: str) -> bool:
    """Whether the slide's layout is deckgen's for ``kind`` or its title is one of the
    words such slides go by."""
    plain = re.sub(r"\s*\((?:cont\.|\d+/\d+)\)\s*$", "", title).strip().lower().rstrip(":")
    return content.layout.strip().lower() == kind or plain in _WORDS.get(kind, ())


def _section(content: SlideContent, title: str) -> Made:
    lines = [
        para.markdown
        for box in content.boxes
        for para in box.paras
        if not _NUMBER_ONLY.match(para.words)
    ]
    if not title and lines:
        title = title_text(content.texts[0])
        lines = lines[1:]
    section = {"title": title or "Section", "subtitle": "\n".join(lines) or None}
    warnings = [] if title else ["a section header without a title: called 'Section'"]
    return Made("section", section=section, summary=f"section '{section['title']}'",
                warnings=warnings)  # fmt: skip


def _picture(content: SlideContent, title: str, place: Place) -> Made | None:
    shown = [picture for picture in content.pictures if not picture.decorative]
    texts = content.texts
    if len(shown) != 1 or len(texts) > 1 or content.tables or content.charts:
        return None
    from .quotes import image_of

    warnings: list[str] = []
    image = image_of(shown[0], place, warnings)
    if image is None:
        return None
    slide = {"kind": "picture", "title": title or _untitled(place, warnings), "image": image}
    if texts:
        slide["caption"] = texts[0].markdown
    return Made("picture", [slide], f"picture '{image['path']}'", warnings)


def _code(content: SlideContent, title: str, place: Place) -> Made | None:
    texts = content.texts
    if not texts or not all(para.all_code for para in texts) or not title:
        return None
    boxes = [box for box in content.boxes if box.paras]
    code = "\n".join(
        "".join(run.text for run in para.runs).rstrip() for box in boxes for para in box.paras
    )
    lines = code.count("\n") + 1
    return Made("code", [{"kind": "code", "title": title, "code": code}], f"code: {lines} line(s)")


def _agenda(content: SlideContent, title: str, place: Place) -> Made | None:
    if not named(content, title, "agenda") or content.pictures:
        return None
    slide = {"kind": "agenda", "title": title} if title else {"kind": "agenda"}
    made = Made("agenda", [slide], "agenda (made from the sections at build time)")
    made.lines = [para.words for para in content.texts]
    return made


def _takeaways(content: SlideContent, title: str, place: Place) -> Made | None:
    texts = content.texts
    if not named(content, title, "takeaways") or not texts or len(texts) > 4:
        return None
    if any(para.level for para in texts):
        return None
    points = [{"text": para.markdown} for para in texts]
    slide = {"kind": "takeaways", "title": title, "points": points}
    return Made("takeaways", [slide], f"takeaways: {len(points)} point(s)")


def _closing(content: SlideContent, title: str, place: Place) -> Made | None:
    if not (named(content, title, "closing") and (place.last or content.layout == "Closing")):
        return None
    if content.pictures or content.tables:
        return None
    lines = [para.markdown for para in content.texts]
    slide = {"kind": "closing"}
    if title:
        slide["title"] = title
    if lines:
        slide["message"] = "\n".join(lines)
    return Made("closing", [slide], "closing")


def _bullets(content: SlideContent, title: str, place: Place) -> Made:
    warnings: list[str] = []
    texts = content.texts
    if not title and len(texts) > 1:
        title, texts = title_text(texts[0]), texts[1:]
        warnings.append("no title: its first line made the title")
    points = bullets_of(texts, warnings)
    pictures = [picture for picture in content.pictures if not picture.decorative]
    image = None
    if pictures:
        from .quotes import image_of

        image = image_of(pictures[0], place, warnings)
    if not points and image is None:
        if not title:
            return Made("dropped", summary="nothing to keep", warnings=warnings)
        return Made("section", section={"title": title, "subtitle": None},
                    summary=f"section '{title}' (a slide with a title only)",
                    warnings=warnings)  # fmt: skip
    title = title or _untitled(place, warnings)
    if not points:
        slides = [{"kind": "picture", "title": title, "image": image}]
        slides += more_pictures(pictures[1:], title, place, warnings)
        return Made("picture", slides, f"picture '{image['path']}'", warnings)
    slides = bullet_slides(title, points, warnings)
    if image is not None:
        slides[0]["image"] = image
    slides += more_pictures(pictures[1:], title, place, warnings)
    return Made("bullets", slides, "bullets: " + count_summary(points), warnings)


def more_pictures(pictures: list, title: str, place: Place, warnings: list[str]) -> list[dict]:
    """Pictures beyond a slide's one as picture slides after it."""
    from .quotes import image_of

    slides = []
    for picture in pictures:
        image = image_of(picture, place, warnings)
        if image is not None:
            slides.append({"kind": "picture", "title": f"{title} (cont.)", "image": image})
    if slides:
        warnings.append(f"{len(slides)} more picture(s): a picture slide each after it")
    return slides


def _once_each(pictures: list) -> list:
    """A slide's pictures, one of each content (a slide showing the same picture twice
    becomes one picture, not two slides of it)."""
    import hashlib

    seen: set[str] = set()
    kept = []
    for picture in pictures:
        key = hashlib.sha256(picture.blob).hexdigest()
        if key not in seen:
            seen.add(key)
            kept.append(picture)
    return kept


def _dress(picture, place: Place) -> bool:
    """Whether ``picture`` is shown on several slides of the deck (a logo, an icon)."""
    import hashlib

    return hashlib.sha256(picture.blob).hexdigest() in place.repeated


def _untitled(place: Place, warnings: list[str]) -> str:
    warnings.append(f"no title: called 'Slide {place.number}'")
    return f"Slide {place.number}"
