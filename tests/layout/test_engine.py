"""Layout with a deterministic fake measurer: fitting, shrinking, continuing, staying inside."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from deckgen.errors import BuildError
from deckgen.layout.engine import layout_deck, reflow
from deckgen.layout.frames import Picture, Placeholder, Role, Shape, Table, TextBox
from deckgen.layout.geometry import EMU_PER_PT, Rect
from deckgen.layout.measure import AfmMeasurer, FixedMeasurer
from deckgen.layout.wrap import wrap_runs
from deckgen.outline.loader import load_outline, load_outline_text
from deckgen.outline.tailor import tailor

ROOT = Path(__file__).resolve().parents[2]
FAKE = FixedMeasurer(0.5)


def outline_from(yaml_text: str):
    """The talk one build lays out (layout takes a tailored talk, never an outline)."""
    return tailor(load_outline_text(textwrap.dedent(yaml_text), "outline.yaml", base_dir=ROOT))


def bullets_outline(points: list[str], title: str = "Points") -> str:
    items = "\n".join(f"          - {p!r}" for p in points)
    return (
        "meta: {title: Talk}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        f"      - kind: bullets\n        title: {title}\n        bullets:\n{items}\n"
        "        notes: Say it.\n"
    )


def body_of(slide) -> TextBox:
    return next(i for i in slide.items if isinstance(i, TextBox) and i.role is Role.BODY)


def test_short_bullets_fit_at_the_preferred_size_without_warnings():
    deck = layout_deck(outline_from(bullets_outline(["One", "Two", "Three"])), FAKE)
    assert deck.diagnostics == ()
    (slide,) = deck.slides
    body = body_of(slide)
    assert body.placeholder is Placeholder.BODY
    assert [p.text for p in body.paragraphs] == ["One", "Two", "Three"]
    assert {p.size for p in body.paragraphs} == {26}
    assert all(p.bullet == "•" for p in body.paragraphs)


def test_crowded_bullets_shrink_and_warn_with_the_source_line():
    points = [f"Point number {i} " + "with words " * 7 for i in range(5)]
    deck = layout_deck(outline_from(bullets_outline(points)), FAKE)
    (slide,) = deck.slides
    sizes = {p.size for p in body_of(slide).paragraphs}
    assert len(sizes) == 1 and 18 <= sizes.pop() < 26
    (warning,) = deck.diagnostics
    assert warning.severity.value == "warning"
    assert (warning.pos.line, warning.pos.col) == (6, 9)
    assert "instead of 26 pt" in warning.message


def test_more_than_six_bullets_continue_before_shrinking():
    points = [f"Short point {i}" for i in range(9)]
    deck = layout_deck(outline_from(bullets_outline(points)), FAKE)
    assert [s.title for s in deck.slides] == ["Points", "Points (cont.)"]
    assert [len(body_of(s).paragraphs) for s in deck.slides] == [5, 4]
    assert {p.size for s in deck.slides for p in body_of(s).paragraphs} == {26}
    (warning,) = deck.diagnostics
    assert "9 bullets" in warning.message and "at most 6 a slide" in warning.message


def test_overflow_continues_on_cont_slides_never_below_the_floor():
    points = [f"Point {i}: " + "a long statement that wraps " * 12 for i in range(6)]
    deck = layout_deck(outline_from(bullets_outline(points)), FAKE)
    assert len(deck.slides) >= 2
    assert deck.slides[0].title == "Points"
    assert all(s.title == "Points (cont.)" for s in deck.slides[1:])
    assert all(s.continued for s in deck.slides[1:])
    texts = [p.text for s in deck.slides for p in body_of(s).paragraphs]
    assert texts == points  # nothing lost, nothing repeated, order kept
    assert {p.size for s in deck.slides for p in body_of(s).paragraphs} == {18}
    assert any("'(cont.)'" in d.message for d in deck.diagnostics)
    assert "Continued from" in deck.slides[1].notes and deck.slides[0].notes == "Say it."


def test_a_single_enormous_bullet_is_split_between_lines():
    points = ["word " * 600]
    deck = layout_deck(outline_from(bullets_outline(points)), FAKE)
    assert len(deck.slides) >= 2
    joined = " ".join(p.text.strip() for s in deck.slides for p in body_of(s).paragraphs)
    assert joined.split() == points[0].split()
    # only the first piece carries the bullet
    assert body_of(deck.slides[0]).paragraphs[0].bullet == "•"
    assert body_of(deck.slides[1]).paragraphs[0].bullet is None


def test_text_boxes_hold_their_lines():
    deck = layout_deck(tailor(load_outline(ROOT / "outline.yaml")), AfmMeasurer())
    for slide in deck.slides:
        for item in slide.items:
            if isinstance(item, TextBox) and item.paragraphs:
                height = sum(p.height for p in item.paragraphs) - item.paragraphs[0].space_before
                assert height * EMU_PER_PT <= item.rect.h + 1, (slide.number, item.name)


def test_every_item_lies_inside_the_slide_and_inside_the_margins():
    deck = layout_deck(tailor(load_outline(ROOT / "outline.yaml")), AfmMeasurer())
    page = Rect(0, 0, deck.width, deck.height)
    for slide in deck.slides:
        for item in slide.items:
            assert page.contains(item.rect), (slide.number, item.name, item.rect)
            chrome = isinstance(item, TextBox) and item.role in (Role.FOOTER, Role.SLIDE_NUMBER)
            if isinstance(item, TextBox | Table | Picture) and not chrome:
                safe = Rect(page.x + 300_000, page.y + 300_000, page.w - 600_000, page.h - 500_000)
                assert safe.contains(item.rect), (slide.number, item.name)


def test_no_line_is_wider_than_its_box():
    measurer = AfmMeasurer()
    deck = layout_deck(tailor(load_outline(ROOT / "outline.yaml")), measurer)
    for slide in deck.slides:
        for item in slide.items:
            boxes = []
            if isinstance(item, TextBox):
                boxes = [(item.rect.w, item.paragraphs)]
            elif isinstance(item, Table):
                boxes = [
                    (w - item.insets.left - item.insets.right, cell.paragraphs)
                    for row in item.cells
                    for w, cell in zip(item.col_widths, row, strict=True)
                ]
            for width, paragraphs in boxes:
                for p in paragraphs:
                    for k, line in enumerate(p.lines):
                        hang = p.hanging if k == 0 and not p.bullet else 0
                        avail = (width - p.margin_left + hang) / EMU_PER_PT
                        used = sum(measurer.width(r.text, p.size, r.bold, r.italic) for r in line)
                        assert used <= avail + 0.01, (slide.number, item.name, line)


def test_the_shipped_deck_has_every_kind_and_its_design():
    outline = tailor(load_outline(ROOT / "outline.yaml"))
    deck = layout_deck(outline, AfmMeasurer())
    kinds = [s.source.kind for s in deck.slides]
    for kind in (
        "title",
        "agenda",
        "section",
        "bullets",
        "definition",
        "analogy",
        "comparison",
        "takeaways",
        "glossary",
        "references",
        "closing",
    ):
        assert kind in kinds, kind
    assert deck.diagnostics == (), [str(d) for d in deck.diagnostics]
    by_kind = {s.source.kind: s for s in reversed(deck.slides)}
    # the section divider is full-bleed colour; the security one in the security colour
    dividers = [s for s in deck.slides if s.source.kind == "section"]
    assert any(s.background == "1F5AA6" for s in dividers)
    # the analogy has two panels and a picture for each
    analogy = by_kind["analogy"]
    panels = [i for i in analogy.items if isinstance(i, Shape) and "panel" in i.name]
    assert len(panels) == 2 and panels[0].rect.y == panels[1].rect.y
    assert panels[0].rect.right < panels[1].rect.x
    assert sum(isinstance(i, Picture) for i in analogy.items) == 2
    # the definition's quote is large, its attribution below it
    definition = by_kind["definition"]
    quote = next(i for i in definition.items if isinstance(i, TextBox) and i.role is Role.QUOTE)
    attribution = next(
        i for i in definition.items if isinstance(i, TextBox) and i.role is Role.ATTRIBUTION
    )
    assert quote.paragraphs[0].size >= 24
    assert attribution.rect.y >= quote.rect.bottom
    assert "Amazon Web Services (AWS)" in attribution.paragraphs[0].text
    # the comparison table's header is coloured per concept
    table = next(i for i in by_kind["comparison"].items if isinstance(i, Table))
    assert [c.fill for c in table.cells[0]][1:] == ["1F5AA6", "B4530A"]
    # body text never below the floor; only chrome is smaller
    for slide in deck.slides:
        for item in slide.items:
            if isinstance(item, TextBox) and item.role not in (Role.FOOTER, Role.SLIDE_NUMBER):
                assert all(p.size >= 18 for p in item.paragraphs), (slide.number, item.name)


def test_a_title_that_cannot_fit_is_an_error_with_its_line():
    long_title = "A title " * 30
    with pytest.raises(BuildError) as info:
        layout_deck(outline_from(bullets_outline(["x"], title=long_title)), FAKE)
    (err,) = [d for d in info.value.diagnostics if d.severity.value == "error"]
    assert err.pos.line == 6 and "does not fit" in err.message


def test_table_rows_continue_with_the_header_repeated():
    rows = "\n".join(
        f"          - [Row {i}, '{'cell text ' * 12}', '{'more text ' * 12}']" for i in range(9)
    )
    text = (
        "meta: {title: T}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: comparison\n        title: Big table\n        columns: [Aspect, A, B]\n"
        "        rows:\n" + rows + "\n"
    )
    deck = layout_deck(outline_from(text), FAKE)
    tables = [i for s in deck.slides for i in s.items if isinstance(i, Table)]
    assert len(tables) >= 2
    for table in tables:
        assert [c.paragraphs[0].text for c in table.cells[0]] == ["Aspect", "A", "B"]
        assert table.rect.h == sum(table.row_heights)
    body_rows = [row[0].paragraphs[0].text for t in tables for row in t.cells[1:]]
    assert body_rows == [f"Row {i}" for i in range(9)]


def test_wrap_breaks_at_spaces_and_inside_overlong_words():
    from deckgen.layout.frames import Run

    lines = wrap_runs((Run("aaaa bbbb cccc"),), 4.5 * 10 * 0.5, 10, FAKE)
    assert ["".join(r.text for r in line) for line in lines] == ["aaaa", "bbbb", "cccc"]
    lines = wrap_runs((Run("x" * 25),), 10 * 10 * 0.5, 10, FAKE)
    assert ["".join(r.text for r in line) for line in lines] == ["x" * 10, "x" * 10, "x" * 5]


def test_notes_are_reflowed_into_paragraphs():
    assert reflow("one\ntwo\n\n  three\nfour  \n") == "one two\nthree four"


def test_theme_logo_and_a_long_footer():
    text = (
        "meta:\n  title: Talk\n  footer: " + "A very long footer text " * 12 + "\n"
        "theme:\n  logo: {path: assets/icons/shield.png, alt: Company logo}\n"
        "sections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: title\n      - kind: bullets\n        title: B\n        bullets: [x]\n"
        "      - kind: bullets\n        title: C\n        bullets: [y]\n"
    )
    deck = layout_deck(outline_from(text), FAKE)
    for slide in deck.slides:
        logos = [i for i in slide.items if isinstance(i, Picture) and i.name == "Logo"]
        assert len(logos) == 1 and logos[0].alt == "Company logo"
    footer = next(
        i for i in deck.slides[1].items if isinstance(i, TextBox) and i.role is Role.FOOTER
    )
    assert footer.paragraphs[0].text.endswith("…") and len(footer.paragraphs[0].lines) == 1
    warnings = [d for d in deck.diagnostics if "footer" in d.message]
    assert len(warnings) == 1 and warnings[0].pos.line == 2  # meta


def test_a_table_row_taller_than_a_slide_is_an_error_not_an_overflow():
    huge = "word " * 400
    text = (
        "meta: {title: T}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: comparison\n        title: Big cell\n        columns: [A, B]\n"
        f"        rows:\n          - [x, '{huge}']\n"
    )
    with pytest.raises(BuildError) as info:
        layout_deck(outline_from(text), FAKE)
    errors = [d for d in info.value.diagnostics if d.severity.value == "error"]
    assert errors and "does not fit on the slide" in errors[0].message
    assert errors[0].pos.line == 6


def test_an_absurd_section_title_is_an_error():
    text = (
        "meta: {title: T}\nsections:\n  - title: '" + "Very long section title " * 30 + "'\n"
        "    slides:\n      - kind: bullets\n        title: B\n        bullets: [x]\n"
    )
    with pytest.raises(BuildError) as info:
        layout_deck(outline_from(text), FAKE)
    assert any(d.pos and d.pos.line == 3 for d in info.value.diagnostics)


def test_wrap_breaks_after_hyphens_but_not_inside_numbers():
    from deckgen.layout.frames import Run

    lines = wrap_runs((Run("a well-known"),), 8 * 10 * 0.5, 10, FAKE)
    assert ["".join(r.text for r in line) for line in lines] == ["a well-", "known"]
    lines = wrap_runs((Run("ab 2024-03-01"),), 11 * 10 * 0.5, 10, FAKE)
    assert ["".join(r.text for r in line) for line in lines] == ["ab", "2024-03-01"]
    url = "https://example.org/a-long-path"
    lines = wrap_runs((Run(url),), 20 * 10 * 0.5, 10, FAKE)
    assert "".join("".join(r.text for r in line) for line in lines) == url
    assert all(len("".join(r.text for r in line)) <= 20 for line in lines)


@pytest.fixture
def deadline():
    """Fail, rather than hang, if layout does not end within ten seconds."""
    import signal

    def expire(signum, frame):
        raise AssertionError("layout did not end within 10 s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_an_attribution_taller_than_the_body_is_an_error_not_a_hang(deadline):
    # it used to send the quote's continuation into a box with no room: an endless loop
    quote = "Lorem ipsum dolor sit amet. " * 60
    attribution = "Someone " * 300
    text = (
        "meta: {title: T}\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        f"      - kind: definition\n        title: Def\n        term: X\n"
        f"        quote: '{quote}'\n        attribution: '{attribution}'\n"
    )
    with pytest.raises(BuildError) as info:
        layout_deck(outline_from(text), AfmMeasurer())
    (err,) = [d for d in info.value.diagnostics if d.severity.value == "error"]
    assert err.pos.line == 6 and "attribution" in err.message
