"""The PDF back end (reportlab): slides drawn as vectors from the layout's frames."""

from __future__ import annotations


def pin_reportlab_settings() -> None:
    """reportlab reads reportlab_settings.py from the working folder and RL_* variables at
    import; pin what deckgen relies on so neither can change our output."""
    from reportlab import rl_config

    rl_config.invariant = 1  # no random ids or timestamps: reproducible files
    rl_config.pageCompression = 1
    rl_config.warnOnMissingFontGlyphs = 0
    rl_config.allowShortPatterns = 0
    rl_config.shapeChecking = 1
    rl_config.defaultImageCaching = 0
    # pictures as binary streams: reportlab's ASCII85 text encoding is pure Python, a
    # quarter larger, and buys nothing in a file that is compressed anyway
    rl_config.useA85 = 0
