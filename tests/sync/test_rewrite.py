"""How an edit of built text maps back into its scalar: variables, Markdown, notes."""

from __future__ import annotations

import pytest

from deckgen.inline import spans
from deckgen.layout.frames import Run
from deckgen.sync.markdown import markdown
from deckgen.sync.rewrite import RewriteRefused, rewritten

VALUES = {"presenter": "Ada Lovelace", "org": "ACME"}


def test_an_edit_around_a_variable_edits_the_text_around_its_placeholder():
    source = "Presented by {presenter} for {org}"
    old = "Presented by Ada Lovelace for ACME"
    new = "Given by Ada Lovelace for ACME today"
    assert rewritten(source, VALUES, old, new) == "Given by {presenter} for {org} today"


def test_an_edit_inside_a_variables_value_is_refused_naming_it():
    with pytest.raises(RewriteRefused, match=r"\{presenter\}"):
        rewritten("By {presenter}", VALUES, "By Ada Lovelace", "By Ada King")


def test_typed_braces_are_doubled_so_they_stay_braces():
    assert rewritten("Sets", {}, "Sets", "Sets {a, b}") == "Sets {{a, b}}"


def test_markup_written_as_the_subset_writes_it_is_kept_and_edited_in_place():
    source = "A **bold** claim"
    assert rewritten(source, {}, source, "A **bold** claim, proven") == "A **bold** claim, proven"


def test_what_the_built_text_leaves_out_stays_as_written():
    # an escape the subset would not need, and bold inside a paragraph set bold
    assert rewritten(r"2\*3 claim", {}, "2*3 claim", "2*3 new claim") == r"2\*3 new claim"
    source = "Which is an **AI security** problem?"
    shown = "Which is an AI security problem?"  # the whole question is bold
    assert rewritten(source, {}, shown, shown + " Pick one.") == source + " Pick one."


def test_notes_hard_wrapped_in_the_outline_keep_their_lines():
    source = "First line of the note\ngoes on here.\n\nSecond paragraph.\n"
    shown = "First line of the note goes on here.\nSecond paragraph."
    new = "First line of the note goes on here.\nSecond paragraph, edited."
    assert (
        rewritten(source, {}, shown, new, notes=True)
        == "First line of the note\ngoes on here.\n\nSecond paragraph, edited.\n"
    )


@pytest.mark.parametrize(
    "runs",
    [
        (Run("plain"),),
        (Run("a "), Run("bold", bold=True), Run(" and "), Run("it", italic=True)),
        (Run("see "), Run("the docs", link="https://example.org/a_b")),
        (Run("run "), Run("pip install", code=True), Run(" then 2*3*4")),
        (Run("stars * and [brackets] and \\ slash"),),
    ],
)
def test_markdown_reads_back_as_the_same_runs(runs):
    text = markdown(runs)
    back = tuple((s.text, s.bold, s.italic, s.code, s.link) for s in spans(text))
    assert back == tuple((r.text, r.bold, r.italic, r.code, r.link) for r in runs)


def test_a_title_set_bold_says_no_bold_of_its_own():
    assert markdown((Run("Title", bold=True),), bold=True) == "Title"
