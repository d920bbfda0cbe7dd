"""The source deck's design as a template package: the deck with every slide removed
the way a template's sample slides are (``template/clean.py``), checked as any template
``deckgen build`` reads is, so the imported outline builds on it."""

from __future__ import annotations

import io

from .. import oxml
from ..errors import DeckgenError
from .open import OpenedDeck


def template_of(opened: OpenedDeck) -> tuple[bytes | None, str | None]:
    """The design's bytes (a .pptx without slides), or None and why not."""
    from pptx import Presentation

    from ..template.clean import clean
    from ..template.package import Template, TemplateOptions, _checked_package
    from ..template.structure import check_structure
    from ..template.zipped import PackageRefusal

    try:
        prs = Presentation(io.BytesIO(opened.package))
        check_structure(prs)
        clean(Template(opened.path, prs, []), None)
        _without_extended_properties(prs)
        out = io.BytesIO()
        prs.save(out)
        data = out.getvalue()
        _checked_package(data, "the design", None, TemplateOptions())
    except PackageRefusal as refusal:
        return None, refusal.message
    except DeckgenError as exc:
        return None, exc.message
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds for odd decks
        return None, f"its design could not be saved ({type(exc).__name__})"
    return data, None


def _without_extended_properties(prs) -> None:
    """Drop the package's docProps/app.xml (the build writes its own): under the
    relationship type some writers use (pandoc's '…/package/2006/relationships/metadata/
    extended-properties') the build would otherwise add a second part of that name."""
    oxml.remove_package_relationships(prs.part.package, "/extended-properties")
