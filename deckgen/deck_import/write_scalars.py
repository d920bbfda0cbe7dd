"""How each string of an imported outline is written: plain where any YAML reader reads
it back as the same text, quoted where it would not, a literal block (``|``) for text of
several lines, a folded block (``>-``) for a long paragraph.

deckgen reads every scalar as the text written (``outline/yamltree.py``), but people and
their editors read outlines with YAML 1.1 or 1.2 rules too: a plain ``no`` is False to
one, ``1.10`` a number to both. So a string is written plain only where neither set of
rules, nor any YAML indicator, could read it as something else; otherwise it is quoted
(double quotes, or single quotes when the text holds double quotes or backslashes).
"""

from __future__ import annotations

import math
import re

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

FOLD_WIDTH = 88  # a folded paragraph's lines end by this column
_RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
_STR_TAG = "tag:yaml.org,2002:str"
# a first character that starts something other than plain text in YAML
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = set(",[]{}")
# line breaks to some YAML reader (1.1 counts NEL, LS and PS), and the byte-order mark
_BREAKS = re.compile("[\r\x85\u2028\u2029\ufeff]")
# text that reads as a comment or a key in the middle of a plain scalar
_PLAIN_TRAPS = re.compile(r": |:$| #|\t")


def resolves_as_text(text: str) -> bool:
    """Whether a plain ``text`` is a string to YAML 1.1 and 1.2 alike (not a boolean,
    number, date or null)."""
    return all(
        str(resolver.resolve(ScalarNode, text, (True, False))) == _STR_TAG
        for resolver in _RESOLVERS
    )


def plain_is_safe(text: str, flow: bool = False) -> bool:
    """Whether ``text`` can stand unquoted (on one line) and read back as itself."""
    if not text or text != text.strip(" ") or "\n" in text:
        return False
    if text[0] in _INDICATORS or _PLAIN_TRAPS.search(text) or _BREAKS.search(text):
        return False
    if flow and any(ch in _FLOW_INDICATORS for ch in text):
        return False
    if not all(ch.isprintable() or ch == "\xa0" for ch in text):
        return False
    return resolves_as_text(text)


def literal_is_safe(text: str) -> bool:
    """Whether ``text`` (of several lines) reads back as itself from a literal block:
    printable lines (tabs allowed) with no break a YAML 1.1 reader would take for a line
    end, no line of spaces alone at its end (chomping would keep or drop it), and at most
    one line break at its end (more needs ``|+``, which would swallow the blank line
    that follows the block)."""
    if "\n" not in text or _BREAKS.search(text) or text.endswith("\n\n"):
        return False
    lines = text.split("\n")
    if not all(ch.isprintable() or ch in "\t\xa0" for ch in text.replace("\n", "")):
        return False
    if lines[0][:1] in (" ", "\t"):  # a first line's indent would set the block's
        return False
    body = text.rstrip("\n")
    return body.split("\n")[-1].strip(" \t") != "" and body == body.rstrip(" \t")


def quoted(text: str) -> DoubleQuotedScalarString | SingleQuotedScalarString:
    """Double quotes, unless the text holds ``"`` or ``\\`` (then single quotes, which
    need no escapes, where the text is one printable line)."""
    printable = all(ch.isprintable() for ch in text) and not _BREAKS.search(text)
    if ('"' in text or "\\" in text) and printable and text == text.strip():
        return SingleQuotedScalarString(text)
    return DoubleQuotedScalarString(text)


def folded(text: str, column: int) -> FoldedScalarString | None:
    """``text`` (one long line) as a folded block whose lines end by ``FOLD_WIDTH``,
    folded only at single spaces between words (where a folded block reads back as the
    same text); None where it cannot be folded so."""
    if not plain_text_for_blocks(text) or "  " in text or text != text.strip():
        return None
    room = max(FOLD_WIDTH - column, 30)
    if len(text) <= room:
        return None
    folds: list[int] = []
    line_start, last_space = 0, -1
    for match in re.finditer(" ", text):
        if match.start() - line_start > room and last_space >= line_start:
            folds.append(last_space)
            line_start = last_space + 1
        last_space = match.start()
    if len(text) - line_start > room and last_space >= line_start:
        folds.append(last_space)
    if not folds:
        return None
    block = FoldedScalarString(text)
    block.fold_pos = folds  # type: ignore[attr-defined]
    return block


def plain_text_for_blocks(text: str) -> bool:
    """One line of printable text without tabs: what a folded block holds as it is."""
    return (
        "\n" not in text
        and not _BREAKS.search(text)
        and all(ch.isprintable() for ch in text)
        and text[:1] not in (" ", "#")
    )


def styled(text: str, column: int, prose: bool, flow: bool = False):
    """``text`` as the string type that makes ruamel.yaml write it in its style."""
    if "\n" in text and not flow:
        return LiteralScalarString(text) if literal_is_safe(text) else quoted(text)
    if prose and not flow:
        block = folded(text, column)
        if block is not None:
            return block
    return text if plain_is_safe(text, flow) else quoted(text)


def number_text(value: float) -> str | None:
    """A number as the outline writes it: ``repr`` of a finite float; None for inf/nan
    (which no outline field takes: written as text, the outline refuses them itself)."""
    return repr(value) if math.isfinite(value) else None
