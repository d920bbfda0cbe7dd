"""Sparse flowing slides use the room (issue 23 item 4): bullets, quiz, agenda, glossary
and references that leave much of the body empty take the scale's larger step where it
still fits comfortably, and more space between their items up to the design's bounds;
a short glossary or reference list reads across one full-width column. Full, shrunk and
continued slides lay out as before; the body box's top never moves."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckgen.layout.design import default_design
from deckgen.layout.frames import SlideLayout
from deckgen.layout.geometry import EMU_PER_PT
from deckgen.layout.text import height

from .support import FAKE, deck_from, named, names, outline_text, talk_from


def _talk(slides: str, head: str = "") -> str:
    return outline_text(slides, head)


def _bullets(points: list[str]) -> str:
    items = "\n".join(f"    - {p!r}" for p in points)
    return _talk(f"- kind: bullets\n  title: Points\n  bullets:\n{items}\n")


def _today(text: str):
    """``text`` laid out as before item 4: no larger step, no growing space."""
    design = default_design(talk_from(text))
    scale, spacing = design.scale, design.spacing
    return deck_from(
        text,
        design=replace(
            design,
            scale=replace(scale, lead=scale.body, listing_lead=scale.listing),
            spacing=replace(spacing, fill_target=0.0),
        ),
    )


def _spans(body) -> float:
    """The share of its box's height a text box's paragraphs span."""
    return height(body.paragraphs) / body.rect.h


def test_three_short_bullets_take_the_larger_step_and_more_room_from_the_top():
    text = _bullets(["One", "Two", "Three"])
    deck, before = deck_from(text), _today(text)
    design = deck.design
    body, old = named(deck.slides[0], "Body"), named(before.slides[0], "Body")
    assert body.rect == old.rect == design.grid.body_box  # the top never moves
    assert {p.size for p in old.paragraphs} == {design.scale.body}
    assert {p.size for p in body.paragraphs} == {design.scale.lead}
    assert design.scale.lead > design.scale.body
    first, *rest = body.paragraphs
    assert first.space_before == 0  # the first point opens the box, as before
    gaps = {p.space_before for p in rest}
    assert len(gaps) == 1  # evenly spaced
    (gap,) = gaps
    assert design.spacing.bullet_before * design.scale.lead < gap
    assert gap <= design.spacing.most_between * design.scale.lead
    assert _spans(body) > _spans(old) * 1.4
    assert _spans(body) <= design.spacing.fill_target
    assert deck.diagnostics == ()


def test_growing_space_stops_at_the_design_records_bound():
    text = _bullets(["One", "Two"])
    deck = deck_from(text)
    spacing, scale = deck.design.spacing, deck.design.scale
    second = named(deck.slides[0], "Body").paragraphs[1]
    # two points could never reach the target fill: the space is the most the record allows
    assert second.space_before == pytest.approx(spacing.most_between * scale.lead, abs=0.5)


def test_without_room_for_the_larger_step_only_the_space_grows():
    # five one-line points: at the larger step, spaced as today, they would span more
    # of the body than lead_within allows
    text = _bullets([f"Point number {i}" for i in range(1, 6)])
    deck, before = deck_from(text), _today(text)
    design = deck.design
    body, old = named(deck.slides[0], "Body"), named(before.slides[0], "Body")
    at_lead = 5 * design.scale.lead * design.spacing.body_pitch
    at_lead += 4 * design.spacing.bullet_before * design.scale.lead
    assert at_lead * EMU_PER_PT > design.spacing.lead_within * body.rect.h
    assert {p.size for p in body.paragraphs} == {design.scale.body}
    assert [p.lines for p in body.paragraphs] == [p.lines for p in old.paragraphs]
    assert body.paragraphs[1].space_before > old.paragraphs[1].space_before
    assert _spans(body) == pytest.approx(design.spacing.fill_target, abs=0.01)


def test_a_full_slide_lays_out_exactly_as_before():
    points = [f"A long point that fills its lines with words, number {i}, " * 2 for i in range(6)]
    text = _bullets(points)
    assert deck_from(text).slides == _today(text).slides


def test_a_shrunk_slide_lays_out_exactly_as_before():
    points = ["A point long enough to need smaller type on the slide " * 4 for _ in range(5)]
    text = _bullets(points)
    deck = deck_from(text)
    sizes = {p.size for p in named(deck.slides[0], "Body").paragraphs}
    assert max(sizes) < deck.design.scale.body  # it shrank
    assert deck.slides == _today(text).slides


def test_continued_bullets_keep_todays_layout_on_every_slide():
    text = _bullets([f"Point {i}" for i in range(9)])  # two groups: 5 and 4 short points
    deck = deck_from(text)
    assert len(deck.slides) == 2
    assert deck.slides == _today(text).slides


QUIZ = """\
- kind: quiz
  title: Check
  question: Which of these is a guard?
  options: [An input filter, A quarterly report, A dashboard]
  answer: 1
  reveal: true
"""


def test_a_quiz_puts_its_question_first_and_spreads_its_options_evenly():
    deck = deck_from(_talk(QUIZ))
    design = deck.design
    for slide in deck.slides:  # the question slide and its reveal, alike
        body = named(slide, "Body")
        assert body.rect.y == design.grid.body_top
        question, *options = body.paragraphs
        assert question.text == "Which of these is a guard?" and question.space_before == 0
        assert {p.size for p in body.paragraphs} == {design.scale.lead}
        assert len({p.space_before for p in options}) == 1
        assert options[0].space_before > design.spacing.bullet_before * design.scale.lead
    first, reveal = (named(s, "Body").paragraphs for s in deck.slides)
    assert [p.space_before for p in first] == [p.space_before for p in reveal]


def _three_parts(meta: str, agenda: str) -> str:
    """A talk of three sections, the first opening with ``agenda``."""
    return f"meta: {meta}\nsections:\n" + "".join(
        f"  - title: Part {n}\n    slides:\n"
        + (f"      - {agenda}\n" if n == 1 else "")
        + f"      - {{kind: bullets, title: B{n}, bullets: [x]}}\n"
        for n in (1, 2, 3)
    )


def test_an_agenda_of_three_sections_spreads_like_any_list():
    text = _three_parts("{title: Talk}", "{kind: agenda}")
    deck = deck_from(text)
    agenda = next(s for s in deck.slides if s.title == "Agenda")
    body = named(agenda, "Body")
    before = named(next(s for s in _today(text).slides if s.title == "Agenda"), "Body")
    assert len(body.paragraphs) == 3
    assert [p.text for p in body.paragraphs] == [p.text for p in before.paragraphs]
    assert body.rect == before.rect == deck.design.grid.body_box
    assert _spans(body) > _spans(before)
    assert len({p.space_before for p in body.paragraphs[1:]}) == 1


def _listing(kind: str, head: str) -> str:
    return outline_text(f"- kind: {kind}\n", head)


GLOSSARY = """\
glossary:
  - {term: Guard, definition: A control that stops an attack before it lands.}
  - {term: Gauge, definition: A measure that tells whether a control works.}
"""

REFERENCE = """\
references:
  - id: owasp
    title: OWASP Top 10 for LLM Applications
    publisher: OWASP Foundation
    year: 2025
    url: https://owasp.org/www-project-top-10-for-large-language-model-applications/
"""


def _first_entry(text: str):
    return named(deck_from(text).slides[0], "Body").paragraphs[0]


@pytest.mark.parametrize("kind, head", [("glossary", GLOSSARY), ("references", REFERENCE)])
def test_a_short_listing_reads_across_one_full_width_column(kind, head):
    deck = deck_from(_listing(kind, head))
    (slide,) = deck.slides
    design = deck.design
    assert "Body 2" not in names(slide)
    assert slide.layout is SlideLayout.CONTENT
    body = named(slide, "Body")
    assert body.rect == design.grid.body_box
    assert {p.size for p in body.paragraphs} == {design.scale.listing_lead}


def test_a_reference_address_is_no_longer_broken_over_many_lines():
    many = REFERENCE + "".join(
        f"  - {{id: r{i}, title: Reference {i} with a title of some length, publisher: P,"
        f" year: 2024, url: 'https://example.org/a/long/path/{i}'}}\n"
        for i in range(14)
    )
    text = _listing("references", many) + "".join(
        f"      - {{kind: bullets, title: 'B{i}', bullets: ['[@r{i}]']}}\n" for i in range(14)
    )
    crowded = _first_entry(text)  # in a half-width column, among many
    alone = _first_entry(_listing("references", REFERENCE))
    assert crowded.text == alone.text
    assert len(crowded.lines) > len(alone.lines)
    assert len(alone.lines) <= 3


def test_a_long_glossary_keeps_two_columns():
    terms = "".join(
        f"  - {{term: Term {i:02d}, definition: A definition that takes a line or two.}}\n"
        for i in range(14)
    )
    text = _listing("glossary", "glossary:\n" + terms)
    deck = deck_from(text)
    assert "Body 2" in names(deck.slides[0])
    assert deck.slides == _today(text).slides


def test_the_spacing_is_written_in_half_points_and_the_sizes_are_the_scales():
    deck = deck_from(_bullets(["One", "Two", "Three", "Four"]))
    body = named(deck.slides[0], "Body")
    for para in body.paragraphs:
        assert para.space_before * 2 == int(para.space_before * 2)
    assert height(body.paragraphs) <= deck.design.spacing.fill_target * body.rect.h + EMU_PER_PT


def test_sub_points_keep_their_step_when_the_points_take_the_larger_one():
    text = _talk("- kind: bullets\n  title: T\n  bullets:\n    - {text: Main, sub: [Detail]}\n")
    deck = deck_from(text)
    scale = deck.design.scale
    point, sub = named(deck.slides[0], "Body").paragraphs
    assert (point.size, sub.size) == (scale.lead, scale.sub_body)  # both steps of the scale
    assert sub.margin_left > point.margin_left


def test_an_agenda_with_clock_times_at_the_larger_step_hangs_past_its_widest_time():
    deck = deck_from(_three_parts("{title: Talk, start: '09:30'}", "{kind: agenda, times: true}"))
    body = named(next(s for s in deck.slides if s.title == "Agenda"), "Body")
    assert {p.size for p in body.paragraphs} == {deck.design.scale.lead}
    for para in body.paragraphs:
        mark = para.runs[0]
        wide = FAKE.width(mark.text, para.size, bold=True) * EMU_PER_PT
        assert ":" in mark.text and wide <= para.hanging  # the titles line up after it
