"""Shared fixtures: the shipped outline, the small fixture talk, each built once, and the
strict OOXML checker that every deck a test writes must pass.

The checker is ../shared/ooxml/validate_pptx.py (DECKGEN_OOXML_VALIDATOR overrides the
path). Under CI (the ``CI`` environment variable set) a missing checker stops the whole
session; elsewhere the suite runs without it and says so in one line at the end.
Tests marked ``libreoffice`` or ``tools(...)`` need programs on PATH: missing ones skip
them, or fail them under CI.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

# the fixtures and their facts (slides, titles, kinds) live in tests/facts.py
from .facts import ROOT, SHIPPED, SMALL, laid_out_slides  # noqa: F401

VALIDATOR = Path(
    os.environ.get("DECKGEN_OOXML_VALIDATOR")
    or ROOT.parent / "shared" / "ooxml" / "validate_pptx.py"
)
LIBREOFFICE_TOOLS = ("soffice", "pdftotext")
# build's options for every output: the deck, the handout and the slides PDF
EVERY_FORMAT = ("--format", "pptx", "--format", "handout", "--format", "slides-pdf")

# sha256 of every deck that passed the checker (a deck is checked once, wherever it lies)
_passed: set[str] = set()
# decks written while the checker was missing (outside CI): reported at the end
_unchecked: set[str] = set()


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def validator_missing_message() -> str:
    return (
        f"the strict OOXML checker {VALIDATOR} is missing, so no deck can be checked "
        "the way PowerPoint reads it (it lives in ../shared beside the repository; "
        "DECKGEN_OOXML_VALIDATOR overrides the path)"
    )


def fuzz_budget(examples: int):
    """Hypothesis's settings for a property test on CI's fixed budget: reproducible
    (derandomized, no database), no deadline per example."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def soffice_pdf(decks, out: Path, profile: Path) -> None:
    """LibreOffice turns each deck into a PDF named after it in ``out`` (one run, a
    private profile so parallel runs never share one)."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, decks),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )


LO_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")


def lo_templates(names, out: Path, profile: Path) -> list[Path]:
    """LibreOffice's Impress templates ``names`` (every one where None) converted to
    .pptx into ``out`` and named .template (inputs, not decks deckgen wrote: the strict
    check leaves them alone), in ``names``' order; the test is skipped without them."""
    originals = (
        sorted(LO_TEMPLATES.glob("*.otp"))
        if names is None
        else [LO_TEMPLATES / f"{name}.otp" for name in names]
    )
    if not originals or not all(path.exists() for path in originals):
        pytest.skip(f"no LibreOffice templates in {LO_TEMPLATES}")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(out), *map(str, originals)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    converted = [out / f"{path.stem}.pptx" for path in originals]
    return [path.rename(path.with_suffix(".template")) for path in converted]


def stripes_png(dark: tuple[int, int, int]) -> io.BytesIO:
    """A 40 × 10 px PNG of white and ``dark`` stripes, 5 px each: a picture whose
    average reads against text where its stripes may not."""
    from PIL import Image

    stripes = Image.new("RGB", (40, 10), (255, 255, 255))
    for x in range(0, 40, 10):
        stripes.paste(dark, (x, 0, x + 5, 10))
    png = io.BytesIO()
    stripes.save(png, "PNG")
    png.seek(0)
    return png


def build_on_template(outline: Path, template: Path, out: Path) -> Path:
    """The deck ``outline`` builds on ``template`` into ``out`` (the build must pass)."""
    return built_on(outline, template, out)[0]


def built_on(outline: Path, template: Path, out: Path) -> tuple[Path, str]:
    """The deck ``outline`` builds on ``template`` into ``out`` (the build must pass, the
    deck the strict check), and what the build said."""
    result = run_cli("build", str(outline), "--template", str(template), "-o", str(out))
    assert result.exit_code == 0, result.output
    (deck,) = out.glob("*.pptx")
    check_pptx_strictly(deck)
    return deck, result.output


def two_content_template(path: Path, bodies: tuple | None) -> Path:
    """python-pptx's stock template made 16:9, its "Two Content" layout's bodies at
    ``bodies`` ((x, y, w, h) EMU each), or with no two-content layout at all (None)."""
    from pptx import Presentation
    from pptx.util import Emu

    prs = Presentation()
    prs.slide_width, prs.slide_height = 12_192_000, 6_858_000
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Two Content")
    if bodies is not None:
        held = [ph for ph in layout.placeholders if ph.placeholder_format.idx in (1, 2)]
        for ph, box in zip(held, bodies, strict=True):
            ph.left, ph.top, ph.width, ph.height = (Emu(value) for value in box)
    else:
        for name in ("Two Content", "Comparison"):
            found = next(lt for lt in prs.slide_layouts if lt.name == name)
            prs.slide_layouts.remove(found)
    prs.save(str(path))
    return path


def run_cli(*args: str, env: dict | None = None):
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def check_pptx_strictly(path: Path) -> None:
    """Run the strict OOXML checker on a deck; fail the test if it finds a problem.

    Without the checker this fails under CI and, elsewhere, records the deck as unchecked
    (pytest's summary says how many decks went unchecked).
    """
    path = Path(path)
    if not VALIDATOR.is_file():
        if in_ci():
            pytest.fail(validator_missing_message(), pytrace=False)
        _unchecked.add(str(path))
        return
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest in _passed:
        return
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        code = _validator().check(str(path))
    assert code == 0, f"{path} fails the strict OOXML check:\n{said.getvalue()}"
    _passed.add(digest)


@functools.cache
def _validator():
    """The checker loaded once, in this process: it keeps the parsed schemas between
    decks, where a process per deck parsed them again each time."""
    spec = importlib.util.spec_from_file_location("validate_pptx", VALIDATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def missing_tools(names) -> list[str]:
    return [name for name in names if shutil.which(name) is None]


# ------------------------------------------------------------------ reading decks back


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def all_text(slide) -> str:
    """Every text on a slide: its text frames and its tables' cells."""
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            for row in shape.table.rows:
                parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def titles(prs) -> list[str]:
    return [slide_title(s) for s in prs.slides]


def slide_titled(prs, title: str):
    """The one slide of ``prs`` with this title."""
    found = [s for s in prs.slides if slide_title(s) == title]
    assert len(found) == 1, (title, titles(prs))
    return found[0]


def number_of(prs, title: str) -> int:
    """The 1-based position of the one slide with this title."""
    numbers = [i for i, s in enumerate(prs.slides, 1) if slide_title(s) == title]
    assert len(numbers) == 1, (title, titles(prs))
    return numbers[0]


def without_id(name: str) -> str:
    """A shape's name without the id a build puts at its end (`Caption · dg3.2`)."""
    return re.sub(r" · dg\d+\.\d+$", "", name)


def shapes_named(slide, name: str) -> list:
    return [sh for sh in slide.shapes if without_id(sh.name) == name]


# ------------------------------------------------------------------------ pytest hooks


def pytest_configure(config):
    if in_ci() and not VALIDATOR.is_file():
        raise pytest.UsageError(
            f"CI is set but {validator_missing_message()}. A CI run without the check "
            "would pass with the check never made; provide ../shared/ooxml/."
        )


def pytest_report_header(config):
    # without it, the one line at the end says so (CI never gets that far)
    return [f"strict OOXML checker: {VALIDATOR}"] if VALIDATOR.is_file() else []


def pytest_runtest_setup(item):
    """``libreoffice`` and ``tools(...)`` tests: skip without their programs, fail under CI."""
    needed: list[str] = []
    if item.get_closest_marker("libreoffice") is not None:
        needed += LIBREOFFICE_TOOLS
    for mark in item.iter_markers("tools"):
        needed += mark.args
    missing = missing_tools(dict.fromkeys(needed))
    if not missing:
        return
    message = f"needs {', '.join(missing)} on PATH (.ci/run installs them)"
    if in_ci():
        pytest.fail(f"CI is set and this test {message}", pytrace=False)
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter):
    """Outside CI a missing checker is one quiet line: a newcomer's run is not CI's."""
    if _unchecked:
        terminalreporter.write_line(unchecked_note(len(_unchecked)))


def unchecked_note(count: int) -> str:
    return (
        f"strict OOXML check not made for {count} deck(s): {VALIDATOR} not found "
        "(CI makes it; DECKGEN_OOXML_VALIDATOR=PATH makes it here)"
    )


# ------------------------------------------------------------------------- fixtures


def build_once(tmp_path_factory, outline: Path, name: str):
    """Build ``outline`` through the CLI into a fresh folder: (result, deck path)."""
    out = tmp_path_factory.mktemp(name)
    result = run_cli("build", str(outline), "-o", str(out), "--json")
    assert result.exit_code == 0, result.output
    decks = list(out.glob("*.pptx"))
    assert len(decks) == 1
    # written outside any test's tmp_path: checked here, explicitly
    check_pptx_strictly(decks[0])
    return result, decks[0]


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory):
    """The shipped outline built once through the CLI: (result, deck path)."""
    return build_once(tmp_path_factory, SHIPPED, "shipped")


@pytest.fixture(scope="session")
def shipped_deck(shipped_build):
    from pptx import Presentation

    return Presentation(str(shipped_build[1]))


@pytest.fixture(scope="session")
def small_build(tmp_path_factory):
    """tests/fixtures/small/outline.yaml built once through the CLI: (result, deck path)."""
    return build_once(tmp_path_factory, SMALL, "small")


@pytest.fixture(scope="session")
def small_deck(small_build):
    from pptx import Presentation

    return Presentation(str(small_build[1]))


@pytest.fixture(autouse=True)
def every_deck_passes_the_strict_checker(request):
    """After each test, every .pptx it wrote under tmp_path must pass validate_pptx.py."""
    uses_tmp = "tmp_path" in request.fixturenames
    tmp_path = request.getfixturevalue("tmp_path") if uses_tmp else None
    yield
    if tmp_path is not None:
        for deck in sorted(Path(tmp_path).rglob("*.pptx")):
            if deck.is_file():  # a test's FIFO named .pptx is an input, never a deck
                check_pptx_strictly(deck)


@pytest.fixture(autouse=True, scope="session")
def every_deck_anywhere_passes_the_strict_checker(tmp_path_factory):
    """At the end, every .pptx under the session's temporary root (module and session
    fixtures write there with tmp_path_factory) must have passed the checker too."""
    yield
    root = tmp_path_factory.getbasetemp()
    for deck in sorted(root.rglob("*.pptx")):
        if deck.is_file():
            check_pptx_strictly(deck)


# ------------------------------------------------------------ colours and fonts in decks

_SLOT_OF = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def theme_of(prs) -> tuple[dict, dict]:
    """The deck's theme: colour slot -> RRGGBB, and '+mj-lt'/'+mn-lt' -> typeface."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    root = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    scheme = root.find(f".//{_A}clrScheme")
    colors = {}
    for slot in scheme:
        value = slot.find(f"{_A}srgbClr")
        if value is None:
            value = slot.find(f"{_A}sysClr")
            colors[etree.QName(slot).localname] = value.get("lastClr")
        else:
            colors[etree.QName(slot).localname] = value.get("val")
    fonts = {
        "+mj-lt": root.find(f".//{_A}majorFont/{_A}latin").get("typeface"),
        "+mn-lt": root.find(f".//{_A}minorFont/{_A}latin").get("typeface"),
    }
    return colors, fonts


def color_of(color, prs) -> str:
    """A python-pptx ColorFormat, or a DrawingML element holding a colour, as RRGGBB: a
    theme reference resolved through the deck's theme."""
    from lxml import etree
    from pptx.enum.dml import MSO_COLOR_TYPE

    from deckgen.layout.colors import WHOLE, modulated

    colors, _fonts = theme_of(prs)
    if hasattr(color, "type"):  # a ColorFormat
        if color.type == MSO_COLOR_TYPE.RGB:
            return str(color.rgb)
        scheme = color._color._xClr
    else:
        literal = color.find(f"{_A}srgbClr")
        if literal is not None:
            return literal.get("val")
        scheme = color.find(f"{_A}schemeClr")
    slot = scheme.get("val")
    base = colors[_SLOT_OF.get(slot, slot)].upper()
    # a shade of the slot (PowerPoint's "Darker 25 %"): its modifiers applied
    mods = {etree.QName(child).localname: int(child.get("val")) for child in scheme}
    if not mods:
        return base
    unknown = set(mods) - {"lumMod", "lumOff", "satMod"}
    assert not unknown, unknown
    return modulated(
        base, mods.get("lumMod", WHOLE), mods.get("lumOff", 0), mods.get("satMod", WHOLE)
    )


def font_of(name: str, prs) -> str:
    """A run's typeface, a theme font reference resolved through the deck's theme."""
    return theme_of(prs)[1].get(name, name)


# ------------------------------------------------------------------ words in a PDF

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def pdf_words(pdf: Path) -> list:
    """Per page: (width, height, [(x0, y0, x1, y1, word)]) in points, origin top-left, as
    poppler's ``pdftotext -bbox`` sets them."""
    from html import unescape

    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for chunk in html.split("<page ")[1:]:
        width, height = map(float, _PAGE.match("<page " + chunk).groups())
        words = [
            (float(x0), float(y0), float(x1), float(y1), unescape(word))
            for x0, y0, x1, y1, word in _WORD.findall(chunk)
        ]
        pages.append((width, height, words))
    return pages


# ------------------------------------------------------------------ inherited run properties


def inherited(shape, slide):
    """What ``shape`` (a placeholder on ``slide``) gives its runs, read by deckgen's own
    resolver: its ``size(level)`` in hundredths of a point, its ``fonts`` by level."""
    from deckgen.render.pptx.inherit import Inheritance

    return Inheritance().of(shape._element, slide.slide_layout)


def run_size(run, shape, slide, level: int = 0):
    """A run's size (a python-pptx Length): its own, else the one its placeholder gives."""
    from pptx.util import Centipoints

    if run.font.size is not None:
        return run.font.size
    size = inherited(shape, slide).size(level)
    return None if size is None else Centipoints(int(size))


def run_font(run, shape, slide, prs, level: int = 0) -> str | None:
    """A run's font family: its own (theme references resolved), else its placeholder's."""
    if run.font.name is not None:
        return font_of(run.font.name, prs)
    return inherited(shape, slide).fonts[level]


def run_color(run, shape, slide, prs, level: int = 0) -> str | None:
    """A run's colour as RRGGBB: its own (a theme reference resolved through the deck's
    theme), else the one its placeholder gives."""
    if run.font.color.type is not None:
        return color_of(run.font.color, prs)
    return inherited(shape, slide).color(level)


def run_bold(run, shape, slide, level: int = 0) -> bool:
    """A run's weight: its own ``b``, else the one its placeholder gives."""
    if run.font.bold is not None:
        return run.font.bold
    return inherited(shape, slide).bold(level)
