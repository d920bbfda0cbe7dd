"""Boxes stacked into one (layout/stack.py): each block's text starts where its own box
put it (the gap is its first paragraph's space before), each paragraph keeps the width
it was set for, and what would move or overflow is refused (None), so the kind keeps
its boxes apart and the engine reports as before."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.frames import Align, Anchor, Paragraph, Placeholder, Role, Run, TextBox
from deckgen.layout.geometry import EMU_PER_PT, Insets, Rect, pt
from deckgen.layout.stack import stacked, text_top


def para(lines: int = 1, pitch: float = 20.0, measure: int | None = None, **kw) -> Paragraph:
    run = Run("words")
    return Paragraph((run,), pitch * 0.8, "000000", ((run,),) * lines, pitch, measure=measure, **kw)


def box(rect: Rect, *paragraphs: Paragraph, anchor: Anchor = Anchor.TOP) -> TextBox:
    return TextBox(rect, tuple(paragraphs), Role.BODY, "Font", "Box", anchor=anchor)


def one(*boxes: TextBox) -> TextBox | None:
    return stacked(boxes, "Both", Role.SUBTITLE, Placeholder.SUBTITLE)


def test_a_block_below_starts_where_its_box_did():
    upper = box(Rect(100, 1000, 5000, pt(60)), para(2))  # 40 pt of text in a 60 pt box
    lower = box(Rect(100, 1000 + pt(90), 5000, pt(40)), para(1), para(1))
    both = one(upper, lower)
    assert (both.rect, both.placeholder, both.role, both.name) == (
        Rect(100, 1000, 5000, pt(130)),
        Placeholder.SUBTITLE,
        Role.SUBTITLE,
        "Both",
    )
    first, second, third = both.paragraphs
    assert (first.space_before, second.space_before, third.space_before) == (0, 50, 0)
    assert both.anchor is Anchor.TOP and both.content_height == 40 + 50 + 40


def test_a_bottom_anchored_block_keeps_its_bottom():
    upper = box(Rect(0, 0, 5000, pt(20)), para(1))
    lower = box(Rect(0, pt(100), 5000, pt(50)), para(1), anchor=Anchor.BOTTOM)
    assert text_top(lower) == pt(130)
    both = one(upper, lower)
    assert both.paragraphs[1].space_before == 110  # from 20 pt down to 130 pt
    assert both.rect.bottom == pt(150)


def test_each_paragraph_keeps_its_measure_and_its_distance_from_the_left():
    narrow = box(Rect(200, 0, 3000, pt(20)), para(1, measure=2500))
    wide = box(Rect(0, pt(40), 6000, pt(20)), para(1))
    both = one(narrow, wide)
    assert (both.rect.x, both.rect.w) == (0, 6000)
    upper, lower = both.paragraphs
    assert (upper.margin_left, upper.measure) == (200, 2500)
    assert (lower.margin_left, lower.measure) == (0, 6000)


def test_what_would_move_or_overflow_stays_apart():
    upper = box(Rect(0, 0, 5000, pt(20)), para(1))
    overflowing = box(Rect(0, 0, 5000, pt(20)), para(2))
    assert one(overflowing, box(Rect(0, pt(50), 5000, pt(20)), para(1))) is None
    overlapping = box(Rect(0, pt(10), 5000, pt(20)), para(1))
    assert one(upper, overlapping) is None
    centred = box(Rect(0, pt(40), 3000, pt(20)), para(1, align=Align.CENTER))
    assert one(box(Rect(0, 0, 6000, pt(20)), para(1)), centred) is None


def test_a_box_with_insets_stacks_where_its_text_stands():
    """A placeholder's balanced text keeps its box and narrows with insets: stacked, its
    paragraph starts at its inset and is as wide as the box inside them."""
    inset = box(Rect(0, 0, 5000, pt(20)), para(1))
    inset = replace(inset, insets=Insets(left=400, top=10, right=600))
    both = one(inset, box(Rect(0, pt(50), 5000, pt(20)), para(1)))
    first = both.paragraphs[0]
    assert both.rect.y == 10  # the text's top, under the inset
    assert (first.margin_left, first.measure) == (400, 4000)


def test_one_block_alone_is_that_block_in_the_placeholder():
    alone = box(Rect(0, 500, 5000, pt(20)), para(1, space_before=6))
    both = one(alone, box(Rect(0, pt(50), 5000, pt(20))))  # an empty box is left out
    assert both.rect == Rect(0, 500, 5000, pt(20)) and len(both.paragraphs) == 1
    assert both.paragraphs[0].space_before == 6  # as it was: the first line's is not drawn
    assert one() is None


def test_a_middle_anchored_block_starts_half_its_room_down():
    middle = box(Rect(0, 0, 5000, pt(60)), para(1), anchor=Anchor.MIDDLE)
    assert text_top(middle) == 20 * EMU_PER_PT
