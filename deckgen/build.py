"""The pipeline wiring: load → tailor → lay out → render → write (atomically)."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError, Diagnostic, OutputError, Severity, error
from .layout.handout import HandoutOptions

FORMATS = ("pptx", "handout", "slides-pdf")
DEFAULT_FORMATS = ("pptx", "handout")


@dataclass(frozen=True)
class BuildOptions:
    outline: Path
    out_dir: Path
    formats: Sequence[str] = DEFAULT_FORMATS
    strict: bool = False
    handout: HandoutOptions = field(default_factory=HandoutOptions)
    variables: Mapping[str, str] = field(default_factory=dict)
    display_name: str | None = None


@dataclass(frozen=True)
class Output:
    path: Path
    format: str
    size: int
    sha256: str
    slides: int

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "format": self.format,
            "bytes": self.size,
            "sha256": self.sha256,
            "slides": self.slides,
        }


@dataclass(frozen=True)
class BuildResult:
    outline: str
    outputs: tuple[Output, ...]
    diagnostics: tuple[Diagnostic, ...]
    slides: int

    def to_json(self) -> dict:
        return {
            "outline": self.outline,
            "slides": self.slides,
            "outputs": [o.to_json() for o in self.outputs],
            "warnings": [d.to_json() for d in self.diagnostics],
        }


def build_time() -> _dt.datetime:
    """SOURCE_DATE_EPOCH if set (reproducible builds), else now; always UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise BuildError(
                "bad SOURCE_DATE_EPOCH",
                [
                    error(
                        f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds",
                        hint="unset it or set it to e.g. $(git log -1 --format=%ct)",
                    )
                ],
            ) from None
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:60].strip("-") or "deck"


def build(options: BuildOptions) -> BuildResult:
    """Build every requested output. Nothing is written unless all of them render."""
    from .layout.engine import layout_deck
    from .layout.measure import AfmMeasurer
    from .outline.loader import load_outline
    from .outline.tailor import tailor

    outline = load_outline(options.outline, options.display_name)
    outline = tailor(outline, options.variables)
    deck = layout_deck(outline, AfmMeasurer())
    diagnostics = list(deck.diagnostics)

    created = build_time()
    stem = slug(outline.meta.title)
    rendered: list[tuple[str, Path, bytes]] = []
    for fmt in options.formats:
        if fmt == "pptx":
            from .render.pptx.deck import render_pptx

            rendered.append((fmt, options.out_dir / f"{stem}.pptx", render_pptx(deck, created)))
        elif fmt == "handout":
            from .layout.handout import handout_content
            from .render.pdf.handout import render_handout

            content = handout_content(outline, deck, options.handout)
            data, problems = render_handout(content, created)
            diagnostics += problems
            rendered.append((fmt, options.out_dir / f"{stem}-handout.pdf", data))
        elif fmt == "slides-pdf":
            from .render.pdf.slides import render_slides_pdf

            rendered.append(
                (fmt, options.out_dir / f"{stem}-slides.pdf", render_slides_pdf(deck, created))
            )
        else:  # pragma: no cover - the CLI only offers known formats
            raise BuildError(f"unknown format {fmt}", [error(f"unknown format '{fmt}'")])
    if options.strict and any(d.severity is Severity.WARNING for d in diagnostics):
        raise BuildError("warnings under --strict", diagnostics)

    outputs = write_all([(path, data) for _fmt, path, data in rendered])
    return BuildResult(
        outline=options.display_name or str(options.outline),
        outputs=tuple(
            Output(path, fmt, len(data), hashlib.sha256(data).hexdigest(), len(deck.slides))
            for (fmt, path, data), path in zip(rendered, outputs, strict=True)
        ),
        diagnostics=tuple(diagnostics),
        slides=len(deck.slides),
    )


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every file to a temporary name beside its target, then rename them all.

    A failure before the renames leaves every earlier output as it was and no
    temporary file behind.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        for tmp, path in temps:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _path in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        target = exc.filename or (files[len(temps) - 1][0] if temps else files[0][0])
        raise OutputError(
            f"cannot write {target}",
            [
                error(
                    f"cannot write {target}: {exc.strerror or exc}",
                    hint="check the output folder exists and is writable, and the disk has room",
                )
            ],
        ) from None
    return [path for _tmp, path in temps]
