"""The library behind `deckgen audiences`, `template new` and `template check`, called
directly: each returns data, the command only prints it."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.audiences import summarise_audiences
from deckgen.build import BuildOptions, prepare
from deckgen.errors import InputError
from deckgen.outline.loader import load_outline, load_outline_text
from deckgen.template_new import new_template
from deckgen.template_trial import check_template

from .conftest import SMALL

TALK = """\
meta: {title: Talk}
audiences:
  quick: {description: "Short", minutes: 1}
  slow: {label: "Slow ones", description: "Deep", minutes: 90}
sections:
  - title: Intro
    slides:
      - kind: bullets
        title: Why
        bullets: [One, Two]
        notes: "{words}"
      - kind: bullets
        title: Deep only
        only: [slow]
        bullets: [Three]
"""


def test_each_audience_is_laid_out_and_summarised():
    source = load_outline_text(TALK.replace("{words}", "word " * 300), "talk.yaml")
    quick, slow = summarise_audiences(source)
    assert (quick.name, quick.label, quick.description, quick.minutes) == (
        "quick",
        "quick",
        "Short",
        1,
    )
    assert slow.label == "Slow ones"
    assert quick.slides == len(prepare(source, "quick", {}).deck.slides)
    assert slow.slides == len(prepare(source, "slow", {}).deck.slides) > quick.slides
    assert quick.planned_minutes is None  # no minutes: planned
    assert quick.estimated_minutes > 1 and quick.over  # 300 words do not fit a minute
    assert not slow.over
    assert list(quick.to_json()) == [
        "name",
        "label",
        "description",
        "minutes",
        "estimated_minutes",
        "planned_minutes",
        "slides",
    ]


def test_an_outline_without_audiences_has_none():
    source = load_outline_text(
        "meta: {title: T}\nsections:\n  - title: S\n    slides:\n      - {kind: title}\n", "t.yaml"
    )
    assert summarise_audiences(source) == []


def test_a_new_template_is_returned_not_written(tmp_path):
    path, data = new_template(str(tmp_path / "ours.pptx"), str(SMALL))
    assert path == tmp_path / "ours.pptx" and not path.exists()
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 0
    names = {layout.name for layout in prs.slide_layouts}
    assert {"Title Slide", "Title and Content", "Section Header"} <= names


def test_a_potx_template_is_a_template_package(tmp_path):
    types = []
    for name in ("ours.pptx", "ours.potx"):
        _path, data = new_template(str(tmp_path / name))
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types.append(package.read("[Content_Types].xml"))
    assert b"presentationml.template.main+xml" not in types[0]
    assert b"presentationml.template.main+xml" in types[1]


def test_a_new_template_refuses_another_suffix_and_an_existing_file(tmp_path):
    with pytest.raises(InputError, match="not a template name"):
        new_template(str(tmp_path / "ours.pdf"))
    there = tmp_path / "there.potx"
    there.write_bytes(b"kept")
    with pytest.raises(InputError, match="exists") as caught:
        new_template(str(there))
    assert caught.value.exit_code == 2
    assert new_template(str(there), force=True)[0] == there
    assert there.read_bytes() == b"kept"  # returned, never written


def _options(template: Path, outline: Path) -> BuildOptions:
    return BuildOptions(
        outline=outline,
        out_dir=Path("."),
        formats=("pptx",),
        display_name=outline.name,
        template=template,
    )


def test_checking_a_template_builds_in_memory_and_groups_what_it_says(tmp_path):
    path, data = new_template(str(tmp_path / "t.pptx"))
    path.write_bytes(data)
    before = sorted(tmp_path.iterdir())
    trial = check_template(str(path), _options(path, SMALL))
    assert sorted(tmp_path.iterdir()) == before  # nothing written
    slides = len(prepare(load_outline(SMALL), None, {}).deck.slides)
    assert trial.builds and trial.report["slides"] == slides
    assert list(trial.report) == [
        "file",
        "outline",
        "builds",
        "slides",
        "layouts",
        "fit",
        "contrast",
        "fonts",
        "template",
        "other",
        "template_findings",
    ]
    assert any("content slides use 'Title and Content'" in line for line in trial.report["layouts"])
    lines = trial.lines()
    assert lines[0] == f"{path} with outline.yaml: builds: {slides} slides"
    assert "fit: nothing to say" in lines
    assert len(trial.report["template_findings"]) > 0
    assert lines[-len(trial.by_layout) :] == trial.by_layout


def test_a_talk_that_would_not_build_is_an_answer_not_an_exception(tmp_path):
    path, data = new_template(str(tmp_path / "t.pptx"))
    path.write_bytes(data)
    shutil.copytree(SMALL.parent, tmp_path / "talk")
    outline = tmp_path / "talk" / "outline.yaml"
    text = SMALL.read_text(encoding="utf-8")
    outline.write_text(
        text.replace('title: "Ladder rules"', 'title: "' + "Very " * 30 + 'long"'),
        encoding="utf-8",
    )
    trial = check_template(str(path), _options(path, outline))
    assert not trial.builds and trial.report["slides"] is None
    assert any(d["severity"] == "error" for d in trial.report["fit"])
    assert "does not build" in trial.lines()[0]
    assert trial.report["template_findings"] == []
