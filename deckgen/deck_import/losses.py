"""What a slide holds that an outline cannot: SmartArt, animations, video and sound,
embedded (OLE) objects, ink and comments, each named so the import can say it."""

from __future__ import annotations

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_OLE = "http://schemas.openxmlformats.org/presentationml/2006/ole"
_COMMENTS = ("/comments", "/relationships/comments")
_ANIMATIONS = ("anim", "animEffect", "animMotion", "animScale", "animRot", "animClr", "set")


def losses_of(slide) -> list[str]:
    """What the slide shows or does that the outline leaves behind."""
    root = slide.element
    out = []
    for frame in root.iter(f"{_A}graphicData"):
        uri = frame.get("uri")
        if uri == _DIAGRAM:
            out.append("a SmartArt diagram (its text is kept as bullets)")
        elif uri == _OLE:
            out.append("an embedded (OLE) object")
    sound = root.find(f".//{_A}audioFile") is not None
    if root.find(f".//{_A}videoFile") is not None or (
        root.find(f".//{_P14}media") is not None and not sound
    ):
        out.append("a video")
    if sound:
        out.append("a sound")
    if root.find(f".//{_P}contentPart") is not None or _requires(root, "ink"):
        out.append("ink")
    timing = root.find(f"{_P}timing")
    if timing is not None and any(timing.find(f".//{_P}{tag}") is not None for tag in _ANIMATIONS):
        out.append("animations")
    if root.find(f"{_P}transition") is not None:
        out.append("a slide transition")
    if any(rel.reltype.endswith(_COMMENTS) for rel in slide.part.rels.values()):
        out.append("comments")
    return out


def _requires(root, word: str) -> bool:
    """Whether an mc:AlternateContent choice requires a namespace named ``word`` (ink)."""
    marker = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
    return any(word in (choice.get("Requires") or "") for choice in root.iter(marker))


def smartart_text(slide) -> list:
    """The paragraphs of each SmartArt diagram's data part, so its words are kept."""
    from ..safexml import UnsafeXml, parse
    from .text import paragraphs

    out = []
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
    for ids in slide.element.iter(f"{{{_DIAGRAM}}}relIds"):
        rel = slide.part.rels.get(ids.get(rid))
        if rel is None or rel.is_external:
            continue
        try:
            root = parse(rel.target_part.blob)
        except UnsafeXml:
            continue
        out += paragraphs(root, slide.part)
    return out
