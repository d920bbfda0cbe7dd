"""The fitting toolkit (deckgen/layout/fit.py): sizes down to the floor, then continuing,
then a positioned error; and the three ways content continues."""

from __future__ import annotations

import contextlib

import pytest

from deckgen.errors import Severity, SourcePos
from deckgen.labels import labels_for
from deckgen.layout.context import Report
from deckgen.layout.fit import (
    FitRule,
    FlowBlock,
    GaveWay,
    NoRoom,
    SlideFailed,
    continued_notes,
    continued_title,
    fit,
    group_rows,
    paginate,
    split_lines,
)
from deckgen.layout.frames import Paragraph, Run
from deckgen.layout.geometry import pt
from deckgen.layout.text import ParaStyle, Typesetter, height

from .support import FAKE, deadline, line_texts

POS = SourcePos("outline.yaml", 12, 7)


def report(number: int = 3) -> Report:
    return Report("Slide", POS, number, [], [])


def para(n: int, pitch: float = 10.0, before: float = 0.0, bullet: str | None = None, tag="w"):
    """A paragraph of ``n`` one-word lines ``pitch`` points apart."""
    words = [f"{tag}{i}" for i in range(n)]
    return Paragraph(
        runs=(Run(" ".join(words)),),
        size=pitch / 1.2,
        color="000000",
        lines=tuple((Run(w),) for w in words),
        line_pitch=pitch,
        space_before=before,
        bullet=bullet,
    )


def all_lines(paras) -> list[str]:
    return [t for p in paras for t in line_texts(p)]


# ------------------------------------------------------------------ FitRule.sizes


def test_sizes_run_from_the_preferred_size_down_to_the_floor_by_the_step():
    assert FitRule(26, 18, 2).sizes() == [26, 24, 22, 20, 18]


def test_the_floor_is_tried_last_and_once_even_off_the_step():
    assert FitRule(27, 18, 2).sizes() == [27, 25, 23, 21, 19, 18]
    assert FitRule(18, 18, 2).sizes() == [18]


@pytest.mark.parametrize(
    "preferred, floor, step", [(26, 18, 2), (44, 28, 2), (20, 18, 0.5), (28, 20, 3), (10, 9, 4)]
)
def test_sizes_decrease_by_at_most_the_step_and_end_on_the_floor(preferred, floor, step):
    sizes = FitRule(preferred, floor, step).sizes()
    assert sizes[0] == preferred and sizes[-1] == floor
    assert sizes.count(floor) == 1
    assert all(a > b for a, b in zip(sizes, sizes[1:], strict=False))
    assert all(a - b <= step for a, b in zip(sizes, sizes[1:], strict=False))


def test_a_decimal_step_still_tries_the_floor_once():
    sizes = FitRule(26, 18, 0.4).sizes()
    assert sum(1 for s in sizes if abs(s - 18) < 1e-6) == 1


# --------------------------------------------------------------------------- fit


def test_fit_takes_the_preferred_size_when_it_fits_and_says_nothing():
    rep, tried = report(), []

    def attempt(size):
        tried.append(size)
        return f"at {size}"

    fitted = fit(rep, FitRule(26, 18, 2), attempt)
    assert (fitted.size, fitted.pages, tried) == (26, ["at 26"], [26])
    assert rep.diagnostics == [] and rep.errors == []


def test_fit_takes_the_first_size_that_fits_and_warns_of_the_shrink():
    rep, tried = report(), []

    def attempt(size):
        tried.append(size)
        return "ok" if size <= 22 else None

    rule = FitRule(26, 18, 2, what="quote", shrink_hint="shorter")
    fitted = fit(rep, rule, attempt)
    assert fitted.size == 22 and fitted.pages == ["ok"] and tried == [26, 24, 22]
    (warning,) = rep.diagnostics
    assert warning.severity is Severity.WARNING
    assert warning.message == "slide 3 'Slide': quote set at 22 pt instead of 26 pt to fit"
    assert warning.pos == POS and warning.hint == "shorter"
    assert rep.errors == []


def test_fit_shrinks_silently_when_the_rule_says_so():
    rep = report()
    fitted = fit(rep, FitRule(44, 28, 2, warn_shrink=False), lambda s: s if s < 40 else None)
    assert fitted.size == 38
    assert rep.diagnostics == [] and rep.errors == []


def test_fit_continues_at_the_floor_when_nothing_fits_on_one_slide():
    rep, floors = report(), []

    def paginate(floor):
        floors.append(floor)
        return ["a", "b", "c"]

    rule = FitRule(
        20,
        18,
        2,
        continue_message="the table does not fit",
        continue_note=" with the header repeated",
        continue_hint="shorten the cells",
    )
    fitted = fit(rep, rule, lambda size: None, paginate)
    assert (fitted.size, fitted.pages, floors) == (18, ["a", "b", "c"], [18])
    (warning,) = rep.diagnostics
    assert warning.message == (
        "slide 3 'Slide': the table does not fit; continued on 2 '(cont.)' slide(s)"
        " with the header repeated"
    )
    assert warning.hint == "shorten the cells" and warning.pos == POS
    assert rep.errors == []


def test_fit_continues_silently_when_the_rule_says_so():
    rep = report()
    fitted = fit(rep, FitRule(20, 18, 2, warn_continue=False), lambda s: None, lambda f: [1, 2])
    assert fitted.pages == [1, 2]
    assert rep.diagnostics == [] and rep.errors == []


def test_a_report_about_a_later_page_names_that_slide():
    rep = report(4)
    fit(rep.at(2), FitRule(26, 18, 2), lambda s: s if s == 18 else None)
    (warning,) = rep.diagnostics  # the page's report appends to the same lists
    assert warning.message.startswith("slide 6 'Slide':")


def test_fit_fails_through_the_report_when_nothing_fits_and_nothing_continues():
    rep, tried = report(), []

    def attempt(size):
        tried.append(size)

    rule = FitRule(26, 18, 2, failure="the title does not fit", failure_hint="shorten it")
    with pytest.raises(SlideFailed):
        fit(rep, rule, attempt)
    assert tried == [26, 24, 22, 20, 18]
    (err,) = rep.errors
    assert err.severity is Severity.ERROR
    assert (err.message, err.pos, err.hint) == ("the title does not fit", POS, "shorten it")
    assert rep.diagnostics == []


def test_fit_fails_when_continuing_finds_no_room():
    def paginate(floor):
        raise NoRoom("a row taller than the slide")

    rep = report()
    with pytest.raises(SlideFailed):
        fit(rep, FitRule(20, 18, 2, failure="a row does not fit"), lambda s: None, paginate)
    assert [e.message for e in rep.errors] == ["a row does not fit"]
    assert rep.diagnostics == []  # no "continued on" warning for pages never made


def test_fit_fails_when_continuing_makes_no_page():
    rep = report()
    with pytest.raises(SlideFailed):
        fit(rep, FitRule(20, 18, 2), lambda s: None, lambda floor: [])
    assert len(rep.errors) == 1 and rep.diagnostics == []


def fits_only() -> Report:
    return Report("Slide", POS, 3, [], [], fits_only=True)


def never(size):
    return None


@pytest.mark.parametrize(
    "rule, paginate",
    [
        (FitRule(26, 18, 2), None),  # smaller sizes warn; then it fails
        (FitRule(26, 18, 2), lambda floor: ["a", "b"]),  # continuing warns too
        (FitRule(18, 18, 2, warn_shrink=False), None),  # no smaller size: it fails
        (FitRule(18, 18, 2, warn_continue=False), None),  # nothing to continue: it fails
    ],
)
def test_a_layout_asking_only_whether_it_fits_stops_at_the_first_size_that_does_not(rule, paginate):
    """What the full fit would end in says a word (a warning or the error): a layout that
    only asks whether its slides fit as they are learns it after one attempt."""
    tried = []

    def attempt(size):
        tried.append(size)

    with pytest.raises(GaveWay):
        fit(fits_only(), rule, attempt, paginate)
    assert tried == [rule.sizes()[0]]
    said = report()  # the full fit: every size, then a warning or the error
    with pytest.raises(SlideFailed) if paginate is None else contextlib.nullcontext():
        fit(said, rule, never, paginate)
    assert said.diagnostics or said.errors


@pytest.mark.parametrize(
    "rule, paginate",
    [
        (FitRule(44, 28, 2, warn_shrink=False), None),  # display text shrinks silently
        (FitRule(20, 18, 2, warn_shrink=False, warn_continue=False), lambda floor: ["a", "b"]),
    ],
)
def test_text_that_gives_way_silently_is_fitted_in_full_even_when_only_fitting_matters(
    rule, paginate
):
    """A silent shrink or continuation may still leave the slide as it was (its size is
    what the caller compares): fit goes on as it always does, and says nothing."""
    tried = []

    def attempt(size):
        tried.append(size)
        return "ok" if size <= 40 and paginate is None else None

    quiet, full = fits_only(), report()
    assert fit(quiet, rule, attempt, paginate) == fit(full, rule, attempt, paginate)
    assert tried[: len(tried) // 2] == tried[len(tried) // 2 :] and len(tried) > 2
    assert quiet.diagnostics == full.diagnostics == [] and quiet.errors == []


def test_the_first_size_that_fits_is_taken_as_ever_when_only_fitting_matters():
    quiet = fits_only()
    fitted = fit(quiet, FitRule(26, 18, 2), lambda size: f"at {size}")
    assert (fitted.size, fitted.pages, quiet.diagnostics) == (26, ["at 26"], [])


def test_continued_titles_and_notes():
    en = labels_for("en")
    assert continued_title(en, "Risks", False) == "Risks"
    assert continued_title(en, "Risks", True) == "Risks (cont.)"
    assert continued_notes(en, "Risks", "Say this.", False) == "Say this."
    assert continued_notes(en, "Risks", None, False) == ""
    assert "Continued from “Risks”" in continued_notes(en, "Risks", "Say this.", True)


def test_continued_titles_and_notes_in_the_talks_language():
    de = labels_for("de")
    assert continued_title(de, "Risiken", True) == "Risiken (Forts.)"
    assert "Fortsetzung von „Risiken“" in continued_notes(de, "Risiken", "Sag das.", True)


# ------------------------------------------------------------------- split_lines


@pytest.mark.parametrize("room_lines", [1, 2, 3, 7, 20])
def test_split_lines_cuts_between_lines_within_the_room(room_lines):
    paras = [para(9, bullet="•"), para(5, before=6.0, bullet="•", tag="x")]
    room = pt(10 * room_lines)
    with deadline():
        pieces = split_lines(paras, room)
    assert all(height(piece) <= room for piece in pieces)
    assert all(piece for piece in pieces)
    # every line once, in order; the text re-joined is the text
    assert [t for piece in pieces for t in all_lines(piece)] == all_lines(paras)
    for original in paras:
        parts = [p for piece in pieces for p in piece if p.text.split()[0][0] == original.text[0]]
        assert " ".join(p.text for p in parts) == original.text
        # the bullet and the space above belong to the first piece of a paragraph only
        assert [p.bullet for p in parts] == ["•"] + [None] * (len(parts) - 1)
        assert all(p.space_before == 0 for p in parts[1:])


def test_split_lines_keeps_a_paragraph_whole_when_it_fits():
    (piece,) = split_lines([para(4)], pt(40))
    (p,) = piece
    assert line_texts(p) == ["w0", "w1", "w2", "w3"]


def test_split_lines_counts_the_space_above_a_following_paragraph():
    first, second = para(2), para(2, before=10.0, tag="x")
    # 2 lines + 10 pt above the next + 2 lines = 50 pt: fits in 50, not in 49
    assert len(split_lines([first, second], pt(50))) == 1
    pieces = split_lines([first, second], pt(49))
    assert [all_lines(p) for p in pieces] == [["w0", "w1", "x0"], ["x1"]]


def test_split_lines_refuses_a_room_smaller_than_one_line():
    # this used to loop for ever, appending empty pieces
    with deadline(5), pytest.raises(NoRoom):
        split_lines([para(3, pitch=20.0)], pt(19))


def test_split_lines_refuses_a_room_with_no_room_at_all():
    with deadline(5), pytest.raises(NoRoom):
        split_lines([para(1)], 0)


def test_split_lines_keeps_the_text_of_lines_broken_after_a_hyphen():
    text = Typesetter(FAKE, "Arial", 1.0)
    p = text.set("aaaa well-known bbbb cccc", pt(45), ParaStyle(10, "000000"))
    assert line_texts(p) == ["aaaa", "well-", "known", "bbbb cccc"]
    # three lines a piece: the hyphen break falls inside the first piece
    first, second = split_lines([p], pt(36))
    assert [q.text for q in first] == ["aaaa well-known"]
    assert [q.text for q in second] == ["bbbb cccc"]


# -------------------------------------------------------------------- group_rows


def test_group_rows_fills_each_page_then_starts_the_next():
    assert group_rows([3, 3, 3, 3], 7) == [[0, 1], [2, 3]]
    assert group_rows([3, 3, 3], 8, gap=1) == [[0, 1], [2]]
    assert group_rows([5], 5) == [[0]]


@pytest.mark.parametrize("gap", [0, 2])
def test_group_rows_keeps_every_page_within_the_room(gap):
    heights = [4, 9, 1, 7, 7, 3, 10, 2, 2, 2, 8]
    room = 12
    pages = group_rows(heights, room, gap)
    assert [i for page in pages for i in page] == list(range(len(heights)))
    for page in pages:
        if len(page) > 1:
            assert sum(heights[i] + gap for i in page) <= room
    # greedy: the next page's first row would not have fitted on the page before
    for before, after in zip(pages, pages[1:], strict=False):
        used = sum(heights[i] + gap for i in before)
        assert used + heights[after[0]] + gap > room


def test_group_rows_refuses_a_row_taller_than_the_room():
    with pytest.raises(NoRoom, match="row 2"):
        group_rows([3, 11, 3], 10)


# ---------------------------------------------------------------------- paginate


def blocks_of(*paras: Paragraph) -> list[FlowBlock]:
    return [FlowBlock(lambda size, width, p=p: [p]) for p in paras]


def test_paginate_puts_what_fits_in_one_column_on_one_page():
    paras = [para(2, tag="a"), para(2, before=5.0, tag="b")]
    pages = paginate(blocks_of(*paras), 20, 1000, pt(100), 2)
    assert len(pages) == 1 and len(pages[0]) == 1
    assert [p.text for p in pages[0][0]] == [p.text for p in paras]


def test_paginate_pours_blocks_into_columns_and_pages():
    paras = [para(3, before=5.0, tag=f"{c}") for c in "abcdefg"]
    room = pt(70)  # two blocks a column (30 + 5 + 30 = 65), not three
    pages = paginate(blocks_of(*paras), 20, 1000, room, 2)
    assert [len(page) for page in pages] == [2, 2]
    columns = [col for page in pages for col in page]
    assert [[p.text[0] for p in col] for col in columns] == [["a", "b"], ["c", "d"], ["e", "f"]] + [
        ["g"]
    ]
    assert all(height(col) <= room for col in columns)


def test_a_column_opens_without_the_space_above_its_first_block():
    paras = [para(3, before=5.0, tag=f"{c}") for c in "abcd"]
    pages = paginate(blocks_of(*paras), 20, 1000, pt(70), 1)
    for (column,) in pages:
        assert column[0].space_before == 0
        assert all(p.space_before == 5.0 for p in column[1:])


def test_paginate_cuts_a_block_taller_than_a_column_between_lines():
    short, tall = para(2, tag="s"), para(12, before=4.0, bullet="•", tag="t")
    room = pt(50)
    with deadline():
        pages = paginate(blocks_of(short, tall), 20, 1000, room, 1)
    columns = [col for page in pages for col in page]
    assert all(height(col) <= room for col in columns)
    assert [t for col in columns for t in all_lines(col)] == all_lines([short, tall])
    pieces = [p for col in columns for p in col if p.text.startswith("t")]
    assert len(pieces) >= 3
    assert [p.bullet for p in pieces] == ["•"] + [None] * (len(pieces) - 1)
    assert columns[0] == [short]  # the tall block starts a column of its own


def test_paginate_hands_each_block_the_size_and_width():
    seen = []

    def make(size, width):
        seen.append((size, width))
        return [para(1)]

    paginate([FlowBlock(make), FlowBlock(make)], 19.5, 4321, pt(100), 1)
    assert seen == [(19.5, 4321), (19.5, 4321)]
