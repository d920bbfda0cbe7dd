"""Facts about the test fixtures, in one place, and each derived rather than typed in.

A test that says ``== 15`` or lists the kinds by name breaks when a slide or a kind is
added, though nothing it tests changed. So what the fixture talks hold (their slides,
titles and kinds) comes from laying them out here or from reading their YAML, and what
the registries hold (kinds, their layouts) from the registries. What a test may still
write down is what the fixture says *on purpose* about one thing (the brief audience
drops the agenda), never a count or a list of everything.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "outline.yaml"
SMALL = ROOT / "tests" / "fixtures" / "small" / "outline.yaml"
WEB = ROOT / "tests" / "fixtures" / "web" / "outline.yaml"  # code, a short table, a quiz


# ------------------------------------------------------------ laid out, as a build does


@functools.cache
def _laid_out(outline: Path, audience: str | None):
    from deckgen.build import BuildOptions, load, prepare

    options = BuildOptions(outline=outline, out_dir=Path("."), audience=audience)
    return prepare(load(options), audience, options.variables, options).deck


def laid_out_slides(outline: Path = SMALL, audience: str | None = None) -> int:
    """How many slides ``outline`` builds into (for ``audience``)."""
    return len(_laid_out(outline, audience).slides)


def slide_titles(outline: Path = SMALL, audience: str | None = None) -> list[str]:
    """The titles of the slides ``outline`` builds into (for ``audience``), in order."""
    return [slide.title for slide in _laid_out(outline, audience).slides]


# ------------------------------------------------------------ read from the YAML itself


@functools.cache
def _written(outline: Path) -> dict:
    return yaml.safe_load(outline.read_text(encoding="utf-8"))


def outline_counts(outline: Path = SMALL) -> tuple[int, int]:
    """(sections, slides) as the outline's file writes them (no audience applied)."""
    sections = _written(outline)["sections"]
    return len(sections), sum(len(section["slides"]) for section in sections)


def written_titles(outline: Path = SMALL) -> list[str]:
    """The titles the outline's file gives its slides, in order (where it gives one)."""
    sections = _written(outline)["sections"]
    return [s["title"] for section in sections for s in section["slides"] if "title" in s]


def written_kinds(outline: Path = SMALL) -> set[str]:
    """The kinds of slide the outline's file uses."""
    return {s["kind"] for section in _written(outline)["sections"] for s in section["slides"]}


# ------------------------------------------------- the small talk's audiences, on purpose

# What the 'brief' audience of the small talk does, as the fixture says it: the slides
# it leaves out (the agenda and the ladder rules by skip, the references by only: [deep],
# the "Ladders" divider because its section keeps one slide) and the title it overrides.
BRIEF_DROPS = ("Agenda", "Ladder rules", "References", "Ladders")
BRIEF_RETITLES = {"What to remember": "The short version"}


def small_brief_titles() -> list[str]:
    """The brief audience's titles, from the whole talk's and what the fixture says
    the audience drops and retitles (never typed in as a list)."""
    return [BRIEF_RETITLES.get(t, t) for t in slide_titles() if t not in BRIEF_DROPS]


# ------------------------------------------------------------------- the registries


def kind_names() -> tuple[str, ...]:
    """Every slide kind's name, in the registry's order."""
    from deckgen.kinds import KINDS

    return tuple(kind.name for kind in KINDS)


def kind_layout_names() -> list[str]:
    """The layouts deckgen's own template adds for kinds of slide (dividers first)."""
    from deckgen.kinds import kind_layouts

    return [layout.name for layout in kind_layouts()]
