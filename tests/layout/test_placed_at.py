"""Paragraphs sharing one box: each placed by its space before where the design puts it
(rounding never adding up), and all set for one measure, the box's width."""

from __future__ import annotations

from deckgen.layout.frames import Paragraph, Run
from deckgen.layout.geometry import EMU_PER_PT
from deckgen.layout.stack import one_measure, placed_at
from deckgen.layout.text import ParaStyle, Typesetter

from .support import FAKE


def _para(lines: int, pitch: float = 24.0) -> Paragraph:
    run = (Run("x"),)
    return Paragraph(runs=run, size=20, color="000000", lines=(run,) * lines, line_pitch=pitch)


def _tops(paras, top: int) -> list[float]:
    out, y = [], float(top)
    for i, para in enumerate(paras):
        y += para.space_before * EMU_PER_PT if i else 0
        out.append(y)
        y += len(para.lines) * para.line_pitch * EMU_PER_PT
    return out


def test_each_paragraph_starts_where_it_is_put_and_rounding_never_adds_up():
    # tops a third of a point past whole hundredths: each space rounds, the next makes up
    wanted = [1_000_000 + k * (1_000_000 + 4_233) for k in range(12)]
    placed = placed_at([_para(1 + k % 3, 23.33) for k in range(12)], wanted)
    assert placed[0].space_before == 0
    assert all(abs(round(p.space_before * 100) - p.space_before * 100) < 1e-6 for p in placed)
    got = _tops(placed, wanted[0])
    assert all(abs(a - b) <= EMU_PER_PT / 200 for a, b in zip(got, wanted, strict=True))


def test_a_paragraph_that_would_have_to_rise_stands_right_below_the_last():
    placed = placed_at([_para(2), _para(1)], [0, 10 * EMU_PER_PT])  # 48 pt of lines first
    assert placed[1].space_before == 0


def test_balanced_paragraphs_sharing_a_box_are_set_for_the_widest_measure():
    text = Typesetter(FAKE, "Arial", 1.0)
    style = ParaStyle(20, "000000", balance=True)
    texts = ["a short one over two lines, please", "a rather longer one to balance over two lines"]
    width = 300 * EMU_PER_PT
    paras = [text.set(t, width, style) for t in texts]
    assert len({p.measure for p in paras}) == 2  # balanced apart
    shared = one_measure(text, texts, paras, width, style)
    (measure,) = {p.measure for p in shared}
    assert measure == max(p.measure for p in paras)
    assert [len(p.lines) for p in shared] == [len(p.lines) for p in paras]
    # one line, never balanced, is left as it was
    single = [text.set("one line", width, style)]
    assert one_measure(text, ["one line"], single, width, style) == single
