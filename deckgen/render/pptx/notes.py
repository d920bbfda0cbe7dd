"""Speaker notes on the notes page of every slide."""

from __future__ import annotations


def set_notes(slide, notes: str) -> None:
    slide.notes_slide.notes_text_frame.text = notes
