"""Quiz slides: the question and lettered options in the body placeholder, the answer and
explanation in the notes, a reveal slide with the answer marked, positioned errors."""

from __future__ import annotations

import datetime as dt

from pptx import Presentation

from deckgen.kinds import kind_named
from deckgen.layout.engine import layout_deck
from deckgen.layout.frames import Placeholder
from deckgen.layout.handout import HandoutOptions, layout_handout, page_frame
from deckgen.layout.handout_blocks import AnswerKey, HandoutContext, Question, QuestionList

from ..conftest import run_cli, slide_titled
from ..layout.support import FAKE, deck_from, line_of, named, outline_text, talk_from

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: quiz, question: Q?, options: [a, b], answer: 2}"

QUIZ = """\
- kind: quiz
  title: Quick check
  question: Which of these is an AI security concern?
  options:
    - An attacker hides instructions in a web page
    - The model states a wrong date
    - A user steals the model's weights
  answer: [1, 3]
  explanation: Both are deliberate attacks from outside.
  reveal: true
  notes: Give the room thirty seconds.
"""


def test_the_question_and_lettered_options_fill_the_body_placeholder():
    deck = deck_from(outline_text(QUIZ))
    question, reveal = deck.slides
    body = named(question, "Body")
    assert body.placeholder is Placeholder.BODY
    texts = [p.text for p in body.paragraphs]
    assert texts[0] == "Which of these is an AI security concern?"
    assert [p.bullet for p in body.paragraphs[1:]] == ["A", "B", "C"]
    assert question.title == "Quick check"
    answer = (
        "Answer: A (An attacker hides instructions in a web page) and "
        "C (A user steals the model's weights). Both are deliberate attacks from outside."
    )
    # the answer is the presenter's: apart from the notes participants may read
    assert (question.answer, question.notes) == (answer, "Give the room thirty seconds.")
    assert question.presenter_notes == answer + "\nGive the room thirty seconds."
    assert not question.reveals


def test_the_reveal_slide_marks_the_answer():
    deck = deck_from(outline_text(QUIZ))
    _question, reveal = deck.slides
    assert reveal.title == "Quick check (answer)"
    options = named(reveal, "Body").paragraphs[1:]
    assert [p.bullet for p in options] == ["\u2713", "B", "\u2713"]
    assert options[0].runs[0].bold and not options[1].runs[0].bold
    assert reveal.reveals and reveal.answer.startswith("Answer: A")


def test_without_reveal_one_slide():
    deck = deck_from(outline_text(QUIZ.replace("  reveal: true\n", "")))
    assert len(deck.slides) == 1


def test_an_answer_that_is_not_an_option_is_a_positioned_error(tmp_path):
    outline = tmp_path / "outline.yaml"
    text = outline_text(QUIZ.replace("answer: [1, 3]", "answer: 4"))
    outline.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(outline))
    assert result.exit_code == 2
    assert "answer 4 is not an option" in result.stderr
    assert f"{outline}:{line_of(text, 'kind: quiz')}:" in result.stderr


def test_audiences_select_a_quiz_like_any_slide():
    head = "audiences:\n  short: {description: S, minutes: 5}\n"
    quiz = QUIZ.replace("  reveal: true\n", "  skip: [short]\n")
    text = outline_text(quiz + "- {kind: bullets, title: Kept, bullets: [x]}\n", head)
    assert [s.title for s in deck_from(text).slides] == ["Quick check", "Kept"]
    assert [s.title for s in deck_from(text, audience="short").slides] == ["Kept"]


def test_the_deck_keeps_the_options_editable_and_the_answer_in_the_notes(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(outline_text(QUIZ), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = slide_titled(prs, "Quick check")
    body = next(s for s in slide.placeholders if s.placeholder_format.idx != 0)
    assert [p.text for p in body.text_frame.paragraphs][1:] == [
        "An attacker hides instructions in a web page",
        "The model states a wrong date",
        "A user steals the model's weights",
    ]
    assert "Answer: A" in slide.notes_slide.notes_text_frame.text


def test_a_quiz_too_long_for_a_slide_is_said_at_its_line():
    text = outline_text(QUIZ.replace("question: Which", "question: " + "Which " * 300))
    said = [d for d in deck_from(text).diagnostics if "keep a question" in (d.hint or "")]
    assert said and said[0].pos.line == line_of(text, "kind: quiz")


def _handout_text(tmp_path, name: str, *args: str) -> str:
    from pypdf import PdfReader

    outline = tmp_path / "outline.yaml"
    outline.write_text(outline_text(QUIZ), encoding="utf-8")
    out = tmp_path / name
    result = run_cli("build", str(outline), "-o", str(out), "--format", "handout", *args)
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*.pdf")  # the participants' handout or, with --answers, the presenter's
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(pdf)).pages)
    return " ".join(text.split())  # lines broken where the page broke them, joined


def test_the_participants_handout_has_the_question_and_no_answer(tmp_path):
    for layout in ("notes", "4"):
        text = _handout_text(tmp_path, f"p{layout}", "--per-page", layout)
        assert "Which of these is an AI security concern?" in text
        assert "Give the room thirty seconds." in text or layout != "notes"
        assert "Answer:" not in text and "deliberate attacks" not in text, layout
        assert "(answer)" not in text, layout  # the reveal slide is left out
        # the worksheet: every quiz with a box to tick before each option, no key
        assert "Check your understanding 1. Which of these is an AI security concern?" in text
        assert "\u25a1 A An attacker hides instructions in a web page" in text
        assert "Answer key" not in text


def test_answers_makes_the_presenters_copy(tmp_path):
    text = _handout_text(tmp_path, "key", "--answers")
    assert "Answer: A" in text and "Both are deliberate attacks from outside." in text
    assert "Quick check (answer)" in text
    key = text[text.rindex("Answer key") :]  # on its own last page
    assert key.startswith("Answer key 1. Which of these is an AI security concern? Answer: A")


def test_the_handout_hook_gives_a_question_lettered_as_the_slide():
    """What the quiz adds to the handout is a generic Question: the handout's question
    list and key hold no knowledge of quizzes."""
    text = outline_text(
        "- {kind: quiz, question: 'Is *this* it?', options: [Yes, '**No**'], answer: 2}"
    )
    talk = talk_from(text)
    deck = layout_deck(talk, FAKE)
    ctx = HandoutContext(4, deck.design, page_frame(deck.design, "a4"), talk.labels)
    (question,) = kind_named("quiz").handout(talk.sections[0].slides[0], ctx)
    assert isinstance(question, Question)
    assert [(r.text, r.italic) for r in question.question.runs][1] == ("this", True)
    assert [(mark, text.text) for mark, text in question.options] == [("A", "Yes"), ("B", "No")]
    assert question.options[1][1].runs[0].bold
    assert question.answer.text == "Answer: B (No)."


def test_the_handout_numbers_the_questions_of_every_quiz_once():
    text = outline_text(
        """\
        - {kind: quiz, title: One, question: First?, options: [a, b], answer: 1}
        - {kind: bullets, title: Between, bullets: [x]}
        - {kind: quiz, title: Two, question: '**Second**?', options: [a, b], answer: 2}
        """
    )
    talk = talk_from(text)
    deck = layout_deck(talk, FAKE)
    created = dt.datetime(2031, 2, 3)
    layout = layout_handout(talk, deck, HandoutOptions(answers=True), None, created)
    (asked,) = [b for b in layout.body if isinstance(b, QuestionList)]
    (key,) = [b for b in layout.body if isinstance(b, AnswerKey)]
    assert [q.question.text for q in asked.questions] == ["1. First?", "2. Second?"]
    assert [(r.text, r.bold) for r in asked.questions[1].question.runs] == [
        ("2. ", False),
        ("Second", True),
        ("?", False),
    ]
    assert key.questions == asked.questions
    assert layout.body[-1] is key  # the presenter's key comes last, on its own page
    participants = layout_handout(talk, deck, HandoutOptions(), None, created)
    assert not [b for b in participants.body if isinstance(b, AnswerKey)]
