"""The units of a talk and their markup: keys that survive slides moving, nothing that
must not be translated, and XLIFF inline codes that read back as the outline wrote them."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from deckgen.nodes import WORDS
from deckgen.outline.loader import load_outline
from deckgen.translation.markup import MarkupError, fill_xliff, problems, read_xliff
from deckgen.translation.walk import map_texts, units_of

from ..conftest import SHIPPED
from ..layout.support import outline_text


@pytest.fixture(scope="module")
def shipped_units():
    return units_of(load_outline(SHIPPED, SHIPPED.name))


def test_every_text_is_a_unit_once_and_nothing_verbatim_is(shipped_units):
    outline = load_outline(SHIPPED, SHIPPED.name)
    keys = [unit.key for unit in shipped_units]
    assert len(keys) == len(set(keys))
    sources = {unit.source for unit in shipped_units}
    for _section, slide in outline.slides():
        title = getattr(slide, "title", None)
        assert title is None or title in sources, title
        for bullet in getattr(slide, "bullets", ()):
            assert bullet.text in sources
    for reference in outline.references:  # a reference's title, never its URL or year
        assert reference.title in sources
        assert reference.url not in sources and reference.year not in sources
    for concept in outline.concepts.values():  # an icon's alt text, never its path
        assert concept.label in sources
        assert concept.icon is None or concept.icon.path not in sources
    assert outline.theme.font not in sources
    assert "{date}" in outline.meta.date and not any(  # a variable alone: nothing to translate
        re.fullmatch(r"\{\w+\}", unit.source) for unit in shipped_units
    )


def _models():
    """Every model class an outline is made of."""
    from pydantic import BaseModel

    from deckgen.outline.model import Outline

    seen, todo = set(), [Outline]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for info in model.model_fields.values():
            for found in _classes(info.annotation):
                if isinstance(found, type) and issubclass(found, BaseModel):
                    todo.append(found)
    return seen


def _classes(annotation):
    import typing

    yield annotation
    for arg in typing.get_args(annotation):
        yield from _classes(arg)


def test_no_path_url_name_or_code_field_of_any_model_is_translatable():
    """A guard for fields to come: whatever names a file, a link, a font, a year, an id or
    a language, or holds code, is Verbatim (or not text), never a translator's unit."""
    from deckgen.translation.walk import _marked

    never = {"path", "on_dark", "url", "font", "year", "id", "language", "code", "kind"}
    marked = [
        f"{model.__name__}.{name}"
        for model in _models()
        for name, info in model.model_fields.items()
        if name in never and (WORDS in info.metadata or _marked(info.annotation))
    ]
    assert len(_models()) > 20 and marked == []


def test_keys_are_the_slide_id_and_field_path(shipped_units):
    by_key = {unit.key: unit for unit in shipped_units}
    assert by_key["two-terms/bullets/1/text"].source == "Often used interchangeably, yet distinct"
    assert by_key["two-terms/title"].context == "Two terms, two kinds of risk (bullets)"
    assert by_key["two-terms/title"].pos.line > 1
    # an audience's replaced fields are units of their own
    assert any(key.startswith("takeaways/overrides/executives/") for key in by_key)
    assert "@meta/title" in by_key and "@glossary/hallucination/definition" in by_key


def test_a_slide_inserted_first_changes_no_key():
    text = "- {kind: bullets, id: one, title: One, bullets: [Alpha, Beta]}\n"
    before = {u.key: u.source for u in units_of(load_outline_text(text))}
    added = "- {kind: bullets, id: zero, title: Zero, bullets: [Gamma]}\n" + text
    after = {u.key: u.source for u in units_of(load_outline_text(added))}
    assert before.items() <= after.items() and len(after) == len(before) + 2  # title, Gamma


def test_a_slide_without_an_id_is_keyed_by_its_title():
    text = "- {kind: bullets, title: Why it matters, bullets: [A point]}\n" * 2
    keys = [u.key for u in units_of(load_outline_text(text))]
    assert "~why-it-matters/title" in keys and "~why-it-matters-2/title" in keys


def test_putting_texts_in_place_keeps_everything_else():
    outline = load_outline(SHIPPED, SHIPPED.name)
    loud = map_texts(outline, lambda unit: unit.source.upper())
    assert loud.meta.title == outline.meta.title.upper()
    assert loud.references[0].url == outline.references[0].url
    assert [u.source.upper() for u in units_of(outline)] == [u.source for u in units_of(loud)]
    assert map_texts(outline, lambda unit: unit.source) is outline


def load_outline_text(slides: str):
    return load_outline_from(outline_text(slides))


def load_outline_from(text: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "outline.yaml"
        path.write_text(text, encoding="utf-8")
        return load_outline(path, "outline.yaml")


# ------------------------------------------------------------------ markup


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "**bold** and *italic* and **bold *both***",
        "see [the **NIST** framework](https://www.nist.gov/ai) today",
        "run `pip install deckgen` for {client}",
        "literal 2*3*4 and \\*stars\\* and [brackets]",
    ],
)
def test_xliff_inline_codes_read_back_as_written(text):
    from deckgen.inline import spans

    source = etree.Element("source")
    codes = fill_xliff(source, text)
    assert spans(read_xliff(source, codes)) == spans(text)


def test_xliff_tags_carry_no_url_and_a_changed_one_is_the_sources():
    source = etree.Element("source")
    codes = fill_xliff(source, "read [this](https://example.org/a)")
    assert b"example.org" not in etree.tostring(source)
    target = etree.fromstring('<target>lies <g id="1" ctype="link">das</g></target>')
    assert read_xliff(target, codes) == "lies [das](https://example.org/a)"
    unknown = etree.fromstring('<target>lies <g id="9" ctype="bold">das</g></target>')
    with pytest.raises(MarkupError, match="'9'"):
        read_xliff(unknown, codes)


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("Hallo", "{client} dropped"),
        ("Hallo {client} {kunde}", "{kunde} is not in the source"),
        ("Hallo {client}, [hier](https://evil.example)", "a link's target"),
        ("Hallo {client}, `pip uninstall`", "a code span"),
        ("Hallo {client}, **fett", "half-written"),
    ],
)
def test_a_translation_that_breaks_its_source_is_said(target, said):
    source = "Hello {client}, [here](https://example.org) `pip install` **bold**"
    if "link" in said or "code" in said:
        source = source.replace(" **bold**", "")
    assert any(said in problem for problem in problems(source, target)), problems(source, target)


def test_a_sound_translation_has_no_problem():
    source = "Hello {client}, [here](https://example.org) `pip install` **bold**"
    target = "**Fett:** [hier](https://example.org) `pip install`, {client}"
    assert problems(source, target) == []


def test_a_dividers_title_has_the_room_it_keeps_its_size_in():
    """A divider's title shrinks without a warning (display text): its room is where it
    would, measured by its size, not by a warning."""
    from dataclasses import replace

    from deckgen.build import prepare
    from deckgen.fitnotes import _longer, fit_limits
    from deckgen.layout.engine import layout_deck

    outline = load_outline(SHIPPED, SHIPPED.name)
    most = fit_limits(outline)["@sections/security/title"].most
    assert 20 < most < 200
    prepared = prepare(outline, None, {})
    section = next(s for s in prepared.talk.sections if s.id == "security")
    body, titles = prepared.measurers

    def title_size(length: int) -> float:
        alone = replace(section, slides=(), title=_longer(section.title, length))
        deck = layout_deck(
            replace(prepared.talk, sections=(alone,)), body, prepared.deck.design, titles
        )
        (frame,) = deck.slides
        return max(p.size for item in frame.items for p in getattr(item, "paragraphs", ()))

    hero = prepared.deck.design.scale.hero
    assert title_size(most) == hero and title_size(most + most // 10 + 4) < hero
