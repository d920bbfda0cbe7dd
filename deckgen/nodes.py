"""The outline's building blocks: the node base, selection by audience, pictures, notes,
and the fields every slide has. Slide kinds (deckgen/kinds/) build their models on these;
outline/model.py assembles the whole outline."""

from __future__ import annotations

import re
import sys
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from .errors import SourcePos, quoted
from .limits import (
    MAX_CELL,
    MAX_CHART_DIGITS,
    MAX_CHART_VALUE,
    MAX_ENTRIES,
    MAX_NOTES,
    MAX_TEXT,
)


class Words:
    """Marks a text field a translator translates (``deckgen translate``): pydantic keeps it
    in the field's metadata and the JSON schema does not show it."""

    def __repr__(self) -> str:
        return "WORDS"


WORDS = Words()


class Foreign(str):
    """A text in another language than the talk's: a translated build's fallback, the
    outline's own words where the translation lacks them. It carries its language (BCP 47)
    through tailoring and layout, so its runs say it (``Run.lang``) and a screen reader
    reads it in its own voice. Anything that makes a new string of it makes a plain one,
    unless it says otherwise (``foreign_like``)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __reduce__(self):  # pickled (a forked build) as what it is
        return (Foreign, (str(self), self.lang))


class Mixed(str):
    """Paragraphs not all in one language (notes given as a list, some of which a
    translation lacks): the text, and each paragraph as it is, a :class:`Foreign` where it
    is in another language than the talk's. Layout sets each in its own."""

    parts: tuple[str, ...]

    def __new__(cls, text: str, parts: tuple[str, ...]) -> Mixed:
        made = super().__new__(cls, text)
        made.parts = parts
        return made

    def __reduce__(self):  # pickled (a forked build) as what it is
        return (Mixed, (str(self), self.parts))


def paragraphs_like(separator: str, parts: list[str]) -> str:
    """``parts`` joined by ``separator``: in their language where they share one, else a
    :class:`Mixed` that keeps each part's (a ``Mixed`` part's paragraphs each, a
    :class:`Spliced` part's pieces)."""
    joined = separator.join(parts)
    each = tuple(p for part in parts for p in (part.parts if isinstance(part, Mixed) else (part,)))
    if any(isinstance(p, Spliced) for p in each) or len({language_of(p) for p in each}) > 1:
        return Mixed(joined, each)
    return joined_like(joined, *each)


class Spliced(str):
    """One text made of pieces in different languages: deckgen's own words (a label, in
    the talk's language) around outline text a translation lacks, "Abschnitt 1:
    Introduction.". ``pieces`` are its parts in order, each a :class:`Foreign` where it is
    in another language than the talk's; layout makes each piece's runs in its own. Made
    by :func:`spliced`, which gives a plain string where the pieces share a language."""

    pieces: tuple[str, ...]

    def __new__(cls, pieces: tuple[str, ...]) -> Spliced:
        made = super().__new__(cls, "".join(pieces))
        made.pieces = pieces
        return made

    def __reduce__(self):  # pickled (a forked build) as what it is
        return (Spliced, (self.pieces,))


def spliced(*pieces: str) -> str:
    """``pieces`` one after another: a plain string where every piece with a word in it
    is in the talk's language (so builds without a translation, or with a complete one,
    make what they made before), one :class:`Foreign` where all are in the same other
    one, else a :class:`Spliced`. A piece without a word (a space, a full stop, a number)
    goes with the piece before it."""
    flat = [
        p
        for piece in pieces
        for p in (piece.pieces if isinstance(piece, Spliced) else (piece,))
        if p
    ]
    joined = "".join(flat)
    worded = [piece for piece in flat if _has_word(piece)]
    if len({language_of(piece) for piece in worded}) < 2:
        return joined_like(joined, *worded)
    merged: list[str] = []
    for piece in flat:
        if merged and (not _has_word(piece) or language_of(piece) == language_of(merged[-1])):
            merged[-1] = foreign_like(merged[-1] + piece, merged[-1])
        else:
            merged.append(piece)
    return Spliced(tuple(merged))


def spliced_join(separator: str, parts: list[str]) -> str:
    """``separator.join(parts)``, each part in its language (:func:`spliced`)."""
    return spliced(
        *(p for i, part in enumerate(parts) for p in ((separator, part) if i else (part,)))
    )


def _has_word(text: str) -> bool:
    return any(character.isalpha() for character in text)


def languages_in(text: str) -> set[str | None]:
    """The languages of a text's parts (None: the talk's): a :class:`Foreign`'s one, a
    :class:`Spliced` text's pieces' or a :class:`Mixed` text's parts'."""
    if isinstance(text, Spliced):
        return {language_of(piece) for piece in text.pieces}
    if isinstance(text, Mixed):
        return {lang for part in text.parts for lang in languages_in(part)}
    return {language_of(text)}


def language_of(text: str) -> str | None:
    """A text's own language: a :class:`Foreign`'s, else None (the talk's)."""
    return getattr(text, "lang", None) if isinstance(text, Foreign) else None


def foreign_like(made: str, source: str) -> str:
    """``made`` (a string made from ``source``) in ``source``'s language, if it has one."""
    lang = language_of(source)
    return made if lang is None or isinstance(made, Foreign) else Foreign(made, lang)


def joined_like(made: str, *parts: str | None) -> str:
    """``made`` (``parts`` joined, with words in no language: a dash, a number) in their
    language where all of them are in the same other one; else as it is."""
    found = {language_of(part) for part in parts if part}
    lang = found.pop() if len(found) == 1 else None
    return made if lang is None else Foreign(made, lang)


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), WORDS]
NotesText = Annotated[str, StringConstraints(max_length=MAX_NOTES), WORDS]
Cell = Annotated[str, StringConstraints(min_length=1, max_length=MAX_CELL), WORDS]
# text that is the same in every language: a file's path, a URL, a font's name, a year
Verbatim = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$")]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
# planned time, in minutes: a slide's, a section's (at most a day)
Minutes = Annotated[float, Field(gt=0, le=24 * 60)]
# a time of day on a 24-hour clock: "09:30", "14:05"
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")]

_NUMBER = re.compile(r"[-+]?(?P<int>[0-9]*)(?:\.(?P<frac>[0-9]*))?(?:[eE][-+]?[0-9]+)?")


def chart_value(raw: object) -> float:
    """A value as written in the outline, if a chart can show it: a finite number within
    ±1e15, of at most 15 significant digits; a subnormal one is 0 on any axis."""
    if isinstance(raw, int | float):
        text = repr(raw)
    elif isinstance(raw, str):
        text = raw.strip()
    else:
        return raw  # the float type says what is wrong
    match = _NUMBER.fullmatch(text)
    if not match or not (match["int"] or match["frac"]):
        raise ValueError(f"{quoted(text[:40])} is not a number (write digits, e.g. 12.5)")
    digits = ((match["int"] or "") + (match["frac"] or "")).strip("0")
    if len(digits) > MAX_CHART_DIGITS:
        raise ValueError(
            f"{quoted(text[:40])} has {len(digits)} significant digits; a chart keeps "
            f"{MAX_CHART_DIGITS} (round it)"
        )
    value = float(text)
    if not abs(value) <= MAX_CHART_VALUE:
        raise ValueError(
            f"{quoted(text[:40])} is beyond what a chart can show (±1e15): "
            "give it in a larger unit (thousands, millions) and say so in 'unit:'"
        )
    return value if abs(value) >= sys.float_info.min else 0.0


ChartNumber = Annotated[float, BeforeValidator(chart_value)]


POS_KEY = "__pos__"


class Node(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True, validate_default=False
    )

    pos: SkipJsonSchema[SourcePos | None] = Field(
        default=None, alias=POS_KEY, exclude=True, repr=False
    )

    @model_validator(mode="before")
    @classmethod
    def _take_pos(cls, data):
        # The loader hands over mappings that know where they start (PosDict).
        pos = getattr(data, "source_pos", None) if isinstance(data, dict) else None
        if pos is not None:
            data = dict(data)
            data[POS_KEY] = pos
        return data


def with_places(data, key: str, alias: str, attr: str):
    """``data`` with where the items of its ``key`` stand (the YAML tree's ``attr``:
    ``item_pos`` of a list, ``value_pos`` of a mapping) under ``alias``, keeping where
    ``data`` itself stands; ``data`` as it is where the tree does not say."""
    where = getattr(data.get(key), attr, None) if isinstance(data, dict) else None
    if not isinstance(where, (list, dict)):
        return data
    pos = getattr(data, "source_pos", None)
    return {**data, alias: where, **({POS_KEY: pos} if pos is not None else {})}


def text_shorthand(data, key: str = "text"):
    """Allow a plain string where a mapping with one text field is expected."""
    if isinstance(data, str):
        return {key: data}
    return data


AudienceList = list[Name]


class Selectable(Node):
    """A part that can be limited to (``only``) or withheld from (``skip``) audiences."""

    only: AudienceList | None = Field(
        default=None,
        description="Keep this only for these audiences (keys of `audiences`); `[]`: in no "
        "build at all (a hidden slide).",
    )
    skip: AudienceList | None = Field(
        default=None, description="Leave this out for these audiences (keys of `audiences`)."
    )

    def kept_for(self, audience: str | None) -> bool:
        if self.only == []:  # kept for no audience: hidden in every build (an imported
            return False  # deck's hidden slide), the default build too
        if audience is None:
            return True
        if self.only is not None and audience not in self.only:
            return False
        return not (self.skip and audience in self.skip)


# ---------------------------------------------------------------------------
# Shared by slide kinds


def _framing(value):
    """YAML's words for yes and no (the outline's scalars arrive as text), or auto."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in ("auto", "true", "false", "yes", "no", "on", "off"):
        return {"auto": "auto", "true": True, "yes": True, "on": True}.get(word, False)
    raise PydanticCustomError(
        "frame", "should be true, false or auto, not {value}", {"value": quoted(str(value))}
    )


Framing = Annotated[bool | Literal["auto"], BeforeValidator(_framing)]


class Image(Node):
    """A picture file (PNG, JPEG or SVG) with the alt text screen readers announce, or
    marked decorative (screen readers skip it)."""

    path: Verbatim = Field(description="PNG, JPEG or SVG file, relative to the outline's folder.")
    alt: Text | None = Field(
        default=None, description="What the picture shows, for screen readers."
    )
    decorative: bool = Field(
        default=False,
        description="The picture is there for the look alone: no alt text; screen readers skip it.",
    )
    frame: Framing = Field(
        default="auto",
        description="A hairline frame round the picture: true, false, or auto (drawn where "
        "its outer pixels are within 3:1 of the ground it stands on, as a screenshot's white "
        "edges on a white slide).",
    )

    @model_validator(mode="after")
    def _alt_or_decorative(self):
        if self.alt is None and not self.decorative:
            raise PydanticCustomError(
                "alt_or_decorative",
                "a picture needs 'alt' text saying what it shows, or 'decorative: true' "
                "if it is there for the look alone",
            )
        if self.alt is not None and self.decorative:
            raise PydanticCustomError(
                "alt_or_decorative",
                "a decorative picture has no 'alt' text: screen readers skip it; give "
                "one or the other",
            )
        return self


class SelectableText(Selectable):
    # text that can be limited to some audiences; a plain string stands for {text: …}
    text: Text

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        return text_shorthand(data)


class Note(SelectableText):
    """A paragraph of speaker notes, which can be limited to some audiences."""


Notes = NotesText | Annotated[list[Note], Field(max_length=MAX_ENTRIES)]


class SlideBase(Selectable):
    """What every slide kind's model has."""

    id: Name | None = Field(default=None, description="Stable id (for overlays).")
    notes: Notes | None = Field(
        default=None,
        description="Speaker notes: text, or a list of paragraphs (each text or "
        "{text, only, skip}).",
    )
    overrides: dict[Name, dict] = Field(
        default_factory=dict,
        description="Per audience, fields of this slide to replace (title, text, notes…).",
    )
    minutes: Minutes | None = Field(
        default=None, description="Planned minutes for this slide (the facilitator guide)."
    )
    cue: Text | None = Field(
        default=None,
        description="What the presenter does here, for the facilitator guide: "
        "'ask the room', 'hand out the worksheet'.",
    )
