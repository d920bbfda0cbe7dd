"""What a slide kind is: the record each module in deckgen/kinds/ exports as ``KIND``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..layout.frames import KindLayout, SlideLayout

if TYPE_CHECKING:
    from ..layout.context import Page, SlideContext
    from ..layout.handout_blocks import Contribution, HandoutContext
    from ..nodes import SlideBase


class InHandout(StrEnum):
    """How the notes handout shows a kind's slides."""

    SLIDE = "slide"  # the slide beside its speaker notes
    APPENDIX = "appendix"  # left out there: the handout's appendix has it at reading size
    LARGE = "large"  # the slide the page's full width, its notes under it: detail to read


# (slide, audience) -> the fields to replace and what was left out, for `deckgen explain`
Select = Callable[[Any, str | None], tuple[dict, list[str]]]
# (slide, what it is handed: the deck number of its first slide, design, page, labels) ->
# what it adds to the handout (a table, a question, a citation)
ToHandout = Callable[[Any, "HandoutContext"], list["Contribution"]]


@dataclass(frozen=True)
class SlideKind:
    name: str  # the outline's `kind:`
    model: type[SlideBase]  # the slide's pydantic model
    compose: Callable[[Any, SlideContext], list[Page]]  # the slides it becomes
    in_handout: InHandout = InHandout.SLIDE
    select: Select | None = None  # what only/skip can select inside the slide
    handout: ToHandout | None = None  # what it adds to the handout's appendix
    # the default template's layout made for it (a slide added by hand in PowerPoint
    # from it matches); None: the name, capitalised
    layout: str | None = None
    slide_layout: SlideLayout = SlideLayout.CONTENT  # the master layout its pages ask for
    staged: bool = False  # its slides are all one colour (the layout is too)
    # the label its title defaults to, when the outline gives none ("agenda" …)
    title_label: str | None = None

    @property
    def layout_name(self) -> str:
        return self.layout or self.name.capitalize()


DIVIDER_LAYOUT = "Divider"  # the default template's layout for section dividers


@dataclass(frozen=True)
class KindRegistry:
    """The kinds a talk's slides are, in order: what layout dispatches through. The talk
    carries it (``Talk.kinds``), so layout never imports the kinds that import it."""

    kinds: tuple[SlideKind, ...]
    _by_model: dict[type, SlideKind] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, SlideKind] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_model", {kind.model: kind for kind in self.kinds})
        object.__setattr__(self, "_by_name", {kind.name: kind for kind in self.kinds})

    def of(self, slide) -> SlideKind:
        """The kind of a slide model instance."""
        return self._by_model[type(slide)]

    def named(self, name: str) -> SlideKind | None:
        return self._by_name.get(name)

    def layouts(self) -> tuple[KindLayout, ...]:
        """The layouts the default template makes for kinds of slide, dividers first."""
        divider = KindLayout(DIVIDER_LAYOUT, SlideLayout.SECTION, staged=True)
        return (divider, *(KindLayout(k.layout_name, k.slide_layout, k.staged) for k in self.kinds))

    def layout_names(self) -> dict[str, str]:
        """The default template's layout for each kind's name (and 'section', dividers)."""
        return {"section": DIVIDER_LAYOUT, **{kind.name: kind.layout_name for kind in self.kinds}}
