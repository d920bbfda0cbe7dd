"""Moodle XML: one ``multichoice`` question a quiz, in a category named after the talk.

A quiz with one right option is ``<single>true</single>``: the right option 100 %, the
others 0. With several right ones it is ``<single>false</single>``: the right options
share 100 % (50 each for two, 33.33333 for three: Moodle's own grade steps) and each
wrong one takes away its share of 100 %, so ticking every box scores nothing, as Moodle's
documentation advises. Text is HTML (``format="html"``, in CDATA) with the outline's
bold, italic, code and links, in a ``<p lang="…">`` naming the talk's language; the
explanation is the question's general feedback."""

from __future__ import annotations

from html import escape

from .quiz import QuizItem, QuizSet, html

# Moodle's grade steps for 1 to 6 shares of 100 % (question/format.php's fractions)
SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}


def document(quizzes: QuizSet) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    lines += [
        '  <question type="category">',
        f"    <category><text>{_cdata(_category(quizzes.title))}</text></category>",
        "  </question>",
    ]
    for item in quizzes.items:
        lines += _question(item)
    lines.append("</quiz>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def fractions(item: QuizItem) -> list[str]:
    """Each option's fraction of the grade, in per cent, as Moodle writes it."""
    right = len(item.correct)
    wrong = len(item.options) - right
    if not item.multiple:
        return ["100" if index in item.correct else "0" for index in range(len(item.options))]
    return [
        SHARES[right] if index in item.correct else "-" + SHARES[wrong]
        for index in range(len(item.options))
    ]


def _question(item: QuizItem) -> list[str]:
    from ..inline import plain

    out = [
        '  <question type="multichoice">',
        f"    <name><text>{_cdata(plain(item.title) or item.id)}</text></name>",
        *_formatted("questiontext", _html(item, item.question)),
        *_formatted("generalfeedback", _explained(item)),
        "    <defaultgrade>1</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{escape(item.id)}</idnumber>",
        f"    <single>{'false' if item.multiple else 'true'}</single>",
        "    <shuffleanswers>false</shuffleanswers>",
        "    <answernumbering>ABCD</answernumbering>",
        "    <showstandardinstruction>1</showstandardinstruction>",
    ]
    for option, fraction in zip(item.options, fractions(item), strict=True):
        out += [
            f'    <answer fraction="{fraction}" format="html">',
            f"      <text>{_cdata(_html(item, option))}</text>",
            '      <feedback format="html"><text></text></feedback>',
            "    </answer>",
        ]
    out.append("  </question>")
    return out


def _formatted(tag: str, text: str) -> list[str]:
    return [f'    <{tag} format="html">', f"      <text>{_cdata(text)}</text>", f"    </{tag}>"]


def _category(title: str) -> str:
    """The talk's own category under the course's top one ('/' in a name doubled)."""
    return "$course$/top/" + title.replace("/", "//")


def _explained(item: QuizItem) -> str:
    return _html(item, item.explanation) if item.explanation else ""


def _html(item: QuizItem, text: str) -> str:
    return f'<p lang="{item.language_of(text)}">{html(text)}</p>'


def _cdata(text: str) -> str:
    """``text`` as CDATA, a "]]>" in it split over two sections."""
    if not text:
        return ""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
