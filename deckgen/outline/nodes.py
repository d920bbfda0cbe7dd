"""Moved to :mod:`deckgen.nodes`, below the kinds, so that kinds need not import the
outline package (which assembles its model from them). What is left here re-exports it
for the imports not moved yet (kinds/chart.py); the import tests name each."""

from ..nodes import (
    POS_KEY,
    AudienceList,
    Cell,
    ChartNumber,
    ClockTime,
    Color,
    Image,
    Minutes,
    Name,
    Node,
    Note,
    Notes,
    NotesText,
    Selectable,
    SelectableText,
    SlideBase,
    Text,
    chart_value,
    text_shorthand,
)

__all__ = [
    "POS_KEY",
    "AudienceList",
    "Cell",
    "ChartNumber",
    "ClockTime",
    "Color",
    "Image",
    "Minutes",
    "Name",
    "Node",
    "Note",
    "Notes",
    "NotesText",
    "Selectable",
    "SelectableText",
    "SlideBase",
    "Text",
    "chart_value",
    "text_shorthand",
]
