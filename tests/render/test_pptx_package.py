"""Long decks: notes-slide part names are counted, not scanned, and stay right."""

from __future__ import annotations

import zipfile

from pptx import Presentation

from ..conftest import check_pptx_strictly, run_cli


def test_a_long_deck_keeps_every_note_on_its_slide(tmp_path):
    slides = "\n".join(
        f"      - kind: bullets\n        title: Slide {i}\n        bullets: [Point {i}]\n"
        f"        notes: Notes for slide {i}."
        for i in range(1, 151)
    )
    outline = tmp_path / "long.yaml"
    outline.write_text(
        "meta: {title: Long}\nsections:\n  - title: All\n    divider: false\n    slides:\n"
        + slides
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    deck_path = tmp_path / "out" / "long.pptx"
    check_pptx_strictly(deck_path)
    deck = Presentation(str(deck_path))
    assert len(deck.slides) == 150
    for i, slide in enumerate(deck.slides, 1):
        assert slide.notes_slide.notes_text_frame.text == f"Notes for slide {i}."
    with zipfile.ZipFile(deck_path) as z:
        names = [n for n in z.namelist() if n.startswith("ppt/notesSlides/notesSlide")]
    assert sorted(names) == sorted(f"ppt/notesSlides/notesSlide{i}.xml" for i in range(1, 151))
