"""The tailored talk's quizzes as plain records, for the learning platforms' formats.

Each ``QuizItem`` is one quiz slide as the audience gets it (variables filled, overrides
applied, the kind's own title in the talk's language where the outline gives none):
its text still carries the outline's inline Markdown, which each format writes as it
can (``html``: XHTML for QTI and Moodle; ``plain`` for GIFT)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, SourcePos, error
from ..htmlruns import runs_html
from ..inline import plain, spans
from ..kinds.quiz import QuizSlide
from ..outline.talk import Talk


@dataclass(frozen=True)
class QuizItem:
    id: str  # an XML name: the slide's id, else "quiz-SECTION-SLIDE" (its outline place)
    title: str  # inline Markdown, as every text below
    question: str
    options: tuple[str, ...]
    correct: tuple[int, ...]  # indices into options, from 0
    explanation: str | None
    language: str  # BCP 47, the talk's
    pos: SourcePos | None = None

    def language_of(self, text: str) -> str:
        """The language ``text`` is in: a translation's fallback keeps the outline's (it
        says so: ``lang``), every other text is the talk's."""
        return getattr(text, "lang", None) or self.language

    @property
    def multiple(self) -> bool:
        """More than one right option: the learner picks every right one."""
        return len(self.correct) > 1


@dataclass(frozen=True)
class QuizSet:
    """What an export writes: the talk's title and language and its quizzes, in order."""

    title: str
    language: str
    items: tuple[QuizItem, ...]
    stem: str = "quiz"  # the name the build's outputs share: the talk's slug (-AUDIENCE)


def gather(talk: Talk, audience: str | None = None, quizzes_in_outline: int = 0) -> QuizSet:
    """Every quiz of the tailored ``talk``; an InputError when there is none (naming the
    audience when it dropped the outline's ``quizzes_in_outline``)."""
    language = talk.labels.language
    items: list[QuizItem] = []
    taken: set[str] = set()
    for section in talk.sections:
        places = section.slide_indices or (-1,) * len(section.slides)
        for slide, place in zip(section.slides, places, strict=True):
            if isinstance(slide, QuizSlide):
                name = _identifier(slide, section.index, place, len(items) + 1, taken)
                taken.add(name)
                items.append(_item(slide, name, language))
    if not items:
        raise InputError("no quizzes", [_none_kept(talk, audience, quizzes_in_outline)])
    from ..output import output_stem, slug

    stem = output_stem(slug(talk.meta.title), audience)
    return QuizSet(plain(talk.meta.title), language, tuple(items), stem)


def _item(slide: QuizSlide, name: str, language: str) -> QuizItem:
    return QuizItem(
        name,
        slide.title or "",
        slide.question,
        tuple(slide.options),
        tuple(number - 1 for number in slide.correct),
        slide.explanation,
        language,
        slide.pos,
    )


def _identifier(slide, section: int | None, place: int, count: int, taken: set[str]) -> str:
    name = slide.id or (
        f"quiz-{section + 1}-{place + 1}" if section is not None and place >= 0 else f"quiz-{count}"
    )
    base, number = name, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def _none_kept(talk: Talk, audience: str | None, in_outline: int):
    if audience and in_outline:
        return error(
            f"audience '{audience}' keeps none of the outline's {in_outline} quizzes",
            talk.pos,
            "export for another audience, or without --audience",
        )
    return error(
        "the talk has no quizzes to export",
        talk.pos,
        "add a slide with 'kind: quiz' (question, options, answer) to a section",
    )


def html(text: str) -> str:
    """Outline text as XHTML inline markup: strong, em, code and links, all else escaped;
    a line break in the text a <br/>."""
    return runs_html(spans(text), "<br/>", "\n")
