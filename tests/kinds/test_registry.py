"""The registry of slide kinds: one list (``KINDS``) makes the outline's ``Slide`` union,
the kind names, the schema and the dispatch; a new kind is a module and one line."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

from deckgen.kinds import KINDS, InHandout, SlideKind, kind_named, kind_of
from deckgen.layout.context import Page
from deckgen.layout.frames import Item, SlideLayout
from deckgen.nodes import SlideBase
from deckgen.outline.model import SLIDE_KINDS, Slide
from deckgen.outline.schema import outline_schema

from ..layout.support import ROOT, deck_from, outline_text, talk_from
from .support import context, minimal_slides

MINIMAL = minimal_slides()
ALL_MINIMAL = outline_text("\n".join(f"- {slide}" for slide in MINIMAL.values()))


def test_the_slide_union_and_the_kind_names_come_from_the_registry():
    union, field = typing.get_args(Slide)
    assert typing.get_args(union) == tuple(kind.model for kind in KINDS)
    assert field.discriminator == "kind"
    assert tuple(kind.name for kind in KINDS) == SLIDE_KINDS


def test_every_kind_has_its_own_name_and_model():
    assert len({kind.name for kind in KINDS}) == len(KINDS)
    assert len({kind.model for kind in KINDS}) == len(KINDS)
    for kind in KINDS:
        assert isinstance(kind, SlideKind)
        assert kind_named(kind.name) is kind
    assert kind_named("video") is None


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_kinds_model_says_its_name_in_a_kind_literal(kind):
    assert issubclass(kind.model, SlideBase)
    annotation = kind.model.model_fields["kind"].annotation
    assert typing.get_origin(annotation) is typing.Literal
    assert typing.get_args(annotation) == (kind.name,)


def test_every_kind_has_a_minimal_example_in_its_own_tests():
    """A new kind says its minimal slide (``MINIMAL``) in tests/kinds/test_<name>.py."""
    assert list(MINIMAL) == list(SLIDE_KINDS)


@pytest.fixture(scope="module")
def minimal_talk():
    return talk_from(ALL_MINIMAL)


@pytest.mark.parametrize("index, name", list(enumerate(MINIMAL)))
def test_every_kind_composes_a_minimal_slide_into_pages(minimal_talk, index, name):
    slide = minimal_talk.sections[0].slides[index]
    kind = kind_of(slide)
    assert kind.name == name and kind.model is type(slide)
    ctx = context(minimal_talk)
    pages = kind.compose(slide, ctx)
    assert len(pages) >= 1
    for page in pages:
        assert isinstance(page, Page) and isinstance(page.layout, SlideLayout)
        assert page.items and all(isinstance(item, typing.get_args(Item)) for item in page.items)
        assert page.title
    assert ctx.report.errors == [] and ctx.report.diagnostics == []


def test_the_engine_dispatches_every_kind():
    deck = deck_from(ALL_MINIMAL)
    assert [s.source.kind for s in deck.slides] == list(MINIMAL)


def test_the_hooks_each_kind_declares():
    by_name = {kind.name: kind for kind in KINDS}
    assert {n for n, k in by_name.items() if k.select is not None} == {"bullets", "takeaways"}
    assert {n for n, k in by_name.items() if k.handout is not None} == {
        "comparison",
        "definition",
        "quiz",
    }
    appendix = {n for n, k in by_name.items() if k.in_handout is InHandout.APPENDIX}
    assert appendix == {"glossary", "references"}


def test_the_schema_lists_every_kind_by_its_model():
    schema = outline_schema()
    slides = schema["definitions"]["Section"]["properties"]["slides"]["items"]
    mapping = slides["discriminator"]["mapping"]
    assert set(mapping) == set(SLIDE_KINDS)
    for kind in KINDS:
        assert mapping[kind.name] == f"#/definitions/{kind.model.__name__}"
        assert kind.model.__name__ in schema["definitions"]
    assert [option["$ref"] for option in slides["oneOf"]] == [
        f"#/definitions/{kind.model.__name__}" for kind in KINDS
    ]


def test_the_committed_schema_lists_every_kind():
    committed = json.loads((ROOT / "docs" / "outline.schema.json").read_text(encoding="utf-8"))
    slides = committed["definitions"]["Section"]["properties"]["slides"]["items"]
    assert set(slides["discriminator"]["mapping"]) == set(SLIDE_KINDS), (
        "run: deckgen schema > docs/outline.schema.json"
    )


# ---------------------------------------------------------------- a new kind

# A test-only kind, registered before the outline model is imported (as a new module
# and its line in deckgen/kinds/__init__.py would be), then used end to end.
NEW_KIND = textwrap.dedent(
    '''
    import json, sys
    from typing import Literal

    import deckgen.kinds as registry

    assert "deckgen.outline.model" not in sys.modules, "the model was built too early"

    from deckgen.kinds.base import KindRegistry, SlideKind
    from deckgen.layout.chrome import title_items
    from deckgen.layout.context import Page
    from deckgen.layout.frames import Role, SlideLayout
    from deckgen.layout.text import ParaStyle
    from deckgen.nodes import SlideBase, Text


    class PollSlide(SlideBase):
        """A question to the audience."""

        kind: Literal["poll"]
        title: Text
        question: Text


    def compose(slide, ctx):
        design = ctx.design
        body = design.grid.body_box
        style = ParaStyle(design.scale.body, design.palette.text)
        items = title_items(ctx, slide.title, ctx.accent(None))
        question = ctx.text.set(slide.question, body.w, style)
        items.append(ctx.text.box(body, [question], Role.BODY, "Question"))
        return [Page(slide.title, items, slide.notes or "", SlideLayout.TITLE_ONLY)]


    POLL = SlideKind("poll", PollSlide, compose)
    registry.KINDS = (*registry.KINDS, POLL)  # the registry line
    # what deckgen/kinds/__init__.py derives from KINDS when it is imported
    registry.REGISTRY = KindRegistry(registry.KINDS)

    from deckgen.errors import InputError
    from deckgen.layout.engine import layout_deck
    from deckgen.layout.measure import FixedMeasurer
    from deckgen.outline.loader import load_outline_text
    from deckgen.outline.model import SLIDE_KINDS
    from deckgen.outline.schema import outline_schema
    from deckgen.outline.tailor import tailor

    outline = sys.stdin.read()
    talk = tailor(load_outline_text(outline, "outline.yaml"))
    deck = layout_deck(talk, FixedMeasurer(0.5))
    schema = outline_schema()
    slides = schema["definitions"]["Section"]["properties"]["slides"]["items"]
    try:
        load_outline_text(outline.replace("question:", "answer:"), "outline.yaml")
        refused = None
    except InputError as exc:
        refused = [d.message for d in exc.diagnostics]
    print(json.dumps({
        "kinds": list(SLIDE_KINDS),
        "schema": sorted(slides["discriminator"]["mapping"]),
        "poll_in_schema": "PollSlide" in schema["definitions"],
        "slides": [[s.title, s.source.kind, [i.name for i in s.items]] for s in deck.slides],
        "refused": refused,
    }))
    '''
)

POLL_OUTLINE = outline_text(
    """\
    - {kind: bullets, title: Before, bullets: [x]}
    - {kind: poll, title: Quick question, question: What does a lock keep out?}
    """
)


def test_a_new_kind_is_a_module_and_one_registry_line():
    proc = subprocess.run(
        [sys.executable, "-c", NEW_KIND],
        input=POLL_OUTLINE,
        capture_output=True,
        text=True,
        cwd=Path(ROOT),
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["kinds"] == [*SLIDE_KINDS, "poll"]
    assert "poll" in result["schema"] and result["poll_in_schema"]
    before, poll = result["slides"]
    assert before[1] == "bullets"
    assert poll[:2] == ["Quick question", "poll"]
    # the engine adds the chrome to the new kind's page as to any other
    assert poll[2] == ["Title", "Accent rule", "Question", "Footer", "Slide number"]
    # the loader validates the new kind's fields like any other's
    assert result["refused"] and any("answer" in m or "question" in m for m in result["refused"])
