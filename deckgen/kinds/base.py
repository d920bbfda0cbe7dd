"""What a slide kind is: the record each module in deckgen/kinds/ exports as ``KIND``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..layout.frames import SlideLayout

if TYPE_CHECKING:
    from ..labels import Labels
    from ..layout.context import Page, SlideContext
    from ..layout.design import Palette
    from ..layout.handout_blocks import Contribution
    from ..outline.nodes import SlideBase


class InHandout(StrEnum):
    """How the notes handout shows a kind's slides."""

    SLIDE = "slide"  # the slide beside its speaker notes
    APPENDIX = "appendix"  # left out there: the handout's appendix has it at reading size
    LARGE = "large"  # the slide the page's full width, its notes under it: detail to read


# (slide, audience) -> the fields to replace and what was left out, for `deckgen explain`
Select = Callable[[Any, str | None], tuple[dict, list[str]]]
# (slide, the deck number of its first slide, palette, labels) -> what it adds to the
# handout
ToHandout = Callable[[Any, int, "Palette", "Labels"], list["Contribution"]]


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
