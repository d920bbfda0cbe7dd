"""What the slide-kind tests share: a context to compose one slide in, and the helpers
for laying out small talks (tests/layout/support.py)."""

from __future__ import annotations

import importlib

from deckgen.layout.context import Report, SlideContext
from deckgen.layout.design import Design, default_design
from deckgen.layout.references import bibliography
from deckgen.layout.text import Typesetter
from deckgen.outline.talk import Talk

from ..facts import kind_names
from ..layout.support import FAKE


def minimal_slides() -> dict[str, str]:
    """One minimal valid slide of each kind, as a YAML flow mapping, in the registry's
    order. Each kind's own test module, tests/kinds/test_<name>.py, says its ``MINIMAL``:
    a new kind brings its example with its tests, and no list here names every kind."""
    examples = {}
    for name in kind_names():
        try:
            module = importlib.import_module(f"tests.kinds.test_{name}")
        except ModuleNotFoundError as missing:
            raise AssertionError(
                f"the kind {name!r} has no tests/kinds/test_{name}.py"
            ) from missing
        example = getattr(module, "MINIMAL", None)
        assert example, f"tests/kinds/test_{name}.py gives no MINIMAL slide of its kind"
        examples[name] = example
    return examples


def context(talk: Talk, section: int = 0, design: Design | None = None) -> SlideContext:
    """The context the engine hands a kind composing a slide of ``section``."""
    design = design or default_design(talk)
    spacing = design.spacing
    text = Typesetter(FAKE, design.font, spacing.wrap_safety, spacing.body_pitch)
    report = Report("slide", None, 1, [], [])
    return SlideContext(design, text, talk, bibliography(talk), report, talk.sections[section], 0)
