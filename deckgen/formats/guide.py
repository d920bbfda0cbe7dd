"""The facilitator guide: ``NAME-guide.pdf``, drawn by the handout's renderer. It is the
presenter's with or without ``--answers`` (it always gives the answers), so its name is one."""

from __future__ import annotations

from . import Format, Job
from .handout import inspect_pdf, printed


def _render(job: Job) -> tuple[bytes, list]:
    from ..layout.guide import layout_guide
    from ..render.pdf.handout import render_handout

    label, settings = printed(job)
    prepared = job.prepared
    layout = layout_guide(
        prepared.talk, prepared.deck, prepared.plan, settings.paper, label, job.created
    )
    data, problems = render_handout(layout, job.created)
    return data, list(problems)


FORMAT = Format("guide", "the facilitator guide", "-guide.pdf", _render, inspect_pdf)
