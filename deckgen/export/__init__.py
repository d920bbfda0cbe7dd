"""Exports of a talk for other systems: its quizzes as knowledge checks for a learning
platform (``deckgen export quiz``).

``export_quiz`` loads nothing itself: it takes the loaded outline, tailors it for the
audience as a build would (variables filled, overrides applied) and returns the bytes
of one format; the CLI writes them with ``output.write_all``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .quiz import QuizItem, QuizSet, gather

__all__ = ["QUIZ_FORMATS", "QuizItem", "QuizSet", "export_quiz", "quiz_path", "quizzes_of"]


@dataclass(frozen=True)
class QuizFormat:
    name: str
    suffix: str  # what the file name ends with, after the talk's name
    description: str


QUIZ_FORMATS = {
    "qti": QuizFormat("qti", "-quiz-qti21.zip", "IMS QTI 2.1 content package"),
    "qti12": QuizFormat("qti12", "-quiz-qti12.zip", "IMS QTI 1.2 package"),
    "moodle": QuizFormat("moodle", "-quiz-moodle.xml", "Moodle XML"),
    "gift": QuizFormat("gift", "-quiz-gift.txt", "GIFT (Moodle's text format)"),
}


def quizzes_of(
    outline,
    audience: str | None = None,
    variables: Mapping[str, str] | None = None,
    translation=None,
):
    """The quizzes of ``outline`` (a loaded Outline) tailored for ``audience``, in the
    language of ``translation`` (a file, or a language the outline lists) if given."""
    from dataclasses import replace

    from ..kinds.quiz import QuizSlide
    from ..outline.tailor import tailor
    from ..output import output_stem

    named = None
    if translation is not None:
        from ..translation import for_build

        outline, named, _said = for_build(outline, variables or {}, translation)
    talk = tailor(outline, variables or {}, audience)
    in_outline = sum(isinstance(slide, QuizSlide) for _section, slide in outline.slides())
    found = gather(talk, audience, in_outline)
    if named is None:
        return found
    language, title = named  # named as the build names its outputs: TITLE(-AUDIENCE)-LANG
    return replace(found, stem=output_stem(title, audience, language))


def export_quiz(quizzes: QuizSet, format_name: str) -> bytes:
    """``quizzes`` in one of QUIZ_FORMATS."""
    if format_name in ("qti", "qti12"):
        from .qti12 import package as qti12_package
        from .qti21 import package

        write = package if format_name == "qti" else qti12_package
        return write(quizzes, _zip_date())
    if format_name == "moodle":
        from .moodle import document

        return document(quizzes)
    if format_name == "gift":
        from .gift import document as gift_document

        return gift_document(quizzes)
    raise ValueError(f"unknown quiz format {format_name!r}")


def _zip_date() -> tuple[int, ...]:
    """The build's time (SOURCE_DATE_EPOCH if set) as a zip date, which runs from 1980."""
    from ..build import build_time

    when = build_time()
    return max(
        (when.year, when.month, when.day, when.hour, when.minute, when.second),
        (1980, 1, 1, 0, 0, 0),
    )


def quiz_path(folder: Path, quizzes: QuizSet, format_name: str) -> Path:
    """Where a quiz export goes by default: beside the build's outputs, named as they are."""
    return folder / f"{quizzes.stem}{QUIZ_FORMATS[format_name].suffix}"
