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


def test_relationships_are_written_as_python_pptx_writes_them():
    """The package writer serialises each part's relationships itself (python-pptx made an
    element for each): the same bytes, external targets and awkward characters included."""
    from pptx.opc.package import Part, _Relationships
    from pptx.opc.packuri import PackURI

    from deckgen.render.pptx.writer import rels_xml

    rels = _Relationships("/ppt/slides")
    for number in (12, 3, 1):  # numbered out of order: written in numerical order
        target = Part(PackURI(f"/ppt/media/image{number}.png"), "image/png", None)
        rels._rels[f"rId{number}"] = _make_rel(rels, f"rId{number}", target)
    odd = "https://example.org/a?b=1&c=<2>\"'\t\n\r ünï 🔐"
    rels._rels["rId7"] = _make_rel(rels, "rId7", odd, external=True)
    rels._rels["other"] = _make_rel(rels, "other", "mailto:x@example.org", external=True)
    assert rels_xml(rels) == rels.xml


def _make_rel(rels, rid, target, external=False):
    from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import _Relationship

    mode = RTM.EXTERNAL if external else RTM.INTERNAL
    return _Relationship(rels._base_uri, rid, RT.HYPERLINK if external else RT.SLIDE, mode, target)
