"""What a deck looks like in LibreOffice, measured from LibreOffice's own render (issue 20):
the contrast of each word against what is drawn under it, and how far deckgen's slides PDF
is from that render. Used by benchmarks/templates.py and the libreoffice tests; deckgen
itself never imports it.

- **Word contrast.** LibreOffice converts the deck to PDF; ``pdftotext -bbox`` gives each
  word's box (its line's ascent to descent, so the ground above and below the letters is
  inside it); pypdfium2 rasterises the page at ``CONTRAST_DPI``; inside each word's box
  every pixel's WCAG relative luminance is computed, and the 5th and 95th percentiles
  (nearest rank) stand for the ink and the ground, whichever is which; their WCAG ratio
  ``(L95 + 0.05) / (L5 + 0.05)`` is the word's contrast. Anti-aliasing only lowers it, so
  issue 20 holds words to 3:1 on this measure. Words without a letter or digit (bullets,
  dashes) and boxes under 2 pixels are left out: their ink is too small a share of the box
  for a percentile to find it.
- **Grey difference.** deckgen's slides PDF and LibreOffice's render of the deck, each
  page rasterised at ``GREY_DPI`` in grey levels (Pillow's ``L``: 0-255), the second
  resized to the first's pixels if they differ by rounding; the mean absolute difference
  per slide. Issue 20's target: at most 15 on every slide. Each 24 dpi pixel is the mean
  of the ``SUPERSAMPLE`` x ``SUPERSAMPLE`` pixels of a render that much finer (what the
  page looks like at 24 dpi), not one sample of the page: sampled once, fine repeating
  artwork (LibreOffice draws a radial gradient as hundreds of rings, Sunset's rays over
  it) aliases into moiré in one render and not the other, a difference no one sees.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageStat

CONTRAST_DPI = 100
GREY_DPI = 24
SUPERSAMPLE = 4  # fine pixels a side averaged into each 24 dpi pixel
FLOOR = 3.0  # issue 20: no word below 3:1 on this measure
_PAGE = re.compile(r"<page\b")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_LINEAR = [
    (v / 255 / 12.92) if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4
    for v in range(256)
]


@dataclass(frozen=True)
class WordContrast:
    slide: int  # from 1
    word: str
    ratio: float


def soffice(files: list[Path], outdir: Path, profile: Path, target: str = "pdf") -> list[Path]:
    """Convert ``files`` with LibreOffice in one run (a private profile, so parallel runs
    do not collide) and return the outputs, in the order of ``files``."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=120 + 30 * len(files),
    )
    suffix = "." + target.split(":")[0]
    return [outdir / (Path(name).stem + suffix) for name in files]


def words(pdf: Path) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    """Every word of the PDF with its page (from 1) and box in points (top-left origin)."""
    text = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    found = []
    for page, chunk in enumerate(_PAGE.split(text)[1:], start=1):
        for x0, y0, x1, y1, word in _WORD.findall(chunk):
            found.append((page, html.unescape(word), tuple(map(float, (x0, y0, x1, y1)))))
    return found


def _luminances(image) -> list[float]:
    data = image.tobytes()  # RGB, one byte a channel
    return [
        0.2126 * _LINEAR[red] + 0.7152 * _LINEAR[green] + 0.0722 * _LINEAR[blue]
        for red, green, blue in zip(data[0::3], data[1::3], data[2::3], strict=True)
    ]


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[round(share * (len(ordered) - 1))]


def word_contrasts(pdf: Path, dpi: int = CONTRAST_DPI) -> list[WordContrast]:
    """The contrast of every word of a rendered deck (see the module's docstring)."""
    scale = dpi / 72
    by_page: dict[int, list] = {}
    for page, word, box in words(pdf):
        if any(ch.isalnum() for ch in word):
            by_page.setdefault(page, []).append((word, box))
    found = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page, listed in sorted(by_page.items()):
            image = document[page - 1].render(scale=scale).to_pil().convert("RGB")
            for word, (x0, y0, x1, y1) in listed:
                left, top = max(0, int(x0 * scale)), max(0, int(y0 * scale))
                right = min(image.width, int(x1 * scale + 0.999))
                bottom = min(image.height, int(y1 * scale + 0.999))
                if right - left < 2 or bottom - top < 2:
                    continue
                ordered = sorted(_luminances(image.crop((left, top, right, bottom))))
                dark, light = _percentile(ordered, 0.05), _percentile(ordered, 0.95)
                found.append(WordContrast(page, word, (light + 0.05) / (dark + 0.05)))
    finally:
        document.close()
    return found


def _grey_pages(pdf: Path, dpi: int) -> list:
    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            fine = page.render(scale=dpi * SUPERSAMPLE / 72).to_pil().convert("L")
            size = (round(fine.width / SUPERSAMPLE), round(fine.height / SUPERSAMPLE))
            pages.append(fine.resize(size, Image.Resampling.BOX))
        return pages
    finally:
        document.close()


def grey_differences(ours: Path, theirs: Path, dpi: int = GREY_DPI) -> list[float]:
    """Mean absolute grey-level difference (0-255) per slide between two renders of a
    deck; a slide one of them lacks counts 255."""
    mine, other = _grey_pages(ours, dpi), _grey_pages(theirs, dpi)
    found = []
    for index in range(max(len(mine), len(other))):
        if index >= len(mine) or index >= len(other):
            found.append(255.0)
            continue
        second = other[index]
        if second.size != mine[index].size:
            second = second.resize(mine[index].size)
        found.append(ImageStat.Stat(ImageChops.difference(mine[index], second)).mean[0])
    return found
