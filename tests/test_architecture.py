"""The dependency direction in docs/architecture.md, enforced by reading the imports."""

from __future__ import annotations

import ast
import sys
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
        and m != "deckgen.oxml"  # the edits to a template's or imported deck's package
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


# ---------------------------------------------------------------- the import matrix
#
# docs/architecture.md's "may import" column and its dependency direction, as data: each
# part of deckgen (a top-level module or package; the renderers one a back end) and the
# parts and third-party packages it may import. The standard library is always allowed,
# and a part may import itself. Every import counts: at the top, in a function, under
# TYPE_CHECKING, relative, aliased, through a name another deckgen module re-exports,
# and importlib.import_module / __import__ with a literal name.

ALLOWED: dict[str, set[str]] = {
    "deckgen": {"build", "errors", "outline"},  # the lazy public API
    "deckgen.__main__": {"cli"},
    "deckgen._shipped": set(),
    "deckgen.errors": set(),
    "deckgen.inline": {"markdown_it"},
    "deckgen.labels": {"babel", "nodes"},  # a value in another language keeps it (Spliced)
    "deckgen.safexml": {"lxml"},
    "deckgen.forked": set(),
    "deckgen.door": set(),
    "deckgen.output": {"errors"},
    "deckgen.limits": set(),  # the outline's documented limits
    "deckgen.nodes": {"errors", "limits", "pydantic", "pydantic_core"},  # what models build on
    "deckgen.outline": {
        *("errors", "labels", "kinds", "limits", "nodes"),
        *("yaml", "pydantic", "pydantic_core", "PIL", "lxml", "tinycss2"),
    },
    "deckgen.kinds": {
        *("errors", "inline", "labels", "layout", "limits", "nodes"),
        *("pydantic", "pydantic_core", "pygments"),
    },
    "deckgen.layout": {  # the outline only for its types: layout takes a tailored Talk
        *("errors", "inline", "labels", "limits", "nodes", "outline"),
        *("reportlab", "fontTools", "uharfbuzz"),
    },
    "deckgen.render": set(),
    "deckgen.render.pptx": {"layout", "safexml", "render.pdf", "pptx_private", "pptx", "lxml"},
    "deckgen.pptx_private": {"pptx"},  # python-pptx's private names, the one place
    "deckgen.oxml": {"pptx_private", "pptx"},  # every edit to a package deckgen did not write
    "deckgen.render.pdf": {
        *("errors", "layout", "safexml"),
        *("reportlab", "svglib", "pypdfium2", "uharfbuzz"),
    },
    "deckgen.render.html": {"layout", "htmlruns", "fontTools"},  # the web handout
    "deckgen.htmlruns": set(),  # styled runs as inline HTML (web handout, quiz export)
    "deckgen.formats": {
        *("errors", "layout", "render.pptx", "render.pdf", "render.html", "record", "check"),
    },
    "deckgen.template": {
        *("build", "errors", "kinds", "layout", "outline", "safexml", "pptx_private"),
        *("oxml", "pptx", "lxml", "PIL"),
    },
    "deckgen.build": {
        *("errors", "outline", "layout", "formats", "prepare", "fitnotes", "render.pdf"),
        *("check", "forked", "output"),
    },
    # how long each slide text may get: its slide laid out alone, with the text longer
    "deckgen.fitnotes": {"errors", "forked", "inline", "layout", "prepare", "translation"},
    # translate, tailor, open the template, lay out: all of a build but the rendering
    "deckgen.prepare": {"errors", "outline", "layout", "render.pdf", "template", "translation"},
    "deckgen.check": {"errors", "layout", "render.pptx", "render.pdf", "safexml", "pikepdf"},
    "deckgen.all_audiences": {"build", "errors", "formats", "forked", "output"},
    "deckgen.preview": {"build", "errors", "limits", "prepare", "render.pdf", "PIL"},
    "deckgen.watch": {"build", "errors", "output", "prepare", "watchfiles"},
    "deckgen.serve": {"build", "door", "inline", "labels", "render.pdf", "watch"},
    "deckgen.sync": {
        *("build", "errors", "inline", "layout", "outline", "prepare", "render.pptx"),
        *("safexml", "template", "pptx_private", "pptx", "translation"),
    },
    "deckgen.deck_import": {
        *("errors", "inline", "kinds", "limits", "nodes", "outline", "output", "safexml"),
        *("template", "pptx_private", "oxml"),
        *("pptx", "PIL", "ruamel"),
    },
    "deckgen.scaffold": {"_shipped", "errors", "outline"},
    "deckgen.record": set(),  # what a deck records of its build, for sync
    # deckgen translate, build --translation: the talk's texts as PO/XLIFF, and back
    "deckgen.translation": {
        *("errors", "inline", "nodes", "outline", "output", "safexml"),
        *("pydantic", "translate", "lxml"),
    },
    # deckgen export quiz: the tailored talk's quizzes for learning platforms
    "deckgen.export": {
        *("build", "errors", "htmlruns", "inline", "kinds", "outline", "output", "lxml"),
        "translation",
    },
    "deckgen.audiences": {
        "build",
        "layout",
        "prepare",
    },  # deckgen audiences: each audience laid out
    # deckgen template new and check: a build on (or of) a template, above build
    "deckgen.template_new": {
        *("build", "errors", "kinds", "layout", "outline", "render.pptx", "template"),
    },
    "deckgen.template_trial": {"build", "check", "errors", "template"},
    "deckgen.cli": {"*"},  # Click commands: everything, lazily
}


# imports the rules below let pass for now, each with what ends it (a test keeps each
# one needed): (importing module, imported module) -> why
NOT_YET: dict[tuple[str, str], str] = {}


def part_of(module: str) -> str:
    """The part of deckgen a module belongs to: its top-level module or package (the
    renderers' back ends each a part)."""
    parts = module.split(".")
    return ".".join(parts[:3] if parts[1:2] == ["render"] and len(parts) > 2 else parts[:2])


def _modules_by_name() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(PKG.parent).with_suffix("").parts).removesuffix(".__init__"): path
        for path in sorted(PKG.rglob("*.py"))
    }


MODULES = _modules_by_name()


def _resolve(package: str, level: int, name: str | None) -> str:
    """A relative import's absolute module name, from the importing module's package."""
    if not level:
        return name or ""
    base = package.split(".")[: len(package.split(".")) - level + 1]
    return ".".join(base + ([name] if name else []))


def _literal_prefix(node: ast.expr, module: str) -> str | None:
    """The module name an import_module argument starts with: a literal, or an f-string's
    literal head (``{__name__}`` the module itself); None when nothing is known."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        head = ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                head += value.value
            elif isinstance(value.value, ast.Name) and value.value.id == "__name__":
                head += module
            else:
                break
        return head.rstrip(".") or None
    return None


def imported(module: str) -> list[tuple[str, int]]:
    """Every module ``module`` imports, with its line: each ``import``/``from`` anywhere in
    it (relative ones resolved; ``from package import submodule`` the submodule) and each
    importlib.import_module or __import__ call whose name is known."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.level, node.module)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((full if full in MODULES else base, node.lineno))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                name = _literal_prefix(node.args[0], module)
                assert name is not None, f"{module}:{node.lineno} imports a name not known"
                if name.startswith("."):  # import_module(".x", package=__package__)
                    dots = len(name) - len(name.lstrip("."))
                    name = _resolve(package, dots, name.lstrip(".") or None)
                found.append((name, node.lineno))
    return found


def _reexports(module: str) -> dict[str, str]:
    """The names ``module`` binds at its top by importing them from another deckgen
    module: name -> the module it takes it from."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    names: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.level, node.module)
            for alias in node.names:
                if base.startswith("deckgen") and f"{base}.{alias.name}" not in MODULES:
                    names[alias.asname or alias.name] = base
    return names


def _origins(base: str, name: str, seen: frozenset = frozenset()) -> set[str]:
    """The deckgen modules a name imported from ``base`` really comes from: ``base``,
    and where ``base`` took it from, and so on (a re-export is no way around a rule)."""
    if base not in MODULES or (base, name) in seen:
        return set()
    origin = _reexports(base).get(name)
    if origin is None:
        return {base}
    return {base} | _origins(origin, name, seen | {(base, name)})


def dependencies(module: str) -> list[tuple[str, int]]:
    """``imported(module)``, and for each name taken from a deckgen module the modules it
    is re-exported through."""
    found = imported(module)
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.level, node.module)
            for alias in node.names:
                if f"{base}.{alias.name}" not in MODULES:  # a name, not a submodule
                    found += [(origin, node.lineno) for origin in _origins(base, alias.name)]
    return found


def _allowed(part: str, name: str) -> bool:
    rule = ALLOWED[part]
    if "*" in rule:
        return True
    if name == "deckgen" or name.startswith("deckgen."):
        target = part_of(name) if name != "deckgen" else "deckgen"
        return target == part or target.removeprefix("deckgen.") in rule
    top = name.split(".")[0]
    return top in sys.stdlib_module_names or top == "__future__" or top in rule


def test_every_import_follows_the_documented_matrix():
    offenders = set()
    for module in MODULES:
        part = part_of(module)
        assert part in ALLOWED, f"{part} is not in the import matrix: give it a line"
        offenders |= {
            f"{module}:{line} imports {name}"
            for name, line in dependencies(module)
            if not _allowed(part, name) and (module, name) not in NOT_YET
        }
    assert sorted(offenders) == []


def runtime_imports(module: str) -> list[str]:
    """What importing or running ``module`` imports: ``imported`` without what only
    type checkers read (``if TYPE_CHECKING:`` blocks)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    lines = {
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) in typing_only
    }
    return [name for name, line in imported(module) if line not in lines]


def part_graph() -> dict[str, set[str]]:
    """Part -> the other parts it imports at run time (in functions too), NOT_YET aside."""
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        part = part_of(module)
        for name in runtime_imports(module):
            if name.startswith("deckgen.") and (module, name) not in NOT_YET:
                target = part_of(name)
                if target != part:
                    graph.setdefault(part, set()).add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of ``graph`` with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                found.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_part_of_deckgen_imports_itself_round_a_cycle():
    """kinds, layout, outline and the rest form no cycle, counting imports made inside
    functions (which only hide one): the outline assembles its model from the kinds,
    the kinds compose through layout, and layout dispatches through the registry the
    talk carries (Talk.kinds), importing neither."""
    assert cycles(part_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_import_let_pass_for_now_is_still_there():
    """Each NOT_YET entry goes once its import does."""
    for module, name in NOT_YET:
        assert name in {found for found, _line in imported(module)}, (module, name)


def test_the_import_rules_see_through_every_way_of_importing(tmp_path, monkeypatch):
    """The checker itself: relative, aliased, in-function, TYPE_CHECKING, re-exported and
    importlib imports are all seen (so the matrix test can fail)."""
    samples = {
        "from ... import inline as md\n": "deckgen.inline",
        "from ...layout.text import spans\n": "deckgen.inline",  # re-exported
        "if TYPE_CHECKING:\n    from ...outline.talk import Talk\n": "deckgen.outline.talk",
        "def later():\n    import deckgen.kinds.quiz as q\n": "deckgen.kinds.quiz",
        "importlib.import_module('deckgen.kinds')\n": "deckgen.kinds",
        "importlib.import_module(f'{__name__}.x')\n": "deckgen.render.pdf.slide.x",
        "__import__('deckgen.outline')\n": "deckgen.outline",
    }
    fake = tmp_path / "slide.py"
    monkeypatch.setitem(MODULES, "deckgen.render.pdf.slide", fake)
    for source, expected in samples.items():
        fake.write_text(source, encoding="utf-8")
        names = {name for name, _line in dependencies("deckgen.render.pdf.slide")}
        assert expected in names, source
        assert expected.endswith(".x") or not _allowed("deckgen.render.pdf", expected), source
