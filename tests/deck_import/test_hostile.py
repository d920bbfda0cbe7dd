"""Hostile and foreign files: a .ppt, a file that is not a zip, a truncated zip, a zip
bomb, an XML entity: each a clear InputError (exit 2) naming the file; a .pptm's macros
are never read. And python-pptx's own test decks (DECKGEN_THIRD_PARTY_DECKS): each
reads or is refused with an InputError."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.deck_import.read import read_deck
from deckgen.errors import DeckgenError, InputError


def _deck_bytes() -> bytes:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Hello"
    slide.placeholders[1].text = "World"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _rezipped(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_deck(path)
    path.unlink()  # not a deck: the suite's checker of written decks is not for it
    assert caught.value.exit_code == 2
    assert caught.value.diagnostics and caught.value.diagnostics[0].hint
    return caught.value


def test_a_ppt_file_names_the_conversion(tmp_path):
    path = tmp_path / "old.ppt"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    error = _refused(path)
    assert "old.ppt" in error.message
    assert "soffice --headless --convert-to pptx" in error.diagnostics[0].hint


@pytest.mark.parametrize(
    "content", [b"not a deck at all", b"PK\x03\x04 truncated", _deck_bytes()[:3000]]
)
def test_a_file_that_is_not_a_whole_deck_is_refused(tmp_path, content):
    path = tmp_path / "broken.pptx"
    path.write_bytes(content)
    assert "broken.pptx" in _refused(path).message


def test_an_entity_declaration_is_refused(tmp_path):
    def change(name, data):
        if name == "ppt/slides/slide1.xml":
            return data.replace(b"?>", b'?><!DOCTYPE p:sld [<!ENTITY e "boom">]>', 1)
        return data

    path = tmp_path / "entity.pptx"
    path.write_bytes(_rezipped(_deck_bytes(), change))
    assert "DOCTYPE or entities" in _refused(path).message


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_deck_bytes())) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("ppt/media/huge.bin", b"\0" * (600 * 1024 * 1024))
    path = tmp_path / "bomb.pptx"
    path.write_bytes(bomb.getvalue())
    assert "MiB" in _refused(path).message


def test_macros_are_never_read_and_are_said(tmp_path):
    def change(name, data):
        if name == "[Content_Types].xml":
            return data.replace(
                b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            )
        return data

    path = tmp_path / "macro.pptm"
    path.write_bytes(_with(_rezipped(_deck_bytes(), change), "ppt/vbaProject.bin", b"Sub x()"))
    deck = read_deck(path)
    assert any("macros are ignored" in w.message for w in deck.warnings)
    assert [record.kind for record in deck.slides] == ["bullets"]


def _with(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(name, content)
    return out.getvalue()


def _third_party() -> Path | None:
    folder = os.environ.get("DECKGEN_THIRD_PARTY_DECKS")
    if not folder:
        if os.environ.get("CI"):
            pytest.fail("CI is set but DECKGEN_THIRD_PARTY_DECKS is not", pytrace=False)
        pytest.skip("DECKGEN_THIRD_PARTY_DECKS is not set")
    return Path(folder)


def test_python_pptx_test_decks_each_read_or_are_refused_clearly():
    folder = _third_party()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    decks = [p for p in files if p.suffix.lower() in (".pptx", ".pptm", ".potx", ".docx", ".xlsx")]
    assert len(decks) >= 60
    read = 0
    for path in decks:
        try:
            deck = read_deck(path)
        except DeckgenError as error:
            assert error.exit_code == 2, path.name
        else:
            read += 1
            assert deck.outline["meta"]["title"] and deck.outline["sections"], path.name
    assert read >= 60
