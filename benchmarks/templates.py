"""Issue 20's measures on LibreOffice's Impress templates and on deckgen's default template.

    python benchmarks/templates.py [--only Focus Vivid ...] [--keep DIR] [--concepts-to-template]

Each of LibreOffice's templates (/usr/lib/libreoffice/share/template/common/presnt/*.otp)
is converted to .pptx in a temporary folder (never kept in the repository: some are CC
BY-SA); the shipped outline.yaml is built on each with ``--template`` (the deck and the
slides PDF, ``SOURCE_DATE_EPOCH`` fixed) and once on deckgen's default template; LibreOffice
renders every deck to PDF (one run, a private profile). Then per template, one row:

- the fidelity measures read from the deck's XML (deckgen/check/fidelity.py): text in
  placeholders, placeholder runs with their own size, those taking a size their box's own
  list style gives (text in other sizes than the template's), with a fixed RGB colour, runs
  naming a font (and of them, naming the theme's own font), titles off their layout's box,
  with another alignment, with another weight;
- from LibreOffice's render (benchmarks/rendered.py): words below 3:1 against what is
  drawn under them, and deckgen's slides PDF against that render, the mean absolute
  grey-level difference per slide at 24 dpi (worst and mean over the slides).

Issue 20's targets: >= 90 % in placeholders, <= 25 % with own size, 0 runs naming the
theme's font, <= 10 % with RGB, every title on its box with the template's alignment and
weight, no word below 3:1, every slide within 15 grey levels. Templates run in sequence;
the whole takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: deckgen and benchmarks from this checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.rendered import FLOOR, grey_differences, soffice, word_contrasts  # noqa: E402
from deckgen.check.fidelity import Fidelity, measure_fidelity  # noqa: E402

SHIPPED = ROOT / "outline.yaml"
LIBREOFFICE = Path("/usr/lib/libreoffice/share/template/common/presnt")
DEFAULT = "(default)"  # deckgen's own template
EPOCH = "1700000000"


@dataclass(frozen=True)
class TemplateRow:
    """One template's figures."""

    name: str
    slides: int
    fidelity: Fidelity
    words: int
    words_below: list  # WordContrast below FLOOR
    grey: list[float]  # per slide

    def cells(self) -> list[str]:
        fid = self.fidelity
        return [
            self.name,
            str(self.slides),
            f"{fid.share_in_placeholders:.0%}",
            f"{fid.share_with_size:.0%}",
            f"{fid.share_sized_by_box:.0%}",
            f"{fid.runs_naming_theme_font} / {fid.runs_naming_a_font}",
            f"{fid.share_with_rgb:.0%}",
            f"{fid.titles_off_box} / {fid.titles_realigned} / {fid.titles_reweighted}"
            f" of {fid.titles}",
            f"{len(self.words_below)} of {self.words}",
            f"{max(self.grey):.1f} / {sum(self.grey) / len(self.grey):.1f}",
        ]


HEADER = [
    "template",
    "slides",
    "text in placeholders",
    "placeholder runs with own size",
    "… sized by their box's list style",
    "runs naming the theme's font / any font",
    "placeholder runs with RGB",
    "titles off box / realigned / reweighted",
    "words below 3:1 (LO render)",
    "grey diff worst / mean",
]


def convert_templates(names: list[str] | None, work: Path, profile: Path) -> dict[str, Path]:
    """LibreOffice's templates (those named, else all) as .pptx files in ``work``."""
    originals = sorted(LIBREOFFICE.glob("*.otp"))
    if names:
        originals = [path for path in originals if path.stem in names]
    folder = work / "templates"
    folder.mkdir()
    if not originals:
        return {}
    converted = soffice(originals, folder, profile, "pptx:Impress MS PowerPoint 2007 XML")
    # named .template: they are LibreOffice's packages, not decks deckgen wrote (the
    # tests' strict check takes every .pptx in their folders for a deck)
    return {path.stem: path.rename(path.with_suffix(".template")) for path in converted}


def build_on(name: str, template: Path | None, work: Path, outline: Path = SHIPPED) -> Path:
    """Build the outline's deck and slides PDF on ``template`` (None: deckgen's own) into
    ``work/name``; the output folder."""
    out = work / name.strip("()")
    args = [sys.executable, "-m", "deckgen", "build", str(outline), "-o", str(out)]
    args += ["--format", "pptx", "--format", "slides-pdf"]
    if template is not None:
        args += ["--template", str(template)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    subprocess.run(args, check=True, capture_output=True, env=env, timeout=300)
    return out


def measure(decks: dict[str, Path], work: Path, profile: Path) -> list[TemplateRow]:
    """Render every built deck with LibreOffice (one run) and measure each."""
    renders = work / "renders"
    renders.mkdir()
    staged = []
    for name, folder in decks.items():
        (deck,) = folder.glob("*.pptx")
        staged.append(renders / f"{name.strip('()')}.pptx")
        shutil.copyfile(deck, staged[-1])
    pdfs = soffice(staged, renders, profile)
    rows = []
    for (name, folder), rendered in zip(decks.items(), pdfs, strict=True):
        (deck,) = folder.glob("*.pptx")
        (slides,) = folder.glob("*-slides.pdf")
        contrasts = word_contrasts(rendered)
        grey = grey_differences(slides, rendered)
        below = [word for word in contrasts if word.ratio < FLOOR]
        rows.append(
            TemplateRow(name, len(grey), measure_fidelity(deck), len(contrasts), below, grey)
        )
    return rows


def run(names: list[str] | None, work: Path, outline: Path = SHIPPED) -> list[TemplateRow]:
    """Convert, build and measure: the default template first, then LibreOffice's."""
    profile = work / "profile"
    templates = convert_templates(names, work, profile)
    decks = (
        {DEFAULT: build_on(DEFAULT, None, work, outline)} if not names or DEFAULT in names else {}
    )
    for name, template in templates.items():
        decks[name] = build_on(name, template, work, outline)
    return measure(decks, work, profile)


def without_concept_colors(work: Path, outline: Path = SHIPPED) -> Path:
    """A copy of ``outline`` (and its assets) in ``work`` whose concepts set no colour, so
    a template's accent slots take them (issue 20's Decision); the copy's path."""
    folder = work / "concepts-to-template"
    shutil.copytree(outline.parent / "assets", folder / "assets")
    lines, in_concepts = [], False
    for line in outline.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip() and not line[0].isspace():  # a top-level key
            in_concepts = line.startswith("concepts:")
        if not (in_concepts and re.fullmatch(r"    color: .*\n?", line)):
            lines.append(line)
    copy = folder / outline.name
    copy.write_text("".join(lines), encoding="utf-8")
    return copy


def table(rows: list[TemplateRow]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="template names (and/or '(default)')")
    parser.add_argument("--keep", type=Path, help="a folder to keep the decks and renders in")
    parser.add_argument("--words", action="store_true", help="list the words below 3:1")
    parser.add_argument(
        "--concepts-to-template",
        action="store_true",
        help="build the shipped outline without its concepts' colours (the template's accents)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deckgen-templates-") as temp:
        work = options.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        outline = without_concept_colors(work) if options.concepts_to_template else SHIPPED
        rows = run(options.only, work, outline)
        print(table(rows))
        if options.words:
            for row in rows:
                for word in row.words_below:
                    print(f"{row.name}: slide {word.slide} {word.word!r} {word.ratio:.2f}:1")


if __name__ == "__main__":
    main()
