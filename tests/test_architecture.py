"""The dependency direction in docs/architecture.md, enforced by reading the imports."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "deckgen"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    module = ".".join(path.relative_to(PKG.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                names.add(".".join(base + ([node.module] if node.module else [])))
            else:
                names.add(node.module or "")
    return names


def modules():
    for path in sorted(PKG.rglob("*.py")):
        yield ".".join(path.relative_to(PKG.parent).with_suffix("").parts), imports_of(path)


def uses(names: set[str], top: str) -> bool:
    return any(n == top or n.startswith(top + ".") for n in names)


def test_only_the_yaml_reader_imports_yaml():
    offenders = [m for m, names in modules() if uses(names, "yaml")]
    assert offenders == ["deckgen.outline.yamltree"]


def test_only_the_import_writer_imports_ruamel():
    """ruamel.yaml writes an imported outline; deckgen reads outlines with yamltree alone."""
    offenders = [m for m, names in modules() if uses(names, "ruamel")]
    assert offenders == ["deckgen.deck_import.write_scalars", "deckgen.deck_import.write_yaml"]


def test_only_the_pptx_renderer_and_the_template_and_deck_readers_import_python_pptx():
    offenders = [
        m
        for m, names in modules()
        if uses(names, "pptx")
        and not m.startswith(("deckgen.render.pptx", "deckgen.template", "deckgen.deck_import"))
        and m != "deckgen.sync.read"  # the edited deck deckgen sync reads
        and m != "deckgen.pptx_private"  # python-pptx's private API, behind one interface
    ]
    assert offenders == []


def test_reportlab_stays_in_the_measurer_and_the_pdf_renderer():
    offenders = [
        m
        for m, names in modules()
        if uses(names, "reportlab")
        and m != "deckgen.layout.measure"
        and not m.startswith("deckgen.render.pdf")
    ]
    assert offenders == []


def test_the_model_and_layout_do_not_know_the_back_ends():
    for module, names in modules():
        if module.startswith(("deckgen.outline", "deckgen.layout")):
            assert not uses(names, "deckgen.render"), module
            assert not uses(names, "pptx"), module
            assert not uses(names, "click"), module
        if module.startswith("deckgen.render"):
            assert not uses(names, "deckgen.outline"), module
            assert not uses(names, "deckgen.kinds"), module
            assert not uses(names, "deckgen.build"), module


def test_the_library_never_prints_or_exits():
    for path in PKG.rglob("*.py"):
        if path.name == "__main__.py" or path.parent.name == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("print", "exit"), f"{path}: {node.func.id}()"
            if isinstance(node, ast.Attribute) and node.attr == "exit":
                assert not (isinstance(node.value, ast.Name) and node.value.id == "sys"), path


def test_no_function_over_60_lines_and_no_module_over_400():
    long_functions, long_modules = [], []
    for path in sorted(PKG.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            long_modules.append(f"{path.relative_to(PKG)} ({len(text.splitlines())} lines)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    long_functions.append(f"{path.relative_to(PKG)}:{node.name} ({length})")
    assert long_functions == [] and long_modules == []


# loop indices and coordinates may be one letter; T is the type variable of fit.py
SHORT_NAMES_ALLOWED = {"i", "j", "k", "x", "y", "w", "h", "_", "T"}


def test_names_say_what_a_thing_is():
    """No one-letter function, parameter or variable names beyond loop indices and
    coordinates (loop and comprehension targets may be short)."""
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loops = {
            id(name)
            for node in ast.walk(tree)
            if isinstance(node, ast.For | ast.comprehension)
            for name in ast.walk(node.target)
        }
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                if not isinstance(node, ast.Lambda):
                    names.append(node.name)
                names += [a.arg for a in node.args.args + node.args.kwonlyargs]
            elif (
                isinstance(node, ast.Name)
                and isinstance(node.ctx, ast.Store)
                and id(node) not in loops
            ):
                names.append(node.id)
            offenders += [
                f"{path.relative_to(PKG)}:{node.lineno} {name}"
                for name in names
                if len(name) == 1 and name not in SHORT_NAMES_ALLOWED
            ]
    assert offenders == []


def test_renderers_never_branch_on_slide_kinds():
    """Renderers draw frames; which slide kind made a frame is layout's business."""
    from deckgen.kinds import KINDS

    kinds = {kind.name for kind in KINDS} | {"section"}
    for path in sorted((PKG / "render").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                for side in [node.left, *node.comparators]:
                    constants = [side] if isinstance(side, ast.Constant) else []
                    if isinstance(side, ast.Tuple | ast.List | ast.Set):
                        constants = [e for e in side.elts if isinstance(e, ast.Constant)]
                    named = [c.value for c in constants if c.value in kinds]
                    assert not named, f"{path.relative_to(PKG)}:{node.lineno} compares {named}"
            if isinstance(node, ast.Attribute) and node.attr == "kind":
                assert not (
                    isinstance(node.value, ast.Attribute) and node.value.attr == "source"
                ), f"{path.relative_to(PKG)}:{node.lineno} reads a frame's source kind"


def test_no_two_types_share_a_name():
    """One name, one thing: no two classes or type aliases across deckgen share a name."""
    seen: dict[str, list[str]] = {}
    for path in sorted(PKG.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = [node.name] if isinstance(node, ast.ClassDef) else []
            if isinstance(node, ast.Assign):
                names = [
                    t.id
                    for t in node.targets
                    if isinstance(t, ast.Name) and t.id[:1].isupper() and not t.id.isupper()
                ]
            for name in names:
                seen.setdefault(name, []).append(str(path.relative_to(PKG)))
    assert {name: where for name, where in seen.items() if len(where) > 1} == {}
