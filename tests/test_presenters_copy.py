"""The presenter's copy never replaces the participants' (issue 23, item 1): with
``--answers`` the handout is ``NAME-answers.pdf`` and the web handout
``NAME-answers.html``, each its own line in the "wrote" lines and in ``--json``; and no
output of one build ever has the name of another (an error naming both, nothing written)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from deckgen import formats
from deckgen.build import BuildOptions, HandoutRequest, build
from deckgen.errors import BuildError

from .conftest import SMALL, run_cli

WEB = Path(__file__).resolve().parent / "fixtures" / "web" / "outline.yaml"  # has a quiz
NAME = "guards-and-gauges"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def both_copies(tmp_path_factory):
    """The participants' and the presenter's copies built into one folder, as a trainer
    does before a session; the presenter's with --json."""
    out = tmp_path_factory.mktemp("copies")
    common = ("build", str(WEB), "-o", str(out), "--format", "handout", "--format", "html")
    participants = run_cli(*common)
    assert participants.exit_code == 0, participants.output
    presenters = run_cli(*common, "--answers", "--json")
    assert presenters.exit_code == 0, presenters.output
    return out, participants.stdout, json.loads(presenters.stdout)


def test_the_presenters_copy_has_its_own_name_beside_the_participants(both_copies):
    out, _said, _manifest = both_copies
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        f"{NAME}-answers.html",
        f"{NAME}-answers.pdf",
        f"{NAME}-handout.pdf",
        f"{NAME}.html",
    ]
    # the participants' copies kept what they were: no answer key, no answer
    handout = _pdf_text(out / f"{NAME}-handout.pdf")
    key = _pdf_text(out / f"{NAME}-answers.pdf")
    assert "Answer key" not in handout and "Answer key" in key
    page = (out / f"{NAME}.html").read_text(encoding="utf-8")
    answered = (out / f"{NAME}-answers.html").read_text(encoding="utf-8")
    assert "Answer key" not in page and "Answer key" in answered


def test_wrote_lines_and_the_manifest_name_the_presenters_copy(both_copies):
    out, said, manifest = both_copies
    assert f"wrote {out / (NAME + '-handout.pdf')} (handout, " in said
    assert "presenter's copy" not in said
    by_path = {Path(o["path"]).name: o for o in manifest["outputs"]}
    assert set(by_path) == {f"{NAME}-answers.pdf", f"{NAME}-answers.html"}
    assert by_path[f"{NAME}-answers.pdf"]["format"] == "handout"
    assert all(o["answers"] for o in manifest["outputs"])


def test_the_presenters_wrote_line_says_so(tmp_path):
    result = run_cli("build", str(WEB), "-o", str(tmp_path), "--format", "handout", "--answers")
    assert result.exit_code == 0, result.output
    path = tmp_path / f"{NAME}-answers.pdf"
    assert f"wrote {path} (handout, presenter's copy, " in result.stdout


def test_the_deck_and_the_guide_keep_their_names_with_answers(tmp_path):
    result = build(
        BuildOptions(
            outline=SMALL,
            out_dir=tmp_path,
            formats=("pptx", "guide", "slides-pdf"),
            handout=HandoutRequest(answers=True),
        )
    )
    assert sorted(o.path.name for o in result.outputs) == [
        "locks-and-ladders-guide.pdf",
        "locks-and-ladders-slides.pdf",
        "locks-and-ladders.pptx",
    ]
    assert not any(o.answers for o in result.outputs)


def test_two_outputs_with_one_name_are_an_error_naming_both():
    with pytest.raises(BuildError) as raised:
        formats.distinct_paths(
            [("handout", Path("out/a.pdf")), ("pptx", Path("out/a.pptx")), ("x", Path("out/A.PDF"))]
        )
    (said,) = raised.value.diagnostics
    assert "handout and x would both be written to out/A.PDF" in said.message
    formats.distinct_paths([("handout", Path("out/a.pdf")), ("guide", Path("b/a.pdf"))])


def test_a_build_whose_formats_share_a_name_writes_nothing(tmp_path, monkeypatch):
    """A format whose file name is another's: refused before anything is written."""
    module = types.ModuleType("deckgen.formats.clash")
    module.FORMAT = formats.Format("clash", "the clash", "-handout.pdf", lambda job: (b"x", []))
    monkeypatch.setitem(sys.modules, "deckgen.formats.clash", module)
    monkeypatch.setitem(formats.REGISTRY, "clash", "clash")
    with pytest.raises(BuildError) as raised:
        build(BuildOptions(outline=SMALL, out_dir=tmp_path, formats=("handout", "clash")))
    (said,) = raised.value.diagnostics
    assert said.message.startswith("handout and clash would both be written to ")
    assert said.message.endswith("locks-and-ladders-handout.pdf")
    assert not list(tmp_path.iterdir())


def test_all_audiences_whose_files_share_a_name_write_nothing(tmp_path):
    """Audiences "Brief" and "brief" are two names to YAML and one file to macOS and
    Windows: one audience's deck would replace the other's."""
    text = SMALL.read_text(encoding="utf-8").replace("  deep:\n", "  Brief:\n")
    text = text.replace("[deep]", "[Brief]").replace("- deep", "- Brief")
    outline = tmp_path / "talk" / "outline.yaml"
    outline.parent.mkdir()
    outline.write_text(text, encoding="utf-8")
    for asset in (SMALL.parent / "assets").iterdir():
        (outline.parent / "assets").mkdir(exist_ok=True)
        (outline.parent / "assets" / asset.name).write_bytes(asset.read_bytes())
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--all-audiences", "-j", "1")
    assert result.exit_code != 0
    assert "the pptx of audience 'brief' and the pptx of audience 'Brief'" in result.stderr
    assert not out.exists() or not list(out.iterdir())
