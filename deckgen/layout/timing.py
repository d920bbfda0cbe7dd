"""How long a laid-out deck takes to present, from its speaker notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .frames import Deck

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class TalkTime:
    words: int
    slides: int
    words_per_minute: int
    seconds_per_slide: int

    @property
    def minutes(self) -> float:
        return self.words / self.words_per_minute + self.slides * self.seconds_per_slide / 60

    def describe(self) -> str:
        return (
            f"about {self.minutes:.0f} min ({self.words:,} words of notes at "
            f"{self.words_per_minute} a minute + {self.slides} slides × "
            f"{self.seconds_per_slide} s)"
        )


def talk_time(deck: Deck, words_per_minute: int, seconds_per_slide: int) -> TalkTime:
    """Notes are what the presenter says; continuation slides add only their allowance."""
    words = sum(len(_WORD.findall(s.notes)) for s in deck.slides if not s.continued)
    return TalkTime(words, len(deck.slides), words_per_minute, seconds_per_slide)
