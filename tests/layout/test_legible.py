"""Text made to read on a template's drawn artwork after layout (deckgen/layout/legible.py):
each laid-out line judged where its words stand, a colour changed only where it does not
read, a panel behind the text only where no colour of the theme's does."""

from __future__ import annotations

from deckgen.layout.colors import contrast, mix
from deckgen.layout.contrast import line_extents, low_on_drawn
from deckgen.layout.frames import Align, Paragraph, Role, Run, Shape, ShapeKind, TextBox
from deckgen.layout.geometry import EMU_PER_PT, Rect
from deckgen.layout.legible import make_legible

SLIDE = Rect(0, 0, 12_192_000, 6_858_000)
INKS = ("000000", "FFFFFF", "1F3864", "E7E6E6")  # dk1, lt1, dk2, lt2
PITCH = 24.0  # points from line to line
BAND_TOP = 904_800  # EMU: a dark band from here down (the second line's top)


def width(run: Run, size: float, heading: bool) -> float:
    return len(run.text) * size * 0.5  # points: a stand-in measurer


def banded(rect: Rect) -> tuple[tuple[int, str], ...]:
    """White above ``BAND_TOP``, near-black below: the pixels under ``rect``, one per
    10,000 EMU square."""
    above = max(0, min(rect.bottom, BAND_TOP) - rect.y) * rect.w // 10**8
    below = max(0, rect.bottom - max(rect.y, BAND_TOP)) * rect.w // 10**8
    return tuple((count, color) for count, color in ((above, "FFFFFF"), (below, "1A1A1A")) if count)


def striped(x: int):
    """White left of ``x``, near-black right of it (a line across both cannot read)."""

    def drawn(rect: Rect):
        left = max(0, min(rect.right, x) - rect.x) * rect.h // 10**8
        right = max(0, rect.right - max(rect.x, x)) * rect.h // 10**8
        return tuple((n, c) for n, c in ((left, "FFFFFF"), (right, "1A1A1A")) if n)

    return drawn


def para(text: str, color: str, size: float = 12.0, **more) -> Paragraph:
    run = Run(text, link=more.pop("link", None), color=more.pop("run_color", None))
    return Paragraph((run,), size, color, ((run,),), PITCH, **more)


BOX = Rect(500_000, 600_000, 8_000_000, 2_000_000)


def box(*paragraphs: Paragraph, rect: Rect = BOX) -> TextBox:
    return TextBox(rect, paragraphs, Role.BODY, "Liberation Sans", "Body")


def test_a_paragraph_over_a_dark_band_takes_the_themes_light_text_and_the_one_above_is_kept():
    # line 1 stands on white (y 600,000 to 904,800), line 2 on the band
    laid = box(para("On white", "333333"), para("On the band", "333333"))
    made = make_legible([laid], banded, INKS, width, SLIDE)
    (out,), changes = made.items, made.changes
    first, second = out.paragraphs
    assert first.color == "333333"  # read already: kept
    assert second.color == "FFFFFF" and second.runs[0].color is None
    (change,) = changes
    assert change.paragraph == 2 and "set in the theme's #FFFFFF instead" in change.message
    assert "'Body' paragraph 2: text in #333333 reads at" in change.message
    assert made.unread == [] and low_on_drawn([out], "FFFFFF", banded, width) == []


def test_a_line_is_judged_where_its_words_stand_not_across_the_box():
    # a short left-aligned line; the dark stripe starts well right of its last word
    laid = box(para("Short", "333333"))
    (extent,) = line_extents(laid, width)[0]
    assert extent.rect.x == 500_000 and extent.rect.w == round(5 * 6 * EMU_PER_PT)
    assert extent.rect.h == round(PITCH * EMU_PER_PT)
    drawn = striped(3_000_000)
    assert low_on_drawn([laid], "FFFFFF", drawn)  # the box's inner width crosses the stripe
    assert low_on_drawn([laid], "FFFFFF", drawn, width) == []
    made = make_legible([laid], drawn, INKS, width, SLIDE)
    assert made.items == [laid] and made.changes == [] and made.unread == []
    # centred, the same words stand in the middle of the box: over the stripe
    centred = box(para("Short", "333333", align=Align.CENTER))
    (extent,) = line_extents(centred, width)[0]
    assert extent.rect.x > 3_000_000


def test_a_line_across_light_and_dark_gets_a_quiet_panel_in_a_theme_colour_behind_the_box():
    laid = box(para("Words that cross from the white onto the dark stripe", "333333"))
    made = make_legible([laid], striped(1_500_000), INKS, width, SLIDE)
    (scrim, out), changes = made.items, made.changes
    assert isinstance(scrim, Shape) and scrim.kind is ShapeKind.ROUND_RECT
    assert scrim.fill in INKS  # written as a theme slot
    (extent,) = line_extents(out, width)[0]
    inside = scrim.rect
    assert inside.x < extent.rect.x and inside.right > extent.rect.right  # with air
    assert inside.y < extent.rect.y and inside.bottom > extent.rect.bottom
    assert inside.w < laid.rect.w  # the words' extent, not the box
    color = out.paragraphs[0].color
    assert contrast(color, scrim.fill) >= 4.5
    (change,) = changes
    assert f"a #{scrim.fill} panel (" in change.message
    # a veil, not a block: the least opacity at which the text reads over the stripe
    assert 0.6 <= scrim.opacity < 1
    veiled = mix(scrim.fill, "1A1A1A", scrim.opacity)
    assert contrast(color, veiled) >= 4.5
    assert contrast(color, mix(scrim.fill, "1A1A1A", scrim.opacity - 0.1)) < 4.5


def test_the_panel_is_the_theme_colour_nearest_the_artwork_that_the_text_reads_on():
    dark = box(para("White words across a dark, darker ground", "FFFFFF"))

    def drawn(rect: Rect):
        return ((60, "1F3A60"), (40, "E0E0E0"))  # mostly navy, a light patch

    scrim, out = make_legible([dark], drawn, INKS, width, SLIDE).items
    assert scrim.fill == "1F3864"  # dk2, the navy: white reads on it, and it is quiet there
    assert out.paragraphs[0].color == "FFFFFF"


def test_a_links_colour_is_not_changed_on_its_own_the_panel_makes_it_read():
    """LibreOffice draws a link in the theme's hyperlink colour whatever its run says."""
    link = para("A link to somewhere", "333333", run_color="0563C1", link="https://example.org")
    scrim, out = make_legible([box(link)], banded_all_dark, INKS, width, SLIDE).items
    assert isinstance(scrim, Shape)
    assert out.paragraphs[0].runs[0].color == "0563C1"
    assert contrast("0563C1", scrim.fill) >= 4.5


def banded_all_dark(rect: Rect):
    return ((100, "1A1A1A"),)


def test_a_box_on_the_slides_own_fill_or_shape_is_left_to_its_kind():
    laid = box(para("On the band", "333333"), rect=Rect(500_000, 1_200_000, 4_000_000, 900_000))
    filled = TextBox(laid.rect, laid.paragraphs, laid.role, laid.font, laid.name, fill="FFFFFF")
    panel = Shape(Rect(0, 0, 12_192_000, 6_858_000), ShapeKind.RECT, "FFFFFF", "Panel")
    for items in ([filled], [panel, laid]):
        made = make_legible(items, banded, INKS, width, SLIDE)
        assert made.items == items and made.changes == []


def test_a_column_beside_one_that_took_a_panel_takes_the_same_panel():
    top, height = 600_000, 2_000_000
    left = box(para("Short words", "333333"), rect=Rect(200_000, top, 1_000_000, height))
    right = box(
        para("Words that cross from the white onto the dark stripe", "333333"),
        rect=Rect(1_300_000, top, 4_000_000, height),
    )
    right = TextBox(right.rect, right.paragraphs, right.role, right.font, "Body 2")
    made = make_legible([left, right], striped(2_500_000), INKS, width, SLIDE)
    first_panel, first, second_panel, second = made.items
    assert (first_panel.name, second_panel.name) == ("Body backing", "Body 2 backing")
    assert (first_panel.fill, first_panel.opacity) == (second_panel.fill, second_panel.opacity)
    assert first_panel.rect.right < second_panel.rect.x  # each behind its own column
    assert any("as behind 'Body 2' beside it" in change.message for change in made.changes)
    # a box lower down (not a column of it) is left as it was
    lone = TextBox(Rect(200_000, top + 300_000, 1_200_000, height), left.paragraphs,
                   left.role, left.font, "Caption")  # fmt: skip
    items = make_legible([lone, right], striped(2_500_000), INKS, width, SLIDE).items
    assert items[0] == lone
