"""Line breaking (deckgen/layout/wrap.py): at spaces, after hyphens, inside words too
long for a line, and the one-line footer shortened with an ellipsis."""

from __future__ import annotations

import pytest

from deckgen.layout.frames import Run
from deckgen.layout.wrap import TooNarrow, truncate, wrap_runs

from .support import FAKE, deadline


def lines(text: str, characters: float, size: float = 10, first: float | None = None):
    """``text`` broken for lines ``characters`` wide (every character is half the size)."""
    width = characters * size * 0.5
    first_width = first * size * 0.5 if first is not None else None
    return [
        "".join(r.text for r in line)
        for line in wrap_runs((Run(text),), width, size, FAKE, first_width)
    ]


def test_wrap_breaks_at_spaces_and_inside_overlong_words():
    assert lines("aaaa bbbb cccc", 4.5) == ["aaaa", "bbbb", "cccc"]
    assert lines("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_wrap_breaks_after_hyphens_but_not_inside_numbers():
    assert lines("a well-known", 8) == ["a well-", "known"]
    assert lines("ab 2024-03-01", 11) == ["ab", "2024-03-01"]
    url = "https://example.org/a-long-path"
    broken = lines(url, 20)
    assert "".join(broken) == url
    assert all(len(line) <= 20 for line in broken)


def test_a_long_address_breaks_after_a_slash_or_a_dot_where_it_can():
    assert lines("https://example.org/averyveryverylongpath", 22)[0] == "https://example.org/"
    assert lines("see www.example.org", 14) == ["see", "www.example.", "org"]


def test_wrap_keeps_explicit_newlines_and_drops_spaces_at_breaks():
    assert lines("one\ntwo", 50) == ["one", "two"]
    assert lines("aaaa    bbbb", 6) == ["aaaa", "bbbb"]


def test_wrap_gives_the_first_line_its_own_width():
    assert lines("aa bb cc dd", 5, first=8) == ["aa bb cc", "dd"]
    assert lines("aa bb cc dd", 5) == ["aa bb", "cc dd"]
    assert lines("aa bb cc dd ee", 2, first=5) == ["aa bb", "cc", "dd", "ee"]


def test_wrap_keeps_runs_styles_apart():
    runs = (Run("Bold", bold=True), Run(" plain text"))
    (line,) = wrap_runs(runs, 1000, 10, FAKE)
    assert line == (Run("Bold", bold=True), Run(" plain text"))


def test_an_empty_text_is_one_empty_line():
    assert wrap_runs((Run(""),), 100, 10, FAKE) == ((),)


def test_truncate_keeps_what_fits_and_shortens_the_rest_at_a_word():
    assert truncate("Short footer", 100, 10, FAKE) == "Short footer"
    short = truncate("A footer that is much too long · for one line", 20 * 5, 10, FAKE)
    assert short.endswith("…") and FAKE.width(short, 10) <= 100
    assert short == "A footer that is…"
    assert truncate("Unbreakablewordthatistoolong", 20, 10, FAKE) == "…"


class CountingMeasurer:
    """FAKE's widths, counting how many characters it is asked to measure."""

    def __init__(self):
        self.characters = 0

    def width(self, text, size, bold=False, italic=False):
        self.characters += len(text)
        return FAKE.width(text, size, bold, italic)


def test_breaking_a_long_word_is_linear_in_its_length():
    # it used to re-measure every prefix: 2,000 characters took 5 s, 5,000 over a minute
    for length in (1_000, 10_000):
        counter = CountingMeasurer()
        broken = wrap_runs((Run("x" * length),), 10 * 10 * 0.5, 10, counter)
        assert "".join("".join(r.text for r in line) for line in broken) == "x" * length
        assert counter.characters <= 4 * length, (length, counter.characters)


def test_a_character_wider_than_the_whole_line_is_an_error_not_endless_lines():
    # a glyph wider than its box used to push empty lines until memory ran out
    with deadline(5), pytest.raises(TooNarrow) as info:
        wrap_runs((Run("ab W cd"),), 0.4 * 10, 10, FAKE)
    assert "a" in info.value.characters
    with deadline(5), pytest.raises(TooNarrow):
        wrap_runs((Run("x"),), -5, 10, FAKE)


def test_shortening_a_long_footer_measures_a_logarithmic_number_of_candidates():
    words = " ".join(f"word{i}" for i in range(5_000))
    counter = CountingMeasurer()
    short = truncate(words, 40 * 10 * 0.5, 10, counter)
    assert short.endswith("…") and len(short) <= 40
    assert short == truncate(words, 40 * 10 * 0.5, 10, FAKE)
    assert counter.characters <= 20 * len(words)  # about log2(5000) candidates, not 5000
