"""Quiz: a knowledge check. The question and its options (lettered, in the body
placeholder, so they stay editable), the answer and its explanation in the speaker notes,
and with ``reveal: true`` the same slide again with the answer marked, to show next."""

from __future__ import annotations

from dataclasses import replace
from string import ascii_uppercase
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..labels import Labels
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule
from ..layout.flow import Flow, FlowBlock, flow_pages
from ..layout.handout_blocks import HandoutContext, Question
from ..layout.text import ParaStyle, plain_like, prose_of
from ..nodes import SlideBase, Text, spliced
from .base import SlideKind

ANSWER_MARK = "\u2713"  # ✓ marks a correct option on the reveal slide


class QuizSlide(SlideBase):
    kind: Literal["quiz"]
    title: Text | None = Field(
        default=None,
        description="Default: the label 'quiz' ('Check your understanding' in English).",
    )
    question: Text
    options: list[Text] = Field(min_length=2, max_length=6)
    answer: int | Annotated[list[int], Field(min_length=1, max_length=6)] = Field(
        description="The correct option's number (from 1), or a list of them."
    )
    explanation: Text | None = Field(default=None, description="Why: for the notes and key.")
    reveal: bool = Field(default=False, description="Add the slide again with the answer marked.")

    @model_validator(mode="after")
    def _answers_are_options(self):
        if len(set(self.correct)) < len(self.correct):
            raise ValueError("an answer is given twice: name each correct option once")
        for number in self.correct:
            if not 1 <= number <= len(self.options):
                raise ValueError(
                    f"answer {number} is not an option: give a number from 1 to {len(self.options)}"
                )
        return self

    @property
    def correct(self) -> list[int]:
        return [self.answer] if isinstance(self.answer, int) else list(self.answer)


def letter(number: int) -> str:
    return ascii_uppercase[number - 1]


def answer_text(slide: QuizSlide, labels: Labels) -> str:
    """ "Answer: B (The second option). Why it is." for the notes and the answer key."""
    picked = labels.join(
        spliced(f"{letter(n)} (", plain_like(slide.options[n - 1]), ")") for n in slide.correct
    )
    # each part in its language (a translation's fallback in the outline's)
    why = (" ", slide.explanation) if slide.explanation else ()
    return spliced(labels("answer", options=picked), *why)


def compose(slide: QuizSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    accent = design.palette.primary
    rule = FitRule(
        design.scale.body,
        design.scale.floor,
        design.scale.step,
        shrink_hint="a shorter question or shorter options keep the type scale",
        continue_message=f"too much to fit even at {design.scale.floor:g} pt",
        continue_hint="keep a question and its options to one slide",
        failure=f"the quiz '{slide.title}' does not fit on a slide",
    )
    area = design.grid.body_box
    flow = Flow(slide.title, slide.notes or "", accent, area, rule)
    answer = answer_text(slide, ctx.talk.labels)
    pages = [replace(page, answer=answer) for page in flow_pages(ctx, flow, _blocks(ctx, slide))]
    if slide.reveal:
        flow = Flow(ctx.talk.labels("answer_slide", title=slide.title), "", accent, area, rule)
        revealed = flow_pages(ctx, flow, _blocks(ctx, slide, reveal=True), len(pages))
        pages += [replace(page, answer=answer, reveals=True) for page in revealed]
    return pages


def _blocks(ctx: SlideContext, slide: QuizSlide, reveal: bool = False) -> list[FlowBlock]:
    design = ctx.design
    palette, box, spacing = design.palette, design.bullets, design.spacing
    correct = set(slide.correct)
    marks = [letter(n) for n in range(1, len(slide.options) + 1)] + [ANSWER_MARK]

    def question(size: float, width: int):
        style = ParaStyle(size, palette.text, bold=True)
        return [ctx.text.set(slide.question, width, style)]

    def option(number: int, text: str) -> FlowBlock:
        right = reveal and number in correct

        def make(size: float, width: int):
            # every option's text starts at one place, clear of the widest letter
            widest = max(ctx.text.width(mark, size, bold=True) for mark in marks)
            least = box.least(widest, size)
            margin, hanging = box.point(size / design.scale.body, least)
            style = ParaStyle(
                size,
                palette.text if right or not reveal else palette.muted,
                bold=right,
                space_before=size * spacing.bullet_before,
                bullet=ANSWER_MARK if right else letter(number),
                bullet_color=palette.primary if right or not reveal else palette.muted,
                margin_left=margin,
                hanging=hanging,
            )
            return [ctx.text.set(text, width, style)]

        return FlowBlock(make)

    return [FlowBlock(question)] + [option(n, t) for n, t in enumerate(slide.options, 1)]


def to_handout(slide: QuizSlide, ctx: HandoutContext) -> list[Question]:
    """The quiz for the handout's question list, the worksheet (and, in the presenter's
    copy, its key): its options lettered as on the slide, its answer as the notes say it."""
    return [
        Question(
            prose_of(slide.question),
            tuple((letter(n), prose_of(text)) for n, text in enumerate(slide.options, 1)),
            prose_of(answer_text(slide, ctx.labels)),
            slide.pos,
        )
    ]


KIND = SlideKind("quiz", QuizSlide, compose, handout=to_handout, title_label="quiz")
