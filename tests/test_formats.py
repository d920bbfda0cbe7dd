"""The output formats are a registry (deckgen/formats): build renders through it, the
CLI offers its names, check reads each output as its format says. A format added there
is built, named and written like the others without touching build or the CLI."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from deckgen import formats
from deckgen.build import BuildOptions, build
from deckgen.check import check_outputs
from deckgen.cli import main
from deckgen.errors import BuildError

from .conftest import SMALL


def test_every_registered_format_is_a_module_with_its_format():
    for name, module in formats.REGISTRY.items():
        found = formats.format_of(name)
        assert found.name == name, module
        assert found.inspect is None or callable(found.inspect)
        assert found.path(Path("out"), "talk").name.startswith("talk")
    assert set(formats.DEFAULT) <= set(formats.NAMES)


def test_the_cli_offers_exactly_the_registered_formats():
    option = next(p for p in main.commands["build"].params if p.name == "formats")
    assert tuple(option.type.choices) == formats.NAMES


def test_an_unknown_format_is_a_build_error_naming_the_known_ones():
    with pytest.raises(BuildError) as raised:
        formats.format_of("docx")
    assert "pptx" in raised.value.diagnostics[0].hint


def test_a_format_added_to_the_registry_is_built_and_written_like_the_others(tmp_path, monkeypatch):
    """A throwaway plain-text format: its module and one registry line, nothing else."""

    def render(job):
        titles = [frame.title for frame in job.prepared.deck.slides]
        return "\n".join(titles).encode("utf-8"), []

    module = types.ModuleType("deckgen.formats.outline_text")
    module.FORMAT = formats.Format("titles", "the titles", "-titles.txt", render)
    monkeypatch.setitem(sys.modules, "deckgen.formats.outline_text", module)
    monkeypatch.setitem(formats.REGISTRY, "titles", "outline_text")
    result = build(BuildOptions(outline=str(SMALL), out_dir=tmp_path, formats=("titles",)))
    (output,) = result.outputs
    assert output.format == "titles" and output.path.name.endswith("-titles.txt")
    written = output.path.read_text(encoding="utf-8").splitlines()
    assert written and written[0] == "Locks and Ladders"
    # check reads a deck as a deck and a PDF as a PDF; a text file it does not pretend
    # to read as either
    report = check_outputs(result_deck(tmp_path), [(module.FORMAT, output.path, b"text")])
    assert "titles" not in report.checked


def result_deck(tmp_path):
    from deckgen.build import load, prepare

    options = BuildOptions(outline=str(SMALL), out_dir=tmp_path)
    return prepare(load(options), None, {}, options).deck
