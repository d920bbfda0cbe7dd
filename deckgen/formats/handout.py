"""The participants' handout: ``NAME-handout.pdf``; with ``--answers`` the presenter's copy,
``NAME-answers.pdf``."""

from __future__ import annotations

from . import Format, Job


def printed(job: Job) -> tuple:
    """(the audience's label or None, the handout's print settings) for a printed
    document of ``job``."""
    profile = job.profile
    label = (profile.label or job.options.audience) if profile is not None else None
    return label, job.options.handout.resolve(profile)


def _render(job: Job) -> tuple[bytes, list]:
    from ..layout.handout import layout_handout
    from ..render.pdf.handout import render_handout

    label, settings = printed(job)
    prepared = job.prepared
    layout = layout_handout(prepared.talk, prepared.deck, settings, label, job.created)
    data, problems = render_handout(layout, job.created)
    return data, list(problems)


def inspect_pdf(data: bytes, name: str, _deck) -> list:
    """A printed document's findings (its pages are not the slides)."""
    from ..check.pdf import pdf_findings

    return list(pdf_findings(data, name, None))


FORMAT = Format(
    "handout", "the handout", "-handout.pdf", _render, inspect_pdf, answers_suffix="-answers.pdf"
)
