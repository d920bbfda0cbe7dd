"""End-to-end through the CLI: build, re-open what was written, and check it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from deckgen import __version__

from .conftest import (
    ROOT,
    SHIPPED,
    SMALL,
    all_text,
    check_pptx_strictly,
    color_of,
    run_cli,
    shapes_named,
    slide_title,
    slide_titled,
    titles,
)
from .facts import laid_out_slides, outline_counts, slide_titles, written_titles

SMALL_FOOTER = "Locks and Ladders · Fixture Works"
SMALL_ALT_TEXTS = {
    "A blue padlock, closed",
    "An orange ladder leaning upright",
    "A blue padlock on the door",
    "An orange ladder, the rules beside it",
}
LOCK_BLUE, LADDER_ORANGE = "2D5F9A", "9A4A0F"
BOTH_DECKS = pytest.mark.parametrize("deck_fixture", ["small_deck", "shipped_deck"])


def footer_of(slide) -> str | None:
    footers = shapes_named(slide, "Footer")
    assert len(footers) <= 1
    return footers[0].text_frame.text if footers else None


# ---------------------------------------------------------------------- the deck


def test_build_writes_a_valid_deck_and_a_manifest(small_build):
    result, deck = small_build
    manifest = json.loads(result.stdout)
    assert manifest["ok"] is True
    assert manifest["outline"] == str(SMALL)
    assert manifest["audience"] is None
    # the fixture talk fits its slides at the type scale: a warning here is a regression
    assert manifest["warnings"] == [], manifest["warnings"]
    assert result.stderr == ""
    out, handout = manifest["outputs"]
    assert (out["format"], handout["format"]) == ("pptx", "handout")
    assert Path(out["path"]) == deck and deck.name == "locks-and-ladders.pptx"
    assert Path(handout["path"]) == deck.with_name("locks-and-ladders-handout.pdf")
    for entry in (out, handout):
        data = Path(entry["path"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    slides = len(Presentation(str(deck)).slides)
    assert out["slides"] == handout["slides"] == manifest["slides"] == slides
    assert slides == laid_out_slides()  # every slide the talk lays out, none lost or added
    assert 0 < manifest["estimated_minutes"] < 30
    check_pptx_strictly(deck)


def test_the_shipped_talk_builds_without_warnings(shipped_build, shipped_deck):
    result, deck = shipped_build
    manifest = json.loads(result.stdout)
    assert manifest["ok"] is True and manifest["warnings"] == []
    assert manifest["outputs"][0]["path"] == str(deck)
    assert deck.name == "ai-security-vs-ai-safety.pptx"
    assert manifest["slides"] == len(shipped_deck.slides)


@BOTH_DECKS
def test_every_slide_has_a_title_placeholder_and_notes(request, deck_fixture):
    deck = request.getfixturevalue(deck_fixture)
    for i, slide in enumerate(deck.slides, 1):
        title = slide.shapes.title
        assert title is not None, f"slide {i} has no title placeholder"
        assert title.is_placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text.strip(), f"slide {i} has an empty title"
        assert slide.has_notes_slide, f"slide {i} has no notes"
        assert len(slide.notes_slide.notes_text_frame.text) > 20, f"slide {i}: notes too short"


def test_the_small_talk_has_every_slide_in_order(small_deck):
    assert titles(small_deck) == slide_titles()
    # each title the outline writes, in the outline's order
    shown = iter(titles(small_deck))
    assert all(title in shown for title in written_titles(SMALL))
    title = slide_titled(small_deck, "Locks and Ladders").shapes.title
    assert title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE


def test_the_explainer_is_all_there(shipped_deck):
    from deckgen.outline.loader import load_outline

    found = titles(shipped_deck)
    outline = load_outline(SHIPPED)
    title = slide_titled(shipped_deck, outline.meta.title).shapes.title
    assert outline.meta.title == "AI Security vs. AI Safety"
    assert title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    # every section of the outline (its divider) and every slide of it is in the deck
    for section in outline.sections:
        if section.divider:
            assert section.title in found, section.title
        for slide in section.slides:
            expected = getattr(slide, "title", None) or outline.meta.title
            assert expected in found, expected
    for expected in (
        "Agenda",
        "What is AI security?",
        "What is AI safety?",
        "Security and safety, side by side",
        "Glossary",
        "References",
        "Thank you",
    ):
        assert expected in found
    text = "\n".join(all_text(s) + s.notes_slide.notes_text_frame.text for s in shipped_deck.slides)
    for phrase in (
        "primarily revolves around protecting AI systems from unauthorized access",
        "involves broader considerations related to developing and using AI",
        "Amazon Web Services (AWS)",
        "NIST",
        "ISO/IEC 42001",
        "OWASP",
        "XPIA",
        "data poisoning",
        "Azure AI Content Safety",
        "hallucination",
        "break-fix",
        "Phi",
        "election",
        "shield",
        "compass",
        "This educational content was created with the assistance of AI tools including "
        "Claude, Gemini, and NotebookLM.",
    ):
        assert phrase.lower() in text.lower(), phrase
    # variables are filled: no placeholder survives
    assert "{presenter}" not in text and "Your Name" in text
    # its comparison is a native table with the talk's four aspects
    (table,) = [
        sh.table
        for sh in slide_titled(shipped_deck, "Security and safety, side by side").shapes
        if sh.has_table
    ]
    assert [c.text for c in table.rows[0].cells] == ["Aspect", "AI Security", "AI Safety"]
    assert [r.cells[0].text for r in table.rows][1:] == [
        "Primary Goal",
        "Source of Threat",
        "Core Question",
        "Simple Analogy",
    ]


def test_speaker_notes_are_paragraphs_not_wrapped_lines(small_deck):
    # the outline hard-wraps these notes over six lines; the notes page has one paragraph
    notes = slide_titled(small_deck, "What is a lock?").notes_slide.notes_text_frame
    (paragraph,) = notes.paragraphs
    assert paragraph.text.startswith("We start with locks. A lock keeps a door shut until")
    assert "the handout lists among its references, quoted on this very slide." in paragraph.text
    assert paragraph.text.endswith("the lock is there to make sure that they cannot.")
    assert len(paragraph.text) > 300 and "\n" not in paragraph.text and "  " not in paragraph.text
    # a list of notes is a paragraph each
    notes = slide_titled(small_deck, "Kinds of locks").notes_slide.notes_text_frame
    assert [p.text for p in notes.paragraphs] == [
        "Three families of locks matter here, and each fails in its own way.",
        "For the deep cut: smart locks add a radio and an app.",
    ]


def test_bullets_and_sub_bullets_are_paragraph_levels(small_deck):
    slide = slide_titled(small_deck, "Kinds of locks")
    (body,) = shapes_named(slide, "Body")
    assert body.is_placeholder
    got = [(p.level, p.text) for p in body.text_frame.paragraphs]
    assert got == [
        (0, "Pin tumbler locks"),
        (1, "Key pins and driver pins"),
        (1, "Picked with a tension wrench"),
        (0, "Combination locks"),
        (1, "No key to lose"),
        (0, "Smart locks with an app"),
        (0, "Warded locks, the oldest kind"),
    ]


def test_the_comparison_is_a_native_table(small_deck):
    slide = slide_titled(small_deck, "Locks vs. ladders")
    (frame,) = [sh for sh in slide.shapes if sh.has_table]
    table = frame.table
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Aspect", "Locks", "Ladders"],
        ["Purpose", "Keep people out", "Get people up"],
        ["Main risk", "A picked lock", "A fall from the top rung"],
    ]
    assert table.first_row is True
    # each concept's column head is in the concept's colour
    heads = [color_of(table.cell(0, c).fill.fore_color, small_deck) for c in (1, 2)]
    assert heads == [LOCK_BLUE, LADDER_ORANGE]
    assert sum(col.width for col in table.columns) == frame.width


@BOTH_DECKS
def test_pictures_have_real_alt_text(request, deck_fixture):
    deck = request.getfixturevalue(deck_fixture)
    pictures = [
        sh for s in deck.slides for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) >= 6
    for pic in pictures:
        descr = pic._element.nvPicPr.cNvPr.get("descr")
        assert descr and len(descr) > 5
        assert not descr.lower().endswith((".png", ".jpg", ".jpeg"))


def test_pictures_carry_the_outlines_alt_text(small_deck):
    descr = {
        sh._element.nvPicPr.cNvPr.get("descr")
        for s in small_deck.slides
        for sh in s.shapes
        if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    }
    assert descr == SMALL_ALT_TEXTS
    (picture,) = shapes_named(slide_titled(small_deck, "Ladder rules"), "Picture")
    assert picture._element.nvPicPr.cNvPr.get("descr") == "An orange ladder, the rules beside it"


@BOTH_DECKS
def test_every_shape_lies_inside_the_slide(request, deck_fixture):
    deck = request.getfixturevalue(deck_fixture)
    w, h = deck.slide_width, deck.slide_height
    assert (w, h) == (12_192_000, 6_858_000)  # 16:9
    for i, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (i, shape.name)
            assert shape.left + shape.width <= w, (i, shape.name)
            assert shape.top + shape.height <= h, (i, shape.name)


def test_slide_numbers_are_fields_and_footers_are_present(small_deck):
    without_chrome = []
    for number, slide in enumerate(small_deck.slides, 1):
        boxes = shapes_named(slide, "Slide number")
        if not boxes:
            assert footer_of(slide) is None
            without_chrome.append(slide_title(slide))
            continue
        fields = boxes[0]._element.findall(".//" + qn("a:fld"))
        assert [f.get("type") for f in fields] == ["slidenum"], number
        assert fields[0].findtext(qn("a:t")) == str(number)
        assert footer_of(slide) == SMALL_FOOTER
    # the title and closing slides carry no chrome; every other slide does
    assert without_chrome == ["Locks and Ladders", "Thank you"]


def test_theme_carries_the_deck_font_and_concept_colours(small_build):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(small_build[1]) as z:
        theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    fonts = {e.get("typeface") for e in theme.iterfind(".//a:fontScheme/*/a:latin", ns)}
    assert fonts == {"Arial"}
    accents = [theme.find(f".//a:clrScheme/a:accent{i}/a:srgbClr", ns).get("val") for i in (1, 2)]
    assert accents == [LOCK_BLUE, LADDER_ORANGE]  # the concepts are the theme's accents


# ---------------------------------------------------------------------- the CLI


def test_version_and_help():
    result = run_cli("--version")
    assert result.exit_code == 0 and __version__ in result.stdout
    for flag in ("-h", "--help"):
        result = run_cli(flag)
        assert result.exit_code == 0
        for command in ("build", "validate", "schema", "init"):
            assert command in result.stdout


def test_help_does_not_import_the_back_ends():
    code = (
        "import sys\n"
        "from deckgen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pptx', 'reportlab', 'pydantic', 'yaml') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY="


def test_python_dash_m_works():
    proc = subprocess.run(
        [sys.executable, "-m", "deckgen", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in proc.stdout


def test_the_command_ends_with_its_exit_code_and_every_line_printed(tmp_path):
    """The command leaves without tearing the interpreter down: its code and its output
    (to pipes, which buffer) must still arrive whole."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "deckgen", "build", str(bad), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert f"{bad}:3:1: error: YAML syntax error" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "deckgen", "build", str(SMALL), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    wrote = [line for line in proc.stdout.splitlines() if line.startswith("wrote ")]
    assert len(wrote) == 2 and proc.stdout.endswith("\n")


def test_build_without_an_outline_builds_the_shipped_explainer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("build")
    assert result.exit_code == 0, result.output
    assert "shipped explainer" in result.stderr
    deck = tmp_path / "build" / "ai-security-vs-ai-safety.pptx"
    assert deck.exists()
    title = slide_titled(Presentation(str(deck)), "AI Security vs. AI Safety").shapes.title
    assert title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE


def test_set_fills_variables(tmp_path):
    result = run_cli(
        "build",
        str(SMALL),
        "-o",
        str(tmp_path),
        "--format",
        "pptx",
        "--set",
        "presenter=Ada Lovelace",
        "--set",
        "organisation=Analytical Engines Ltd",
    )
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "locks-and-ladders.pptx"))
    opening = slide_titled(deck, "Locks and Ladders")
    (subtitle,) = shapes_named(opening, "Subtitle")  # the presenter lines below the subtitle
    assert subtitle.is_placeholder
    assert [p.text for p in subtitle.text_frame.paragraphs][-2:] == [
        "Ada Lovelace",
        "Analytical Engines Ltd · 2030",
    ]
    notes = opening.notes_slide.notes_text_frame.text
    assert "I am Ada Lovelace from Analytical Engines Ltd" in notes
    footers = {footer_of(s) for s in deck.slides} - {None}
    assert footers == {"Locks and Ladders · Analytical Engines Ltd"}
    (closing,) = shapes_named(slide_titled(deck, "Thank you"), "Message")
    assert closing.text_frame.paragraphs[-1].text == "Ada Lovelace · Analytical Engines Ltd"
    text = "\n".join(all_text(s) + s.notes_slide.notes_text_frame.text for s in deck.slides)
    assert "Pat Example" not in text and "Fixture Works" not in text and "{" not in text
    assert deck.core_properties.author == "Ada Lovelace"


def test_validate_reports_ok_and_errors(tmp_path):
    result = run_cli("validate", str(SHIPPED))
    assert result.exit_code == 0 and f"{SHIPPED}: ok (" in result.stdout
    result = run_cli("validate", str(SMALL))
    assert result.exit_code == 0
    sections, slides = outline_counts(SMALL)
    assert result.stdout == f"{SMALL}: ok ({sections} sections, {slides} slides in the outline)\n"
    bad = tmp_path / "outline.yaml"
    bad.write_text("meta:\n  title: X\n  titel: Y\nsections: []\n", encoding="utf-8")
    result = run_cli("validate", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3:3: error: unknown key 'titel'" in result.stderr
    assert "did you mean 'title'?" in result.stderr
    assert f"{bad}:4:11: error: 'sections' needs at least 1 item" in result.stderr
    assert "Traceback" not in result.output


def test_schema_command_prints_the_committed_schema():
    result = run_cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    committed = (ROOT / "docs" / "outline.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run: deckgen schema > docs/outline.schema.json"
    first_line = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./docs/outline.schema.json"


def test_the_fixture_talks_follow_the_committed_schema():
    import jsonschema
    import yaml

    schema = json.loads((ROOT / "docs" / "outline.schema.json").read_text(encoding="utf-8"))
    for outline in (SHIPPED, SMALL):
        jsonschema.validate(yaml.safe_load(outline.read_text(encoding="utf-8")), schema)
    first_line = SMALL.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../../docs/outline.schema.json"
    assert (SMALL.parent / "../../../docs/outline.schema.json").resolve().is_file()


def test_init_scaffolds_a_talk_that_builds_strictly(tmp_path, monkeypatch):
    target = tmp_path / "talk"
    result = run_cli("init", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "outline.yaml").exists()
    monkeypatch.chdir(target)
    result = run_cli("build", "--strict")
    assert result.exit_code == 0, result.output
    deck = target / "build" / "my-talk.pptx"
    check_pptx_strictly(deck)
    kinds_seen = {slide_title(s) for s in Presentation(str(deck)).slides}
    assert {"My Talk", "Agenda", "Idea A vs. Idea B", "Glossary", "Thank you"} <= kinds_seen
    # and shows what a talk can hold: a picture (an SVG), a chart and a code listing
    assert {"The two ideas in one picture", "How often each comes up"} <= kinds_seen
    assert "Idea A in practice" in kinds_seen
    assert (target / "assets" / "diagram.svg").read_bytes().startswith(b"<svg")
    # a second init does not overwrite the talk
    result = run_cli("init", str(target))
    assert result.exit_code == 2 and "already exists" in result.stderr


def test_strict_turns_warnings_into_exit_1(tmp_path):
    outline = tmp_path / "outline.yaml"
    long_points = "\n".join(
        f'          - "Point {i}: ' + "a fairly long statement " * 3 + '"' for i in range(12)
    )
    outline.write_text(
        "meta:\n  title: Crowded\nsections:\n  - title: S\n    slides:\n"
        "      - kind: bullets\n        title: Too many points\n        bullets:\n"
        + long_points
        + "\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"{outline}:6:9: warning: slide 2 'Too many points'" in result.stderr
    assert "(cont.)" in result.stderr
    result = run_cli("build", str(outline), "-o", str(tmp_path / "strict"), "--strict")
    assert result.exit_code == 1
    assert not (tmp_path / "strict").exists() or not any((tmp_path / "strict").iterdir())


def test_bad_input_exits_2_and_keeps_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    good = tmp_path / "good.yaml"
    good.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    # assets are relative to the outline's folder, and must lie inside it: copy them in
    shutil.copytree(SMALL.parent / "assets", tmp_path / "assets")
    assert run_cli("build", str(good), "-o", str(out)).exit_code == 0
    deck = next(out.glob("*.pptx"))
    before = deck.read_bytes()
    broken = tmp_path / "broken.yaml"
    text = good.read_text(encoding="utf-8").replace("kind: analogy", "kind: anology")
    broken.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "kind: anology" in s)
    result = run_cli("build", str(broken), "-o", str(out))
    assert result.exit_code == 2
    assert f"{broken}:{line}:" in result.stderr
    assert "unknown slide kind 'anology'" in result.stderr and "did you mean 'analogy'" in (
        result.stderr
    )
    assert deck.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted([deck.name, deck.stem + "-handout.pdf"])


def test_unwritable_output_exits_3_without_partial_files(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("build", str(SMALL), "-o", str(blocker / "sub"))
    assert result.exit_code == 3
    assert "cannot write" in result.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_output_exits_3(tmp_path):  # pragma: no cover - CI runs as root
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = run_cli("build", str(SMALL), "-o", str(out))
    assert result.exit_code == 3
    assert list(out.iterdir()) == []


def test_builds_are_reproducible_with_source_date_epoch(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("build", str(SMALL), "-o", str(a), env=env).exit_code == 0
    assert run_cli("build", str(SMALL), "-o", str(b), env=env).exit_code == 0
    da, db = next(a.glob("*.pptx")), next(b.glob("*.pptx"))
    assert da.read_bytes() == db.read_bytes()
    created = Presentation(str(da)).core_properties.created
    assert created.year == 2023 and created.month == 11


def test_json_errors_are_machine_readable(tmp_path):
    bad = tmp_path / "o.yaml"
    bad.write_text(
        "meta: {title: X}\nsections:\n  - title: S\n    slides:\n      - kind: nope\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(bad), "-o", str(tmp_path / "out"), "--json")
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    (err,) = payload["errors"]
    assert (err["line"], err["column"]) == (5, 15)
    assert "unknown slide kind 'nope'" in err["message"]


def test_interrupted_build_exits_130(tmp_path, monkeypatch):
    import deckgen.build

    def interrupted(options, progress=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(deckgen.build, "build", interrupted)
    result = run_cli("build", str(SMALL), "-o", str(tmp_path))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("a\x07b", "the control character U+0007"),
        ("a\x7fb", "the control character U+007F"),
        ("a\x00b", "the control character U+0000"),
        ("\ufffe", "the character U+FFFE"),
        (b"\xff\xfe".decode("utf-8", "surrogateescape"), "a byte that is not UTF-8"),
    ],
    ids=["bell", "del", "nul", "fffe", "not-utf8"],
)
def test_a_set_value_obeys_the_outlines_rule_for_text(tmp_path, value, said):
    # these used to crash the build, or (DEL) reach the outputs
    result = run_cli("build", str(SMALL), "-o", str(tmp_path), "--set", f"presenter={value}")
    assert result.exit_code == 2, result.output
    assert f"--set presenter: the value contains {said}" in result.stderr
    assert "internal error" not in result.stderr and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("epoch", ["4354819200", "99999999999999999999", "abc", "-5", "1e9"])
def test_a_source_date_epoch_out_of_range_is_bad_input(tmp_path, epoch):
    result = run_cli("build", str(SMALL), "-o", str(tmp_path), env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 2, result.output
    assert "SOURCE_DATE_EPOCH" in result.stderr and "2107" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_last_source_date_epoch_a_zip_can_hold_builds(tmp_path):
    result = run_cli(
        "build", str(SMALL), "-o", str(tmp_path), env={"SOURCE_DATE_EPOCH": "4354819199"}
    )
    assert result.exit_code == 0, result.output


def test_init_writes_its_schema_beside_the_outline_and_points_at_it(tmp_path):
    import jsonschema
    import yaml

    assert run_cli("init", str(tmp_path / "talk")).exit_code == 0
    outline = tmp_path / "talk" / "outline.yaml"
    first = outline.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./outline.schema.json"  # works offline
    schema = json.loads((tmp_path / "talk" / "outline.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(outline.read_text(encoding="utf-8")), schema)


def test_init_never_writes_through_a_symlink(tmp_path):
    victim = tmp_path / "victim.yaml"
    victim.write_text("keep me\n", encoding="utf-8")
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "outline.yaml").symlink_to(victim)
    result = run_cli("init", str(folder), "--force")
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in folder.iterdir()) == ["outline.yaml"]


def test_init_with_an_empty_folder_name_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "")
    assert result.exit_code == 2 and "needs a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_bidirectional_override_is_a_warning_at_its_line(tmp_path):
    outline = tmp_path / "talk.yaml"
    outline.write_text(
        'meta: {title: "Talk \\u202e reversed"}\nsections:\n  - title: S\n    slides:\n'
        "      - {kind: bullets, title: B, bullets: [x]}\n",
        encoding="utf-8",
    )
    checked = run_cli("validate", str(outline))
    assert checked.exit_code == 0
    assert f"{outline}:1:" in checked.stderr and "bidirectional control U+202E" in checked.stderr
    built = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0 and "U+202E" in built.stderr
    strict = run_cli("build", str(outline), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.exit_code == 1 and not (tmp_path / "strict").exists()


def test_the_footer_and_number_are_the_layouts_placeholders_and_the_masters_match(small_deck):
    from pptx.enum.shapes import PP_PLACEHOLDER

    from deckgen.layout.design import Design, Palette

    design = Design("Arial", Palette("000000", "000000", "000000", "FFFFFF", "EEEEEE", {}))
    checked = 0
    for slide in small_deck.slides:
        named = {sh.name: sh for sh in slide.shapes}
        if "Footer" not in named:
            continue
        footer, number = named["Footer"], named["Slide number"]
        assert footer.is_placeholder and footer.placeholder_format.type == PP_PLACEHOLDER.FOOTER
        assert number.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
        assert number.text_frame.text == str(small_deck.slides.index(slide) + 1)
        checked += 1
    assert checked >= 10
    master = {ph.placeholder_format.type: ph for ph in small_deck.slide_master.placeholders}
    box = design.footer_box(has_logo=False)
    footer = master[PP_PLACEHOLDER.FOOTER]
    assert (footer.left, footer.top, footer.width, footer.height) == (box.x, box.y, box.w, box.h)
