"""What a deck records of its build (``docProps/custom.xml``), so ``deckgen sync`` can
lay the outline out again as it was built, with no options."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def build_record(options) -> str:
    """What a deck is built with, as the JSON text it records for ``deckgen sync``: the
    outline's file name and digest, the audience, overlays and template (relative to the
    outline's folder where they lie in it), ``--set`` values and ``--start``."""
    folder = Path(options.outline).resolve().parent

    def shown(path) -> str:
        resolved = Path(path).resolve()
        return (
            resolved.relative_to(folder).as_posix()
            if resolved.is_relative_to(folder)
            else str(path)
        )

    try:
        digest = hashlib.sha256(Path(options.outline).read_bytes()).hexdigest()
    except OSError:
        digest = ""
    record = {
        "outline": Path(options.outline).name,
        "outline_sha256": digest,
        "audience": options.audience,
        "overlays": [shown(path) for path in options.overlays],
        "set": dict(sorted(options.variables.items())),
        "template": shown(options.template) if options.template else None,
        "start": options.start,
        # a translation file from the outline's folder, or a language it lists
        "translation": _translation(options.translation, shown),
    }
    if record["translation"] is None:  # a deck built without one records what it did
        del record["translation"]
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _translation(given, shown):
    if given is None:
        return None
    return shown(given) if Path(given).is_file() else str(given)
