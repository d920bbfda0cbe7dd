"""What a template holds: its slide size, masters, layouts and their placeholders, theme
fonts and colours, and what opening it repaired (`deckgen template inspect`)."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ..errors import quoted
from ..layout.geometry import EMU_PER_INCH
from ..safexml import parse
from .layouts import choose_layouts
from .look import placeholders, shape_rect

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def describe(template) -> dict:
    """A plain-data report of the template (for text or JSON)."""
    prs = template.prs
    width, height = prs.slide_width, prs.slide_height
    chosen, problems = choose_layouts(prs)
    return {
        "file": str(template.path),
        "slide_size": {
            "width_in": round(width / EMU_PER_INCH, 3),
            "height_in": round(height / EMU_PER_INCH, 3),
            "ratio": round(width / height, 4),
        },
        "masters": [_master(master) for master in prs.slide_masters],
        "theme": _theme(prs),
        "layouts_used": {
            kind.value: {"layout": c.name, "master": c.master, "chosen_by": c.by}
            for kind, c in chosen.items()
        },
        "repairs": [d.message for d in template.repairs],
        "problems": [d.message for d in problems],
    }


def _master(master) -> dict:
    return {
        "name": master.element.cSld.get("name") or "",
        "placeholders": [_placeholder(ph) for ph in placeholders(master)],
        "layouts": [
            {
                "name": layout.name,
                "type": layout.element.get("type") or "",
                "placeholders": [_placeholder(ph) for ph in placeholders(layout)],
            }
            for layout in master.slide_layouts
        ],
    }


def _placeholder(ph) -> dict:
    fmt = ph.placeholder_format
    out = {"type": fmt.type.name if fmt.type is not None else "OBJECT", "idx": fmt.idx}
    rect = shape_rect(ph)
    if rect is not None:  # an inherited position says nothing
        out["box_in"] = [
            round(value / EMU_PER_INCH, 2) for value in (rect.x, rect.y, rect.w, rect.h)
        ]
    return out


def _theme(prs) -> dict:
    root = parse(prs.slide_master.part.part_related_by(RT.THEME).blob)
    colors = {}
    scheme = root.find(f".//{_A}clrScheme")
    for slot in scheme if scheme is not None else ():
        value = slot.find(f"{_A}srgbClr")
        system = slot.find(f"{_A}sysClr")
        colors[etree.QName(slot).localname] = (
            value.get("val")
            if value is not None
            else (system.get("lastClr") if system is not None else "")
        )
    fonts = {}
    for kind in ("majorFont", "minorFont"):
        latin = root.find(f".//{_A}{kind}/{_A}latin")
        fonts[kind] = latin.get("typeface") if latin is not None else ""
    return {"name": root.get("name") or "", "colors": colors, "fonts": fonts}


def as_text(report: dict) -> list[str]:
    """The report as lines for a terminal, every name from the template with control
    characters (line breaks, bidirectional overrides…) shown as escapes, so a name can
    neither split a line nor forge one."""
    size = report["slide_size"]
    theme = report["theme"]
    lines = [
        f"{_shown(report['file'])}: {size['width_in']} × {size['height_in']} in "
        f"({'16:9' if abs(size['ratio'] - 16 / 9) < 0.01 else 'ratio ' + str(size['ratio'])})",
        f"theme {quoted(theme['name'])}: fonts {_shown(theme['fonts']['majorFont'])} / "
        f"{_shown(theme['fonts']['minorFont'])}; colours "
        + " ".join(f"{_shown(k)}={_shown(v)}" for k, v in theme["colors"].items()),
    ]
    for i, master in enumerate(report["masters"], 1):
        lines.append(f"master {i} {quoted(master['name'])}: {len(master['layouts'])} layouts")
        for layout in master["layouts"]:
            kinds = ", ".join(f"{p['type'].lower()}#{p['idx']}" for p in layout["placeholders"])
            kind = f" [{_shown(layout['type'])}]" if layout["type"] else ""
            lines.append(f"  {quoted(layout['name'])}{kind}: {kinds or 'no placeholders'}")
    for kind, use in report["layouts_used"].items():
        lines.append(
            f"{kind} slides use {quoted(use['layout'])} of master {use['master']} "
            f"(chosen by {_shown(use['chosen_by'])})"
        )
    lines += [f"repaired: {_shown(message)}" for message in report["repairs"]] or [
        "repaired: nothing"
    ]
    lines += [f"problem: {_shown(message)}" for message in report["problems"]]
    return lines


def _shown(text) -> str:
    """``text`` with control characters as escapes (a message's quotes kept as they are)."""
    return quoted(str(text))[1:-1]
