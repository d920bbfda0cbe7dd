"""The documented limits of an outline, enforced when it is loaded (docs/security.md).

They bound the time and memory any outline can ask for, and sit far above any real
talk or course: the shipped talk's longest field is under 1,000 characters, its longest
notes under 3,000, its largest table 4 × 5.
"""

MAX_TEXT = 5_000  # characters in one field: a title, a bullet, a quote, a cell…
MAX_NOTES = 50_000  # characters of speaker notes on one slide
MAX_LANGUAGE = 35  # a BCP 47 language tag, e.g. "en-GB"
MAX_BULLETS = 40  # points on one slide (more than six continue on "(cont.)" slides)
MAX_SUB_BULLETS = 12  # second-level points under one bullet
MAX_PAIRS = 40  # rows of one analogy
MAX_COLUMNS = 8  # columns of one comparison table
MAX_ROWS = 200  # rows of one comparison table
MAX_CELL = 1_000  # characters in one table cell
MAX_SLIDES = 2_000  # slides in the whole outline
MAX_SECTIONS = 1_000
MAX_DECK_SLIDES = 3_000  # slides in a deck, "(cont.)" slides included
MAX_ENTRIES = 1_000  # glossary entries, references, keywords, note paragraphs
MAX_CHART_VALUE = 1e15  # a chart's value, either sign: beyond it no axis reads
MAX_CHART_DIGITS = 15  # significant digits of a chart's value: what a double keeps (DBL_DIG)
