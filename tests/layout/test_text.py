"""The typesetter (deckgen/layout/text.py): wrapping for a width, balanced display text,
hanging indents, text boxes, heights and speaker notes reflowed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckgen.errors import SourcePos
from deckgen.layout.frames import Anchor, Paragraph, Placeholder, Role, Run
from deckgen.layout.geometry import EMU_PER_PT, Insets, Rect, pt
from deckgen.layout.measure import AfmMeasurer, FixedMeasurer
from deckgen.layout.text import ParaStyle, Typesetter, height, reflow

from .support import line_texts

# every character 5 pt wide at 10 pt: 20 characters to 100 pt
MEASURER = FixedMeasurer(0.5)
TEXT = Typesetter(MEASURER, "Arial", 1.0)
STYLE = ParaStyle(10, "112233")
WORDS = "aaaa bbbb cccc dddd eeee ffff gggg"


def widest(paragraph: Paragraph) -> float:
    """Points the widest line takes."""
    return max(
        sum(MEASURER.width(r.text, paragraph.size, r.bold, r.italic) for r in line)
        for line in paragraph.lines
    )


def test_lines_are_filled_up_to_the_width_and_no_further():
    para = TEXT.set(WORDS, pt(100), STYLE)
    assert line_texts(para) == ["aaaa bbbb cccc dddd", "eeee ffff gggg"]
    assert para.text == WORDS  # the runs keep the text as written
    para = TEXT.set(WORDS, pt(95), STYLE)  # 19 characters: the line above just fits
    assert line_texts(para)[0] == "aaaa bbbb cccc dddd"
    para = TEXT.set(WORDS, pt(94), STYLE)
    assert line_texts(para)[0] == "aaaa bbbb cccc"


def test_the_wrap_safety_breaks_lines_a_little_narrower():
    # 19 characters take 95 pt: they fit in 95% of 100 pt, not in 94%
    assert line_texts(Typesetter(MEASURER, "Arial", 0.95).set(WORDS, pt(100), STYLE))[0] == (
        "aaaa bbbb cccc dddd"
    )
    assert line_texts(Typesetter(MEASURER, "Arial", 0.94).set(WORDS, pt(100), STYLE))[0] == (
        "aaaa bbbb cccc"
    )


@pytest.mark.parametrize("width", [60, 100, 137, 250])
def test_no_line_is_wider_than_the_width_less_the_left_margin(width):
    style = ParaStyle(10, "000000", margin_left=pt(15))
    para = TEXT.set(WORDS + " " + WORDS, pt(width), style)
    assert widest(para) <= width - 15


def test_the_paragraph_carries_its_style():
    style = ParaStyle(
        20,
        "ABCDEF",
        bold=True,
        pitch=1.25,
        space_before=7.0,
        level=1,
        bullet="–",
        bullet_color="123456",
        margin_left=pt(30),
        hanging=pt(10),
    )
    para = TEXT.set("Some words", pt(400), style)
    assert (para.size, para.color, para.line_pitch, para.space_before) == (20, "ABCDEF", 25, 7)
    assert (para.level, para.bullet, para.bullet_color) == (1, "–", "123456")
    assert (para.margin_left, para.hanging, para.measure) == (pt(30), pt(10), None)
    assert para.runs == (Run("Some words", bold=True),)
    assert para.height == 7 + 25


def test_styled_runs_are_kept_and_measured_in_their_style():
    runs = (Run("Term", bold=True, color="FF0000"), Run(" — what it means"))
    para = TEXT.set(runs, pt(1000), STYLE)
    assert para.runs == runs
    (line,) = para.lines
    assert line[0] == Run("Term", bold=True, color="FF0000")
    # bold is wider in the fake measurer: a bold line holds fewer characters
    plain = TEXT.set("x" * 19 + " y", pt(100), STYLE)
    bold = TEXT.set("x" * 19 + " y", pt(100), ParaStyle(10, "000000", bold=True))
    assert line_texts(plain) == ["x" * 19, "y"]
    assert line_texts(bold) == ["x" * 18, "x y"]


def test_at_changes_only_the_size():
    style = ParaStyle(26, "000000", bold=True, balance=True)
    assert style.at(20) == ParaStyle(20, "000000", bold=True, balance=True)


# ------------------------------------------------------------------- hanging indents


def test_a_hanging_first_line_without_a_bullet_starts_further_left():
    style = ParaStyle(10, "000000", margin_left=pt(20), hanging=pt(20))
    para = TEXT.set(WORDS, pt(100), style)
    # the first line has the full 100 pt (it hangs into the margin), the rest 80 pt
    assert line_texts(para) == ["aaaa bbbb cccc dddd", "eeee ffff gggg"]
    indented = TEXT.set(WORDS, pt(100), ParaStyle(10, "000000", margin_left=pt(20)))
    assert line_texts(indented) == ["aaaa bbbb cccc", "dddd eeee ffff", "gggg"]


def test_a_bullet_takes_the_hanging_space_so_its_line_is_not_wider():
    style = ParaStyle(10, "000000", margin_left=pt(20), hanging=pt(20), bullet="•")
    para = TEXT.set(WORDS, pt(100), style)
    assert line_texts(para) == ["aaaa bbbb cccc", "dddd eeee ffff", "gggg"]


# --------------------------------------------------------------------- balancing


def test_balancing_keeps_the_line_count_and_narrows_the_measure():
    text = "aaaa bbbb cccc dddd eeee"  # 24 characters: 19 + "eeee" at 100 pt
    plain = TEXT.set(text, pt(100), STYLE)
    balanced = TEXT.set(text, pt(100), ParaStyle(10, "112233", balance=True))
    assert line_texts(plain) == ["aaaa bbbb cccc dddd", "eeee"]
    assert len(balanced.lines) == len(plain.lines) == 2
    assert line_texts(balanced) == ["aaaa bbbb cccc", "dddd eeee"]
    assert balanced.measure is not None and balanced.measure < pt(100)
    # the lines were broken for the measure, and the measure is the narrowest to a point
    assert widest(balanced) * EMU_PER_PT <= balanced.measure
    narrower = TEXT.set(text, balanced.measure - 2 * EMU_PER_PT, STYLE)
    assert len(narrower.lines) > 2


@pytest.mark.parametrize(
    "text, width",
    [(WORDS, 100), ("aaaa bbbb cccc dddd eeee", 100), ("short", 100), (WORDS * 3, 170)],
)
def test_a_paragraph_balanced_afterwards_is_the_one_set_balanced(text, width):
    """fit_paragraph measures a text unbalanced (balancing keeps its line count, so its
    height) and balances only the size it keeps: the same paragraph as set balanced."""
    style = ParaStyle(10, "112233", balance=True, margin_left=pt(6))
    unbalanced = TEXT.set(text, pt(width), replace(style, balance=False))
    later = TEXT.balanced(unbalanced, pt(width), style)
    assert later == TEXT.set(text, pt(width), style)
    assert len(later.lines) == len(unbalanced.lines)
    assert TEXT.balanced(unbalanced, pt(width), replace(style, balance=False)) is unbalanced


def test_a_typesetter_keeping_its_lines_breaks_each_text_once_and_alike():
    """The room notes lay a slide out again and again: with ``wraps`` a text at a measure
    and size is broken once, into the very lines a typesetter without it breaks."""
    kept: dict = {}
    keeping = Typesetter(MEASURER, "Arial", 1.0, wraps=kept)
    for style in (STYLE, ParaStyle(12, "000000", hanging=pt(10)), STYLE.at(8)):
        for width in (60, 100):
            once = keeping.set(WORDS, pt(width), style)
            assert once == TEXT.set(WORDS, pt(width), style)
            assert keeping.set(WORDS, pt(width), style).lines is once.lines
    assert len(kept) == 6


def test_balancing_leaves_one_line_alone():
    para = TEXT.set("short", pt(100), ParaStyle(10, "000000", balance=True))
    assert para.measure is None and line_texts(para) == ["short"]


def test_balancing_measures_from_the_left_margin():
    style = ParaStyle(10, "000000", margin_left=pt(30), balance=True)
    para = TEXT.set("aaaa bbbb cccc dddd eeee", pt(130), style)
    assert para.measure is not None and para.measure < pt(100)
    assert widest(para) * EMU_PER_PT <= para.measure


def test_a_box_with_a_balanced_paragraph_is_as_narrow_as_its_measure_with_no_inset():
    """A hidden right inset made a takeaway lengthened by hand wrap at half width; the
    box itself is now the measure, so what PowerPoint wraps in is what a person sees."""
    rect = Rect(7, 9, pt(130), pt(100))
    style = ParaStyle(10, "000000", margin_left=pt(30), balance=True)
    para = TEXT.set("aaaa bbbb cccc dddd eeee", rect.w, style)
    box = TEXT.box(rect, [para], Role.TITLE, "Title")
    assert box.rect == Rect(7, 9, para.margin_left + para.measure, rect.h)
    assert box.rect.w < rect.w
    assert box.insets == Insets()
    # the widest paragraph decides: an unbalanced one keeps the full width
    full = TEXT.set("aaaa bbbb cccc dddd eeee", rect.w, ParaStyle(10, "000000"))
    assert TEXT.box(rect, [para, full], Role.BODY, "Body").rect == rect


def test_a_box_says_what_it_is():
    pos = SourcePos("outline.yaml", 3, 4)
    rect = Rect(10, 20, pt(100), pt(50))
    para = TEXT.set("words", rect.w, STYLE)
    box = TEXT.box(
        rect,
        [para],
        Role.BODY,
        "Body",
        anchor=Anchor.MIDDLE,
        placeholder=Placeholder.BODY,
        pos=pos,
        field="slidenum",
    )
    assert (box.rect, box.paragraphs, box.role, box.name, box.font) == (
        rect,
        (para,),
        Role.BODY,
        "Body",
        "Arial",
    )
    assert (box.anchor, box.placeholder, box.pos, box.field) == (
        Anchor.MIDDLE,
        Placeholder.BODY,
        pos,
        "slidenum",
    )
    assert box.insets.right == 0
    assert TEXT.box(rect, [], Role.BODY, "Empty").insets.right == 0


# ------------------------------------------------------------------------ height


def test_height_counts_every_line_and_the_space_between_paragraphs():
    first = TEXT.set(WORDS, pt(100), ParaStyle(10, "000000", space_before=5))  # 2 lines
    second = TEXT.set("x", pt(100), ParaStyle(10, "000000", space_before=6))  # 1 line
    assert first.line_pitch == 12
    assert height([first]) == pt(24)  # the first paragraph's space above is not counted
    assert height([first, second]) == pt(24 + 6 + 12)
    assert height([]) == 0


def test_height_rounds_to_whole_emu():
    para = TEXT.set("x", pt(100), ParaStyle(10.3, "000000", pitch=1.17))
    assert height([para]) == round(para.line_pitch * EMU_PER_PT)
    assert isinstance(height([para]), int)


# ------------------------------------------------------------------------ reflow


def test_reflow_joins_hard_wrapped_lines_and_keeps_paragraphs():
    assert reflow("one\ntwo\n\n  three\nfour  \n") == "one two\nthree four"


def test_reflow_ignores_extra_blank_lines_and_surrounding_space():
    assert reflow("\n\n  a  b\n\n\n   \n\nc\n\n") == "a  b\nc"
    assert reflow("") == ""
    assert reflow("single line") == "single line"


# ---------------------------------------------------------------- real metrics


def test_afm_metrics_are_helveticas():
    afm = AfmMeasurer()
    # H e l l o = 722 + 556 + 222 + 222 + 556 thousandths of an em
    assert afm.width("Hello", 10) == pytest.approx(22.78)
    assert afm.width("Hello", 10, bold=True) > afm.width("Hello", 10)
    # characters outside the metrics are measured conservatively
    assert afm.width("αβγ", 10) == pytest.approx(3 * 0.62 * 10)
