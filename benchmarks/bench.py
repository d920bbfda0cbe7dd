"""deckgen's speed and memory at scale, as ratios against baselines measured in the same run.

    python benchmarks/bench.py [--sizes 10 100 1000] [--runs 5]

Every measurement is a fresh process (imports included, as a user waits for them), timed
and its peak memory read from the kernel (``wait4``: the largest of its processes; a build
renders its handout in a forked child). One more run of the biggest build samples the
memory of all its processes together. Runs are interleaved (one of each
command, then the next round) and the median of each is reported, so a slow moment of the
machine falls on all of them alike. The N-slide outlines are the shipped outline's sections
repeated (ids made unique, notes kept) until the deck has about N slides.

Baselines, measured in the same run:
- the bare import of deckgen's stack: ``python -c "import pptx, reportlab.platypus, yaml, click"``;
- pandoc turning equivalent Markdown (written here from the same outline: titles, bullets,
  quotes, tables as lists, notes) into a .pptx, when pandoc is installed.

``--all-audiences`` is compared with its audiences built one by one (every core in use makes
it about 1/cores of that, less the one-off start).

Targets (issue 10): the shipped talk (deck + handout) <= 1.5x the bare import; 1,000 slides
<= 0.25x pandoc; the per-slide cost at 1,000 within 1.3x of that at 100; peak memory at
1,000 slides <= 200 MiB; ``deckgen --help`` <= 0.15 s. Wall-clock numbers are printed for
context; the ratios are the measure.
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "outline.yaml"
PY = sys.executable
IMPORT_FLOOR = [PY, "-c", "import pptx, reportlab.platypus, yaml, click"]
AUDIENCES = ("executives", "engineers", "newcomers")  # the shipped outline's


def tree_peak(argv: list[str], every: float = 0.01) -> float:
    """Peak MiB of a command and every process it forks, together: the sum of their
    proportional set sizes (shared pages counted once between them), sampled. Run
    apart from the timed runs, since sampling costs time. 0 where /proc has no
    smaps_rollup (not Linux)."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, sum(_pss(pid) for pid in _tree(proc.pid)))
        time.sleep(every)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return peak / 1024


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            text = Path(f"/proc/{current}/task/{current}/children").read_text()
        except OSError:
            continue
        todo += [int(child) for child in text.split()]
    return found


def _pss(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return float(line.split()[1])  # KiB
    except OSError:
        pass
    return 0.0


def run(argv: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Seconds, peak resident MiB and CPU seconds of one command (its output thrown
    away). The kernel's record counts the processes it forked and waited for: the CPU
    time is theirs together, the peak that of the largest."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


# --------------------------------------------------------------------------- outlines


def deck_slides(outline: Path) -> int:
    from deckgen.build import prepare
    from deckgen.outline.loader import load_outline

    return len(prepare(load_outline(outline), None, {}).deck.slides)


ONCE = ("title", "agenda", "closing")  # a talk opens and closes once, however long


def scaled_outline(slides: int, folder: Path, first: int = 0, more: int = 0) -> Path:
    """The shipped outline with its sections repeated (the title, agenda and closing
    slides once) until the deck has about ``slides``: ``first`` slides for the shipped
    talk, ``more`` for each repetition (0: one copy)."""
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    copies = 1 + (max(0, math.ceil((slides - first) / more)) if more else 0)
    sections = [copy.deepcopy(section) for section in data["sections"]]
    for copy_number in range(1, copies):
        for section in data["sections"]:
            again = _renamed(copy.deepcopy(section), copy_number)
            again["slides"] = [s for s in again["slides"] if s.get("kind") not in ONCE]
            if again["slides"]:
                sections.append(again)
    data["sections"] = sections
    path = folder / f"talk-{slides}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for asset in ("assets",):  # icons and pictures, as the outline names them
        if (ROOT / asset).is_dir() and not (folder / asset).exists():
            shutil.copytree(ROOT / asset, folder / asset)
    return path


def _renamed(node, copy_number: int):
    if isinstance(node, dict):
        if copy_number and isinstance(node.get("id"), str):
            node["id"] = f"{node['id']}-{copy_number + 1}"
        for value in node.values():
            _renamed(value, copy_number)
    elif isinstance(node, list):
        for item in node:
            _renamed(item, copy_number)
    return node


def markdown_of(outline: Path) -> str:
    """The same talk as pandoc Markdown: a slide per slide, bullets, quotes, notes."""
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    lines = [f"% {data['meta']['title']}", ""]
    for section in data["sections"]:
        lines += [f"# {section['title']}", ""]
        for slide in section["slides"]:
            lines += _markdown_slide(slide)
    return "\n".join(lines) + "\n"


def _markdown_slide(slide: dict) -> list[str]:
    title = slide.get("title") or slide["kind"].capitalize()
    out = [f"## {title}", ""]
    for bullet in slide.get("bullets", []):
        text = bullet if isinstance(bullet, str) else bullet.get("text", "")
        out.append(f"- {text}")
        for sub in [] if isinstance(bullet, str) else bullet.get("sub", []):
            out.append(f"    - {sub if isinstance(sub, str) else sub.get('text', '')}")
    if "quote" in slide:
        out += ["", f"> {slide['quote']}"]
    for row in slide.get("rows", []):
        cells = row.get("cells", row) if isinstance(row, dict) else row
        out.append("- " + " | ".join(str(c) for c in cells))
    notes = slide.get("notes")
    if notes:
        text = (
            notes
            if isinstance(notes, str)
            else " ".join(n if isinstance(n, str) else n.get("text", "") for n in notes)
        )
        out += ["", "::: notes", text, ":::"]
    return out + [""]


def organisation_template(folder: Path) -> Path:
    """A stand-in for an organisation's template: deckgen's own design written as one
    (`deckgen template new`), with a band across its master, so opening, cleaning,
    choosing layouts, reading the look and drawing it in the PDFs all run."""
    from lxml import etree
    from pptx import Presentation

    path = folder / "corporate.pptx"
    subprocess.run(
        [PY, "-m", "deckgen", "template", "new", str(path)], check=True, capture_output=True
    )
    prs = Presentation(str(path))
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ' + (
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    )
    prs.slide_master.shapes._spTree.append(
        etree.fromstring(
            f'<p:sp {ns}><p:nvSpPr><p:cNvPr id="990" name="Band"/><p:cNvSpPr/><p:nvPr/>'
            '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="12192000" '
            'cy="180000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '<a:solidFill><a:srgbClr val="1F2A44"/></a:solidFill></p:spPr></p:sp>'
        )
    )
    prs.save(str(path))
    return path


# --------------------------------------------------------------------------- the runs


def translated(folder: Path, deckgen: list[str], out: Path) -> dict[str, list[str]]:
    """The shipped talk's translation file, made once (and pseudo-translated by
    translate-toolkit's podebug): what updating it and building with it cost."""
    made, pseudo = folder / "de.po", folder / "de-xxx.po"
    if not made.exists():
        subprocess.run(
            [*deckgen, "translate", "extract", str(SHIPPED), "--to", "de", "-o", str(made)],
            check=True,
            capture_output=True,
        )
        podebug = [PY, "-m", "translate.tools.podebug", "--rewrite=xxx", str(made), str(pseudo)]
        subprocess.run(podebug, check=True, capture_output=True)
    return {
        "shipped: translate update": [*deckgen, "translate", "update", str(made), str(SHIPPED)],
        "shipped: deck, translated": [
            *deckgen,
            "build",
            str(SHIPPED),
            "--translation",
            str(pseudo),
            "--format",
            "pptx",
            "-o",
            str(out / "tr"),
        ],
    }


def commands(folder: Path, sizes: list[int], outlines: dict[int, Path], pandoc: str | None):
    out = folder / "out"
    deckgen = [PY, "-m", "deckgen"]
    found = {
        "import floor": IMPORT_FLOOR,
        "deckgen --help": [*deckgen, "--help"],
        "shipped: deck + handout": [*deckgen, "build", str(SHIPPED), "-o", str(out / "s")],
        "shipped: --all-audiences": [
            *deckgen,
            "build",
            str(SHIPPED),
            "--all-audiences",
            "-q",
            "-o",
            str(out / "all"),
        ],
        **{
            f"shipped: --audience {name}": [
                *deckgen,
                "build",
                str(SHIPPED),
                "--audience",
                name,
                "-o",
                str(out / name),
            ]
            for name in AUDIENCES
        },
        "shipped: deck": [
            *deckgen,
            "build",
            str(SHIPPED),
            "--format",
            "pptx",
            "-o",
            str(out / "dk"),
        ],
        "shipped: deck + web handout": [
            *deckgen,
            "build",
            str(SHIPPED),
            "--format",
            "pptx",
            "--format",
            "html",
            "-o",
            str(out / "dw"),
        ],
        **translated(folder, deckgen, out),
        "shipped on a template": [
            *deckgen,
            "build",
            str(SHIPPED),
            "-o",
            str(out / "t"),
            "--template",
            str(organisation_template(folder)),
        ],
    }
    for n in sizes:
        talk = str(outlines[n])
        found[f"{n}: deck + handout"] = [*deckgen, "build", talk, "-o", str(out / f"a{n}")]
        if n == max(sizes):
            found[f"{n}: deck + handout, --jobs 1"] = [
                *deckgen,
                "build",
                talk,
                "--jobs",
                "1",
                "-o",
                str(out / "j"),
            ]
            found[f"{n}: deck"] = [
                *deckgen,
                "build",
                talk,
                "--format",
                "pptx",
                "-o",
                str(out / "d"),
            ]
            found[f"{n}: handout"] = [
                *deckgen,
                "build",
                talk,
                "--format",
                "handout",
                "-o",
                str(out / "h"),
            ]
            found[f"{n}: validate"] = [*deckgen, "validate", talk]
            made = folder / f"de-{n}.po"  # extracted once; updating measures every room again
            if not made.exists():
                extract = [*deckgen, "translate", "extract", talk, "--to", "de", "-o", str(made)]
                subprocess.run(extract, check=True, capture_output=True)
            found[f"{n}: translate update"] = [*deckgen, "translate", "update", str(made), talk]
            if pandoc:
                md = folder / f"talk-{n}.md"
                md.write_text(markdown_of(outlines[n]), encoding="utf-8")
                found[f"{n}: pandoc md->pptx"] = [pandoc, str(md), "-o", str(folder / "p.pptx")]
    return found


def measure(found: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, float]]:
    """name -> (median seconds, peak MiB, median CPU seconds)."""
    times: dict[str, list[float]] = {name: [] for name in found}
    cpu: dict[str, list[float]] = {name: [] for name in found}
    peaks: dict[str, float] = dict.fromkeys(found, 0.0)
    for _round in range(runs):  # interleaved: one of each, then again
        for name, argv in found.items():
            seconds, peak, used = run(argv)
            times[name].append(seconds)
            cpu[name].append(used)
            peaks[name] = max(peaks[name], peak)
    return {
        name: (statistics.median(times[name]), peaks[name], statistics.median(cpu[name]))
        for name in found
    }


def report(results, sizes: list[int], slides: dict[int, int], tree_mib) -> list[str]:
    floor = results["import floor"][0]
    big, mid, small = max(sizes), sorted(sizes)[len(sizes) // 2], min(sizes)
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}",
        "",
        "| measure | median s | cores busy | peak MiB | ratio | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]

    def row(name, ratio="", target=""):
        seconds, peak, cpu = results[name]
        busy = cpu / seconds  # CPU seconds of all its processes per second waited
        lines.append(f"| {name} | {seconds:.3f} | {busy:.2f} | {peak:.0f} | {ratio} | {target} |")

    row("import floor", "1.00x", "")
    row("deckgen --help", f"{results['deckgen --help'][0] / floor:.2f}x import", "<= 0.15 s")
    shipped = results["shipped: deck + handout"][0]
    row("shipped: deck + handout", f"{shipped / floor:.2f}x import", "<= 1.5x import")
    each = sum(results[f"shipped: --audience {name}"][0] for name in AUDIENCES)
    together = results["shipped: --all-audiences"][0]
    row(
        "shipped: --all-audiences",
        f"{together / each:.2f}x its audiences one by one",
        f"every core busy ({os.cpu_count()})",
    )
    deck_alone = results["shipped: deck"][0]
    row("shipped: deck", f"{deck_alone / floor:.2f}x import")
    web = results["shipped: deck + web handout"][0]
    row(
        "shipped: deck + web handout",
        f"{web / deck_alone:.2f}x the deck (+{web - deck_alone:.2f} s)",
        "well under 1 s on top of the deck",
    )
    update = results["shipped: translate update"][0]
    row(
        "shipped: translate update",
        f"{update / deck_alone:.2f}x the deck",
        "each slide text's room measured",
    )
    row(
        "shipped: deck, translated",
        f"{results['shipped: deck, translated'][0] / deck_alone:.2f}x the deck",
        "<= 1.2x the deck",
    )
    on_template = results["shipped on a template"][0] / shipped
    row("shipped on a template", f"{on_template:.2f}x the default", "<= 1.3x the default")
    for n in sizes:
        ratio = results[f"{n}: deck + handout"][0] / floor
        row(f"{n}: deck + handout", f"{ratio:.2f}x import ({slides[n]} slides)")
    alone = results[f"{big}: deck + handout, --jobs 1"][0]
    row(
        f"{big}: deck + handout, --jobs 1",
        f"{alone / results[f'{big}: deck + handout'][0]:.2f}x the default",
    )
    for part in ("deck", "handout", "validate"):
        row(f"{big}: {part}", f"{results[f'{big}: {part}'][0] / floor:.2f}x import")
    update = results[f"{big}: translate update"][0]
    row(
        f"{big}: translate update",
        f"{update / results[f'{big}: deck'][0]:.2f}x the deck",
        "each slide text's room measured",
    )
    pandoc = results.get(f"{big}: pandoc md->pptx")
    if pandoc:
        ratio = results[f"{big}: deck + handout"][0] / pandoc[0]
        row(f"{big}: pandoc md->pptx", f"deckgen {ratio:.2f}x pandoc", "deckgen <= 0.25x")
    base = results[f"{small}: deck + handout"][0]
    per_mid = (results[f"{mid}: deck + handout"][0] - base) / max(slides[mid] - slides[small], 1)
    per_big = (results[f"{big}: deck + handout"][0] - base) / max(slides[big] - slides[small], 1)
    lines += [
        "",
        f"per-slide cost (beyond the {slides[small]}-slide build): {per_mid * 1000:.1f} ms at "
        f"{slides[mid]} slides, {per_big * 1000:.1f} ms at {slides[big]}: "
        f"{per_big / per_mid:.2f}x (target <= 1.3x)",
        f"peak memory at {slides[big]} slides (proportional set sizes of all its processes "
        f"together, sampled): {tree_mib[0]:.0f} MiB, {tree_mib[1]:.0f} MiB with --jobs 1 "
        "(target <= 200 MiB)",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = deck_slides(scaled_outline(1, folder))
        two_copies = scaled_outline(first + 1, folder, first, first)
        more = deck_slides(two_copies) - first
        outlines = {n: scaled_outline(n, folder, first, more) for n in sizes}
        slides = {n: deck_slides(path) for n, path in outlines.items()}
        found = commands(folder, sizes, outlines, shutil.which("pandoc"))
        results = measure(found, args.runs)
        big = max(sizes)
        tree_mib = [tree_peak(found[f"{big}: deck + handout{how}"]) for how in ("", ", --jobs 1")]
    print(f"median of {args.runs} interleaved runs; N-slide talks: the shipped sections repeated")
    for line in report(results, sizes, slides, tree_mib):
        print(line)


if __name__ == "__main__":
    main()
