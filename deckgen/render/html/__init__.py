"""The web handout: the handout's blocks as one accessible, self-contained HTML page,
its slides drawn from the same frames as inline SVG with real text."""

from .page import render_web

__all__ = ["render_web"]
