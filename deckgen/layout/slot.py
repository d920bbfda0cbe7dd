"""A talk's time against its audience's slot: over it (the estimate, or the plan where
the outline plans minutes), or filling under three quarters of it; each a warning with
the numbers and what to do."""

from __future__ import annotations

from ..errors import Diagnostic, warning
from .timing import Plan, TalkTime, minutes_text

UNDER_THE_SLOT = 0.75  # a plan that fills less of its audience's slot is said


def slot_warnings(audience: str, profile, time: TalkTime, plan: Plan) -> list[Diagnostic]:
    """The estimate, and the plan if the outline has one, against the profile's slot;
    and the plan (planned or estimated) that fills under three quarters of it."""
    out = []
    if time.minutes > profile.minutes:
        out.append(
            warning(
                f"audience '{audience}': {time.describe()}, over its {profile.minutes}-minute slot",
                profile.pos,
                "leave slides out for this audience (only/skip) or shorten their notes",
            )
        )
    parts = " + ".join(
        minutes_text(s.minutes) + (f" + {minutes_text(s.pause)} break" if s.pause else "")
        for s in plan.sections
    )
    total = minutes_text(plan.minutes)
    if plan.planned and plan.minutes > profile.minutes + 0.5:
        out.append(
            warning(
                f"audience '{audience}': the plan takes {total} min ({parts} by section), "
                f"over its {profile.minutes}-minute slot",
                profile.pos,
                "plan fewer minutes (minutes: on sections and slides) or leave sections out "
                "for this audience",
            )
        )
    filled = plan.minutes if plan.planned else time.minutes
    if filled < UNDER_THE_SLOT * profile.minutes:
        said = (
            f"the plan takes {total} min ({parts} by section)"
            if plan.planned
            else (time.describe())
        )
        share = f"{filled / profile.minutes:.0%}"
        out.append(
            warning(
                f"audience '{audience}': {said}, {share} of its {profile.minutes}-minute "
                f"slot, under {UNDER_THE_SLOT:.0%} of it".replace("%", " %"),
                profile.pos,
                "plan more minutes (minutes: on sections and slides), keep more slides for "
                "this audience, or give it a shorter slot (minutes: on the audience)",
            )
        )
    return out
