"""GIFT, Moodle's plain-text question format: one multiple-choice question a quiz.

``::title::[plain]question{ … }``: with one right option ``=right ~wrong``; with several,
every option weighted (``~%50%right ~%-100%wrong``, the weights as Moodle XML's). The
explanation is the general feedback (``####``). GIFT has no inline Markdown deckgen can
trust Moodle to read as deckgen does, so text is plain ([plain]: shown as written), and
each of GIFT's control characters ``~ = # { } :`` and the backslash is escaped; a line
break becomes GIFT's ``\\n`` (a blank line would end the question). GIFT has no place
for the talk's language."""

from __future__ import annotations

from ..inline import plain
from .moodle import fractions
from .quiz import QuizItem, QuizSet

CONTROL = "\\~=#{}:"  # the backslash first: escaping adds backslashes


def escape(text: str) -> str:
    for character in CONTROL:
        text = text.replace(character, "\\" + character)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _text(text: str) -> str:
    return escape(plain(text))


def document(quizzes: QuizSet) -> bytes:
    blocks = [f"// {_comment(quizzes.title)}\n$CATEGORY: $course$/top/{_category(quizzes.title)}"]
    blocks += [question(item) for item in quizzes.items]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def question(item: QuizItem) -> str:
    lines = [f"::{_text(item.title or item.id)}::[plain]{_text(item.question)}{{"]
    if item.multiple:
        lines += [
            f"~%{weight}%{_text(option)}"
            for option, weight in zip(item.options, fractions(item), strict=True)
        ]
    else:
        lines += [
            f"{'=' if index in item.correct else '~'}{_text(option)}"
            for index, option in enumerate(item.options)
        ]
    if item.explanation:
        lines.append(f"####{_text(item.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _category(text: str) -> str:
    return " ".join(plain(text).split()).replace("/", "//")
