"""deckgen: one YAML outline of a talk in; an editable deck and a printable handout out.

The public API is small: :func:`load_outline` reads and validates an outline,
:func:`build` runs the whole pipeline and returns a :class:`BuildResult`.
Every failure is a :class:`DeckgenError` carrying diagnostics with file:line:col.
"""

__version__ = "0.1.0"

__all__ = ["BuildResult", "DeckgenError", "__version__", "build", "load_outline"]


def __getattr__(name: str):
    # Lazy so that `deckgen --help` does not import pydantic, python-pptx or reportlab.
    if name in ("build", "BuildResult", "BuildOptions"):
        from . import build as _build

        return getattr(_build, name)
    if name == "load_outline":
        from .outline.loader import load_outline

        return load_outline
    if name == "DeckgenError":
        from .errors import DeckgenError

        return DeckgenError
    raise AttributeError(name)
