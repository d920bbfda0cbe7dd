"""deckgen's speed, as ratios against baselines measured in the same run.

    python benchmarks/bench.py [--slides 300] [--repeat 3]

Baselines:
- "python-pptx floor": a bare python-pptx script that writes the same number of
  slides with a title, one text box of the same bullets and notes, and saves.
  deckgen does far more per slide (measuring, fitting, theme, pictures), so a
  ratio near 1 means the pipeline adds little over the library it writes with
  (below 1 on long decks: deckgen avoids python-pptx's quadratic part naming).
- "reportlab floor": a bare reportlab canvas writing each slide's title and
  bullets as plain strings, one page a slide; the floor for the PDFs.
- "YAML load": yaml.safe_load of the same outline, the floor for `validate`.

Wall-clock numbers are printed for context only; compare the ratios.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def synthetic_outline(slides: int) -> str:
    lines = ["meta:", "  title: Benchmark talk", "sections:"]
    per_section = 20
    for s in range(0, slides, per_section):
        lines += [f"  - title: Section {s // per_section + 1}", "    slides:"]
        for i in range(s, min(slides, s + per_section)):
            lines += [
                "      - kind: bullets",
                f"        title: Slide {i + 1} about something worth saying",
                "        bullets:",
                "          - The first point, long enough to wrap onto a second line at 26 pt",
                "          - text: A second point",
                "            sub: [A detail, Another detail]",
                "          - A third point",
                f"        notes: Notes for slide {i + 1}. " + "Words to say. " * 20,
            ]
    return "\n".join(lines) + "\n"


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_pptx(slides: int) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    layout = prs.slide_layouts[5]
    for i in range(slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {i + 1} about something worth saying"
        box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(5))
        box.text_frame.text = "The first point\nA second point\nA detail\nAnother detail"
        slide.notes_slide.notes_text_frame.text = "Words to say. " * 20
    prs.save(io.BytesIO())


def baseline_pdf(slides: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(io.BytesIO(), pagesize=(960, 540))
    for i in range(slides):
        c.setFont("Helvetica-Bold", 36)
        c.drawString(40, 480, f"Slide {i + 1} about something worth saying")
        c.setFont("Helvetica", 24)
        for j, line in enumerate(("The first point", "A second point", "A third point")):
            c.drawString(60, 400 - 40 * j, line)
        c.showPage()
    c.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from deckgen.build import BuildOptions, build

    with tempfile.TemporaryDirectory() as tmp:
        outline = Path(tmp) / "bench.yaml"
        text = synthetic_outline(args.slides)
        outline.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out"

        def run(*formats):
            return lambda: build(BuildOptions(outline, out, formats=formats))

        t_deck = best_of(args.repeat, run("pptx"))
        t_handout = best_of(args.repeat, run("handout"))
        t_slides = best_of(args.repeat, run("slides-pdf"))
        t_floor = best_of(args.repeat, lambda: baseline_pptx(args.slides))
        t_pdf_floor = best_of(args.repeat, lambda: baseline_pdf(args.slides))
        t_yaml = best_of(args.repeat, lambda: yaml.safe_load(text))
        from deckgen.outline.loader import load_outline

        t_load = best_of(args.repeat, lambda: load_outline(outline))
        shipped = ROOT / "outline.yaml"
        t_shipped = best_of(args.repeat, lambda: build(BuildOptions(shipped, out)))
        template = _organisation_template(Path(tmp))
        t_template = best_of(
            args.repeat, lambda: build(BuildOptions(shipped, out, template=template))
        )

    def row(label, t, base, base_label):
        print(f"  {label:<22}{t:8.3f} s   {t / base:6.2f}x {base_label}")

    print(f"{args.slides}-slide outline (best of {args.repeat}):")
    row("deckgen deck (.pptx)", t_deck, t_floor, "python-pptx floor")
    row("python-pptx floor", t_floor, t_floor, "")
    row("deckgen handout", t_handout, t_pdf_floor, "reportlab floor")
    row("deckgen slides PDF", t_slides, t_pdf_floor, "reportlab floor")
    row("reportlab floor", t_pdf_floor, t_pdf_floor, "")
    row("deckgen load+check", t_load, t_yaml, "yaml.safe_load")
    row("yaml.safe_load", t_yaml, t_yaml, "")
    print(f"shipped outline, deck + handout: {t_shipped:.3f} s")
    row("  on a template", t_template, t_shipped, "the default (target <= 1.3x)")


def _organisation_template(folder: Path) -> Path:
    """A stand-in for an organisation's template: deckgen's own design written as one
    (`deckgen template new`), with a band across its master and a logo, so opening,
    cleaning, choosing layouts, reading the look and drawing it in the PDFs all run."""
    from click.testing import CliRunner
    from pptx import Presentation
    from pptx.util import Emu

    from deckgen.cli import main as cli

    path = folder / "corporate.pptx"
    CliRunner().invoke(cli, ["template", "new", str(path)], catch_exceptions=False)
    prs = Presentation(str(path))
    master = prs.slide_master
    band = master.shapes._spTree
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ' + (
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    )
    from lxml import etree

    band.append(
        etree.fromstring(
            f'<p:sp {ns}><p:nvSpPr><p:cNvPr id="990" name="Band"/><p:cNvSpPr/><p:nvPr/>'
            '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="12192000" '
            'cy="180000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '<a:solidFill><a:srgbClr val="1F2A44"/></a:solidFill></p:spPr></p:sp>'
        )
    )
    assert prs.slide_width == Emu(12_192_000)
    prs.save(str(path))
    return path


if __name__ == "__main__":
    main()
