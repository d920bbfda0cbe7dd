"""End-to-end through the CLI: build, re-open what was written, and check it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deckgen import __version__

from .conftest import ROOT, SHIPPED, check_pptx_strictly, run_cli


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def all_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            for row in shape.table.rows:
                parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


# ---------------------------------------------------------------------- the deck


def test_build_writes_a_valid_deck_and_a_manifest(shipped_build):
    result, deck = shipped_build
    manifest = json.loads(result.stdout)
    assert manifest["ok"] is True
    assert manifest["warnings"] == [] or all(
        w["severity"] == "warning" for w in manifest["warnings"]
    )
    out, handout = manifest["outputs"]
    assert (out["format"], handout["format"]) == ("pptx", "handout")
    assert Path(out["path"]) == deck
    assert Path(handout["path"]).name == "ai-security-vs-ai-safety-handout.pdf"
    assert out["bytes"] == deck.stat().st_size
    assert out["slides"] == manifest["slides"] > 15
    check_pptx_strictly(deck)


def test_every_slide_has_a_title_placeholder_and_notes(shipped_deck):
    for i, slide in enumerate(shipped_deck.slides, 1):
        title = slide.shapes.title
        assert title is not None, f"slide {i} has no title placeholder"
        assert title.is_placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text.strip(), f"slide {i} has an empty title"
        assert slide.has_notes_slide, f"slide {i} has no notes"
        assert len(slide.notes_slide.notes_text_frame.text) > 20, f"slide {i}: notes too short"


def test_the_explainer_is_all_there(shipped_deck):
    titles = [slide_title(s) for s in shipped_deck.slides]
    assert titles[0] == "AI Security vs. AI Safety"
    assert "Agenda" in titles
    for expected in (
        "What is AI security?",
        "What is AI safety?",
        "Glossary",
        "References",
        "Thank you",
    ):
        assert expected in titles
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


def test_speaker_notes_are_paragraphs_not_wrapped_lines(shipped_deck):
    notes = shipped_deck.slides[3].notes_slide.notes_text_frame
    # the outline hard-wraps its notes; the notes page must not
    assert len(notes.paragraphs) <= 3
    assert max(len(p.text) for p in notes.paragraphs) > 200


def test_the_comparison_is_a_native_table(shipped_deck):
    tables = [sh.table for s in shipped_deck.slides for sh in s.shapes if sh.has_table]
    assert len(tables) >= 1
    table = tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Aspect", "AI Security", "AI Safety"]
    first_column = [row.cells[0].text for row in table.rows]
    assert first_column[1:] == [
        "Primary Goal",
        "Source of Threat",
        "Core Question",
        "Simple Analogy",
    ]
    assert "prompt injection" in table.cell(2, 1).text
    assert table.first_row is True


def test_pictures_have_real_alt_text(shipped_deck):
    pictures = [
        sh
        for s in shipped_deck.slides
        for sh in s.shapes
        if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) >= 6
    for pic in pictures:
        descr = pic._element.nvPicPr.cNvPr.get("descr")
        assert descr and len(descr) > 5
        assert not descr.lower().endswith((".png", ".jpg", ".jpeg"))


def test_every_shape_lies_inside_the_slide(shipped_deck):
    w, h = shipped_deck.slide_width, shipped_deck.slide_height
    assert (w, h) == (12_192_000, 6_858_000)  # 16:9
    for i, slide in enumerate(shipped_deck.slides, 1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (i, shape.name)
            assert shape.left + shape.width <= w, (i, shape.name)
            assert shape.top + shape.height <= h, (i, shape.name)


def test_slide_numbers_are_fields_and_footers_are_present(shipped_deck):
    slide = shipped_deck.slides[3]
    xml = slide.shapes._spTree.xml
    assert 'type="slidenum"' in xml
    assert "AI Security vs. AI Safety · Your Organisation" in all_text(slide)


def test_theme_carries_the_deck_font(shipped_build):
    import zipfile

    with zipfile.ZipFile(shipped_build[1]) as z:
        theme = z.read("ppt/theme/theme1.xml").decode()
    assert 'typeface="Arial"' in theme and "Calibri" not in theme.split("<a:fontScheme")[1][:400]
    assert "1F5AA6" in theme  # the security colour is a theme accent


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


def test_build_without_an_outline_builds_the_shipped_explainer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("build")
    assert result.exit_code == 0, result.output
    assert "shipped explainer" in result.stderr
    deck = tmp_path / "build" / "ai-security-vs-ai-safety.pptx"
    assert deck.exists()
    assert slide_title(Presentation(str(deck)).slides[0]) == "AI Security vs. AI Safety"


def test_set_fills_variables(tmp_path):
    result = run_cli(
        "build",
        str(SHIPPED),
        "-o",
        str(tmp_path),
        "--set",
        "presenter=Ada Lovelace",
        "--set",
        "organisation=Analytical Engines Ltd",
    )
    assert result.exit_code == 0, result.output
    deck = Presentation(str(next(tmp_path.glob("*.pptx"))))
    first = all_text(deck.slides[0])
    assert "Ada Lovelace" in first and "Analytical Engines Ltd" in first
    assert "Analytical Engines Ltd" in all_text(deck.slides[3])  # the footer
    assert "Ada Lovelace" in deck.slides[0].notes_slide.notes_text_frame.text
    assert deck.core_properties.author == "Ada Lovelace"


def test_validate_reports_ok_and_errors(tmp_path):
    result = run_cli("validate", str(SHIPPED))
    assert result.exit_code == 0 and "ok" in result.stdout
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
    good.write_text(
        SHIPPED.read_text(encoding="utf-8").replace("./docs/", str(ROOT) + "/docs/"),
        encoding="utf-8",
    )
    # assets are relative to the outline's folder: link them in
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    assert run_cli("build", str(good), "-o", str(out)).exit_code == 0
    deck = next(out.glob("*.pptx"))
    before = deck.read_bytes()
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        good.read_text(encoding="utf-8").replace("kind: analogy", "kind: anology"), encoding="utf-8"
    )
    result = run_cli("build", str(broken), "-o", str(out))
    assert result.exit_code == 2
    assert "unknown slide kind 'anology'" in result.stderr and "did you mean 'analogy'" in (
        result.stderr
    )
    assert deck.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted([deck.name, deck.stem + "-handout.pdf"])


def test_unwritable_output_exits_3_without_partial_files(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("build", str(SHIPPED), "-o", str(blocker / "sub"))
    assert result.exit_code == 3
    assert "cannot write" in result.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_output_exits_3(tmp_path):  # pragma: no cover - CI runs as root
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = run_cli("build", str(SHIPPED), "-o", str(out))
    assert result.exit_code == 3
    assert list(out.iterdir()) == []


def test_builds_are_reproducible_with_source_date_epoch(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("build", str(SHIPPED), "-o", str(a), env=env).exit_code == 0
    assert run_cli("build", str(SHIPPED), "-o", str(b), env=env).exit_code == 0
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

    def interrupted(options):
        raise KeyboardInterrupt

    monkeypatch.setattr(deckgen.build, "build", interrupted)
    result = run_cli("build", str(SHIPPED), "-o", str(tmp_path))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert list(tmp_path.iterdir()) == []
