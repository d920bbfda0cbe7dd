"""deckgen's speed, as ratios against baselines measured in the same run.

    python benchmarks/bench.py [--slides 300] [--repeat 3]

Baselines:
- "python-pptx floor": a bare python-pptx script that writes the same number of
  slides with a title, one text box of the same bullets and notes, and saves.
  deckgen does far more per slide (measuring, fitting, theme, pictures), so a
  ratio near 1 means the pipeline adds little over the library it writes with.
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

        t_deck = best_of(args.repeat, lambda: build(BuildOptions(outline, out)))
        t_floor = best_of(args.repeat, lambda: baseline_pptx(args.slides))
        t_yaml = best_of(args.repeat, lambda: yaml.safe_load(text))
        from deckgen.outline.loader import load_outline

        t_load = best_of(args.repeat, lambda: load_outline(outline))
        shipped = ROOT / "outline.yaml"
        t_shipped = best_of(args.repeat, lambda: build(BuildOptions(shipped, out)))

    print(f"{args.slides}-slide outline (best of {args.repeat}):")
    print(f"  deckgen build        {t_deck:7.3f} s   {t_deck / t_floor:5.2f}x python-pptx floor")
    print(f"  python-pptx floor    {t_floor:7.3f} s   1.00x")
    print(f"  deckgen load+check   {t_load:7.3f} s   {t_load / t_yaml:5.2f}x yaml.safe_load")
    print(f"  yaml.safe_load       {t_yaml:7.3f} s   1.00x")
    print(f"shipped outline build  {t_shipped:7.3f} s")


if __name__ == "__main__":
    main()
