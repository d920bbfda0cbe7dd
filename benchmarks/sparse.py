"""How much of the body box a talk's slides use, per kind (issue 23 item 4, "No half-empty
slides"): the measure of sparse slides, before and after they are laid out to use the room.

    python benchmarks/sparse.py [--template FILE] [OUTLINE ...]

Each outline (default: the shipped outline.yaml and tests/fixtures/web/outline.yaml) is
laid out as a build lays it out (its default audience, its template if it names one, or
the one ``--template`` gives, as ``deckgen build --template`` does).
On each slide, the content is every item but the title, the chrome (footer, number) and
decoration (``deckgen.layout.access``); its bounding box is the union of what each item
covers: a text box's set lines (its anchor, insets, each line's measured width and its
alignment), a table's rows, a picture's or chart's box. The share is the part of the body
box (``design.grid.body_box``) that this bounding box covers, 0 for a slide with no
content in it. The table gives, per kind, the slides measured and the mean and the least
share, as Markdown. Nothing asserts these numbers; they are read before and after a change.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deckgen.build import BuildOptions, load, prepare  # noqa: E402
from deckgen.layout.access import is_chrome, is_decorative, is_title  # noqa: E402
from deckgen.layout.fonts import measurer_for  # noqa: E402
from deckgen.layout.frames import Align, Anchor, TextBox  # noqa: E402
from deckgen.layout.geometry import EMU_PER_PT, Rect  # noqa: E402
from deckgen.layout.text import run_width  # noqa: E402

DEFAULT = (ROOT / "outline.yaml", ROOT / "tests" / "fixtures" / "web" / "outline.yaml")

Box = tuple[float, float, float, float]  # left, top, right, bottom in EMU


def text_box(box: TextBox, width) -> Box | None:
    """What a text box's set lines cover: their height at its anchor, each line as wide
    as its runs measure, placed by its paragraph's alignment."""
    if not box.paragraphs:
        return None
    ins = box.insets
    inner = box.rect.inset(ins.left, ins.top, ins.right, ins.bottom)
    tall = box.content_height * EMU_PER_PT
    top = {
        Anchor.TOP: inner.y,
        Anchor.MIDDLE: inner.y + (inner.h - tall) / 2,
        Anchor.BOTTOM: inner.bottom - tall,
    }[box.anchor]
    lefts, rights = [], []
    for para in box.paragraphs:
        room = para.measure or inner.w - para.margin_left
        for k, line in enumerate(para.lines):
            wide = sum(width(run, para.size, False) for run in line) * EMU_PER_PT
            left = inner.x + para.margin_left - (para.hanging if k == 0 else 0)
            if para.align is Align.CENTER:
                left += (room - wide) / 2
            elif para.align is Align.RIGHT:
                left += room - wide
            lefts.append(left)
            rights.append(left + wide + (para.hanging if k == 0 else 0))
    if not lefts:
        return None
    return (min(lefts), top, max(rights), top + tall)


def content_box(items: Iterable, width) -> Box | None:
    """The bounding box of a slide's content items (``None``: it has none)."""
    boxes = []
    for item in items:
        if is_title(item) or is_chrome(item) or is_decorative(item):
            continue
        if isinstance(item, TextBox):
            found = text_box(item, width)
        else:
            rect = item.rect
            found = (rect.x, rect.y, rect.right, rect.bottom)
        if found is not None:
            boxes.append(found)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def share(box: Box | None, body: Rect) -> float:
    """The part of ``body``'s area that ``box`` covers (0 to 1)."""
    if box is None:
        return 0.0
    wide = min(box[2], body.right) - max(box[0], body.x)
    tall = min(box[3], body.bottom) - max(box[1], body.y)
    return max(wide, 0) * max(tall, 0) / (body.w * body.h)


def shares(outline: Path, template: Path | None = None) -> dict[str, list[float]]:
    """Each kind's slides' shares in ``outline`` as laid out (on ``template``, if given)."""
    options = BuildOptions(outline=outline, out_dir=Path("."), template=template)
    prepared = prepare(load(options), None, options.variables, options)
    deck, width = prepared.deck, prepared.width
    if width is None:  # kept only on a template: measure in the deck's body font
        body_font = measurer_for(deck.design.font, [outline.parent / "fonts"], None)[0]
        width = run_width(body_font)
    body = deck.design.grid.body_box
    found: dict[str, list[float]] = defaultdict(list)
    for slide in deck.slides:
        kind = slide.source.kind if slide.source else "other"
        found[kind].append(share(content_box(slide.items, width), body))
    return found


def table(outline: Path, template: Path | None = None) -> str:
    """The Markdown table of ``outline``'s shares per kind, in the order kinds first come."""
    lines = [
        f"### {outline.relative_to(ROOT) if outline.is_relative_to(ROOT) else outline}"
        + (f" on {template.name}" if template else ""),
        "",
        "| kind | slides | mean share | least share |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, values in shares(outline, template).items():
        mean = sum(values) / len(values)
        lines.append(f"| {kind} | {len(values)} | {mean:.0%} | {min(values):.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outlines", nargs="*", type=Path, default=list(DEFAULT))
    parser.add_argument("--template", type=Path, help="build on this .pptx or .potx")
    args = parser.parse_args(argv)
    template = args.template.resolve() if args.template else None
    print("\n\n".join(table(outline.resolve(), template) for outline in args.outlines))


if __name__ == "__main__":
    main()
