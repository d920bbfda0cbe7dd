"""Audiences, overrides, overlays, variables and batch builds."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from deckgen.errors import InputError
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import tailor, tailor_with_report

from . import facts
from .conftest import (
    ROOT,
    SHIPPED,
    SMALL,
    all_text,
    check_pptx_strictly,
    run_cli,
    run_color,
    run_font,
    shapes_named,
    slide_titled,
    titles,
)

TALK = """\
meta:
  title: Talk
  footer: "Talk · {client}"
variables:
  client: "Nobody"
audiences:
  execs: {description: "Short", minutes: 1}
  devs: {description: "Deep", minutes: 60, handout: {per_page: 4}}
sections:
  - id: intro
    title: Intro
    slides:
      - kind: bullets
        id: why
        title: Why
        bullets:
          - Everyone sees this
          - {text: Only developers see this, only: [devs]}
          - {text: Executives never see this, skip: [execs]}
        notes:
          - Said to everyone.
          - {text: Said to developers only., only: [devs]}
        overrides:
          execs:
            title: Why it matters to {client}
            notes: Short version for executives.
      - kind: bullets
        id: deep
        only: [devs]
        title: Deep dive
        bullets: [Internals]
  - id: appendix
    title: Appendix
    skip: [execs]
    slides:
      - kind: glossary
glossary:
  - {term: Alpha, definition: First.}
  - {term: Beta, definition: Second., only: [devs]}
"""


def write(tmp_path: Path, text: str, name: str = "outline.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def slide_titles(outline) -> list[str]:
    return [getattr(s, "title", None) or s.kind for _sec, s in outline.slides()]


def captions_per_page(reader: PdfReader) -> list[set[int]]:
    """The slide numbers captioned ("7. Title") on each page after the cover."""
    return [
        {int(n) for n in re.findall(r"^(\d+)\. ", page.extract_text() or "", re.M)}
        for page in reader.pages[1:]
    ]


def test_selection_at_every_level(tmp_path):
    outline = load_outline(write(tmp_path, TALK))
    execs = tailor(outline, audience="execs")
    devs = tailor(outline, audience="devs")
    everyone = tailor(outline)
    # section and slide
    assert slide_titles(execs) == ["Why it matters to Nobody"]
    assert slide_titles(devs) == ["Why", "Deep dive", "Glossary"]
    assert slide_titles(everyone) == ["Why", "Deep dive", "Glossary"]
    # bullet
    why_execs = execs.sections[0].slides[0]
    assert [b.text for b in why_execs.bullets] == ["Everyone sees this"]
    why_devs = devs.sections[0].slides[0]
    assert [b.text for b in why_devs.bullets] == [
        "Everyone sees this",
        "Only developers see this",
        "Executives never see this",
    ]
    # note paragraphs
    assert why_devs.notes == "Said to everyone.\n\nSaid to developers only."
    assert why_execs.notes == "Short version for executives."
    # glossary entry
    assert [g.term for g in devs.glossary] == ["Alpha", "Beta"]
    assert [g.term for g in execs.glossary] == ["Alpha"]


def test_explain_report_says_what_was_kept_dropped_and_overridden(tmp_path):
    outline = load_outline(write(tmp_path, TALK))
    _tailored, report = tailor_with_report(outline, audience="execs")
    assert any("Deep dive" in d for d in report.dropped)
    assert any("Appendix" in d for d in report.dropped)
    assert any("title, notes replaced" in o for o in report.overridden)
    result = run_cli("explain", str(tmp_path / "outline.yaml"), "--audience", "execs")
    assert result.exit_code == 0, result.output
    # by the ids the outline gives (what overlays, only and skip name), with their titles
    assert "- bullets slide 'deep' ('Deep dive')" in result.stdout
    assert "~ bullets slide 'why' ('Why'): title, notes replaced" in result.stdout
    assert "- section 'appendix' ('Appendix')" in result.stdout
    assert "time: about" in result.stdout and "of a 1-minute slot" in result.stdout


@pytest.mark.parametrize(
    ("snippet", "line", "col", "message"),
    [
        ("only: [devz]", 18, 53, "unknown audience 'devz'"),
        ("skip: [exec]", 19, 54, "unknown audience 'exec'"),
    ],
)
def test_unknown_audience_names_point_at_their_line(tmp_path, snippet, line, col, message):
    text = TALK.replace("only: [devs]}", snippet.replace("only", "only") + "}", 1)
    if snippet.startswith("skip"):
        text = TALK.replace("skip: [execs]}", snippet + "}", 1)
    with pytest.raises(InputError) as info:
        load_outline(write(tmp_path, text))
    (diag,) = info.value.diagnostics
    assert message in diag.message
    assert (diag.pos.line, diag.pos.col) == (line, col)
    assert "did you mean" in diag.hint


def test_unknown_override_audience_and_bad_override_fields(tmp_path):
    text = TALK.replace(
        "          execs:\n            title:", "          exces:\n            titel:"
    )
    with pytest.raises(InputError) as info:
        load_outline(write(tmp_path, text))
    messages = {(d.pos.line, d.message) for d in info.value.diagnostics}
    assert (24, "unknown audience 'exces'") in messages
    assert (25, "unknown key 'titel'") in messages
    text = TALK.replace(
        "            notes: Short version",
        "            kind: closing\n            notes: Short version",
    )
    with pytest.raises(InputError) as info:
        load_outline(write(tmp_path, text))
    assert any(
        "'kind' cannot be overridden" in d.message and d.pos.line == 26
        for d in info.value.diagnostics
    )


def test_unknown_audience_on_the_command_line(tmp_path):
    path = write(tmp_path, TALK)
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--audience", "exec")
    assert result.exit_code == 2
    # the name came from the command line: the message says so, and names no outline line
    assert "--audience 'exec': the outline has no such audience" in result.stderr
    assert "did you mean 'execs'" in result.stderr and f"{path}:" not in result.stderr


def test_talk_time_over_the_slot_warns_with_numbers(tmp_path):
    path = write(tmp_path, TALK.replace("Short version for executives.", "word " * 400))
    result = run_cli(
        "build", str(path), "-o", str(tmp_path / "out"), "--audience", "devs", "--format", "pptx"
    )
    assert result.exit_code == 0
    assert "audience 'execs'" not in result.stderr
    result = run_cli(
        "build", str(path), "-o", str(tmp_path / "out"), "--audience", "execs", "--format", "pptx"
    )
    assert result.exit_code == 0
    assert f"{path}:7:10: warning: audience 'execs': about" in result.stderr
    assert "words of notes at 130 a minute" in result.stderr and "1-minute slot" in result.stderr
    strict = run_cli(
        "build", str(path), "-o", str(tmp_path / "s"), "--audience", "execs", "--strict"
    )
    assert strict.exit_code == 1


def test_audience_builds_are_suffixed_and_use_the_profile_handout(tmp_path):
    path = write(tmp_path, TALK)
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--audience", "devs")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["talk-devs-handout.pdf", "talk-devs.pptx"]
    # the devs profile asks for 4 slides a page: the captions of 3 slides share a page
    reader = PdfReader(str(tmp_path / "out" / "talk-devs-handout.pdf"))
    text = reader.pages[1].extract_text()
    assert "1. Intro" in text and "2. Why" in text and "3. Deep dive" in text
    # a profile without a label is named on the cover by its key
    assert re.search(r"Audience\s+devs\b", reader.pages[0].extract_text())
    # four a page: slides 1 to 4 share the first page of slides
    assert captions_per_page(reader)[0] == {1, 2, 3, 4}


def test_all_audiences_builds_each_profile(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(SHIPPED), "-o", str(out), "--all-audiences", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["ok"] is True
    assert [b["audience"] for b in payload["builds"]] == ["executives", "engineers", "newcomers"]
    decks = {}
    for name in ("executives", "engineers", "newcomers"):
        deck = out / f"ai-security-vs-ai-safety-{name}.pptx"
        assert (out / f"ai-security-vs-ai-safety-{name}-handout.pdf").exists()
        check_pptx_strictly(deck)
        decks[name] = Presentation(str(deck))

    def titles(name):
        return [s.shapes.title.text_frame.text for s in decks[name].slides]

    assert (
        len(decks["executives"].slides)
        < len(decks["newcomers"].slides)
        < len(decks["engineers"].slides)
    )
    assert "What to ask of your teams" in titles("executives")
    assert "Glossary" not in titles("executives") and "Agenda" not in titles("executives")
    assert "Locks, alarms and guards" in titles("executives")
    assert "Security and safety, side by side" in titles("executives")
    assert "Where the threats land in practice" in titles("engineers")
    assert "Where the threats land in practice" not in titles("newcomers")
    assert "References" in titles("engineers") and "References" not in titles("newcomers")
    assert "Frameworks and sources" not in titles("newcomers")
    glossary = [
        s for s in decks["newcomers"].slides if s.shapes.title.text_frame.text == "Glossary"
    ][0]
    body = "\n".join(sh.text_frame.text for sh in glossary.shapes if sh.has_text_frame)
    assert "Artificial intelligence (AI) model" in body
    # the executives' handout follows their profile: three slides a page
    handout = PdfReader(str(out / "ai-security-vs-ai-safety-executives-handout.pdf"))
    assert re.search(r"Audience\s+Executives\b", handout.pages[0].extract_text())
    pages = [p for p in captions_per_page(handout) if p]
    count = len(decks["executives"].slides)
    assert [len(p) for p in pages] == [3] * (count // 3) + ([count % 3] if count % 3 else [])
    assert set().union(*pages) == set(range(1, count + 1))


def test_all_audiences_on_the_small_talk(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(SMALL), "-o", str(out), "--all-audiences", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["ok"] is True
    # the 'deep' audience keeps every slide; 'brief' drops and retitles what facts.py says
    small_brief, small_deep = facts.small_brief_titles(), facts.slide_titles()
    assert [(b["audience"], b["slides"], b["warnings"]) for b in payload["builds"]] == [
        ("brief", len(small_brief), []),
        ("deep", len(small_deep), []),
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "locks-and-ladders-brief-handout.pdf",
        "locks-and-ladders-brief.pptx",
        "locks-and-ladders-deep-handout.pdf",
        "locks-and-ladders-deep.pptx",
    ]
    brief = Presentation(str(out / "locks-and-ladders-brief.pptx"))
    deep = Presentation(str(out / "locks-and-ladders-deep.pptx"))
    # slide level: skip (agenda, ladder rules), only (references); an override (title);
    # a section left with one slide loses its divider ("Ladders")
    assert titles(brief) == small_brief
    assert titles(deep) == small_deep

    def body(prs, title):
        (box,) = shapes_named(slide_titled(prs, title), "Body")
        return [p.text for p in box.text_frame.paragraphs]

    # bullet level: only [deep] and skip [brief]
    assert "Smart locks with an app" not in body(brief, "Kinds of locks")
    assert "Warded locks, the oldest kind" not in body(brief, "Kinds of locks")
    assert {"Smart locks with an app", "Warded locks, the oldest kind"} <= set(
        body(deep, "Kinds of locks")
    )
    # note level
    notes = slide_titled(brief, "Kinds of locks").notes_slide.notes_text_frame.text
    assert notes == "Three families of locks matter here, and each fails in its own way."
    notes = slide_titled(deep, "Kinds of locks").notes_slide.notes_text_frame.text
    assert "smart locks add a radio and an app" in notes
    # glossary level
    assert "Tension wrench" not in all_text(slide_titled(brief, "Glossary"))
    assert "Tension wrench" in all_text(slide_titled(deep, "Glossary"))
    # each handout follows its profile: the brief one three slides a page
    handout = PdfReader(str(out / "locks-and-ladders-brief-handout.pdf"))
    assert re.search(r"Audience\s+Brief\b", handout.pages[0].extract_text())
    pages = [p for p in captions_per_page(handout) if p]
    shown = len(small_brief)  # three a page, the last page the rest
    assert [len(p) for p in pages] == [min(3, shown - at) for at in range(0, shown, 3)]
    assert set().union(*pages) == set(range(1, len(small_brief) + 1))
    deep_handout = PdfReader(str(out / "locks-and-ladders-deep-handout.pdf"))
    assert re.search(r"Audience\s+Deep\b", deep_handout.pages[0].extract_text())
    for name in ("brief", "deep"):
        check_pptx_strictly(out / f"locks-and-ladders-{name}.pptx")


def test_audiences_command_lists_profiles_as_json():
    result = run_cli("audiences", str(SHIPPED), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == ["executives", "engineers", "newcomers"]
    for row in rows:
        assert row["description"] and isinstance(row["minutes"], int)
        assert 0 < row["estimated_minutes"] <= row["minutes"]
    by_name = {r["name"]: r for r in rows}
    assert by_name["executives"]["slides"] < by_name["engineers"]["slides"]
    text = run_cli("audiences", str(SHIPPED)).stdout
    assert "executives" in text and "min slot" in text


# --------------------------------------------------------------------------- overlays

OVERLAY = """\
meta:
  organisation: Contoso
variables:
  client: Contoso
theme:
  logo: {path: logo.png, alt: Contoso logo}
drop: [appendix]
add:
  - after: why
    slides:
      - kind: bullets
        id: contoso
        title: What this means at {client}
        bullets: [Our systems, Our people]
        notes: For Contoso only.
"""


def test_overlay_merges_drops_and_adds(tmp_path):
    path = write(tmp_path, TALK)
    client = tmp_path / "client"
    client.mkdir()
    (client / "logo.png").write_bytes((ROOT / "assets" / "icons" / "shield.png").read_bytes())
    overlay = write(client, OVERLAY, "client.yaml")
    out = tmp_path / "out"
    result = run_cli(
        "build", str(path), "--overlay", str(overlay), "-o", str(out), "--format", "pptx"
    )
    assert result.exit_code == 0, result.output
    deck = Presentation(str(out / "talk.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles == ["Intro", "Why", "What this means at Contoso", "Deep dive"]
    why = slide_titled(deck, "Why")
    footer = [sh.text_frame.text for sh in shapes_named(why, "Footer")]
    assert footer == ["Talk · Contoso"]
    logos = shapes_named(why, "Logo")
    assert len(logos) == 1
    assert logos[0]._element.nvPicPr.cNvPr.get("descr") == "Contoso logo"
    # the outline itself is unchanged
    assert "Contoso" not in path.read_text(encoding="utf-8")


def test_overlays_apply_in_order(tmp_path):
    path = write(tmp_path, TALK)
    first = write(tmp_path, "variables: {client: First}\n", "a.yaml")
    second = write(tmp_path, "variables: {client: Second}\n", "b.yaml")
    outline = load_outline(path, overlays=[first, second])
    assert tailor(outline).meta.footer == "Talk · Second"
    outline = load_outline(path, overlays=[second, first])
    assert tailor(outline).meta.footer == "Talk · First"


def test_errors_in_an_overlay_point_at_the_overlay(tmp_path):
    path = write(tmp_path, TALK)
    overlay = write(
        tmp_path,
        """\
        meta:
          organisaton: Contoso
        drop: [apendix]
        add:
          - after: nowhere
            slides: [{kind: bulets, title: X}]
        themes: {}
        """,
        "bad.yaml",
    )
    with pytest.raises(InputError) as info:
        load_outline(path, overlays=[overlay])
    found = {(Path(d.pos.file).name, d.pos.line, d.pos.col): d for d in info.value.diagnostics}
    assert ("bad.yaml", 2, 3) in found and "unknown key 'organisaton'" in found[
        ("bad.yaml", 2, 3)
    ].message
    assert ("bad.yaml", 3, 8) in found and "did you mean 'appendix'" in found[
        ("bad.yaml", 3, 8)
    ].hint
    assert ("bad.yaml", 5, 12) in found and "no slide with id 'nowhere'" in found[
        ("bad.yaml", 5, 12)
    ].message
    assert ("bad.yaml", 7, 1) in found and "did you mean 'theme'" in found[("bad.yaml", 7, 1)].hint
    result = run_cli("validate", str(path), "--overlay", str(overlay))
    assert result.exit_code == 2 and f"{overlay}:2:3: error: unknown key 'organisaton'" in (
        result.stderr
    )


def test_set_fills_the_handout_cover_and_undeclared_set_is_refused(tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "build",
        str(SMALL),
        "-o",
        str(out),
        "--format",
        "handout",
        "--set",
        "presenter=Grace Hopper",
        "--set",
        "date=2027-01-15",
    )
    assert result.exit_code == 0
    reader = PdfReader(str(out / "locks-and-ladders-handout.pdf"))
    cover = reader.pages[0].extract_text()
    assert re.search(r"Presenter\s+Grace Hopper", cover)
    assert re.search(r"Date\s+January 15, 2027", cover)
    assert "Pat Example" not in "".join(p.extract_text() for p in reader.pages)
    result = run_cli("build", str(SMALL), "-o", str(out), "--set", "speaker=X")
    assert result.exit_code == 2 and "no variable 'speaker'" in result.stderr


def test_an_audience_that_keeps_nothing_is_an_error(tmp_path):
    text = TALK.replace(
        "  - id: intro\n    title: Intro\n", "  - id: intro\n    title: Intro\n    only: [devs]\n"
    )
    path = write(tmp_path, text)
    result = run_cli("build", str(path), "-o", str(tmp_path / "o"), "--audience", "execs")
    assert result.exit_code == 2 and "keeps no slide" in result.stderr


def test_a_variable_without_a_value_must_be_set(tmp_path):
    path = write(tmp_path, TALK.replace('  client: "Nobody"', "  client:"))
    result = run_cli("build", str(path), "-o", str(tmp_path / "o"), "--format", "pptx")
    assert result.exit_code == 2
    assert f"{path}:5:3: error: variable 'client' has no value" in result.stderr
    assert "--set client=VALUE" in result.stderr
    result = run_cli(
        "build",
        str(path),
        "-o",
        str(tmp_path / "o"),
        "--format",
        "pptx",
        "--set",
        "client=Fabrikam",
    )
    assert result.exit_code == 0
    footer = [
        sh.text_frame.text
        for s in Presentation(str(tmp_path / "o" / "talk.pptx")).slides
        for sh in s.shapes
        if sh.name == "Footer"
    ]
    assert footer and set(footer) == {"Talk · Fabrikam"}


def test_an_audience_can_set_the_theme(tmp_path):
    text = TALK.replace(
        'devs: {description: "Deep", minutes: 60, handout: {per_page: 4}}',
        'devs: {description: "Deep", minutes: 60, theme: {font: Helvetica, '
        'colors: {primary: "#7A1F5C"}}}',
    )
    outline = load_outline(write(tmp_path, text))
    assert tailor(outline, audience="devs").theme.colors.primary == "#7A1F5C"
    assert tailor(outline, audience="devs").theme.font == "Helvetica"
    assert tailor(outline, audience="execs").theme.colors.primary == "#1F2A44"
    out = tmp_path / "out"
    result = run_cli(
        "build",
        str(tmp_path / "outline.yaml"),
        "-o",
        str(out),
        "--audience",
        "devs",
        "--format",
        "pptx",
    )
    assert result.exit_code == 0, result.output
    deck = Presentation(str(out / "talk-devs.pptx"))
    slide = slide_titled(deck, "Why")
    title = slide.shapes.title
    title_run = title.text_frame.paragraphs[0].runs[0]
    assert run_color(title_run, title, slide, deck) == "7A1F5C"
    assert run_font(title_run, slide.shapes.title, slide, deck) == "Helvetica"


def test_a_section_cut_to_one_slide_loses_its_divider(tmp_path):
    path = write(tmp_path, TALK)
    out = tmp_path / "out"
    assert (
        run_cli(
            "build", str(path), "-o", str(out), "--audience", "execs", "--format", "pptx"
        ).exit_code
        == 0
    )
    assert (
        run_cli(
            "build", str(path), "-o", str(out), "--audience", "devs", "--format", "pptx"
        ).exit_code
        == 0
    )
    execs = [
        s.shapes.title.text_frame.text for s in Presentation(str(out / "talk-execs.pptx")).slides
    ]
    devs = [
        s.shapes.title.text_frame.text for s in Presentation(str(out / "talk-devs.pptx")).slides
    ]
    assert execs == ["Why it matters to Nobody"]  # no "Intro" divider for one slide
    assert devs[0] == "Intro" and "Appendix" not in devs  # its one slide: the glossary
    explained = run_cli("explain", str(path), "--audience", "execs").stdout
    assert "divider of section 'intro' ('Intro'): one slide left" in explained


def test_explain_names_a_slide_without_an_id_by_its_title(tmp_path):
    path = write(tmp_path, TALK.replace("        id: deep\n", ""))
    result = run_cli("explain", str(path), "--audience", "execs")
    assert result.exit_code == 0, result.output
    assert "- bullets slide 'Deep dive'\n" in result.stdout
    assert "+ glossary slide 'glossary'" not in result.stdout  # appendix is skipped
    devs = run_cli("explain", str(path), "--audience", "devs").stdout
    assert "+ glossary slide 'glossary'\n" in devs  # no id, no title: its kind


def test_explain_an_unknown_audience_blames_the_command_line(tmp_path):
    path = write(tmp_path, TALK)
    result = run_cli("explain", str(path), "--audience", "exec")
    assert result.exit_code == 2
    assert "--audience 'exec'" in result.stderr and f"{path}:" not in result.stderr
