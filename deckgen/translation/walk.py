"""Every text of a talk a translator translates, found by the outline model's types, each
with a key that survives slides moving: the slide's ``id`` (or, without one, a slug of
its title) and the field's path in it.

A field is translatable when its type carries :data:`deckgen.nodes.WORDS` (``Text``,
``NotesText``, ``Cell``): titles, bullets, notes, quotes, table cells, quiz options, alt
texts, the glossary, references' titles, audiences' and concepts' labels, deckgen's own
words replaced in the outline. Paths, URLs, font names, years, ids and code listings are
``Verbatim`` or not text: never a unit. One walk (:func:`map_texts`) both lists the units
and puts translations in their place, so the two can never disagree on a key.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import StringConstraints

from ..errors import SourcePos
from ..inline import paragraphs_of, plain
from ..nodes import WORDS, Node
from ..outline import model as m
from ..output import slug

# slide ids are Names (a letter first): keys of everything else start with "@" and of a
# slide without an id with "~", so no slide's key can be taken for another part's
MORE = "@"
UNNAMED = "~"


@dataclass(frozen=True)
class Unit:
    """One translatable text: its key (``two-terms/bullets/2/text``), the outline's text
    (markup and ``{variables}`` as written), where it stands, and what it is on (the
    slide's title and kind) for the translator."""

    key: str
    source: str
    pos: SourcePos | None
    context: str
    limit: int | None = None  # the field's most characters (the outline's limits)


# (unit, text) -> the text to put in its place
Visit = Callable[[Unit], str]


def map_texts(outline: m.Outline, visit: Visit) -> m.Outline:
    """``outline`` with each translatable text replaced by what ``visit`` says for its
    unit, in the outline's order (meta, sections and their slides, glossary, references,
    concepts, audiences, deckgen's words)."""
    walker = _Walker(visit)
    changes = {
        "meta": walker.node(outline.meta, f"{MORE}meta", "meta"),
        "sections": [walker.section(section, keys) for section, keys in section_keys(outline)],
        "glossary": [
            walker.node(entry, f"{MORE}glossary/{key}", f"glossary: {plain(entry.term)}")
            for entry, key in zip(outline.glossary, _keys(outline.glossary), strict=True)
        ],
        "references": [
            walker.node(ref, f"{MORE}references/{ref.id}", f"reference {ref.id}")
            for ref in outline.references
        ],
        "theme": walker.node(outline.theme, f"{MORE}theme", "theme"),
        "concepts": {
            name: walker.node(concept, f"{MORE}concepts/{name}", f"concept {name}")
            for name, concept in outline.concepts.items()
        },
        "audiences": {
            name: walker.node(audience, f"{MORE}audiences/{name}", f"audience {name}")
            for name, audience in outline.audiences.items()
        },
        "labels": walker.node(outline.labels, f"{MORE}labels", "deckgen's words"),
    }
    changed = {name: new for name, new in changes.items() if not _same(new, getattr(outline, name))}
    return outline.model_copy(update=changed) if changed else outline


def _same(new, old) -> bool:
    """Whether a part came back as it was (each of its items the very same object)."""
    if isinstance(new, list):
        return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))
    if isinstance(new, dict):
        return new.keys() == old.keys() and all(new[k] is old[k] for k in new)
    return new is old


def units_of(outline: m.Outline) -> list[Unit]:
    """Every translatable text of ``outline``, in its order."""
    found, record = _recorder()
    map_texts(outline, record)
    return found


def _recorder() -> tuple[list[Unit], Visit]:
    """A list, and a visit that adds each unit to it and changes nothing."""
    found: list[Unit] = []

    def record(unit: Unit) -> str:
        found.append(unit)
        return unit.source

    return found, record


def keys_at(outline: m.Outline, path: tuple) -> tuple[str, ...]:
    """The unit a scalar at ``path`` (steps from the outline file's root, as ``deckgen
    sync`` finds it) is: its key, and the key it has where the scalar is the shorthand
    of a ``{text: …}`` mapping (a bullet, a note). Empty for a part no unit is."""
    if path[:1] == ("meta",):
        prefix, rest = f"{MORE}meta", path[1:]
    elif path[:1] == ("sections",) and len(path) > 1 and isinstance(path[1], int):
        keyed = list(section_keys(outline))
        if not 0 <= path[1] < len(keyed):
            return ()
        section_key, slide_keys = keyed[path[1]][1]
        if path[2:3] != ("slides",):
            prefix, rest = section_key, path[2:]
        elif len(path) > 3 and isinstance(path[3], int) and 0 <= path[3] < len(slide_keys):
            prefix, rest = slide_keys[path[3]], path[4:]
        else:
            return ()
    else:
        return ()
    key = "/".join([prefix, *(str(s + 1) if isinstance(s, int) else s for s in rest)])
    return key, f"{key}/text"


def slide_units(slide, key: str) -> list[Unit]:
    """The units of one slide whose key is ``key`` (a tailored talk's slide, too)."""
    found, record = _recorder()
    _Walker(record).slide(slide, key)
    return found


def with_text(slide, key: str, unit_key: str, text: str):
    """``slide`` (keyed ``key``) with the text of its unit ``unit_key`` replaced."""
    return _Walker(lambda unit: text if unit.key == unit_key else unit.source).slide(slide, key)


def slide_key(slide, taken: set[str]) -> str:
    """A slide's key: its id, or ``~`` and a slug of its title (of its kind where it has
    none), made unique among ``taken``."""
    if slide.id:
        return slide.id
    return _unique(UNNAMED + _slug(plain(getattr(slide, "title", None) or slide.kind)), taken)


def section_keys(outline: m.Outline):
    """Each section (of an outline or a tailored talk) with its key and its slides' keys."""
    taken: set[str] = set()
    sections: set[str] = set()
    for section in outline.sections:
        key = section.id or _unique(UNNAMED + _slug(plain(section.title)), sections)
        slides = [slide_key(slide, taken) for slide in section.slides]
        taken.update(slides)
        yield section, (f"{MORE}sections/{key}", slides)


def _keys(glossary) -> list[str]:
    """Each glossary entry's key: its term's slug."""
    taken: set[str] = set()
    return [_unique(_slug(plain(entry.term)), taken) for entry in glossary]


def _unique(key: str, taken: set[str]) -> str:
    found, number = key, 1
    while found in taken:
        number += 1
        found = f"{key}-{number}"
    taken.add(found)
    return found


def _slug(text: str) -> str:
    """A title or term as part of a key: the outputs' slug, shorter."""
    return slug(text, 48, "text")


class _Walker:
    def __init__(self, visit: Visit) -> None:
        self.visit = visit

    def section(self, section: m.Section, keys) -> m.Section:
        key, slide_keys = keys
        context = f"section: {plain(section.title)}"
        head = self.node(section, key, context, skip={"slides"})
        pairs = zip(section.slides, slide_keys, strict=True)
        slides = [self.slide(slide, slide_key) for slide, slide_key in pairs]
        if head is section and _same(slides, section.slides):
            return section
        return head.model_copy(update={"slides": slides})

    def slide(self, slide, key: str):
        title = getattr(slide, "title", None)
        context = f"{plain(title)} ({slide.kind})" if title else slide.kind
        done = self.node(slide, key, context, skip={"overrides"})
        if not slide.overrides:
            return done
        overrides = {
            audience: self.override(slide, raw, f"{key}/overrides/{audience}", context)
            for audience, raw in slide.overrides.items()
        }
        if _same(overrides, slide.overrides):
            return done
        return done.model_copy(update={"overrides": overrides})

    def override(self, slide, raw: dict, key: str, context: str) -> dict:
        """An audience's replaced fields, translated as the slide's own fields are."""
        from ..outline.tailor import apply_override, by_field_name

        whole = apply_override(slide, raw)
        names = set(by_field_name(type(slide), raw))  # (a key the outline writes is an alias)
        done = self.node(whole, key, f"{context}, for {key.rsplit('/', 1)[-1]}", only=names)
        if done is whole:
            return raw
        dumped = done.model_dump(include=names, by_alias=True, exclude_none=True)
        return {name: dumped.get(name, value) for name, value in raw.items()}

    def node(self, node: Node, key: str, context: str, skip=frozenset(), only=None, pos=None):
        changes = {}
        pos = node.pos or pos
        for name, words, limit in _fields(type(node)):
            if name in skip or (only is not None and name not in only):
                continue
            value = getattr(node, name)
            done = self.value(value, words, f"{key}/{name}", (pos, context, limit))
            if done is not value:
                changes[name] = done
        return node.model_copy(update=changes) if changes else node

    def value(self, value, words: bool, key: str, where):
        pos, context, limit = where
        if isinstance(value, str):
            if not words or not _has_words(value):
                return value
            source = folded(value) if flows(key) else value
            done = self.visit(Unit(key, source, pos, context, limit))
            # the same words back keep the same string (a Foreign one says its language)
            same = done is value or done is source or (type(done) is str and done == value)
            return value if same else done
        if isinstance(value, Node):
            return self.node(value, key, context, pos=pos)
        if isinstance(value, list | tuple):
            items = [self.value(v, words, f"{key}/{i}", where) for i, v in enumerate(value, 1)]
            same = all(a is b for a, b in zip(items, value, strict=True))
            return value if same else type(value)(items)
        if isinstance(value, dict):
            items = {k: self.value(v, words, f"{key}/{k}", where) for k, v in value.items()}
            return value if all(items[k] is v for k, v in value.items()) else items
        return value


@functools.cache
def _fields(model: type[Node]) -> tuple[tuple[str, bool, int | None], ...]:
    """A model's fields the walk visits: each one's name, whether its type holds words
    and a text's most characters (read from the class once, not at every node)."""
    return tuple(
        (
            name,
            WORDS in info.metadata or _marked(info.annotation),
            _limit(info.metadata) or _limit_in(info.annotation),
        )
        for name, info in model.model_fields.items()
        if not info.exclude
    )


def flows(key: str) -> bool:
    """Whether the unit at ``key`` is speaker notes (a slide's or a section's, whole or a
    paragraph of them): text the notes page sets as flowing paragraphs."""
    return key.endswith("/notes") or "/notes/" in key


def folded(text: str) -> str:
    """Speaker notes as the translator gets them: each paragraph on one line, paragraphs
    parted by a blank line. The outline hard-wraps its notes (a YAML block) and the notes
    page joins the lines again (layout's ``reflow``), so a line break inside a paragraph
    is not the talk's, and a translation need not keep it (tools flag a translation with
    fewer line breaks than its source)."""
    return "\n\n".join(paragraphs_of(text))


# a {variable}, which a translation keeps as it is
VARIABLE = re.compile(r"\{[A-Za-z][A-Za-z0-9_-]*\}")


def _has_words(text: str) -> bool:
    """Whether a text has anything to translate: a letter beyond its {variables} ("2026",
    "{presenter}" and "—" have none)."""
    return any(char.isalpha() for char in VARIABLE.sub("", text))


def _marked(annotation) -> bool:
    """Whether a field's type holds translatable text anywhere (``Text | None``,
    ``list[Text]``, ``list[list[Cell]]``)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return WORDS in annotation.__metadata__ or _marked(typing.get_args(annotation)[0])
    return any(_marked(arg) for arg in typing.get_args(annotation))


def _limit(metadata) -> int | None:
    """A text's most characters (a list's own length limit is not one)."""
    return next((c.max_length for c in metadata if isinstance(c, StringConstraints)), None)


def _limit_in(annotation) -> int | None:
    if typing.get_origin(annotation) is typing.Annotated:
        return _limit(annotation.__metadata__)
    return next(filter(None, (_limit_in(arg) for arg in typing.get_args(annotation))), None)
