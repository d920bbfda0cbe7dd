"""`deckgen export`: a talk's parts for other systems (its quizzes for a learning platform)."""

from __future__ import annotations

from pathlib import Path

import click

from .options import _audience_option, _overlay_option, _parse_sets, _set_option, outline_argument


@click.group()
def export() -> None:
    """Write parts of the talk for other systems."""


@export.command()
@outline_argument
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["qti", "qti12", "moodle", "gift"]),
    required=True,
    help="qti: an IMS QTI 2.1 content package (.zip); qti12: IMS QTI 1.2 (.zip: Canvas "
    "Classic Quizzes, Blackboard, ILIAS); moodle: Moodle XML; gift: GIFT text (Moodle "
    "imports both).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default: build/TITLE[-AUDIENCE]-quiz-FORMAT.EXT).",
)
@click.option(
    "--translation",
    help="A translation file, or a language the outline's translations: list: the "
    "quizzes in that language (names get -LANG).",
)
@_audience_option
@_overlay_option
@_set_option
def quiz(outline, format_name, output, translation, audience, overlays, sets) -> None:
    """Write OUTLINE's quizzes (as tailored for --audience) as knowledge checks for a
    learning platform: the question, the options, the right ones, the explanation as
    feedback, the talk's language, and bold, italic, code and links where the format
    has them."""
    from ..export import QUIZ_FORMATS, export_quiz, quiz_path, quizzes_of
    from ..output import write_all
    from . import _load_for_command

    source, _name = _load_for_command(outline, overlays)
    quizzes = quizzes_of(source, audience, _parse_sets(sets), translation)
    target = output or quiz_path(Path("build"), quizzes, format_name)
    write_all([(target, export_quiz(quizzes, format_name))])
    count = len(quizzes.items)
    click.echo(
        f"wrote {target} ({count} {'quiz' if count == 1 else 'quizzes'}, "
        f"{QUIZ_FORMATS[format_name].description})"
    )
