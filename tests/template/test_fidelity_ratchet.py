"""Issue 20's measures (benchmarks/templates.py) on three of LibreOffice's templates and on
deckgen's default, held to be NO WORSE than they were when the measures were written
(docs/templates.md, "before"). A ratchet, not the goal: issue 20's targets are stricter
(>= 90 % of the text in placeholders, <= 25 % of placeholder runs with their own size, no
run naming the theme's font, <= 10 % with a fixed RGB colour, titles on their box with the
template's alignment and weight, no word below 3:1, every slide within 15 grey levels).
When a change betters a figure, lower its number here so it stays won."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.templates import DEFAULT, LIBREOFFICE, run

pytestmark = pytest.mark.libreoffice

# the shipped talk, measured at f692aa1, the grey difference after the artwork (d37abb2)
# and the sizes and fonts after runs inherit them: the least text in placeholders, then
# the most of each of: placeholder runs with their own size, runs naming the theme's font,
# runs naming any font, placeholder runs with RGB, titles off their box / realigned /
# reweighted, words below 3:1 in LibreOffice's render, and the worst slide's grey-level
# difference. Focus's 50th word: "vs." in its title on the red triangle, at 2.9:1 like
# the title's other words, now set regular as the template says (deliverable 3's to fix)
# RGB shares and words below 3:1 lowered where colours are decided on the drawn artwork;
# then every kind's text went into placeholders (the second column into a two-content
# layout's): nearly all text in placeholders, and on a template more placeholder runs
# with a size of their own (the listing's, the analogy's and the takeaways' sizes, not
# the template's body size), which is why that share rose there
BEFORE = {
    # then each laid-out line made to read (Focus: its subtitles and numbers, 37 -> 0);
    # runs leave out the colour they inherit, footers and subtitles take the template's
    # size, shades of theme slots are written as the slot with modifiers. What is left:
    # Blue_Curve's readable shades of its literal blues, the shipped outline's own concept
    # colours, deckgen's listing, analogy, takeaway and sub-point sizes, shrunk boxes
    DEFAULT: (0.985, 0.035, 0, 0, 0.0, 0, 0, 0, 0, 9.4),
    # then a box set in another size than its layout's says it once, in its own list
    # style (runs with a size of their own: 53 % -> 3 % on the templates); Blue_Curve's
    # unreadable literal text colour mended in its text styles (RGB 47 % -> 8 %); the
    # grey difference measured as the mean of a 4x finer render (no moire from sampling)
    "Blue_Curve": (0.985, 0.04, 0, 0, 0.09, 0, 0, 0, 0, 10.1),
    "Focus": (0.985, 0.04, 0, 12, 0.03, 0, 0, 0, 0, 6.4),
    "Vivid": (0.985, 0.04, 0, 12, 0.03, 0, 0, 0, 0, 10.7),
}
GREY_SLACK = 0.5  # grey levels: LibreOffice's anti-aliasing is not a regression


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    if not (LIBREOFFICE / "Focus.otp").exists():
        pytest.skip(f"no LibreOffice templates in {LIBREOFFICE}")
    work: Path = tmp_path_factory.mktemp("fidelity")
    return {row.name: row for row in run(list(BEFORE), work)}


def test_every_template_was_measured(rows):
    assert set(rows) == set(BEFORE)
    for row in rows.values():
        assert row.slides > 20 and row.words > 1000 and row.fidelity.titles > 20


@pytest.mark.parametrize("name", list(BEFORE))
def test_no_worse_than_before(rows, name):
    row = rows[name]
    fid = row.fidelity
    placeholders, sized, theme_font, any_font, rgb, off_box, realigned, reweighted = BEFORE[name][
        :8
    ]
    below, grey = BEFORE[name][8:]
    assert fid.share_in_placeholders >= placeholders - 0.001, fid.findings
    assert fid.share_with_size <= sized + 0.001
    assert fid.runs_naming_theme_font <= theme_font
    assert fid.runs_naming_a_font <= any_font
    assert fid.share_with_rgb <= rgb + 0.001
    assert fid.titles_off_box <= off_box, fid.findings
    assert fid.titles_realigned <= realigned, fid.findings
    assert fid.titles_reweighted <= reweighted, fid.findings
    assert len(row.words_below) <= below, row.words_below
    assert max(row.grey) <= grey + GREY_SLACK, row.grey
