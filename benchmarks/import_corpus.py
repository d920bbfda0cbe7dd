"""Issue 21's measures of ``deckgen import`` on decks nobody here wrote.

    python benchmarks/import_corpus.py FOLDER... [--keep DIR] [--timeout 60]

Every .pptx, .potx, .pptm and .ppt under the folders is imported with
``deckgen import DECK -o DIR --json`` in its own process, then the imported outline is
built with ``deckgen build --format pptx``. Per deck, one row:

- the import: ``ok``, ``refused`` (a clear error: exit 2, no traceback) or ``CRASH``
  (anything else: another exit code, a traceback, an internal error, a timeout), and its
  seconds (wall clock, imports of Python included, as a user waits);
- the build of the imported outline: ``ok`` or ``FAILS``;
- what the rebuilt deck keeps of the source: its share of the source's slide words, of its
  notes' words and of its pictures.

Words are counted as a multiset of lower-cased word tokens (``\\w+``): a word of the source
counts as kept as often as the rebuilt deck has it too, so text deckgen adds itself
(agenda lines, labels, "(cont.)") never makes up for text it lost. Left aside, as the
issue says: footer, slide-number and date placeholders, tokens holding a digit (numbers,
dates), and the source's hidden slides (the default build leaves them out). Text inside
charts and SmartArt is not counted (python-pptx does not read it as text). Pictures are
picture shapes on the slides (inside groups too, placeholders holding a picture too).

Issue 21's targets: every deck imports or is refused with a clear error within a few
seconds; every imported outline builds; >= 95 % of slide words, >= 95 % of notes' words
and >= 90 % of pictures kept. A total line sums the words and pictures over the decks.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

ROOT = Path(__file__).resolve().parents[1]
DECK_SUFFIXES = (".pptx", ".potx", ".pptm", ".ppt")
CHROME = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
TARGETS = {"slide words": 0.95, "notes words": 0.95, "pictures": 0.90}
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


# ------------------------------------------------------------------ counting


def words_of(text: str) -> list[str]:
    """The words a text is measured by: lower-cased ``\\w+`` tokens without a digit."""
    return [w for w in _WORD.findall(text.lower()) if not _DIGIT.search(w)]


def _is_chrome(shape) -> bool:
    if not shape.is_placeholder:
        return False
    try:
        return shape.placeholder_format.type in CHROME
    except ValueError:  # a placeholder of a type python-pptx does not know
        return False


def _shapes(shapes):
    """Every shape, groups opened."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _shape_text(shape) -> str:
    if _is_chrome(shape):
        return ""
    if shape.has_text_frame:
        return shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        return "\n".join(cell.text for row in shape.table.rows for cell in row.cells)
    return ""


def shown_slides(deck) -> list:
    """The slides a show presents: hidden ones (``show="0"``) left aside."""
    return [slide for slide in deck.slides if slide._element.get("show") not in ("0", "false")]


def slide_words(deck) -> Counter:
    """The words on the slides a show presents (text boxes, placeholders, tables)."""
    counted: Counter = Counter()
    for slide in shown_slides(deck):
        for shape in _shapes(slide.shapes):
            counted.update(words_of(_shape_text(shape)))
    return counted


def notes_words(deck) -> Counter:
    counted: Counter = Counter()
    for slide in shown_slides(deck):
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                counted.update(words_of(frame.text))
    return counted


_MEDIA = ("videoFile", "audioFile")  # a sound's or video's poster: media, not a picture


def _is_picture(shape) -> bool:
    if any(shape._element.find(f".//{{{_DML}}}{tag}") is not None for tag in _MEDIA):
        return False
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
        return True
    return shape.is_placeholder and hasattr(shape, "image") and _has_image(shape)


def _has_image(shape) -> bool:
    try:
        return shape.image is not None
    except (ValueError, AttributeError):  # a picture placeholder left empty
        return False


_DML = "http://schemas.openxmlformats.org/drawingml/2006/main"


def picture_count(deck) -> int:
    """Picture shapes on the slides a show presents."""
    return sum(1 for s in shown_slides(deck) for shape in _shapes(s.shapes) if _is_picture(shape))


def kept(source: Counter, rebuilt: Counter) -> tuple[int, int]:
    """(words of the source the rebuilt deck has too, words of the source)."""
    return sum((source & rebuilt).values()), sum(source.values())


@dataclass
class Measures:
    """What the rebuilt deck keeps of its source: (kept, of) for each measure."""

    slide_words: tuple[int, int] = (0, 0)
    notes_words: tuple[int, int] = (0, 0)
    pictures: tuple[int, int] = (0, 0)

    def add(self, other: Measures) -> None:
        for name in ("slide_words", "notes_words", "pictures"):
            mine, theirs = getattr(self, name), getattr(other, name)
            setattr(self, name, (mine[0] + theirs[0], mine[1] + theirs[1]))


def measure(source_path: Path, rebuilt_path: Path) -> Measures:
    source, rebuilt = Presentation(str(source_path)), Presentation(str(rebuilt_path))
    pictures = picture_count(source)
    return Measures(
        kept(slide_words(source), slide_words(rebuilt)),
        kept(notes_words(source), notes_words(rebuilt)),
        (min(picture_count(rebuilt), pictures), pictures),
    )


def share(pair: tuple[int, int]) -> str:
    kept_count, total = pair
    return "-" if total == 0 else f"{kept_count / total:.0%}"


# ------------------------------------------------------------------ running


@dataclass
class DeckRow:
    name: str
    status: str  # ok, refused, CRASH
    seconds: float
    said: str = ""  # the first line of a refusal or a crash
    built: str = ""  # ok, FAILS, or "" when nothing was imported
    measures: Measures | None = None


def _deckgen(*args: str, timeout: float) -> tuple[int, str, str]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "deckgen", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(ROOT)},  # deckgen from this checkout
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {timeout:.0f} s"
    return done.returncode, done.stdout, done.stderr


def import_one(deck: Path, work: Path, timeout: float) -> DeckRow:
    out = work / "imported"
    start = time.perf_counter()
    code, _stdout, stderr = _deckgen("import", str(deck), "-o", str(out), "--force", "--json",
                                     timeout=timeout)  # fmt: skip
    seconds = time.perf_counter() - start
    first = next((line for line in stderr.splitlines() if "warning:" not in line), "")
    clear = code == 2 and "Traceback" not in stderr and "internal error" not in stderr
    if code != 0:
        return DeckRow(deck.name, "refused" if clear else "CRASH", seconds, first)
    code, _stdout, stderr = _deckgen("build", str(out / "outline.yaml"), "--format", "pptx",
                                     "-o", str(work / "built"), "-q", timeout=timeout)  # fmt: skip
    if code != 0:
        said = next((line for line in stderr.splitlines() if "error" in line), stderr[:200])
        return DeckRow(deck.name, "ok", seconds, said, "FAILS")
    (rebuilt,) = (work / "built").glob("*.pptx")
    return DeckRow(deck.name, "ok", seconds, "", "ok", measure(deck, rebuilt))


def decks_in(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
            continue
        found += [p for p in folder.rglob("*") if p.suffix.lower() in DECK_SUFFIXES]
    return sorted(dict.fromkeys(found))


def row_cells(row: DeckRow) -> list[str]:
    found = row.measures
    figures = (
        [share(found.slide_words), share(found.notes_words), share(found.pictures)]
        if found
        else ["", "", ""]
    )
    return [row.name, row.status, f"{row.seconds:.1f}", row.built, *figures, row.said[:70]]


def total_lines(rows: list[DeckRow]) -> list[str]:
    total = Measures()
    for row in rows:
        if row.measures:
            total.add(row.measures)
    counts = Counter(row.status for row in rows)
    built = sum(1 for row in rows if row.built == "ok")
    imported = counts["ok"]
    lines = [
        f"{len(rows)} decks: {imported} imported, {counts['refused']} refused with a clear "
        f"error, {counts['CRASH']} crashed; {built} of {imported} imported outlines build; "
        f"slowest import {max((r.seconds for r in rows), default=0):.1f} s",
        f"kept: slide words {share(total.slide_words)} of {total.slide_words[1]}, notes' "
        f"words {share(total.notes_words)} of {total.notes_words[1]}, pictures "
        f"{share(total.pictures)} of {total.pictures[1]}",
    ]
    targets = ", ".join(f"{name} >= {floor:.0%}" for name, floor in TARGETS.items())
    return [*lines, f"targets (issue 21): {targets}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--keep", type=Path, help="Keep the imports and builds here.")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    decks = decks_in(args.folders)
    header = ["deck", "import", "s", "build", "slide words", "notes", "pictures", "said"]
    print(" | ".join(header))
    rows = []
    with tempfile.TemporaryDirectory(prefix="deckgen-import-") as temp:
        base = args.keep or Path(temp)
        for number, deck in enumerate(decks, 1):
            rows.append(import_one(deck, base / f"{number:03d}-{deck.stem}", args.timeout))
            print(" | ".join(row_cells(rows[-1])), flush=True)
    for line in total_lines(rows):
        print(line)
    return 0 if all(row.status != "CRASH" and row.built != "FAILS" for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
