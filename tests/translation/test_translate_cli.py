"""`deckgen translate` and `build --translation` end to end, with translate-toolkit (tools
nobody here wrote) reading, pseudo-translating and saving the files deckgen writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from translate.storage import po, xliff

from deckgen.inline import plain
from deckgen.labels import labels_for
from deckgen.outline.loader import load_outline

from ..conftest import ROOT, SHIPPED, check_pptx_strictly, run_cli

# units that no build's deck shows: other audiences' fields, the audiences' own
# descriptions, the guide's materials, the PDF's keywords (each is checked elsewhere)
NOT_IN_THE_DECK = ("@audiences/", "@meta/materials", "@meta/keywords")


def talk(folder: Path) -> Path:
    """A copy of the shipped talk with its translations: list taken out (so it names
    none yet)."""
    text = SHIPPED.read_text(encoding="utf-8")
    listed = re.search(r"\ntranslations:\n(  .*\n)+", text)
    assert listed, "the shipped talk lists its translations"
    (folder / "outline.yaml").write_text(text.replace(listed[0], "\n"), encoding="utf-8")
    shutil.copytree(ROOT / "assets", folder / "assets")
    return folder / "outline.yaml"


def extract(outline: Path, language: str, *more: str) -> Path:
    done = run_cli("translate", "extract", str(outline), "--to", language, *more)
    assert done.exit_code == 0, done.output
    found = re.search(r"wrote (\S+)", done.stdout)
    return Path(found[1])


def podebug(source: Path, target: Path) -> Path:
    """translate-toolkit's pseudo-translation: every text becomes xxxTEXTxxx."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "translate.tools.podebug",
            "--rewrite=xxx",
            str(source),
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    return target


def deck_text(path: Path) -> str:
    """Every paragraph of a deck (slides, notes, alt texts), each run-joined, one a line."""
    lines = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            lines.append(shape._element.xpath("string(.//p:cNvPr/@descr)"))
            if shape.has_text_frame:
                lines += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                lines += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            lines += [p.text for p in slide.notes_slide.notes_text_frame.paragraphs]
    return "\n".join(" ".join(line.split()) for line in lines)


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """The shipped talk extracted to PO and XLIFF, pseudo-translated by podebug, built."""
    folder = tmp_path_factory.mktemp("pseudo")
    outline = talk(folder)
    built = {}
    for language, kind in (("de", "po"), ("fr", "xliff")):
        file = extract(outline, language, "--format", kind)
        pseudo = podebug(file, file.with_name(f"pseudo-{file.name}"))
        out = folder / f"out-{language}"
        done = run_cli("build", str(outline), "--translation", str(pseudo), "-o", str(out))
        assert done.exit_code == 0, done.output
        built[kind] = (pseudo, out / f"ai-security-vs-ai-safety-{language}.pptx", done)
    return outline, built


def test_translate_toolkit_reads_what_deckgen_writes(tmp_path):
    outline = talk(tmp_path)
    po_file = extract(outline, "de")
    xlf_file = extract(outline, "fr", "-o", str(tmp_path / "fr.xlf"))
    po_store, xlf_store = (
        po.pofile.parsefile(str(po_file)),
        xliff.xlifffile.parsefile(str(xlf_file)),
    )
    po_units = [u for u in po_store.units if not u.isheader()]
    assert len(po_units) == len(xlf_store.units) > 200
    assert {u.getcontext() for u in po_units} == {
        u.getid().split("\x04")[-1] for u in xlf_store.units
    }
    assert po_store.parseheader()["Language"] == "de"
    bullet = next(u for u in po_units if u.getcontext() == "two-terms/bullets/1/text")
    assert bullet.getlocations() == [f"outline.yaml:{_line_of(outline, 'id: two-terms')}"]
    assert "Two terms, two kinds of risk (bullets)" in bullet.getnotes()
    root = xlf_store.document.getroot()
    assert root.get("version") == "1.2" and root.nsmap[None].endswith("document:1.2")
    if shutil.which("msgfmt"):  # GNU gettext, where it is installed
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_file)], check=True)


POFILTER = ("variables", "xmltags", "printf", "pythonbraceformat", "escapes", "newlines")


def _pofilter(source: Path, folder: Path) -> list[str]:
    """The units translate-toolkit's pofilter finds failing its checks of variables,
    tags, escapes and line breaks (it writes only those; nothing where none fails)."""
    found = folder / f"failing-{source.name}"
    checks = [arg for name in POFILTER for arg in ("-t", name)]
    command = [sys.executable, "-m", "translate.filters.pofilter", *checks, str(source), str(found)]
    subprocess.run(command, check=True, capture_output=True)
    if not found.exists():
        return []
    store = (po.pofile if found.suffix == ".po" else xliff.xlifffile).parsefile(str(found))
    return [u.getid() for u in store.units if not u.isheader()]


@pytest.mark.parametrize(
    "file",
    [ROOT / "assets" / "translations" / "de.po", ROOT / "assets" / "translations" / "fr.xlf"],
)
def test_pofilter_finds_nothing_in_the_shipped_translations(file, tmp_path):
    assert _pofilter(file, tmp_path) == []


def test_pofilter_passes_a_pseudo_translation_and_catches_a_dropped_variable(pseudo, tmp_path):
    """translate-toolkit's checks on what deckgen writes and podebug translates: nothing
    fails; a translation that drops a {variable} is caught, so the check does run."""
    _outline, built = pseudo
    for file, _deck, _done in built.values():
        assert _pofilter(file, tmp_path) == []
    store = po.pofile.parsefile(str(built["po"][0]))
    broken = next(u for u in store.units if "{organisation}" in u.source)
    broken.target = broken.target.replace("{organisation}", "")
    (tmp_path / "broken.po").write_bytes(bytes(store))
    assert _pofilter(tmp_path / "broken.po", tmp_path) == [broken.getid()]


def test_notes_come_as_paragraphs_one_line_each_and_older_wrapped_files_still_match(tmp_path):
    """The outline hard-wraps its notes; the notes page joins the lines. A translator gets
    each paragraph on one line and paragraphs parted by a blank line (so no tool flags a
    translation for fewer line breaks); a file made when the source still had the
    outline's wrapping keeps every translation: it builds without a fallback, and update
    asks no review and writes the source as it is now."""
    outline = talk(tmp_path)
    made = extract(outline, "de")
    store = po.pofile.parsefile(str(made))
    notes = [u for u in store.units if (u.getcontext() or "").endswith("/notes")]
    assert len(notes) > 10
    raw = load_outline(outline, "o").sections[1].slides[0].notes
    assert "\n" in raw.strip()  # the outline wraps it
    for unit in notes:
        assert all(line.strip() for line in unit.source.split("\n\n"))
        assert "\n" not in unit.source.replace("\n\n", "")
    # as an older deckgen wrote it: the notes' source wrapped as the outline wraps them
    talked = load_outline(outline, "o")
    wrapped = {f"{s.slides[0].id}/notes": s.slides[0].notes for s in talked.sections}
    for unit in store.units:
        if unit.getcontext() in wrapped and isinstance(wrapped[unit.getcontext()], str):
            unit.source = wrapped[unit.getcontext()]
        if not unit.isheader():
            unit.target = "xxx" + unit.source + "xxx"
    assert any("\n" in u.source.strip() for u in store.units if not u.isheader())
    made.write_bytes(bytes(store))
    built = run_cli("build", str(outline), "--translation", str(made), "-o", str(tmp_path / "o"))
    assert built.exit_code == 0 and "stay in the outline's language" not in built.output
    done = run_cli("translate", "update", str(made), str(outline))
    assert "0 to review" in done.output and "0 new" in done.output, done.output
    again = po.pofile.parsefile(str(made))
    assert {u.getcontext(): u.source for u in again.units} == {
        u.getcontext(): u.source for u in po.pofile.parsefile(str(extract(outline, "fr"))).units
    }


def _line_of(outline: Path, text: str) -> int:
    lines = outline.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if text in line)
    while not lines[at].lstrip().startswith("- "):  # the slide's mapping starts there
        at -= 1
    return at + 1


@pytest.mark.parametrize("kind", ["po", "xliff"])
def test_a_pseudo_translation_builds_with_every_text_bold_and_link_kept(pseudo, kind):
    _outline, built = pseudo
    file, deck, _done = built[kind]
    check_pptx_strictly(deck)
    shown = deck_text(deck)
    outline = load_outline(SHIPPED, SHIPPED.name)
    hidden = tuple(f"@sections/{s.id}/" for s in outline.sections if not s.divider)  # no slide
    store = po.pofile.parsefile(str(file)) if kind == "po" else xliff.xlifffile.parsefile(str(file))
    checked = 0
    for unit in store.units:
        key = unit.getcontext() if kind == "po" else unit.xmlelement.get("id")
        if unit.isheader() or not key or key.startswith(NOT_IN_THE_DECK + hidden):
            continue
        if "/overrides/" in key or key.endswith("/cue"):  # another audience's; the guide's
            continue
        if "{" in unit.source:  # the words around a {variable} (its value is the build's)
            continue
        words = " ".join(plain(_markdown(unit, kind)).split())
        assert words in shown, (key, words)
        checked += 1
    assert checked > 150
    runs = [
        run
        for slide in Presentation(deck).slides
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        for run in para.runs
    ]
    assert any(run.font.bold and run.text == "AI security" for run in runs)  # still bold
    linked = [run for run in runs if run.hyperlink.address]
    assert linked and all(run.hyperlink.address.startswith("https://") for run in linked)
    assert any("xxx" in run.text for run in linked)  # the link's words are the translation's


def _markdown(unit, kind: str) -> str:
    if kind == "po":
        return unit.target
    return "".join(unit.xmlelement.find("{*}target").itertext())


def test_the_talks_language_and_labels_follow_the_translation(pseudo):
    _outline, built = pseudo
    for kind, label in (("po", "Agenda"), ("xliff", "Programme")):
        deck = Presentation(built[kind][1])
        assert deck.slides[1].shapes.title.text == label
        languages = set(deck.slides[3].shapes._spTree.xpath(".//a:rPr/@lang"))
        assert languages == {"de-DE" if kind == "po" else "fr-FR"} or languages <= {"de", "fr"}


def test_what_is_left_untranslated_is_one_warning_and_strict_fails(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    # saved by translate-toolkit, as a tool would
    _translated(file, "two-terms/title", "Zwei Begriffe, zwei Arten von Risiko")
    done = run_cli("build", str(outline), "--translation", str(file), "-o", str(tmp_path / "b"))
    assert done.exit_code == 0, done.output
    said = [line for line in done.stderr.splitlines() if "stay in the outline's language" in line]
    assert len(said) == 1 and f"{file}:1:1" in said[0], done.stderr
    titles = [
        s.shapes.title.text
        for s in Presentation(next((tmp_path / "b").glob("*.pptx"))).slides
        if s.shapes.title
    ]
    assert "Zwei Begriffe, zwei Arten von Risiko" in titles
    strict = run_cli(
        "build", str(outline), "--translation", str(file), "--strict", "-o", str(tmp_path / "c")
    )
    assert strict.exit_code == 1 and not (tmp_path / "c").exists()


def test_a_broken_translation_is_an_error_at_its_line_naming_the_unit(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    # it names {presenter} and {organisation}
    _translated(file, "title/notes", "Willkommen! Ich bin {presenter}.")
    line = next(
        i
        for i, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
        if text == 'msgctxt "title/notes"'
    )
    before = tmp_path / "b"
    before.mkdir()
    (before / "keep.txt").write_text("earlier output")
    done = run_cli("build", str(outline), "--translation", str(file), "-o", str(before))
    assert done.exit_code == 2
    assert f"{file}:{line}:1: error: unit title/notes: {{organisation}} dropped" in done.stderr
    assert "Traceback" not in done.output and sorted(p.name for p in before.iterdir()) == [
        "keep.txt"
    ]


def test_update_after_one_edit_marks_exactly_that_unit(tmp_path):
    outline = talk(tmp_path)
    for kind in ("po", "xliff"):
        made = extract(outline, "de", "--format", kind, "-o", str(tmp_path / f"de.{kind}"))
        file = podebug(made, tmp_path / f"done.{kind}")
        text = outline.read_text(encoding="utf-8")
        outline.write_text(
            text.replace(
                "Often used interchangeably, yet distinct", "Often confused, yet distinct"
            ),
            encoding="utf-8",
        )
        done = run_cli("translate", "update", str(file), str(outline))
        assert done.exit_code == 0, done.output
        assert re.search(r": \d+ kept, 1 to review, 0 new, 0 removed", done.stdout), done.stdout
        if kind == "po":
            store = po.pofile.parsefile(str(file))
            fuzzy = [u for u in store.units if u.isfuzzy() and not u.isheader()]
            assert [u.getcontext() for u in fuzzy] == ["two-terms/bullets/1/text"]
            assert fuzzy[0].prev_source == "Often used interchangeably, yet distinct"
        else:
            marked = file.read_text(encoding="utf-8").count('state="needs-review-translation"')
            assert marked == 1
        outline.write_text(text, encoding="utf-8")


def test_a_slide_inserted_keeps_every_translation(tmp_path):
    outline = talk(tmp_path)
    file = podebug(extract(outline, "de"), tmp_path / "de-done.po")
    text = outline.read_text(encoding="utf-8")
    new = (
        "      - kind: bullets\n        id: brand-new\n        title: A new slide\n"
        "        bullets: [One new point]\n"
    )
    at = text.index("      - kind: bullets\n        id: two-terms")
    outline.write_text(text[:at] + new + text[at:], encoding="utf-8")
    done = run_cli("translate", "update", str(file), str(outline))
    assert re.search(r": \d+ kept, 0 to review, 2 new, 0 removed", done.stdout), done.output
    check = run_cli("translate", "check", str(file), str(outline), "--json")
    assert check.exit_code == 0
    assert (
        '"missing": [\n    "brand-new/title",\n    "brand-new/bullets/1/text"\n  ]' in check.stdout
    )


def test_check_lists_every_broken_translation_and_exits_1(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    _translated(file, "title/notes", "Ich bin {presenter}.")
    _translated(file, "@references/owasp-llm-top10/title", "OWASP Top 10 **für LLM")
    done = run_cli("translate", "check", str(file), str(outline))
    assert done.exit_code == 1
    assert "unit title/notes: {organisation} dropped" in done.stderr
    assert "unit @references/owasp-llm-top10/title: markup left half-written" in done.stderr
    assert done.stdout.startswith(f"{file} (de): 0 of ")  # the broken two are not usable


def test_extract_never_overwrites_a_translation(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    done = run_cli("translate", "extract", str(outline), "--to", "de")
    assert done.exit_code == 2 and "translate update" in done.stderr
    assert file.read_bytes() == file.read_bytes()


def test_an_audience_in_a_language_gets_both_names_and_its_overrides(tmp_path):
    outline = talk(tmp_path)
    file = podebug(extract(outline, "de"), tmp_path / "de-done.po")
    out = tmp_path / "b"
    done = run_cli(
        "build",
        str(outline),
        "--translation",
        str(file),
        "--audience",
        "executives",
        "-o",
        str(out),
    )
    assert done.exit_code == 0, done.output
    deck = out / "ai-security-vs-ai-safety-executives-de.pptx"
    titles = [s.shapes.title.text for s in Presentation(deck).slides if s.shapes.title]
    german = set(labels_for("de").words.values())  # deckgen's own titles, in German
    assert all(t.startswith("xxx") or t in german for t in titles), titles
    assert "xxxWhat to ask of your teamsxxx" in titles  # the executives' own title, translated


def _room(file: Path, key: str) -> int:
    store = po.pofile.parsefile(str(file))
    unit = next(u for u in store.units if u.getcontext() == key)
    return int(re.search(r"Fits: up to (\d+) characters", unit.getnotes())[1])


def _translated(file: Path, key: str, text: str) -> None:
    store = po.pofile.parsefile(str(file))
    next(u for u in store.units if u.getcontext() == key).target = text
    file.write_bytes(bytes(store))


def test_the_room_a_note_gives_is_the_room_the_build_has(tmp_path):
    """A translation as long as the note says still fits at the design's size; a tenth
    longer makes the build set it smaller (and `check` says so beforehand): a title, and
    one side of an analogy's pair (a table row's cell)."""
    outline = talk(tmp_path)
    file = extract(outline, "de")
    words = "Sicherheitsbegriffe und Risikoarten im Vergleich " * 20
    for key in ("two-terms/title", "security-analogy/pairs/1/left"):
        most = _room(file, key)
        assert 20 < most < 400
        verdicts = []
        for length in (most, most + most // 10 + 4):
            _translated(file, key, words[:length].rstrip())
            out = tmp_path / f"b{length}"
            done = run_cli("build", str(outline), "--translation", str(file), "-o", str(out))
            assert done.exit_code == 0, done.output
            verdicts.append("to fit" in done.stderr or "(cont.)" in done.stderr)
            if verdicts[-1]:  # the build names the unit to shorten, at the file's line
                assert f"unit {key}: " in done.stderr and f"{file}:" in done.stderr
            if key == "two-terms/title":  # check foresees it (the same room, read once)
                check = run_cli("translate", "check", str(file), str(outline))
                verdicts.append(
                    f"unit {key}: " in check.stderr and "fit on its slide" in check.stderr
                )
        expected = [False, False, True, True] if key == "two-terms/title" else [False, True]
        assert verdicts == expected, (key, verdicts)
        _translated(file, key, "")


def test_all_languages_builds_the_talk_in_its_own_and_each_listed_language(tmp_path):
    """translations: in the outline names the files; --translation takes a language it
    lists; --all-languages builds each, and with --all-audiences each pair, all or none."""
    outline = talk(tmp_path)
    podebug(extract(outline, "de"), tmp_path / "translations" / "de-done.po")
    podebug(extract(outline, "fr", "--format", "xliff"), tmp_path / "translations" / "fr-done.xlf")
    text = outline.read_text(encoding="utf-8")
    listed = "translations: {de: translations/de-done.po, fr: translations/fr-done.xlf}\n"
    outline.write_text(text.replace("\naudiences:", f"\n{listed}audiences:", 1), encoding="utf-8")
    one = run_cli("build", str(outline), "--translation", "de", "-o", str(tmp_path / "one"))
    assert one.exit_code == 0, one.output
    assert (tmp_path / "one" / "ai-security-vs-ai-safety-de.pptx").is_file()
    out = tmp_path / "all"
    done = run_cli("build", str(outline), "--all-languages", "--format", "pptx", "-o", str(out))
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.iterdir()) == [
        "ai-security-vs-ai-safety-de.pptx",
        "ai-security-vs-ai-safety-fr.pptx",
        "ai-security-vs-ai-safety.pptx",
    ]
    titles = {p.name: Presentation(p).slides[0].shapes.title.text for p in sorted(out.iterdir())}
    assert titles["ai-security-vs-ai-safety.pptx"] == "AI Security vs. AI Safety"
    assert titles["ai-security-vs-ai-safety-fr.pptx"] == "xxxAI Security vs. AI Safetyxxx"
    both = run_cli(
        "build",
        str(outline),
        "--all-languages",
        "--all-audiences",
        "--json",
        "--format",
        "pptx",
        "-o",
        str(tmp_path / "both"),
    )
    assert both.exit_code == 0, both.output
    builds = json.loads(both.stdout)["builds"]
    pairs = {(b["audience"], b["language"]) for b in builds}
    audiences = ("executives", "engineers", "newcomers")
    assert pairs == {(a, lang) for a in audiences for lang in (None, "de", "fr")}
    assert len(list((tmp_path / "both").iterdir())) == 9


def test_a_language_the_outline_does_not_list_is_an_error(tmp_path):
    outline = talk(tmp_path)
    done = run_cli("build", str(outline), "--translation", "de", "-o", str(tmp_path / "b"))
    assert done.exit_code == 2 and "no translation file de" in done.stderr
    assert "listed: none" in done.stderr
    every = run_cli("build", str(outline), "--all-languages", "-o", str(tmp_path / "b"))
    assert every.exit_code == 2 and "lists no translations" in every.stderr


def test_quiz_export_follows_the_translation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default file goes to ./build
    outline = talk(tmp_path)
    file = podebug(extract(outline, "de"), tmp_path / "de-done.po")
    target = tmp_path / "quiz.xml"
    done = run_cli(
        "export",
        "quiz",
        str(outline),
        "--format",
        "moodle",
        "--translation",
        str(file),
        "-o",
        str(target),
    )
    assert done.exit_code == 0, done.output
    text = target.read_text(encoding="utf-8")
    assert '<p lang="de">xxxWhich of these is an <strong>AI security</strong> problem?xxx' in text
    assert "Which of these" not in text.replace("xxxWhich of these", "")  # nothing English
    named = run_cli("export", "quiz", str(outline), "--format", "gift", "--translation", str(file))
    assert named.exit_code == 0 and "-de-quiz-gift.txt" in named.stdout
    assert (tmp_path / "build" / "ai-security-vs-ai-safety-de-quiz-gift.txt").is_file()


def test_add_ids_writes_an_id_into_each_slide_that_lacks_one_and_nothing_else(tmp_path):
    outline = tmp_path / "outline.yaml"
    text = (
        "meta: {title: T}\n"
        "sections:\n"
        "  - title: S\n"
        "    slides:\n"
        "      # the first slide\n"
        "      - kind: bullets\n"
        "        title: Why it matters\n"
        "        bullets: [A]\n"
        "      - {kind: bullets, title: '2 ways', bullets: [B]}\n"
        "      - kind: bullets\n"
        "        id: kept\n"
        "        title: |\n"
        "          Block title\n"
        "        bullets: [C]\n"
    )
    outline.write_text(text, encoding="utf-8")
    done = run_cli("translate", "extract", str(outline), "--to", "de", "--add-ids")
    assert done.exit_code == 0, done.output
    written = outline.read_text(encoding="utf-8")
    assert written == text.replace(
        "      - kind: bullets\n        title: Why",
        "      - id: why-it-matters\n        kind: bullets\n        title: Why",
    ).replace(
        "- {kind: bullets, title: '2 ways'", "- {id: slide-2-ways, kind: bullets, title: '2 ways'"
    )
    assert f"{outline}:6: id: why-it-matters" in done.stdout
    keys = {
        u.getcontext() for u in po.pofile.parsefile(str(tmp_path / "translations" / "de.po")).units
    }
    assert {"why-it-matters/title", "slide-2-ways/title", "kept/title"} <= keys
    assert not any(key.startswith("~") for key in keys)


def test_the_shipped_talk_builds_in_german_and_french_complete_and_fitting(tmp_path):
    """The translations the shipped talk lists are complete, sound and fit: no warning in
    either language, and deckgen's own words follow."""
    out = tmp_path / "out"
    done = run_cli("build", str(SHIPPED), "--all-languages", "--format", "pptx", "-o", str(out))
    assert done.exit_code == 0, done.output
    assert "warning" not in done.stderr, done.stderr
    for language, agenda in (("de", "Agenda"), ("fr", "Programme")):
        deck = Presentation(out / f"ai-security-vs-ai-safety-{language}.pptx")
        assert deck.slides[1].shapes.title.text == agenda
        check = run_cli(
            "translate",
            "check",
            str(
                SHIPPED.parent
                / "assets"
                / "translations"
                / ("de.po" if language == "de" else "fr.xlf")
            ),
            str(SHIPPED),
        )
        assert check.exit_code == 0 and "229 of 229 texts translated" in check.stdout
        assert "warning" not in check.stderr, check.stderr


def test_a_translation_too_long_to_fit_at_all_is_named_beside_the_layouts_error(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    _translated(file, "two-terms/title", "Sicherheitsbegriffe und Risikoarten " * 6)
    done = run_cli("build", str(outline), "--translation", str(file), "-o", str(tmp_path / "b"))
    assert done.exit_code == 1, done.output
    assert "does not fit on a slide" in done.stderr  # the layout's error, at the slide
    line = next(
        i
        for i, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
        if text == 'msgctxt "two-terms/title"'
    )
    assert f"{file}:{line}:1: warning: unit two-terms/title: " in done.stderr


def test_a_talk_that_does_not_build_is_still_extracted_without_room_notes(tmp_path):
    outline = tmp_path / "outline.yaml"
    title = "A title far too long for any slide " * 8
    outline.write_text(
        "meta: {title: T}\nsections:\n  - title: S\n    slides:\n"
        f"      - {{kind: bullets, id: long, title: '{title.strip()}', bullets: [A]}}\n",
        encoding="utf-8",
    )
    done = run_cli("translate", "extract", str(outline), "--to", "de")
    assert done.exit_code == 0, done.output
    assert "does not build as it is" in done.stderr and "does not fit" in done.stderr
    store = po.pofile.parsefile(str(tmp_path / "translations" / "de.po"))
    notes = [u.getnotes() for u in store.units if u.getcontext() == "long/title"]
    assert notes and "Fits:" not in notes[0]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'msgid "a\nbroken', "is not a PO file"),
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'x'>]><xliff/>", "DOCTYPE"),
        (b"<?xml version='1.0'?><xliff version='1.2'><notafile/></xliff>", "no <file>"),
    ],
)
def test_a_file_that_is_no_translation_is_an_error_naming_it(tmp_path, content, said):
    outline = talk(tmp_path)
    file = tmp_path / ("bad.po" if content.startswith(b"msgid") else "bad.xlf")
    file.write_bytes(content)
    done = run_cli("build", str(outline), "--translation", str(file), "-o", str(tmp_path / "b"))
    assert done.exit_code == 2 and f"{file}:1:1: error:" in done.stderr and said in done.stderr
    assert "Traceback" not in done.output


def test_a_control_character_in_a_translation_is_an_error_at_its_unit(tmp_path):
    outline = talk(tmp_path)
    file = extract(outline, "de")
    _translated(file, "two-terms/title", "Zwei\x07 Begriffe")
    done = run_cli("build", str(outline), "--translation", str(file), "-o", str(tmp_path / "b"))
    assert done.exit_code == 2
    assert "unit two-terms/title: it holds the control character U+0007" in done.stderr


def test_every_format_follows_the_translation(tmp_path):
    """The web handout, the slides PDF and the guide of the shipped talk in German."""
    out = tmp_path / "out"
    formats = ("--format", "html", "--format", "slides-pdf", "--format", "guide")
    done = run_cli("build", str(SHIPPED), "--translation", "de", *formats, "-o", str(out))
    assert done.exit_code == 0, done.output
    page = (out / "ai-security-vs-ai-safety-de.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page and "Zwei Begriffe, zwei Arten von Risiko" in page
    assert "Two terms, two kinds of risk" not in page
    for name in ("ai-security-vs-ai-safety-de-slides.pdf", "ai-security-vs-ai-safety-de-guide.pdf"):
        text = subprocess.run(
            ["pdftotext", str(out / name), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Zwei Begriffe, zwei Arten von Risiko" in text, name


def test_extract_takes_a_language_tag_and_refuses_what_is_none(tmp_path):
    """``--to de_DE`` (as tools write it) is ``de-DE``; a text that is no language tag is a
    usage error naming it, and no file is written (one would not build)."""
    outline = talk(tmp_path)
    bad = run_cli(
        "translate", "extract", str(outline), "--to", "de_DE@@", "-o", str(tmp_path / "x.po")
    )
    assert bad.exit_code == 2 and "'de_DE@@' is no language tag" in bad.output
    assert not (tmp_path / "x.po").exists()
    made = extract(outline, "de_DE")
    assert made.name == "de-DE.po"
    assert po.pofile.parsefile(str(made)).parseheader()["Language"] == "de-DE"
