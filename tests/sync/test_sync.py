"""`deckgen sync`: edits made in a built deck (here with python-pptx, as PowerPoint
saves them) come back as edits of exactly their outline scalars."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER as PP
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckgen.outline.yamledit import scalar_at

from ..conftest import ROOT, SHIPPED, check_pptx_strictly, run_cli, slide_titled
from ..template.hostile import MASTER, THEME, base, patched, replaced, write


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    """A copy of the shipped outline and its assets (sync writes the outline)."""
    folder = tmp_path / "talk"
    folder.mkdir()
    shutil.copy(SHIPPED, folder / "outline.yaml")
    shutil.copytree(ROOT / "assets", folder / "assets")
    return folder / "outline.yaml"


@pytest.fixture(scope="session")
def shipped_talk_built(tmp_path_factory) -> Path:
    """The shipped outline built once, without options, in a folder of its own."""
    folder = tmp_path_factory.mktemp("built") / "talk"
    folder.mkdir()
    shutil.copy(SHIPPED, folder / "outline.yaml")
    shutil.copytree(ROOT / "assets", folder / "assets")
    build(folder / "outline.yaml")
    return folder


@pytest.fixture
def built(shipped_talk_built, tmp_path) -> tuple[Path, Path]:
    """(outline, deck): a copy of that build, for a test to edit and sync."""
    folder = tmp_path / "talk"
    shutil.copytree(shipped_talk_built, folder)
    (deck,) = (folder / "out").glob("*.pptx")
    return folder / "outline.yaml", deck


def build(outline: Path, *options: str) -> Path:
    out = outline.parent / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "pptx", *options)
    assert result.exit_code == 0, result.output
    (deck,) = out.glob("*.pptx")
    check_pptx_strictly(deck)
    return deck


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old line, new line) for each line that differs (the files keep their lengths)."""
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new), "".join(difflib.unified_diff(old, new, lineterm="\n"))
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def shape(slide, name: str):
    """The one shape of ``slide`` whose name (before its id) is ``name``."""
    (found,) = [s for s in slide.shapes if s.name.split(" · dg")[0] == name]
    return found


def test_four_edits_change_exactly_their_four_scalars_and_the_rebuild_carries_them(built):
    talk, deck = built
    before = talk.read_text(encoding="utf-8")
    prs = Presentation(str(deck))
    title = slide_titled(prs, "Frameworks and sources").shapes.title
    title.text_frame.paragraphs[0].runs[0].text = "Frameworks and their sources"
    body = shape(slide_titled(prs, "Two terms, two kinds of risk"), "Body")
    body.text_frame.paragraphs[1].runs[-1].text += " alike"
    notes = slide_titled(prs, "What is AI security?").notes_slide.notes_text_frame
    notes.paragraphs[0].runs[0].text = (
        notes.paragraphs[0].runs[0].text.replace("Let’s start", "We start")
    )
    (table,) = [
        s for s in slide_titled(prs, "Security and safety, side by side").shapes if s.has_table
    ]
    table.table.cell(1, 1).text_frame.paragraphs[0].runs[0].text = "Guard the system"
    edited = talk.parent / "edited.pptx"
    prs.save(str(edited))

    result = run_cli("sync", str(edited), str(talk))

    assert result.exit_code == 0, result.output
    after = talk.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        (
            '          - "Closely related, but they address different risks"',
            '          - "Closely related, but they address different risks alike"',
        ),
        (
            '        title: "Frameworks and sources"',
            '        title: "Frameworks and their sources"',
        ),
        (
            "          Let’s start with security: protecting the system from outside",
            "          We start with security: protecting the system from outside",
        ),
        (
            '            - "Protect the system from external manipulation and unauthorized access"',
            '            - "Guard the system"',
        ),
    ]
    assert '+        title: "Frameworks and their sources"' in result.stdout  # the diff
    rebuilt = Presentation(str(build(talk)))
    assert slide_titled(rebuilt, "Frameworks and their sources")
    assert "We start with security" in (
        slide_titled(rebuilt, "What is AI security?").notes_slide.notes_text_frame.text
    )
    (table,) = [
        s for s in slide_titled(rebuilt, "Security and safety, side by side").shapes if s.has_table
    ]
    assert table.table.cell(1, 1).text == "Guard the system"
    # and syncing the rebuilt deck now changes nothing
    assert run_cli("sync", str(talk.parent / "out" / deck.name), str(talk)).exit_code == 0
    assert talk.read_text(encoding="utf-8") == after


def test_an_unedited_deck_changes_no_byte_of_the_outline(built):
    talk, deck = built
    before = talk.read_bytes()
    result = run_cli("sync", str(deck))  # the outline found from what the deck records
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert talk.read_bytes() == before


def test_dry_run_prints_the_diff_and_writes_nothing(built):
    talk, deck = built
    before = talk.read_bytes()
    prs = Presentation(str(deck))
    slide_titled(prs, "Frameworks and sources").shapes.title.text_frame.text = "Sources"
    prs.save(str(deck))
    result = run_cli("sync", str(deck), str(talk), "--dry-run")
    assert result.exit_code == 0, result.output
    assert '-        title: "Frameworks and sources"' in result.stdout
    assert '+        title: "Sources"' in result.stdout
    assert talk.read_bytes() == before


def test_bold_italic_and_links_come_back_as_markdown(built):
    talk, deck = built
    prs = Presentation(str(deck))
    slide = slide_titled(prs, "Two terms, two kinds of risk")
    paragraph = shape(slide, "Body").text_frame.paragraphs[0]  # "Often used interchangeably, …"
    run = paragraph.runs[0]
    run.text = "Often used "
    bold = paragraph.add_run()
    bold.text = "interchangeably"
    bold.font.bold = True
    rest = paragraph.add_run()
    rest.text = ", yet "
    link = paragraph.add_run()
    link.text = "distinct"
    link.hyperlink.address = "https://example.org/terms"
    link.font.italic = True
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 0, result.output
    path = ("sections", 1, "slides", 0, "bullets", 0)
    assert scalar_at(talk.read_text(encoding="utf-8"), path) == (
        "Often used **interchangeably**, yet [*distinct*](https://example.org/terms)"
    )


def test_generated_text_and_a_deleted_slide_are_conflicts_that_block_nothing(built):
    talk, deck = built
    before = talk.read_text(encoding="utf-8")
    prs = Presentation(str(deck))
    agenda = slide_titled(prs, "Agenda")
    agenda_number = list(prs.slides).index(agenda) + 1
    line = next(p for p in shape(agenda, "Body").text_frame.paragraphs if p.runs)
    line.runs[0].text = "Something else"
    frameworks = slide_titled(prs, "Frameworks and sources")
    deleted_number = list(prs.slides).index(frameworks) + 1
    _delete(prs, frameworks)
    slide_titled(prs, "What is AI security?").shapes.title.text_frame.text = "What is security?"
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 1
    said = result.stderr
    assert f"slide {agenda_number}: '**01**   Two sides of the same coin' in 'Body' became" in said
    assert "text the build generates" in said
    assert f"slide {deleted_number}: 'Frameworks and sources' was deleted" in said
    assert "2 conflicts" in said
    assert changed_lines(before, talk.read_text(encoding="utf-8")) == [
        ('        title: "What is AI security?"', '        title: "What is security?"')
    ]


def test_an_edit_in_an_audience_build_lands_in_that_audiences_override(talk):
    deck = build(talk, "--audience", "executives")
    before = talk.read_text(encoding="utf-8")
    prs = Presentation(str(deck))
    slide_titled(
        prs, "What to ask of your teams"
    ).shapes.title.text_frame.text = "What to ask your teams"
    prs.save(str(deck))

    result = run_cli("sync", str(deck))  # no --audience: the deck says which

    assert result.exit_code == 0, result.output
    assert changed_lines(before, talk.read_text(encoding="utf-8")) == [
        (
            '            title: "What to ask of your teams"',
            '            title: "What to ask your teams"',
        )
    ]


def test_an_edit_inside_a_variables_value_is_a_conflict_naming_it(talk):
    deck = build(talk, "--set", "presenter=Ada Lovelace")
    before = talk.read_bytes()
    prs = Presentation(str(deck))
    subtitle = shape(prs.slides[0], "Subtitle")
    para = next(p for p in subtitle.text_frame.paragraphs if "Ada Lovelace" in p.text)
    para.runs[0].text = para.runs[0].text.replace("Ada Lovelace", "Ada King")
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 1
    assert "{presenter}" in result.stderr
    assert talk.read_bytes() == before


def test_the_deck_records_its_ids_and_build(talk):
    deck = build(talk, "--audience", "engineers", "--set", "presenter=Ada")
    prs = Presentation(str(deck))
    package = prs.part.package
    custom = next(
        rel.target_part for rel in package._rels.values() if rel.reltype == RT.CUSTOM_PROPERTIES
    )
    text = custom.blob.decode("utf-8")
    assert '"audience": "engineers"' in text and '"presenter": "Ada"' in text
    assert '"outline": "outline.yaml"' in text
    slide = slide_titled(prs, "Frameworks and sources")
    tags = [rel.target_part for rel in slide.part.rels.values() if rel.reltype == RT.TAGS]
    said = b"".join(part.blob for part in tags)
    assert b'name="DECKGEN_SOURCE" val="id:frameworks"' in said
    assert b'name="DECKGEN_HOLDS" val="body"' in said
    assert b'val="title"' not in said  # a title placeholder is known by its type


def _delete(prs, slide) -> None:
    """Delete ``slide`` as PowerPoint does: its id and its relationship."""
    ids = prs.slides._sldIdLst
    for entry in list(ids):
        if prs.part.related_part(entry.rId) is slide.part:
            prs.part.drop_rel(entry.rId)
            ids.remove(entry)


@pytest.mark.libreoffice
def test_what_survives_a_libreoffice_round_trip(talk, tmp_path):
    """LibreOffice (7.4) keeps the build's record (custom properties) and the names of
    shapes that are not placeholders; it drops every tag and renames placeholders. The
    slides are then known by their neighbours and titles, placeholders by their type:
    an unedited round trip changes nothing, and edits of a title, a bullet, a note, a
    table cell and an analogy pair still come back."""
    deck = build(talk)
    converted = tmp_path / "lo"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(converted),
         str(deck)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    saved = (converted / deck.name).rename(converted / "saved-by-libreoffice.deck")
    with zipfile.ZipFile(saved) as archive:
        members = archive.namelist()
    assert "docProps/custom.xml" in members
    assert not [name for name in members if name.startswith("ppt/tags/")]
    prs = Presentation(str(saved))
    names = [shape.name for slide in prs.slides for shape in slide.shapes]
    assert "Summary · dg8.12" in names and not [n for n in names if n.startswith("Title")]

    before = talk.read_text(encoding="utf-8")
    result = run_cli("sync", str(saved), str(talk))
    assert result.exit_code == 0, result.output
    assert talk.read_text(encoding="utf-8") == before

    slides = prs.slides
    slides[4].shapes.title.text_frame.paragraphs[0].runs[0].text = "Frameworks and their sources"
    (body,) = [s for s in slides[3].placeholders if s.placeholder_format.type == PP.OBJECT]
    body.text_frame.paragraphs[1].runs[-1].text += " alike"
    notes = slides[6].notes_slide.notes_text_frame.paragraphs[0].runs[0]
    notes.text = notes.text.replace("Let’s start", "We start")
    (table,) = [s for s in slides[15].shapes if s.has_table]
    table.table.cell(1, 1).text_frame.paragraphs[0].runs[0].text = "Guard the system"
    left = [s for s in slides[7].placeholders if s.placeholder_format.type == PP.OBJECT][0]
    left.text_frame.paragraphs[1].runs[-1].text += " too"
    prs.save(str(saved))

    result = run_cli("sync", str(saved), str(talk))

    assert result.exit_code == 0, result.output
    assert [new for _old, new in changed_lines(before, talk.read_text(encoding="utf-8"))] == [
        '          - "Closely related, but they address different risks alike"',
        '        title: "Frameworks and their sources"',
        "          We start with security: protecting the system from outside",
        '          - left: "Locks on the doors too"',
        '            - "Guard the system"',
    ]


def test_an_edit_of_a_whole_variables_value_goes_to_its_definition(built):
    talk, deck = built
    before = talk.read_text(encoding="utf-8")
    prs = Presentation(str(deck))
    subtitle = shape(prs.slides[0], "Subtitle")
    para = next(p for p in subtitle.text_frame.paragraphs if p.text == "Your Name")
    para.runs[0].text = "Ada King"
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 0, result.output
    assert changed_lines(before, talk.read_text(encoding="utf-8")) == [
        ('  presenter: "Your Name"', '  presenter: "Ada King"')
    ]


def test_what_is_not_a_deck_is_refused_plainly(tmp_path, talk):
    fake = tmp_path / "fake.deck"  # a .pptx in tmp_path would go to the strict checker
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_cli("sync", str(fake), str(talk))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "fake.deck" in result.stderr


def test_an_overlays_drop_moves_no_edit_and_its_own_slides_are_not_the_outlines(talk):
    overlay = talk.parent / "client.yaml"
    overlay.write_text(
        "drop: [two-terms]\n"
        "add:\n"
        "  - after: frameworks\n"
        "    slides:\n"
        "      - {kind: bullets, id: client, title: For the client, bullets: [Ours]}\n",
        encoding="utf-8",
    )
    deck = build(talk, "--overlay", str(overlay))
    before = talk.read_text(encoding="utf-8")
    prs = Presentation(str(deck))
    slide_titled(prs, "Frameworks and sources").shapes.title.text_frame.text = "Sources"
    slide_titled(prs, "For the client").shapes.title.text_frame.text = "For our client"
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))  # the overlay: from the deck's record

    assert result.exit_code == 1  # the overlay's slide is not the outline's to edit
    said = result.stderr
    assert "'For the client' in 'Title' became 'For our client', but it comes from" in said
    assert "client.yaml, which sync does not edit" in said
    assert changed_lines(before, talk.read_text(encoding="utf-8")) == [
        ('        title: "Frameworks and sources"', '        title: "Sources"')
    ]
    assert "For the client" in overlay.read_text(encoding="utf-8")


def test_a_slide_added_or_moved_is_a_conflict_with_its_number(built):
    talk, deck = built
    before = talk.read_bytes()
    prs = Presentation(str(deck))
    ids = prs.slides._sldIdLst
    entries = list(ids)
    moved = entries[4]  # "Frameworks and sources", built as slide 5
    ids.remove(moved)
    ids.insert(1, moved)
    prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "My own slide"
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 1
    said = result.stderr
    assert "slide 2: 'Frameworks and sources' was moved (built as slide 5)" in said
    assert f"slide {len(entries) + 1}: was added in the deck" in said
    assert talk.read_bytes() == before


ENTITY = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY f "Comic Sans MS">]>'
DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"


@pytest.mark.parametrize(
    ("hostile", "said"),
    [
        (lambda: replaced(MASTER, DECLARATION, ENTITY), "declares a DOCTYPE or entities"),
        (lambda: patched(base(), THEME, size=17 * 1024 * 1024), "over the limit of 16 MiB"),
    ],
    ids=["xml-entities", "inflating-past-the-cap"],
)
def test_a_hostile_deck_gets_the_templates_refusal(tmp_path, talk, hostile, said):
    deck = write(tmp_path, hostile(), "hostile.deck")
    result = run_cli("sync", str(deck), str(talk))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and said in result.stderr


def test_an_outline_with_windows_line_ends_and_a_byte_order_mark_keeps_them(talk):
    talk.write_bytes(b"\xef\xbb\xbf" + talk.read_bytes().replace(b"\n", b"\r\n"))
    deck = build(talk)
    before = talk.read_bytes()
    prs = Presentation(str(deck))
    slide_titled(prs, "Frameworks and sources").shapes.title.text_frame.text = "Sources"
    prs.save(str(deck))

    result = run_cli("sync", str(deck), str(talk))

    assert result.exit_code == 0, result.output
    after = talk.read_bytes()
    assert after == before.replace(b'title: "Frameworks and sources"', b'title: "Sources"')
