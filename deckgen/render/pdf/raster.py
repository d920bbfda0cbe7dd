"""PDF pages as pictures, by pdfium (pypdfium2: a wheel with the library inside): the
deck's thumbnail, an SVG's PNG fallback, the preview's slides and the watch page's."""

from __future__ import annotations

import io


class Raster:
    """A PDF open for drawing its pages: ``with Raster(pdf) as pages: pages.image(0, 800)``."""

    def __init__(self, pdf: bytes) -> None:
        import pypdfium2

        self._document = pypdfium2.PdfDocument(pdf)

    def __enter__(self) -> Raster:
        return self

    def __exit__(self, *_exc) -> None:
        self._document.close()

    def __len__(self) -> int:
        return len(self._document)

    def size(self, index: int) -> tuple[float, float]:
        """Page ``index``'s width and height, in points."""
        return self._document[index].get_size()

    def image(self, index: int, width: int, clear: bool = False):
        """Page ``index`` (from 0) as a PIL image ``width`` pixels wide (``clear``: on a
        see-through ground, RGBA, rather than on white)."""
        page = self._document[index]
        ground = {"fill_color": (255, 255, 255, 0)} if clear else {}
        return page.render(scale=width / page.get_width(), **ground).to_pil()


def encoded(image, kind: str = "PNG", **options) -> bytes:
    """A PIL image as ``kind`` bytes."""
    buf = io.BytesIO()
    image.save(buf, format=kind, **options)
    return buf.getvalue()
