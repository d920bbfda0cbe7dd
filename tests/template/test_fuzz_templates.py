"""Property-based tests over templates (issue 19): python-pptx's default package with
random parts dropped, scribbled on or added, relationships added, retargeted or removed,
sizes and coordinates changed and zip headers patched. Whatever the template, opening
it, choosing its layouts and making the design on it ends in a design or a clean
InputError (exit 2), never another exception, within a deadline; a smaller sample is
rendered whole. The budget is fixed and derandomized, as in tests/test_fuzz.py.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from deckgen.build import BuildOptions, load, render_loaded
from deckgen.errors import DeckgenError, InputError
from deckgen.outline.loader import load_outline
from deckgen.outline.tailor import tailor
from deckgen.template.build import open_template

from ..conftest import SMALL, fuzz_budget
from ..layout.support import deadline
from .hostile import MASTER, THEME, members, patched, replaced, with_picture, zipped

BUDGET = fuzz_budget(300)
SCENERY = (
    b'<p:sp><p:nvSpPr><p:cNvPr id="90" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
    b'<a:xfrm><a:off x="0" y="6000000"/><a:ext cx="12192000" cy="858000"/></a:xfrm>'
    b'<a:custGeom><a:pathLst><a:path w="100" h="100"><a:moveTo><a:pt x="0" y="0"/></a:moveTo>'
    b'<a:lnTo><a:pt x="100" y="0"/></a:lnTo><a:cubicBezTo><a:pt x="50" y="50"/>'
    b'<a:pt x="60" y="60"/><a:pt x="0" y="100"/></a:cubicBezTo><a:close/></a:path></a:pathLst>'
    b'</a:custGeom><a:gradFill><a:gsLst><a:gs pos="0"><a:schemeClr val="accent1">'
    b'<a:lumMod val="75000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:srgbClr val="1F5AA6"/>'
    b'</a:gs></a:gsLst></a:gradFill><a:ln w="12700"><a:solidFill><a:srgbClr val="FF0000"/>'
    b"</a:solidFill></a:ln></p:spPr></p:sp>"
    b'<p:pic><p:nvPicPr><p:cNvPr id="91" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
    b'<p:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    b'<p:spPr><a:xfrm><a:off x="100" y="100"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    b'<a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:spTree>'
)


def _rich() -> bytes:
    """The default package with a picture background, a logo and a gradient freeform on
    its master, so that mutations reach what the design and the PDFs read."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 30, 30)).save(buf, "PNG")
    return replaced(MASTER, b"</p:spTree>", SCENERY, with_picture(buf.getvalue()))


PARTS = members(_rich())
NAMES = sorted(PARTS)
XML_NAMES = [name for name in NAMES if name.endswith((".xml", ".rels"))]
RELS_NAMES = [name for name in NAMES if name.endswith(".rels")]
LOOKED_AT = [MASTER, THEME, "ppt/slideLayouts/slideLayout2.xml", "ppt/presentation.xml"]
KINDS = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind
    for kind in ("image", "slideLayout", "slideMaster", "theme", "hyperlink", "slide", "x")
]
TARGETS = st.one_of(
    st.sampled_from(["../media/none.png", "../../../x.png", "/../x", "", ".", "/", "slide9.xml"]),
    st.sampled_from(NAMES).map(lambda name: "/" + name),
    st.sampled_from(NAMES).map(lambda name: "../" + name.split("/", 1)[-1]),
    st.text(alphabet="abc./%:\\", max_size=10),
)
NUMBERS = st.one_of(
    st.integers(-(10**12), 10**14).map(str),
    st.sampled_from(["0", "-1", "914400", "51206400", "51206401", "1e3", "", "x", "١٢"]),
)
GARBAGE = st.one_of(
    st.binary(max_size=60),
    st.sampled_from(
        [b"<", b"<a/>", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', b"\x89PNG\r\n\x1a\n"]
    ),
)
_ATTRIBUTE = re.compile(
    rb'\b(cx|cy|x|y|w|h|sz|val|id|idx|type|prst|r:embed|r:id|typeface|pos|showMasterSp|b|lastClr)="([^"]*)"'
)


@st.composite
def mutation(draw, parts: dict[str, bytes]) -> str:
    """One change to ``parts`` (in place), said."""
    action = draw(
        st.sampled_from(
            ["drop", "garbage", "truncate", "relate", "unrelate", "add", "doctype"]
            + ["attribute"] * 6
        )
    )
    name = draw(st.one_of(st.sampled_from(sorted(parts) or ["x"]), st.sampled_from(LOOKED_AT)))
    if name not in parts:
        return "nothing"
    data = parts[name]
    said = f"{action} {name}"
    if action == "drop":
        del parts[name]
    elif action == "garbage":
        parts[name] = draw(GARBAGE)
        said += f" {parts[name]!r}"
    elif action == "truncate":
        parts[name] = data[: draw(st.integers(0, max(len(data) - 1, 0)))]
    elif action == "attribute":
        found = list(_ATTRIBUTE.finditer(data))
        if found:
            match = found[draw(st.integers(0, len(found) - 1))]
            value = draw(st.one_of(NUMBERS, st.text(alphabet="aA0-#+&;", max_size=6)))
            new = value.replace("&", "&amp;").replace('"', "&quot;").encode()
            parts[name] = data[: match.start(2)] + new + data[match.end(2) :]
            said += f" {match.group(1).decode()}={value!r}"
    elif action in ("relate", "unrelate"):
        said = _relationships(draw, parts, action)
    elif action == "add":
        parts[draw(st.sampled_from(["junk.bin", "ppt/media/x.png", "ppt/a.xml"]))] = draw(GARBAGE)
    elif name.endswith((".xml", ".rels")) and data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        parts[name] = data[:end] + b'<!DOCTYPE r [<!ENTITY f "Comic Sans MS">]>' + data[end:]
    return said


def _relationships(draw, parts: dict[str, bytes], action: str) -> str:
    rels = draw(st.sampled_from(RELS_NAMES))
    if rels not in parts:
        return "nothing"
    data = parts[rels]
    if action == "relate":
        target = draw(TARGETS).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        mode = draw(st.sampled_from(["", ' TargetMode="External"']))
        rid, kind = draw(st.integers(1, 99)), draw(st.sampled_from(KINDS))
        line = (
            f'<Relationship Id="rId{rid}" Type="{kind}" Target="{target}"{mode}/></Relationships>'
        )

        parts[rels] = data.replace(b"</Relationships>", line.encode(), 1)
        return f"relate {rels} {line}"
    else:
        found = list(re.finditer(rb"<Relationship [^>]*/>", data))
        if found:
            match = found[draw(st.integers(0, len(found) - 1))]
            parts[rels] = data[: match.start()] + data[match.end() :]
            return f"unrelate {rels} {match.group().decode()}"
    return "nothing"


class Fuzzed(bytes):
    """A template's bytes, shown as the changes that made it."""

    said: list[str]

    def __repr__(self) -> str:
        return f"Fuzzed({self.said!r})"


@st.composite
def hostile(draw) -> Fuzzed:
    """A template package: the default one with a few mutations, sometimes a zip header
    patched."""
    parts = dict(PARTS)
    said = [draw(mutation(parts)) for _ in range(draw(st.integers(1, 3)))]
    data = zipped(parts)
    if draw(st.integers(0, 9)) == 0 and parts:
        name = draw(st.sampled_from(sorted(parts)))
        field = draw(st.sampled_from(["crc", "size", "flags", "method"]))
        value = draw(st.sampled_from([0, 1, 99, 12, 2**31]))
        value = value & 0xFFFF if field in ("flags", "method") else value
        data = patched(data, name, **{field: value})
        said.append(f"{field}={value} on {name}")
    fuzzed = Fuzzed(data)
    fuzzed.said = said
    return fuzzed


TALK = tailor(load_outline(SMALL))


def _options(path: Path, tmp: Path) -> BuildOptions:
    return BuildOptions(
        outline=SMALL,
        out_dir=tmp,
        template=path,
        formats=("pptx", "slides-pdf"),
        allow_external_links=True,
        jobs=1,
    )


@BUDGET
@given(data=hostile())
def test_any_template_opens_into_a_design_or_is_refused_cleanly(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("template")
    path = folder / "fuzzed.template"
    path.write_bytes(data)
    with deadline(20):
        try:
            opened, design, _problems = open_template(TALK, str(folder), _options(path, folder))
        except InputError as exc:
            assert exc.exit_code == 2 and exc.diagnostics
            message = exc.diagnostics[0].message
            assert "fuzzed.template'" in message or "layout" in message, message
            assert "\n" not in message and "BytesIO" not in message
            event("refused")
            return
    event("opened")
    assert design is not None and design.grid.width > 0 and opened.plan.chosen


@settings(BUDGET, max_examples=40)
@given(data=hostile())
def test_any_template_builds_or_fails_cleanly(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("build")
    path = folder / "fuzzed.template"
    path.write_bytes(data)
    options = _options(path, folder)
    with deadline(60):
        try:
            rendered = render_loaded(load(options), options)
        except DeckgenError as exc:
            assert exc.exit_code in (1, 2) and exc.diagnostics
            event(f"exit {exc.exit_code}")
            return
    event("built")
    (deck,) = [data for out, data in rendered.files if str(out).endswith(".pptx")]
    assert zipfile.is_zipfile(io.BytesIO(deck))
