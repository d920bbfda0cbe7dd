"""How faithfully a written deck keeps its template's styles and boxes (issue 20's "Must
hold"), read from the .pptx's own XML, slide by slide in the presentation's order:

- text in placeholders: the characters (``a:t``) of every shape (``p:sp``, groups
  included) with text, in placeholders (``p:nvPr/p:ph``) or in free text boxes;
- placeholder runs (``a:r`` and ``a:fld`` in a placeholder) that set their own size
  (``a:rPr/@sz``) or a fixed RGB colour (``a:rPr/a:solidFill/a:srgbClr``); and those
  that set none but take a size their placeholder's own list style gives
  (``p:txBody/a:lstStyle``: a box whose text is set in another size than its layout's
  says it once there), so the share of text in sizes not the template's is in view;
- runs (in any shape) that name a font (``a:rPr/a:latin/@typeface`` other than the
  theme's ``+mj-lt``/``+mn-lt``), and those of them naming the font the theme already
  gives (its major or minor latin typeface), which should say ``+mj-lt``/``+mn-lt``;
- titles (``ph type`` ``title`` or ``ctrTitle``): those with a box (``a:xfrm``) of their
  own that differs from their layout's (else their master's) title box by more than
  ``BOX_TOLERANCE``; those with a paragraph aligned (``algn``) or a run weighted (``b``)
  otherwise than the title style they inherit (the layout's placeholder, the master's
  placeholder, the master's ``p:titleStyle``; PowerPoint's defaults left and regular).

Each share is of what exists: a deck without placeholder runs has shares of 0.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from ..layout.geometry import EMU_PER_PT
from ..render.pptx.xmlns import DML, PML, REL
from ..safexml import parse

BOX_TOLERANCE = EMU_PER_PT  # 1 pt: rounding is not a move
TITLE_TYPES = ("title", "ctrTitle")
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True)
class FidelityFinding:
    """One shape that does not keep to its template: slide number (from 1), shape name."""

    slide: int
    shape: str
    what: str  # "free text", "title off its box", "title alignment", "title weight"


@dataclass
class Fidelity:
    """The counts of :func:`measure_fidelity`, their shares and the shapes found."""

    characters: int = 0
    characters_in_placeholders: int = 0
    placeholder_runs: int = 0
    runs_with_size: int = 0
    runs_with_rgb: int = 0
    runs_sized_by_box: int = 0
    runs_naming_a_font: int = 0
    runs_naming_theme_font: int = 0
    titles: int = 0
    titles_off_box: int = 0
    titles_realigned: int = 0
    titles_reweighted: int = 0
    findings: list[FidelityFinding] = field(default_factory=list)

    @property
    def share_in_placeholders(self) -> float:
        return _share(self.characters_in_placeholders, self.characters)

    @property
    def share_with_size(self) -> float:
        return _share(self.runs_with_size, self.placeholder_runs)

    @property
    def share_sized_by_box(self) -> float:
        return _share(self.runs_sized_by_box, self.placeholder_runs)

    @property
    def share_with_rgb(self) -> float:
        return _share(self.runs_with_rgb, self.placeholder_runs)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


class Package:
    """The parts of a zipped package, parsed once, found by relationship."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.parsed: dict[str, object] = {}

    def part(self, name: str):
        if name not in self.parsed:
            self.parsed[name] = parse(self.archive.read(name))
        return self.parsed[name]

    def related(self, name: str, kind: str) -> list[str]:
        """The parts ``name`` relates to by relationship type ending in ``/kind``, or
        by id when ``kind`` starts with ``rId``."""
        folder, base = posixpath.split(name)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.archive.namelist():
            return []
        found = []
        for rel in self.part(rels).iter(_PACKAGE_REL):
            if rel.get("TargetMode") == "External":
                continue
            if rel.get("Type", "").endswith("/" + kind) or rel.get("Id") == kind:
                found.append(posixpath.normpath(posixpath.join(folder, rel.get("Target"))))
        return found


def measure_fidelity(path) -> Fidelity:
    """Read the deck at ``path`` (a .pptx) and count, slide by slide."""
    result = Fidelity()
    with zipfile.ZipFile(path) as archive:
        package = Package(archive)
        for number, slide in slide_parts(package):
            _measure_slide(package, slide, number, result)
    return result


def slide_parts(package: Package) -> list[tuple[int, str]]:
    """(number from 1, part name) of each slide, in the presentation's order."""
    presentation = "ppt/presentation.xml"
    ids = package.part(presentation).iterfind(f"{PML}sldIdLst/{PML}sldId")
    found = []
    for number, slide_id in enumerate(ids, start=1):
        (slide,) = package.related(presentation, slide_id.get(REL + "id"))
        found.append((number, slide))
    return found


def _measure_slide(package: Package, slide: str, number: int, result: Fidelity) -> None:
    (layout,) = package.related(slide, "slideLayout")
    (master,) = package.related(layout, "slideMaster")
    themes = package.related(master, "theme")
    fonts = theme_fonts(package.part(themes[0])) if themes else set()
    context = Inherited(package.part(layout), package.part(master))
    for shape in package.part(slide).iter(PML + "sp"):
        name = shape_name(shape)
        placeholder = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
        _count_text(shape, placeholder is not None, result, FidelityFinding(number, name, ""))
        runs = shape.findall(f".//{DML}p/*")
        runs = [run for run in runs if run.tag in (DML + "r", DML + "fld")]
        _count_fonts(runs, fonts, result)
        if placeholder is None:
            continue
        result.placeholder_runs += len(runs)
        boxed = own_sizes(shape)
        for run in runs:
            props = run.find(DML + "rPr")
            if props is None or props.get("sz") is None:
                result.runs_sized_by_box += paragraph_level(run.getparent()) in boxed
            if props is None:
                continue
            result.runs_with_size += props.get("sz") is not None
            result.runs_with_rgb += props.find(f"{DML}solidFill/{DML}srgbClr") is not None
        if placeholder.get("type") in TITLE_TYPES:
            _measure_title(shape, placeholder, context, result, FidelityFinding(number, name, ""))


def own_sizes(shape) -> dict[int, str]:
    """Level (from 0) -> the size (``sz``, as written) a shape's own list style gives."""
    styles = shape.find(f"{PML}txBody/{DML}lstStyle")
    found = {}
    for level in range(9):
        props = styles.find(f"{DML}lvl{level + 1}pPr/{DML}defRPr") if styles is not None else None
        if props is not None and props.get("sz"):
            found[level] = props.get("sz")
    return found


def paragraph_level(paragraph) -> int:
    """A paragraph's level (``a:pPr/@lvl``, from 0; 0 where unsaid or out of range)."""
    props = paragraph.find(DML + "pPr")
    value = props.get("lvl") if props is not None else None
    return int(value) if value is not None and value.isdigit() and int(value) < 9 else 0


def _count_text(shape, in_placeholder: bool, result: Fidelity, where: FidelityFinding) -> None:
    characters = sum(len(text.text or "") for text in shape.iter(DML + "t"))
    result.characters += characters
    if in_placeholder:
        result.characters_in_placeholders += characters
    elif characters:
        result.findings.append(FidelityFinding(where.slide, where.shape, "free text"))


def shape_name(shape) -> str:
    """A shape's name (``p:cNvPr/@name``); '' where it has none."""
    names = shape.find(f"{PML}nvSpPr/{PML}cNvPr")
    return names.get("name", "") if names is not None else ""


def theme_fonts(theme) -> set[str]:
    found = set()
    for kind in ("majorFont", "minorFont"):
        latin = theme.find(f".//{DML}fontScheme/{DML}{kind}/{DML}latin")
        if latin is not None and latin.get("typeface"):
            found.add(latin.get("typeface"))
    return found


def _count_fonts(runs, fonts: set[str], result: Fidelity) -> None:
    for run in runs:
        latin = run.find(f"{DML}rPr/{DML}latin")
        typeface = latin.get("typeface", "") if latin is not None else ""
        if not typeface or typeface.startswith("+"):
            continue
        result.runs_naming_a_font += 1
        result.runs_naming_theme_font += typeface in fonts


class Inherited:
    """What a slide's title inherits from its layout and master: its box, alignment and
    weight."""

    def __init__(self, layout, master):
        self.layout = layout
        self.master = master

    def _placeholders(self, part, kind: str):
        """The title placeholders of a layout or master, the one typed ``kind`` first."""
        found = []
        for shape in part.iter(PML + "sp"):
            ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
            if ph is not None and ph.get("type") in TITLE_TYPES:
                found.append((ph.get("type") != kind, shape))
        return [shape for _, shape in sorted(found, key=lambda pair: pair[0])]

    def chain(self, kind: str) -> list:
        """The title placeholders it inherits from, nearest first."""
        return self._placeholders(self.layout, kind)[:1] + self._placeholders(self.master, kind)[:1]

    def box(self, kind: str) -> tuple[int | None, ...] | None:
        for shape in self.chain(kind):
            box = own_box(shape)
            if box is not None:
                return box
        return None

    def level_one(self, kind: str, attribute: str, default: str) -> str:
        """The first-level paragraph's ``algn`` (or its ``defRPr``'s ``b``) as inherited."""
        levels = [
            shape.find(f"{PML}txBody/{DML}lstStyle/{DML}lvl1pPr") for shape in self.chain(kind)
        ]
        levels.append(self.master.find(f"{PML}txStyles/{PML}titleStyle/{DML}lvl1pPr"))
        return first_set(levels, attribute, default)


def first_set(levels, attribute: str, default: str) -> str:
    for level in levels:
        if level is None:
            continue
        holder = level if attribute == "algn" else level.find(DML + "defRPr")
        if holder is not None and holder.get(attribute) is not None:
            return holder.get(attribute)
    return default


def own_box(shape) -> tuple[int | None, ...] | None:
    """A shape's own box (x, y, cx, cy); a part it does not write is None."""
    xfrm = shape.find(f"{PML}spPr/{DML}xfrm")
    if xfrm is None:
        return None
    off, ext = xfrm.find(DML + "off"), xfrm.find(DML + "ext")
    values = [None if off is None else off.get(name) for name in ("x", "y")]
    values += [None if ext is None else ext.get(name) for name in ("cx", "cy")]
    return tuple(None if value is None else int(value) for value in values)


def moved(own, inherited) -> bool:
    if own is None:
        return False
    if inherited is None:
        return True
    pairs = [(a, b) for a, b in zip(own, inherited, strict=True) if a is not None]
    return any(b is None or abs(a - b) > BOX_TOLERANCE for a, b in pairs)


def is_true(value: str | None) -> bool:
    return value in ("1", "true")


def _measure_title(shape, placeholder, context: Inherited, result: Fidelity, where) -> None:
    kind = placeholder.get("type")
    result.titles += 1
    if moved(own_box(shape), context.box(kind)):
        result.titles_off_box += 1
        result.findings.append(FidelityFinding(where.slide, where.shape, "title off its box"))
    own_level = shape.find(f"{PML}txBody/{DML}lstStyle/{DML}lvl1pPr")
    align = first_set([own_level], "algn", context.level_one(kind, "algn", "l"))
    bold = is_true(first_set([own_level], "b", context.level_one(kind, "b", "0")))
    paragraphs = shape.findall(f"{PML}txBody/{DML}p")
    if any(paragraph_align(p, align) != align for p in paragraphs):
        result.titles_realigned += 1
        result.findings.append(FidelityFinding(where.slide, where.shape, "title alignment"))
    weights = [props.get("b") for props in shape.iter(DML + "rPr") if props.get("b") is not None]
    if any(is_true(weight) != bold for weight in weights):
        result.titles_reweighted += 1
        result.findings.append(FidelityFinding(where.slide, where.shape, "title weight"))


def paragraph_align(paragraph, inherited: str) -> str:
    props = paragraph.find(DML + "pPr")
    if props is None or props.get("algn") is None:
        return inherited
    return props.get("algn")
