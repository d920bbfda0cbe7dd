"""The slides as a PDF: ``NAME-slides.pdf``, a page a frame."""

from __future__ import annotations

from . import Format, Job


def _render(job: Job) -> tuple[bytes, list]:
    from ..render.pdf.slides import render_slides_pdf

    return render_slides_pdf(job.prepared.deck, job.created), []


FORMAT = Format(
    "slides-pdf", "the slides PDF", "-slides.pdf", "pdf", _render, pages_are_slides=True
)
