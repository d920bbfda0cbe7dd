"""One language throughout (issue 23, item 3): every word deckgen writes goes through
the label table, punctuation included. A German and a French build: the dividers' notes,
the references (whose title and publisher end in a full stop of their own) on the slide,
in the handout and on the web page, and the preview page's header, with no English that
deckgen wrote and no doubled full stop."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from pptx import Presentation
from pypdf import PdfReader

from deckgen.build import BuildOptions, load, render_loaded
from deckgen.labels import ends_sentence, labels_for
from deckgen.serve import PAGE, Preview
from deckgen.watch import Outcome

from .conftest import SMALL, run_cli
from .test_serve import get

# "?." or ".." that is not an ellipsis: a full stop added to one already there
DOUBLED = re.compile(r"(?<!\.)[.?!]\s?\.(?!\.)")
DIVIDER = {  # the Locks divider's notes, as each language writes them
    "de": r"Abschnitt \d+: Was hält ein Schloss\? Wer nicht hinein soll\.",
    "fr": r"Partie \d+\u00a0: Was hält ein Schloss\? Wer nicht hinein soll\.",
}
ENGLISH = ("Section ", "Slide ", "build ", "words of notes", "web handout", "preview")


def _talk(folder, language: str):
    """The small fixture in ``language``, its Locks section asking a question, its
    subtitle and its first reference's title and publisher ending in full stops."""
    shutil.copytree(SMALL.parent, folder)
    outline = folder / SMALL.name
    text = outline.read_text(encoding="utf-8")
    for old, new in (
        ('  language: "en"\n', f'  language: "{language}"\n'),
        ('    title: "Locks"\n', '    title: "Was hält ein Schloss?"\n'),
        ('subtitle: "Keeping people out"', 'subtitle: "Wer nicht hinein soll."'),
        ('title: "The Fixture Dictionary"', 'title: "Wörterbuch der Fixture Co."'),
        ('publisher: "Fixture Press"', 'publisher: "Fixture Verlag Co."'),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    outline.write_text(text, encoding="utf-8")
    return outline


@pytest.fixture(scope="module", params=["de", "fr"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    outline = _talk(folder / "talk", request.param)
    out = folder / "out"
    formats = ("--format", "pptx", "--format", "handout", "--format", "html")
    result = run_cli("build", str(outline), "-o", str(out), *formats)
    assert result.exit_code == 0, result.output
    return request.param, outline, out


def test_the_dividers_notes_are_in_the_talks_language_with_one_full_stop(built):
    language, _outline, out = built
    (deck,) = out.glob("*.pptx")
    notes = {
        slide.shapes.title.text: slide.notes_slide.notes_text_frame.text
        for slide in Presentation(str(deck)).slides
        if slide.has_notes_slide and slide.shapes.title is not None
    }
    assert re.fullmatch(DIVIDER[language], notes["Was hält ein Schloss?"])
    ladders = notes["Ladders"]  # a subtitle without a full stop gets one
    assert ladders.endswith(": Ladders. Getting up safely.")
    for title, said in notes.items():
        assert not DOUBLED.search(said), (title, said)
        assert not said.startswith("Section "), (title, said)


def test_a_reference_ending_in_a_full_stop_gets_no_second_one(built):
    _language, _outline, out = built
    (deck,) = out.glob("*.pptx")
    slides = [  # without the zero-width spaces deckgen sets as break opportunities
        "".join(s.text_frame.text for s in slide.shapes if s.has_text_frame).replace("\u200b", "")
        for slide in Presentation(str(deck)).slides
    ]
    (listing,) = [text for text in slides if "Wörterbuch" in text and "[1]" in text]
    assert "Wörterbuch der Fixture Co. Fixture Verlag Co., 2030. https://" in listing
    (pdf,) = out.glob("*-handout.pdf")
    handout = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "Wörterbuch der Fixture Co. Fixture Verlag Co., 2030. https://" in handout
    (page,) = out.glob("*.html")
    web = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
    assert "Wörterbuch der Fixture Co. Fixture Verlag Co., 2030. https://" in web
    for text in (listing, handout, web):
        assert "Co.." not in text and "Co.. " not in text


def test_the_preview_pages_header_is_in_the_talks_language(built):
    language, outline, out = built
    options = BuildOptions(outline=outline, out_dir=out / "preview", formats=("pptx",))
    rendered = render_loaded(load(options), options)
    preview = Preview()
    url = preview.start(0)
    try:
        preview.publish(Outcome(rendered.result, None, 0.1, prepared=rendered.prepared))
        _status, _headers, body = get(int(url.rstrip("/").rsplit(":", 1)[1]))
    finally:
        preview.stop()
    state = json.loads(body)
    labels = labels_for(language)
    assert state["lang"] == language
    assert state["words"] == {
        "preview": labels("preview"),
        "build": labels("preview_build", number=1),
        "handout": labels("preview_handout"),
    }
    said = [state["time"], *state["words"].values()]
    said += [s["alt"] for s in state["slides"]] + [s["heading"] for s in state["slides"]]
    for text in said:
        assert not any(word in text for word in ENGLISH), text
        assert not DOUBLED.search(text), text
    first = state["slides"][0]
    assert first["alt"] == labels("preview_slide", number=1, title=first["title"])
    assert state["time"].startswith({"de": "etwa ", "fr": "environ "}[language])


def test_a_title_slide_without_notes_ends_its_question_once(tmp_path):
    """Its default notes say the title as a sentence: "Warum?", never "Warum?."."""
    outline = _talk(tmp_path / "talk", "de")
    text = outline.read_text(encoding="utf-8")
    text = text.replace('  title: "Locks and Ladders"\n', '  title: "Warum Schlösser?"\n', 1)
    outline.write_text(
        re.sub(
            r"(kind: title\n        id: title\n)        notes: \|\n(          .*\n)+", r"\1", text
        ),
        encoding="utf-8",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    (deck,) = (tmp_path / "out").glob("*.pptx")
    first = Presentation(str(deck)).slides[0]
    assert first.notes_slide.notes_text_frame.text.startswith("Warum Schlösser? A small talk")


def test_the_preview_page_writes_no_words_of_its_own_after_a_build():
    """The page's script takes every word it shows from the state, not from English."""
    script = PAGE[PAGE.index("<script>") :]
    for english in ('"build "', '"Slide "', '". "'):
        assert english not in script


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Co.", True),
        ("Warum?", True),
        ("Achtung!", True),
        ("„Stopp.“", True),
        ("*Fixture Co.*", True),
        ("Fixture Press", False),
        ("2030", False),
        ("Etc…", True),
    ],
)
def test_a_full_stop_is_added_only_where_the_text_has_none(text, ends):
    assert ends_sentence(text) is ends
    labels = labels_for("de")
    assert labels.sentence(text) == (text if ends else text + ".")
