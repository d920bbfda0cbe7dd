"""The README documents every command and option the CLI has."""

from __future__ import annotations

import click

from deckgen.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# commands whose README section is still to be written, documented meanwhile in their own
# page (command name -> that page): remove the entry with the section
README_PENDING: dict = {"export": ROOT / "docs" / "export.md"}


def test_every_command_and_option_is_in_the_readme():
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        pending = README_PENDING.get(name)
        documented = pending.read_text(encoding="utf-8") if pending else README
        assert f"deckgen {name}" in documented, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in documented for opt in param.opts), (name, param.opts)


def test_the_readme_opens_with_the_two_commands():
    blocks = README.split("```sh")[1:3]
    install_and_build, install_and_test = (b.split("```")[0].strip() for b in blocks)
    assert "pip install ." in install_and_build and "deckgen build" in install_and_build
    assert "pip install -e '.[test]'" in install_and_test and "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in ci and "python -m pytest" in ci
