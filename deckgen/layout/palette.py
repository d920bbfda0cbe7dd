"""The design's colours (a part of the design record, :mod:`.design`): the palette slide
kinds and renderers read, and how text is made readable on it."""

from __future__ import annotations

from dataclasses import dataclass

from .colors import WHITE, mix, on_color, readable


@dataclass(frozen=True)
class Palette:
    primary: str
    text: str
    muted: str
    background: str
    surface: str
    concepts: dict[str, tuple[str, str]]  # key -> (label, colour)
    panel_tint: float = 0.12  # a concept's colour over the background, for panels
    disc_tint: float = 0.14  # … for the discs behind icons
    disclosure_tint: float = 0.75  # the closing slide's small print, over its colour
    table_rule: str = WHITE
    icon_disc: str = WHITE  # a divider's icon sits on a white disc
    heading: str | None = None  # titles' colour (a template's); None: the primary colour
    footer: str | None = None  # the footer's and slide number's (a template's); None: muted
    number: str | None = None  # the slide number's, where it differs from the footer's
    link: str = "0563C1"  # hyperlinks: the theme's hlink slot (Office's own blue by default)

    @property
    def title(self) -> str:
        """The colour of slide titles."""
        return self.heading or self.primary

    def concept(self, name: str | None) -> str:
        """The colour of concept ``name``; the primary colour for none."""
        if name and name in self.concepts:
            return self.concepts[name][1]
        return self.primary

    def label(self, name: str | None) -> str | None:
        return self.concepts[name][0] if name and name in self.concepts else None

    def tint(self, color: str, amount: float) -> str:
        return mix(color, self.background, amount)

    def on(self, fill: str) -> str:
        """Text colour that reads best on ``fill``: white or the text colour, made
        readable if neither is (a light text colour on a template's light fill)."""
        return readable(on_color(fill, self.text), fill)

    def readable(self, color: str, behind: str | None = None, large: bool = False) -> str:
        """``color`` for text on ``behind`` (the background if None), darkened or lightened
        as little as it takes to reach WCAG AA (4.5:1, or 3:1 for large text)."""
        return readable(color, behind or self.background, large)

    @property
    def accents(self) -> tuple[str, ...]:
        return tuple(color for _label, color in self.concepts.values())

    def slots(self) -> tuple[tuple[str, str], ...]:
        """The theme colour slots of the editable template."""
        slots = [
            ("dk1", self.text),
            ("lt1", self.background),
            ("dk2", self.primary),
            ("lt2", self.surface),
        ]
        accents = [*self.accents, self.primary, self.muted]
        slots += [(f"accent{i}", c) for i, c in enumerate(accents[:6], 1)]
        return (*slots, ("hlink", self.link))
