"""The agenda's clock (issue 23 item 2), read back from what the CLI writes: the first
listed item at the session's start, starts as a trainer writes them, the end, a break
(``break: MINUTES``) counted by the agenda, the guide's plan and the talk time, and a
plan that fills under three quarters of its audience's slot said."""

from __future__ import annotations

import json
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from deckgen.layout import timing

from ..conftest import run_cli
from .support import talk_from

# a German phishing-awareness talk, its opening unlisted (no divider), a break after
# its first part, and a part only the long audience sees, with a break of its own
TALK = """\
meta:
  title: Phishing erkennen
  language: de
pace: {{words_per_minute: 100, seconds_per_slide: 30}}
audiences:
  kurz: {{description: Kurz, minutes: {short}}}
  lang: {{description: Lang, minutes: 60}}
sections:
  - title: Einstieg
    divider: false
    slides:
      - kind: title
      - kind: agenda
        times: true
        notes: "{words}"
  - title: Was ist Phishing?
    minutes: 10
    break: 15
    slides:
      - {{kind: bullets, title: Merkmale, bullets: [Absender, Links]}}
      - {{kind: bullets, title: Merkmale (2), bullets: [mehr]}}
  - title: Angriffe erkennen
    only: [lang]
    minutes: 12
    break: 5
    slides:
      - {{kind: bullets, title: Beispiele, bullets: [Rechnung, Paket]}}
      - {{kind: bullets, title: Beispiele (2), bullets: [mehr]}}
  - title: Richtig reagieren
    minutes: 8
    slides:
      - {{kind: bullets, title: Melden, bullets: [IT-Sicherheit anrufen]}}
      - {{kind: bullets, title: Melden (2), bullets: [mehr]}}
"""

WORDS = " ".join(["Wort"] * 200)  # the opening: 2 min of notes + 2 slides × 30 s


def _talk(short: int = 30) -> str:
    return TALK.format(short=short, words=WORDS)


@pytest.fixture
def outline(tmp_path):
    path = tmp_path / "talk" / "outline.yaml"
    path.parent.mkdir()
    path.write_text(_talk(), encoding="utf-8")
    return path


def _agenda_lines(deck_path) -> list[str]:
    """The agenda slide's timed lines, their white space made single spaces."""
    slide = Presentation(str(deck_path)).slides[1]
    body = [s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title]
    lines = [p.text for shape in body for p in shape.text_frame.paragraphs]
    return [re.sub(r"\s+", " ", line) for line in lines if re.match(r"\d{1,2}:\d\d\s", line)]


def _build(outline, out, *args) -> list:
    result = run_cli("build", str(outline), "-o", str(out), "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["builds"] if "--all-audiences" in args else []


def _built_agenda(outline, out, *args) -> list[str]:
    """The agenda's timed lines of the one deck ``outline`` builds into ``out``."""
    _build(outline, out, *args)
    (deck,) = out.glob("*.pptx")
    return _agenda_lines(deck)


def test_the_agendas_first_item_starts_the_session_and_the_end_and_breaks_are_listed(
    outline, tmp_path
):
    lines = _built_agenda(outline, tmp_path / "out", "--start", "14:00", "--audience", "lang")
    # the opening's estimated 3 minutes fold into the first part: 14:00, not 14:03;
    # the starts after an estimate are said on the clock's five minutes
    assert lines == [
        "14:00 Was ist Phishing?",
        "14:15 Pause (15 Min.)",
        "14:30 Angriffe erkennen",
        "14:40 Pause (5 Min.)",
        "14:45 Richtig reagieren",
        "14:55 Ende",
    ], lines


def test_the_outlines_planned_minutes_are_said_to_the_minute(tmp_path):
    path = tmp_path / "outline.yaml"
    planned = _talk().replace("    divider: false\n", "    divider: false\n    minutes: 3\n")
    path.write_text(planned, encoding="utf-8")
    lines = _built_agenda(path, tmp_path / "out", "--start", "14:00", "--audience", "lang")
    assert [line.split(" ")[0] for line in lines] == [
        "14:00",
        "14:13",
        "14:28",
        "14:40",
        "14:45",
        "14:53",
    ], lines


def test_an_audience_drops_a_break_with_its_section(outline, tmp_path):
    lines = _built_agenda(outline, tmp_path / "out", "--start", "14:00", "--audience", "kurz")
    assert lines == [
        "14:00 Was ist Phishing?",
        "14:15 Pause (15 Min.)",
        "14:30 Richtig reagieren",
        "14:40 Ende",  # 14:36: the end is said at the next five minutes, never before
    ], lines


def test_where_five_minutes_would_run_lines_together_the_minute_is_said():
    # no minutes anywhere: parts of a minute or two, 9:20 and 9:21 would both be 9:20
    text = re.sub(r"    minutes: \d+\n", "", _talk())
    text = text.replace("  language: de\n", '  language: de\n  start: "09:00"\n')
    plan = timing.plan_talk(talk_from(text, "lang"))
    stops = timing.agenda_stops(plan, [bool(i) for i in range(len(plan.sections))])
    clocks = [plan.clock(stop.offset) for stop in stops]
    assert clocks[0] == plan.start  # the first listed part starts the session
    assert clocks[1:] == [plan.clock(plan.sections[1].end), *clocks[2:]]  # to the minute
    assert clocks == sorted(clocks) and len(set(clocks)) == len(clocks), clocks
    assert any(clock.minute % 5 for clock in clocks)


def test_the_guides_plan_has_a_row_for_each_break(outline, tmp_path):
    out = tmp_path / "out"
    _build(outline, out, "--start", "14:00", "--audience", "lang", "--format", "guide")
    (pdf,) = out.glob("*-guide.pdf")
    cover = re.sub(r"\s+", " ", PdfReader(str(pdf)).pages[0].extract_text())
    assert re.search(r"14:03 Was ist Phishing\? 10 Min\. 14:13 Pause 15 Min\. 14:28", cover), cover
    assert "14:40 Pause 5 Min. 14:45 Richtig reagieren" in cover
    assert "14:53 Ende · Gesamt" in cover


def test_explain_and_audiences_count_the_breaks_in_the_talk_time(outline):
    result = run_cli("explain", str(outline), "--audience", "lang", "--start", "14:00")
    assert result.exit_code == 0, result.output
    assert "+ 20 min of breaks)" in result.stdout
    assert "  14:13  15 min  break" in result.stdout and "  14:40   5 min  break" in result.stdout
    assert "  14:53  end" in result.stdout
    result = run_cli("audiences", str(outline), "--json")
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    # kurz: 3 + 10 + 15 + 8; lang adds 12 + 5
    assert rows["kurz"]["planned_minutes"] == pytest.approx(36)
    assert rows["lang"]["planned_minutes"] == pytest.approx(53)
    assert rows["lang"]["estimated_minutes"] > 20  # the breaks are in the estimate


def test_a_plan_under_three_quarters_of_its_slot_is_said_per_audience(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(_talk(short=60), encoding="utf-8")
    builds = _build(path, tmp_path / "out", "--all-audiences", "--start", "14:00")
    said = {b["audience"]: [w["message"] for w in b["warnings"]] for b in builds}
    assert said["kurz"] == [
        "audience 'kurz': the plan takes 36 min (3 + 10 + 15 break + 8 by section), "
        "60 % of its 60-minute slot, under 75 % of it"
    ]
    assert said["lang"] == []  # 53 of 60
    result = run_cli("audiences", str(path))
    assert (
        re.search(r"kurz .* UNDER ", result.stdout) and "UNDER" not in result.stdout.split("\n")[1]
    )


def test_a_talk_without_breaks_under_its_slot_is_said_and_starts_at_the_start(tmp_path):
    path = tmp_path / "outline.yaml"
    text = _talk(short=60).replace("    break: 15\n", "").replace("    break: 5\n", "")
    path.write_text(text, encoding="utf-8")
    result = run_cli("explain", str(path), "--audience", "kurz", "--start", "14:00")
    assert "the plan takes 21 min (3 + 10 + 8 by section), 35 % of its 60-minute slot, " in (
        result.stderr
    )
    builds = _build(path, tmp_path / "out", "--all-audiences", "--start", "14:00")
    (deck,) = (tmp_path / "out").glob("*-kurz.pptx")
    assert _agenda_lines(deck)[0].startswith("14:00")
    (lang,) = [b["warnings"] for b in builds if b["audience"] == "lang"]
    assert [w["message"] for w in lang] == [
        "audience 'lang': the plan takes 33 min (3 + 10 + 12 + 8 by section), "
        "55 % of its 60-minute slot, under 75 % of it"
    ]


def test_an_opening_the_outline_lists_is_the_agendas_first_item(tmp_path):
    path = tmp_path / "outline.yaml"
    listed = _talk().replace("    divider: false\n", "    divider: false\n    agenda: true\n")
    path.write_text(listed, encoding="utf-8")
    lines = _built_agenda(path, tmp_path / "out", "--start", "14:00", "--audience", "lang")
    # the opening's estimated 3 minutes: the first part at 14:03, said as 14:05
    assert lines[:2] == ["14:00 Einstieg", "14:05 Was ist Phishing?"], lines
