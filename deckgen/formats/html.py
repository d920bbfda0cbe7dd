"""The web handout: ``NAME.html`` (with ``--answers`` the presenter's, ``NAME-answers.html``),
one accessible page with every slide (inline SVG with real text) beside its notes, then the
comparison, glossary, references and worksheet."""

from __future__ import annotations

from dataclasses import replace

from . import Format, Job
from .handout import printed


def _render(job: Job) -> tuple[bytes, list]:
    from ..layout.handout import layout_handout
    from ..layout.web import web_handout
    from ..render.html import render_web

    label, settings = printed(job)
    prepared = job.prepared
    settings = replace(settings, per_page=None, lines=False)  # every slide with its notes
    layout = layout_handout(prepared.talk, prepared.deck, settings, label, job.created)
    return render_web(web_handout(layout, prepared.talk.labels))


def _inspect(data: bytes, name: str, _deck) -> list:
    from ..check.web import html_findings

    return html_findings(data, name)


FORMAT = Format(
    "html", "the web handout", ".html", _render, _inspect, answers_suffix="-answers.html"
)
