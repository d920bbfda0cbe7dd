"""python-pptx's private API is used in one module, deckgen/pptx_private.py: the installed
python-pptx still has each name it relies on (else the test names it), and no other
module of deckgen uses a private python-pptx name, swaps an object's class or subclasses
a python-pptx class."""

from __future__ import annotations

import ast
import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

import pptx
import pytest
from pptx import Presentation

from deckgen import pptx_private
from deckgen.pptx_private import RELIED_ON

PKG = Path(__file__).resolve().parents[1] / "deckgen"
PRIVATE = PKG / "pptx_private.py"


@pytest.mark.parametrize("name, probe", RELIED_ON, ids=[name for name, _probe in RELIED_ON])
def test_python_pptx_still_has_what_deckgen_relies_on(name, probe):
    try:
        found = probe(Presentation())
    except (AttributeError, AssertionError, KeyError, TypeError) as exc:
        pytest.fail(
            f"python-pptx {pptx.__version__} no longer has {name}, which "
            f"deckgen/pptx_private.py relies on ({type(exc).__name__}: {exc}); adapt that "
            "module to this release, or keep python-pptx below it in pyproject.toml",
            pytrace=False,
        )
    assert found is not None, name


def test_the_interface_does_what_it_says_on_a_default_deck():
    prs = Presentation()
    assert pptx_private.part_element(prs.part) is prs.element
    assert pptx_private.escape_ctrl_chars("a\x07b\tc\n") == "a_x0007_b\tc\n"
    before = len(pptx_private.slide_id_list(prs))
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    assert len(pptx_private.slide_id_list(prs)) == before + 1
    assert str(pptx_private.next_slide_partname(prs.part)) == "/ppt/slides/slide2.xml"
    assert pptx_private.text_body(slide.shapes.title.text_frame).tag.endswith("}txBody")
    element = slide.shapes.title.element
    assert pptx_private.shape_of(slide.shapes, element).name == slide.shapes.title.name
    rels = pptx_private.package_relationships(prs.part.package)
    assert any(rel.reltype.endswith("/officeDocument") for rel in rels.values())
    blob = slide.part.blob
    pptx_private.keep_as_bytes(slide.part)
    assert slide.part.blob == blob and "slide" not in slide.part.__dict__
    pptx_private.keep_as_bytes(slide.part)  # twice is harmless
    types = pptx_private.content_types_xml(tuple(prs.part.package.iter_parts()))
    assert b"/ppt/slides/slide1.xml" in types


def test_a_charts_workbook_is_dated_by_the_build():
    created = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    data = pptx_private.DatedChartData(created)
    data.categories = ["a"]
    data.add_series("s", [1])
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as workbook:
        core = workbook.read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core


@cache
def _pptx_private_names() -> frozenset[str]:
    """Every name with one leading underscore that python-pptx defines (functions,
    classes, attributes it sets): what deckgen must not touch outside the one module."""
    names = set()
    for path in Path(pptx.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return frozenset(n for n in names if n.startswith("_") and not n.startswith("__"))


def _uses(path: Path) -> list[str]:
    """What ``path`` does with python-pptx that only pptx_private may: a private name
    read or written on anything but its own ``self``/``cls``, a private name imported
    from pptx, an object's class swapped, a python-pptx class subclassed."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = _pptx_private_names()
    from_pptx = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pptx"
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(PKG.parent)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute):
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if node.attr in private and not own:
                found.append(f"{where} .{node.attr}")
            if node.attr == "__class__" and isinstance(node.ctx, ast.Store):
                found.append(f"{where} swaps an object's class")
        if isinstance(node, ast.ClassDef):
            bases = [base.id for base in node.bases if isinstance(base, ast.Name)]
            found += [f"{where} subclasses python-pptx's {b}" for b in bases if b in from_pptx]
    found += [
        f"{path.relative_to(PKG.parent)} imports {name}" for name in from_pptx if name[0] == "_"
    ]
    return found


def test_no_other_module_uses_python_pptx_private_api():
    offenders = [
        use for path in sorted(PKG.rglob("*.py")) if path != PRIVATE for use in _uses(path)
    ]
    assert offenders == [], "python-pptx's private API belongs in deckgen/pptx_private.py"


def test_the_guard_sees_what_it_guards_against():
    """The check above can fail: the one module itself breaks each rule it enforces."""
    found = "\n".join(_uses(PRIVATE))
    for expected in ("._element", "._rels", "._blob", "swaps an object's class"):
        assert expected in found, (expected, found)
    assert "subclasses python-pptx's CategoryChartData" in found
    assert "imports _ContentTypesItem" in found
