"""The slides as a PDF: ``NAME-slides.pdf``, a page a frame."""

from __future__ import annotations

from . import Format, Job


def _render(job: Job) -> tuple[bytes, list]:
    from ..render.pdf.slides import render_slides_pdf

    return render_slides_pdf(job.prepared.deck, job.created), []


def _inspect(data: bytes, name: str, deck) -> list:
    from ..check.pdf import pdf_findings

    return list(pdf_findings(data, name, deck))  # its pages are the deck's frames


FORMAT = Format("slides-pdf", "the slides PDF", "-slides.pdf", _render, _inspect)
