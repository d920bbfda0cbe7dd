"""The web handout in the checkers nobody here wrote: the Nu HTML Checker (vnu-jar) finds
no error, and axe-core in headless Chromium (WCAG 2.1 A and AA, best practices) finds no
violation at a phone's and a desktop's width, in light and dark colour schemes; what
axe cannot decide (contrast over SVG) deckgen's own contrast measure decides on the same
text. The page loads nothing from elsewhere, its policy refuses nothing of its own, its
fonts load, it never scrolls sideways on a phone, and it prints like the handout.

The checkers come from the npm registry (``tests/web/package.json``; ``.ci/run``
installs them); ``DECKGEN_WEB_TOOLS`` names the folder with their ``node_modules``
(default: ``tests/web``)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from deckgen.build import BuildOptions, load, prepare
from deckgen.layout.contrast import low_contrast

from .conftest import SHIPPED, in_ci
from .test_html import WEB, build_html

HERE = Path(__file__).resolve().parent / "web"
pytestmark = pytest.mark.tools("node", "java", "chromium", "pdftotext")
VIEWS = ("390x844:light", "1280x900:light", "1280x900:dark")


def web_tools() -> Path:
    folder = Path(os.environ.get("DECKGEN_WEB_TOOLS", HERE))
    if not (folder / "node_modules" / "axe-core").is_dir():
        message = (
            f"the web checkers are not installed in {folder}: "
            "run 'npm ci --ignore-scripts --prefix tests/web' (.ci/run does)"
        )
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return folder


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from .template.test_scenery import banded_template

    out = tmp_path_factory.mktemp("pages")
    template = banded_template(out)
    return {
        "shipped": build_html(SHIPPED, out / "shipped"),
        "web": build_html(WEB, out / "web", "--answers"),
        "template": build_html(SHIPPED, out / "template", "--template", str(template)),
    }


def test_the_nu_html_checker_finds_no_error(pages):
    jar = web_tools() / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    done = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always",
         *map(str, pages.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(done.stderr or done.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "warning"]
    assert errors == [], errors[:5]


@pytest.mark.parametrize("name", ["shipped", "web", "template"])
def test_axe_finds_no_violation_and_the_page_stands_alone(pages, name):
    tools = web_tools()
    page = pages[name]
    done = subprocess.run(
        ["node", str(HERE / "check_page.mjs"), str(page), *VIEWS],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "DECKGEN_WEB_TOOLS": str(tools)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    views = json.loads(done.stdout)
    outline = SHIPPED if name != "web" else WEB
    frames = _frames(outline, page, name)
    for view, found in views.items():
        assert found["violations"] == [], (view, found["violations"])
        assert found["requests"] == [] and found["refused"] == [], view
        assert found["overflow"] <= 0, f"{view}: the page scrolls sideways"
        assert any(f.startswith("deck-body:normal:normal:loaded") for f in found["fonts"])
        for result in found["incomplete"]:
            assert result["id"] == "color-contrast", (view, result)
            for node in result["nodes"]:
                # axe cannot see what lies behind SVG text: deckgen's measure decides
                assert node["inSvg"] and node["slide"], (view, node)
                frame = frames[int(node["slide"].split("-")[1])]
                assert low_contrast(frame.items, frame.background) == [], (view, node)


def _frames(outline: Path, page: Path, name: str) -> dict:
    template = None
    if name == "template":
        template = next(page.parent.parent.glob("*.template"))
    options = BuildOptions(outline=str(outline), out_dir=".", template=template)
    return {f.number: f for f in prepare(load(options), None, {}, options).deck.slides}


def test_it_prints_like_the_handout(pages, tmp_path):
    printed = tmp_path / "printed.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={printed}", pages["shipped"].as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Skip to the content" not in text  # the screen's aids are not printed
    assert "AI Security vs. AI Safety" in text and "Welcome, everyone." in text
    assert "Security and safety, side by side" in text
    pages_printed = text.count("\f")
    assert 8 <= pages_printed <= 40  # the slides beside their notes, not a page each line
