"""``deckgen audiences``' answer: each audience of an outline laid out once, with its
slot, its estimated and planned time and its slides."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class AudienceSummary:
    """One audience: its name and label, the outline's description and slot (minutes),
    the time its notes take (estimated) and the time its plan gives (None without a
    plan), and how many slides it becomes."""

    name: str
    label: str
    description: str
    minutes: int
    estimated_minutes: float
    planned_minutes: float | None
    slides: int

    @property
    def over(self) -> bool:
        """Runs over its slot, by the estimate or by the plan."""
        return max(self.estimated_minutes, self.planned_minutes or 0) > self.minutes

    @property
    def under(self) -> bool:
        """Fills under three quarters of its slot, by the plan (the estimate without
        one): what the build warns about."""
        from .layout.slot import UNDER_THE_SLOT

        filled = self.estimated_minutes if self.planned_minutes is None else self.planned_minutes
        return filled < UNDER_THE_SLOT * self.minutes

    def to_json(self) -> dict:
        return asdict(self)


def summarise_audiences(source) -> list[AudienceSummary]:
    """Each audience of the loaded outline ``source``, in the outline's order."""
    from .build import prepare

    rows = []
    for key, profile in source.audiences.items():
        prepared = prepare(source, key, {})
        plan = prepared.plan
        rows.append(
            AudienceSummary(
                name=key,
                label=profile.label or key,
                description=profile.description,
                minutes=profile.minutes,
                estimated_minutes=round(prepared.time.minutes, 1),
                planned_minutes=round(plan.minutes, 1) if plan.planned else None,
                slides=len(prepared.deck.slides),
            )
        )
    return rows
