"""Texts in another language than the talk's (a translation's fallback, ``Foreign``)
kept through validation: pydantic validates a ``str`` subclass into a plain ``str``, so
a model validated again from a dump (an audience's overrides put in place) takes each
such text's language back from what it was validated from."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from ..nodes import Foreign, foreign_like


def keep_languages(made, source):
    """``made`` (validated from ``source``, a model or its dump) with each text that was a
    :class:`Foreign` in ``source`` one again; the same object where nothing changes."""
    if isinstance(made, str):
        return (
            foreign_like(made, source) if isinstance(source, Foreign) and made == source else made
        )
    if isinstance(made, list | tuple) and isinstance(source, list | tuple):
        if len(made) != len(source):
            return made
        items = [keep_languages(new, old) for new, old in zip(made, source, strict=True)]
        return made if all(a is b for a, b in zip(items, made, strict=True)) else type(made)(items)
    if isinstance(made, dict) and isinstance(source, Mapping):
        items = {key: keep_languages(value, source.get(key)) for key, value in made.items()}
        return made if all(items[key] is made[key] for key in made) else items
    if isinstance(made, BaseModel) and isinstance(source, BaseModel | Mapping):
        return _model(made, source)
    return made


def _model(made: BaseModel, source) -> BaseModel:
    update = {}
    for name in type(made).model_fields:  # (a mapping keyed by field names)
        old = source.get(name) if isinstance(source, Mapping) else getattr(source, name, None)
        value = getattr(made, name)
        kept = keep_languages(value, old)
        if kept is not value:
            update[name] = kept
    return made.model_copy(update=update) if update else made
