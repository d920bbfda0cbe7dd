"""The session plan: planned minutes, shares of a section's minutes, clock times, and
what is said when a plan does not add up or runs over the slot."""

from __future__ import annotations

import datetime as dt

import pytest

from deckgen.layout.timing import minutes_text, plan_talk, rounded

from ..conftest import run_cli
from .support import deck_from, talk_from

PLAN = """\
meta:
  title: Plan
  start: "09:30"
pace: {{words_per_minute: 100, seconds_per_slide: 30}}
audiences:
  short: {{description: Short, minutes: {slot}}}
sections:
  - title: Opening
    divider: false
    slides:
      - kind: title
      - kind: agenda
        times: true
  - title: Part one
    minutes: 12
    slides:
      - kind: bullets
        title: A
        bullets: [x]
        notes: "{words}"
      - kind: bullets
        title: B
        minutes: 4
        cue: ask the room
        bullets: [y]
  - title: Part two
    slides:
      - kind: bullets
        title: C
        minutes: 5
        bullets: [z]
      - kind: bullets
        title: D
        bullets: [w]
        notes: "{words}"
"""

WORDS = " ".join(["word"] * 100)  # a minute at 100 words a minute


def plan_of(slot: int = 60, **change):
    return plan_talk(talk_from(PLAN.format(slot=slot, words=WORDS, **change)))


def test_a_slide_without_minutes_takes_its_estimate_or_its_sections_share():
    plan = plan_of()
    opening, one, two = plan.sections
    # no minutes: the estimate, half a minute a slide here
    assert [t.minutes for t in opening.slides] == [0.5, 0.5] and not opening.planned
    # the section's 12 minutes: B keeps its 4; the divider and A share the 8 left, in
    # proportion to their estimates (0.5 and 1 + 0.5)
    divider, a, b = one.slides
    assert (divider.slide, b.minutes) == (None, 4)
    assert divider.minutes == pytest.approx(2) and a.minutes == pytest.approx(6)
    assert one.minutes == 12 and one.planned and a.planned
    # no section minutes: C its own 5, D its estimate (a minute of notes + half a minute)
    assert [t.minutes for t in two.slides] == [0.5, 5, 1.5] and not two.planned
    assert plan.minutes == pytest.approx(1 + 12 + 7)


def test_clock_times_run_from_the_start():
    plan = plan_of()
    opening, one, two = plan.sections
    assert plan.start == dt.time(9, 30)
    assert plan.clock(one.start) == dt.time(9, 31)
    assert plan.clock(two.start) == dt.time(9, 43)
    assert plan.clock(plan.minutes) == dt.time(9, 50)
    assert [plan.clock(t.start) for t in one.slides] == [
        dt.time(9, 31),
        dt.time(9, 33),
        dt.time(9, 39),
    ]
    assert plan.slide(1, 1).minutes == 4 and plan.slide(1, None).slide is None


def test_no_start_no_clock_and_no_minutes_no_plan():
    talk = talk_from(PLAN.format(slot=60, words=WORDS).replace('  start: "09:30"\n', ""))
    plan = plan_talk(talk)
    assert plan.start is None and plan.clock(5) is None and plan.planned
    bare = plan_talk(talk_from("meta: {title: T}\nsections:\n  - title: S\n    slides:\n"
                               "      - {kind: bullets, title: B, bullets: [x]}\n"))  # fmt: skip
    assert not bare.planned


def test_a_section_planned_shorter_than_its_slides_is_a_warning_with_the_numbers():
    text = PLAN.format(slot=60, words=WORDS).replace("    minutes: 12\n", "    minutes: 3\n")
    plan = plan_talk(talk_from(text))
    (problem,) = plan.problems
    assert "section 'Part one' plans 3 min, but its slides' own minutes add up to 4" in (
        problem.message
    )
    assert problem.pos.line == 14
    assert plan.sections[1].minutes == pytest.approx(4)  # the slides' time, not less


def test_minutes_are_said_to_a_tenth_below_ten():
    assert (rounded(0.54), rounded(9.96), rounded(12.4)) == (0.5, 10.0, 12)
    assert (minutes_text(2.0), minutes_text(0.25), minutes_text(31.6)) == ("2", "0.2", "32")


def test_the_agenda_shows_each_sections_start_time():
    deck = deck_from(PLAN.format(slot=60, words=WORDS))
    agenda = deck.slides[1]
    lines = [p.text for item in agenda.items for p in getattr(item, "paragraphs", ())]
    # the unlisted opening folds into Part one, which starts the session; Part two's
    # start (9:43, after an estimated minute) is said on the clock's five minutes
    assert any(line.startswith("9:30\u202fAM") and "Part one" in line for line in lines)
    assert any(line.startswith("9:45\u202fAM") and "Part two" in line for line in lines)
    assert any(line.startswith("9:50\u202fAM") and line.endswith("End") for line in lines)


def test_the_agenda_without_a_start_is_numbered_and_says_why():
    text = PLAN.format(slot=60, words=WORDS).replace('  start: "09:30"\n', "")
    deck = deck_from(text)
    lines = [p.text for item in deck.slides[1].items for p in getattr(item, "paragraphs", ())]
    assert any(line.startswith("01") for line in lines)
    assert any("the agenda shows start times, but the session has no start" in d.message
               for d in deck.diagnostics)  # fmt: skip


def test_explain_and_audiences_compare_the_plan_with_the_estimate_and_the_slot(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(PLAN.format(slot=15, words=WORDS), encoding="utf-8")
    result = run_cli("explain", str(path), "--audience", "short", "--start", "14:00")
    assert result.exit_code == 0
    assert "plan from 14:00: 20 min" in result.stdout
    assert "  14:01  12 min  Part one (planned)" in result.stdout
    assert "  14:20  end" in result.stdout
    assert "the plan takes 20 min (1 + 12 + 7 by section), over its 15-minute slot" in (
        result.stderr
    )
    result = run_cli("audiences", str(path), "--json")
    (row,) = __import__("json").loads(result.stdout)
    assert row["planned_minutes"] == pytest.approx(20) and row["minutes"] == 15
    result = run_cli("explain", str(path), "--start", "25:00")
    assert result.exit_code == 2 and "'25:00' is not a time of day" in result.stderr


def test_an_audience_may_start_at_its_own_time_and_start_on_the_command_line_wins(tmp_path):
    text = PLAN.format(slot=60, words=WORDS).replace(
        "short: {description: Short, minutes: 60}",
        'short: {description: Short, minutes: 60, start: "14:00"}',
    )
    assert plan_talk(talk_from(text, "short")).start == dt.time(14, 0)
    assert plan_talk(talk_from(text)).start == dt.time(9, 30)
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("explain", str(path), "--audience", "short", "--start", "08:15")
    assert "plan from 08:15" in result.stdout
