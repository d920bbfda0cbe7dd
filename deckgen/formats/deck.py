"""The editable PowerPoint deck: ``NAME.pptx``."""

from __future__ import annotations

from dataclasses import replace

from . import Format, Job


def _render(job: Job) -> tuple[bytes, list]:
    from ..record import build_record
    from ..render.pptx.deck import render_pptx

    deck = replace(job.prepared.deck, record=build_record(job.options))
    data = render_pptx(deck, job.created, job.thumbnail.result, job.prepared.template)
    return data, []


def _inspect(data: bytes, _name: str, deck) -> list:
    from ..check.slides import pptx_findings

    return list(pptx_findings(data, deck))


FORMAT = Format("pptx", "the deck", ".pptx", _render, _inspect)
