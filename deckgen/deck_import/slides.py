"""What one slide holds, read by structure: its title, its text boxes in reading order
(placeholders and plain text boxes alike, the text inside groups included), tables,
charts, pictures, notes, whether it is hidden, and what the outline cannot hold.
Footers, slide numbers and dates are not content."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pptx_private import text_body
from .losses import losses_of, smartart_text
from .order import reading_order
from .text import Para, paragraphs

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_CHROME = ("dt", "ftr", "sldNum", "hdr", "sldImg")
_TITLES = ("title", "ctrTitle")
_SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


@dataclass
class Box:
    """A shape's text: its placeholder type (None for a text box), name and paragraphs."""

    kind: str | None  # "body", "obj", "subTitle", … (None: not a placeholder)
    name: str
    paras: list[Para]
    order: tuple = ()  # where it reads: top, left (its group's first)
    idx: int = 0
    extent: tuple = ()  # left, top, width, height (EMU; in its group's space)


@dataclass
class SourcePicture:
    blob: bytes
    ext: str  # the image part's extension: "png", "jpeg", "emf"…
    alt: str
    name: str
    decorative: bool
    order: tuple = ()
    width: int = 0  # as shown on the slide, EMU


@dataclass
class SlideContent:
    number: int  # from 1
    layout: str  # the layout's name
    layout_type: str  # its type: "title", "secHead", "obj", "twoObj", "tx", … ("" if none)
    hidden: bool
    title: Para | None = None
    boxes: list[Box] = field(default_factory=list)
    tables: list = field(default_factory=list)  # python-pptx Table objects, in reading order
    charts: list = field(default_factory=list)  # python-pptx Chart objects
    chart_alts: list[str] = field(default_factory=list)  # each chart's alt text
    pictures: list[SourcePicture] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    notes: str = ""  # as outline text

    @property
    def texts(self) -> list[Para]:
        return [para for box in self.boxes for para in box.paras]


def read_slide(slide, number: int, tolerance: int) -> SlideContent:
    """The slide's content; text boxes whose tops lie within ``tolerance`` (EMU) read as
    one row, left to right."""
    layout = slide.slide_layout
    content = SlideContent(
        number,
        layout.name or "",
        layout.element.get("type") or "",
        slide.element.get("show") in ("0", "false"),
    )
    _walk(slide.shapes, slide.part, content, None)
    diagram = smartart_text(slide)
    if diagram:
        content.boxes.append(Box("diagram", "SmartArt", diagram, (2**62, 0)))
    content.boxes = reading_order(content.boxes, tolerance)
    content.pictures.sort(key=lambda picture: picture.order)
    content.losses += losses_of(slide)
    content.notes = _notes(slide)
    return content


def _walk(shapes, part, content: SlideContent, group_order) -> None:
    for shape in shapes:
        order = group_order or _position(shape)
        if shape.shape_type is not None and shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            drawn = [s for s in shape.shapes if not s.has_text_frame or not s.text_frame.text]
            if drawn:
                named = f" '{shape.name}'" if shape.name else ""
                content.losses.append(f"the grouped art{named} (its text is kept)")
            _walk(shape.shapes, part, content, order)
            continue
        if group_order is not None:
            order = group_order + _position(shape)
        _take(shape, part, content, order)


def _take(shape, part, content: SlideContent, order: tuple) -> None:
    kind = _placeholder(shape)
    if kind in _CHROME:
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        content.tables.append((order, shape.table))
        content.tables.sort(key=lambda pair: pair[0])
    elif getattr(shape, "has_chart", False) and shape.has_chart:
        content.charts.append(shape.chart)
        content.chart_alts.append(described(shape.element)[0])
    elif shape.element.tag == f"{_P}pic":
        _picture(shape, content, order)
    elif shape.has_text_frame:
        paras = paragraphs(text_body(shape.text_frame), part)
        if kind in _TITLES and content.title is None:
            content.title = _joined(paras)
        elif paras:
            idx = shape.placeholder_format.idx if kind is not None else 0
            content.boxes.append(Box(kind, shape.name, paras, order, idx, _extent(shape)))


def _joined(paras: list[Para]) -> Para | None:
    """A title's paragraphs as one (a line break between them)."""
    if not paras:
        return None
    runs: list = []
    for para in paras:
        if runs:
            from .text import SourceRun

            runs.append(SourceRun(" "))
        runs += para.runs
    return Para(tuple(runs))


def _picture(shape, content: SlideContent, order: tuple) -> None:
    element = shape.element
    if (
        element.find(f".//{_A}videoFile") is not None
        or element.find(f".//{_A}audioFile") is not None
    ):
        return  # said with the slide's losses
    svg = _svg(shape)
    try:
        image = shape.image
        blob, ext = svg or (image.blob, image.ext)
    except Exception:  # noqa: BLE001 - a linked or missing picture: python-pptx raises
        content.losses.append(f"the picture '{shape.name}' (linked, not inside the deck)")
        return
    alt, decorative = described(element)
    width = shape.width or 0
    content.pictures.append(
        SourcePicture(blob, ext.lower(), alt, shape.name, decorative, order, width)
    )


def described(element) -> tuple[str, bool]:
    """A shape's alt text (``p:cNvPr/@descr``) and whether it is marked decorative."""
    props = next(element.iter(f"{_P}cNvPr"), None)
    if props is None:
        return "", False
    decorative = any(
        isinstance(node.tag, str) and node.tag.endswith("}decorative") for node in props.iter()
    )
    return (props.get("descr") or "").strip(), decorative


def _svg(shape) -> tuple[bytes, str] | None:
    """The SVG a picture carries beside its PNG (PowerPoint's svgBlip extension), if any:
    the picture as it was drawn."""
    blip = next(shape.element.iter(_SVG_BLIP), None)
    rel = shape.part.rels.get(blip.get(_EMBED)) if blip is not None else None
    if rel is None or rel.is_external:
        return None
    return rel.target_part.blob, "svg"


def _placeholder(shape) -> str | None:
    ph = shape.element.find(f".//{_P}nvPr/{_P}ph")
    if ph is None:
        return None
    return ph.get("type") or "obj"


def _extent(shape) -> tuple:
    try:
        values = (shape.left, shape.top, shape.width, shape.height)
    except Exception:  # noqa: BLE001 - an inherited position python-pptx cannot follow
        return ()
    return values if None not in values else ()


def _position(shape) -> tuple:
    try:
        top, left = shape.top, shape.left
    except Exception:  # noqa: BLE001 - an inherited position python-pptx cannot follow
        top = left = None
    return (top if top is not None else 0, left if left is not None else 0)


def _notes(slide) -> str:
    """The notes page's body placeholder as outline text (paragraphs one per line)."""
    if not slide.has_notes_slide:
        return ""
    notes = slide.notes_slide
    body = notes.notes_placeholder
    if body is None:
        return ""
    lines = [para.markdown for para in paragraphs(text_body(body.text_frame), notes.part)]
    return "\n".join(line for line in lines if line)
