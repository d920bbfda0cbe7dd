"""A picture deckgen import brought in without alt text (``alt: " "``, the marker)
builds with an accessibility warning at its line, and fails ``--strict``."""

from __future__ import annotations

from PIL import Image

from ..conftest import run_cli

OUTLINE = """\
meta:
  title: "Imported"
sections:
  - title: "One"
    slides:
      - kind: picture
        title: "A screenshot"
        image:
          path: assets/shot.png
          # no alt text in the deck: say what the picture shows
          alt: " "
"""


def test_a_blank_alt_builds_with_a_warning_and_fails_strict(tmp_path):
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (80, 60), (20, 90, 160)).save(tmp_path / "assets" / "shot.png")
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    built = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert built.exit_code == 0, built.output
    assert "outline.yaml:11:16: warning: the picture 'assets/shot.png' has no alt text yet" in (
        built.output
    )
    strict = run_cli("build", str(outline), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.exit_code == 1
    assert not (tmp_path / "strict").exists() or not any((tmp_path / "strict").iterdir())
