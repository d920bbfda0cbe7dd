"""French sets a no-break space (U+00A0) before ``:`` and inside « »."""

NBSP = "\u00a0"
