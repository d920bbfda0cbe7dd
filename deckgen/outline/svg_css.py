"""CSS inside an SVG (``style`` attributes, ``<style>`` sheets, presentation attributes
such as ``fill="url(#g)"``), read by a real CSS tokenizer (tinycss2) and written out
again from what it understood.

Escapes are decoded before anything is judged, so ``u\\72l(http://…)`` is the url() it
spells. A url() to anything but an id in the file, and ``@import``, refuse the whole
SVG (``Refusal``). What is kept is re-serialised with no escapes at all: properties
from SVG's presentation list, values made of names, numbers (finite, within ±1e9;
lengths as their grammar allows), colours, strings, and url(#id) where SVG paints,
clips, masks or places markers; plain rules whose selectors are names, ids, classes and
combinators. Everything else (other properties, functions, at-rules such as
``@font-face`` or ``@media``) is left out and counted for the picture's warning.
"""

from __future__ import annotations

import math
import re

from ..errors import quoted
from .svg_names import CSS_FUNCTIONS, MAX_NUMBER, NUMERIC, PRESENTATION, URL_PROPERTIES
from .svg_values import LeftOut, Refusal, number_value_fine

LOCAL_ID = re.compile(r"#[A-Za-z_][\w.:-]*")
_SIMPLE = re.compile(r"^[\w\s#.,%+-]*$")  # no escapes, brackets, quotes: nothing to tokenise
_SELECTOR_TOKENS = {"ident", "hash", "literal", "whitespace"}
_VALUE_TOKENS = {"ident", "hash", "literal", "whitespace", "number", "percentage", "dimension"}
LEFT_STYLE = "a style declaration it cannot use"
NOT_FINITE_WORDS = {"nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"}


def refuse_url(target: str) -> None:
    raise Refusal(f"it refers to another file or address (url({quoted(target[:60])}))")


def url_target(token) -> str | None:
    """The address of a url() token or function, else None."""
    if token.type == "url":
        return token.value
    if token.type == "function" and token.lower_name == "url":
        strings = [arg for arg in token.arguments if arg.type not in ("whitespace", "comment")]
        return strings[0].value if len(strings) == 1 and strings[0].type == "string" else ""
    return None


def check_urls(tokens) -> None:
    """Refuse any url() among ``tokens`` (nested anywhere) that is not ``#id``."""
    stack = list(tokens or ())
    while stack:
        token = stack.pop()
        target = url_target(token)
        if target is not None and not LOCAL_ID.fullmatch(target.strip()):
            refuse_url(target)
        if token.type == "at-keyword" and token.lower_value == "import":
            raise Refusal("its style sheet imports another file (@import)")
        stack += getattr(token, "arguments", None) or getattr(token, "content", None) or ()


def clean_value(name: str, text: str, left: LeftOut, where: str) -> str | None:
    """A presentation attribute's (or declaration's) value as kept, or None (left out)."""
    import tinycss2

    if _SIMPLE.match(text):
        fine = name not in NUMERIC or number_value_fine(name, text)
        return text if fine and text.strip() else _drop(left, name, text, where)
    return clean_tokens(name, tinycss2.parse_component_value_list(text, True), left, where)


def clean_tokens(name: str, tokens, left: LeftOut, where: str) -> str | None:
    """A value's tokens as kept (re-serialised), or None (left out); Refusal for a url()
    that leaves the file."""
    check_urls(tokens)
    kept = _value(name, tokens)
    if kept is not None and name in NUMERIC and not number_value_fine(name, kept):
        kept = None
    if kept is None:
        import tinycss2

        _drop(left, name, tinycss2.serialize(tokens).strip(), where)
    return kept


def _drop(left: LeftOut, name: str, text: str, where: str) -> None:
    left.add("a value it cannot use", f"{name}={quoted(text[:24])} on <{where}>")
    return None


def _value(name: str, tokens) -> str | None:
    """``tokens`` written out again, or None if any of them is not allowed."""
    import tinycss2

    out = []
    for token in tokens:
        target = url_target(token)
        if target is not None:
            if name not in URL_PROPERTIES:
                return None  # only paint, clipping, masks and markers refer to ids
            out.append(f"url({target.strip()})")
        elif token.type == "function" and token.lower_name in CSS_FUNCTIONS:
            inner = _value(name, token.arguments)
            if inner is None:
                return None
            out.append(f"{token.lower_name}({inner})")
        elif not _token_fine(name, token):
            return None
        else:
            out.append(tinycss2.serialize([token]))
    text = "".join(out).strip()
    return None if "\\" in text or not text else text


def _token_fine(name: str, token) -> bool:
    """A plain token of a value: a name, number (finite, in range), colour or string."""
    if token.type not in _VALUE_TOKENS and token.type != "string":
        return False
    if token.type in ("number", "percentage", "dimension"):
        return math.isfinite(token.value) and abs(token.value) <= MAX_NUMBER
    return not (token.type == "ident" and name in NUMERIC and token.lower_value in NOT_FINITE_WORDS)


def clean_declarations(text: str, left: LeftOut, where: str) -> str:
    """A ``style`` attribute (or a rule's body): the declarations kept, re-serialised."""
    import tinycss2

    kept = []
    for item in tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True):
        _check_rule(item)
        if item.type != "declaration":
            left.add(LEFT_STYLE, f"in <{where}>")
            continue
        if item.lower_name not in PRESENTATION:
            continue  # a property SVG does not draw: nothing to say
        value = clean_tokens(item.lower_name, item.value, left, where)
        if value is not None:
            kept.append(f"{item.lower_name}:{value}" + ("!important" if item.important else ""))
    return ";".join(kept)


def clean_sheet(text: str, left: LeftOut) -> str:
    """A ``<style>`` sheet: its plain rules kept, re-serialised; at-rules left out."""
    import tinycss2

    rules = []
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        _check_rule(rule)
        if rule.type == "at-rule":
            left.add("a style sheet rule it cannot use", f"@{rule.lower_at_keyword}")
            continue
        if rule.type != "qualified-rule":
            continue  # a parse error: CSS skips it too
        selector = _selector(rule.prelude)
        if selector is None:
            left.add(
                "a style sheet rule it cannot use", quoted(tinycss2.serialize(rule.prelude)[:30])
            )
            continue
        body = clean_declarations(tinycss2.serialize(rule.content), left, "style")
        if body:
            rules.append(f"{selector}{{{body}}}")
    return "\n".join(rules)


def _check_rule(rule) -> None:
    """Refuse a rule, at-rule or declaration that imports or refers outside the file."""
    if rule.type == "at-rule" and rule.lower_at_keyword == "import":
        raise Refusal("its style sheet imports another file (@import)")
    for part in ("value", "prelude", "content"):
        check_urls(getattr(rule, part, None))


def _selector(prelude) -> str | None:
    import tinycss2

    if any(token.type not in _SELECTOR_TOKENS for token in prelude):
        return None
    text = tinycss2.serialize(prelude).strip()
    return text if text and "\\" not in text else None
