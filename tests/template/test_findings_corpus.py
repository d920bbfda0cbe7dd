"""``deckgen template check`` and ``deckgen check`` on LibreOffice's Focus and Vivid
templates (converted to .pptx): what they see of the template's artwork, by layout and
by slide, named by slide, shape and paragraph, and in agreement with the build's own
contrast warnings."""

from __future__ import annotations

import json
import re

import pytest

from ..conftest import SHIPPED, lo_templates, run_cli

pytestmark = pytest.mark.libreoffice
NAMED = re.compile(r"^slide (\d+) '.*': '(.+?)' paragraph (\d+): .* artwork under it \(")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    out = tmp_path_factory.mktemp("seen")
    lo_templates(("Focus", "Vivid"), out, tmp_path_factory.mktemp("seen-profile"))
    return out


def _template_check(template) -> dict:
    result = run_cli("template", "check", str(template), str(SHIPPED), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lines_on_artwork(diagnostics) -> set[tuple[int, str, int]]:
    """(slide, box, paragraph) of each line the build says reads poorly on artwork."""
    found = set()
    for diagnostic in diagnostics:
        named = NAMED.match(diagnostic["message"])
        if named:
            found.add((int(named[1]), named[2], int(named[3])))
    return found


def _low(findings) -> set[tuple[int, str, int]]:
    """(slide, box, paragraph) of each slide's line found below AA on artwork."""
    return {
        (f["slide"], f["shape"], f["paragraph"])
        for f in findings
        if f["kind"] == "low-contrast" and f["figures"]["on"] == "artwork" and f["slide"]
    }


def test_focus_template_check_names_the_lines_on_the_triangles_and_the_artwork_by_layout(
    converted,
):
    report = _template_check(converted / "Focus.template")
    found = report["template_findings"]
    # the build made every line read (its colour, or a panel behind it): no line is low,
    # as the build says, and the subtitle across the red triangle is noted on artwork
    assert _low(found) == _lines_on_artwork(report["contrast"]) == set()
    notes = {(f["slide"], f["shape"]): f for f in found if f["kind"] == "artwork-under-text"}
    assert notes[(1, "Subtitle")]["layout"] == "Title Slide"
    # the title slide's title: made to read on the red triangle, still on artwork
    notes = {(f["slide"], f["shape"]): f for f in found if f["kind"] == "artwork-under-text"}
    title = notes[(1, "Title")]
    assert title["figures"]["share"] > 0.5
    assert title["figures"]["artwork"]  # named, not only seen in the pixels
    assert all(name.startswith("freeform #") and name.endswith(" on the master")
               for name in title["figures"]["artwork"])  # fmt: skip
    assert not [f for f in found if f["kind"] == "low-contrast" and f["slide"] == 1
                and f["shape"] == "Title"]  # fmt: skip
    # per layout: each placeholder of each layout used, before the slides
    layouts = [f for f in found if f["slide"] is None]
    assert layouts and found[: len(layouts)] == layouts
    assert {f["layout"] for f in layouts} >= {"Title Slide", "Title, Content"}
    (title,) = [f for f in layouts if f["kind"] == "low-contrast" and f["layout"] == "Title Slide"
                and f["figures"]["ground"] == "F10D0C" and f["figures"]["need"] == 3]  # fmt: skip
    assert 2.5 < title["figures"]["ratio"] < 3  # the template's own title on its red triangle
    assert title["line"] is None and title["paragraph"] is None
    text = run_cli("template", "check", str(converted / "Focus.template"), str(SHIPPED)).output
    assert "  layout 'Title Slide': " in text
    assert "note: artwork-under-text: slide 1 'Subtitle'" in text


def test_vivid_footer_and_number_on_the_band_read_and_are_still_noted(converted):
    found = _template_check(converted / "Vivid.template")["template_findings"]
    assert _low(found) == set()
    dividers = {f["slide"] for f in found if f["layout"] == "Title Slide" and f["slide"]}
    for shape in ("Footer", "Slide number"):
        noted = [f for f in found if f["kind"] == "artwork-under-text" and f["shape"] == shape]
        on_band = {f["slide"] for f in noted if f["figures"]["share"] == 1.0}
        assert on_band and on_band <= dividers, shape
        assert all(f["figures"]["artwork"] == ["shape filled with a pattern #0 on the master"]
                   for f in noted)  # fmt: skip


def test_check_on_focus_gives_the_same_lines_per_slide(converted):
    args = ("check", str(SHIPPED), "--template", str(converted / "Focus.template"), "--json")
    result = run_cli(*args)
    report = json.loads(result.stdout)
    found = report["template_findings"]
    assert all(f["slide"] is not None for f in found)  # per slide only
    # every line made to read by the build: none below AA, as the accessibility check says
    assert _low(found) == _lines_on_artwork(report["findings"]) == set()
    assert {f["kind"] for f in found} >= {"artwork-under-text", "style-overridden"}
    for finding in found:
        assert finding["layout"] and finding["shape"] and finding["file"]
