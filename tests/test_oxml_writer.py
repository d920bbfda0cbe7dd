"""Only deckgen's writers edit an XML tree: the deck writer (``render/pptx/``), the
oxml writer for packages deckgen did not write (``deckgen/oxml.py``) and the fence
round python-pptx's private API (``pptx_private.py``). Everywhere else reads trees
(find, xpath, get) and asks ``deckgen.oxml`` for the change.

The scan reads every other module's syntax for what edits an lxml tree: an
``etree.SubElement`` call; ``.set(name, value)``, ``.remove(x)``, ``.insert(i, x)``,
``.clear()``, ``.addnext(x)``, ``.addprevious(x)``, ``.makeelement(…)`` calls; an
``.append``/``.extend`` of a copied or made element; ``.text =``/``.tail =``
assignments and ``.attrib`` stores. A receiver the function (or its class) binds to a
Python list, set or dict is no tree, and the few other receivers that are not trees are
named below with what they are."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "deckgen"

WRITERS = ("deckgen.render.pptx", "deckgen.oxml", "deckgen.pptx_private")

# (module, receiver as written) -> what it is, when it is no lxml tree; each one must
# still be found by the scan (a stale line fails the test)
NOT_TREES: dict[tuple[str, str], str] = {
    ("deckgen.render.pdf.tagging", "element"): "a PDF structure element (a dataclass)",
    ("deckgen.render.pdf.handout.flowables", "element"): "a PDF structure element",
    ("deckgen.render.pdf.handout.linked", "self._code"): "a list of text pieces",
    ("deckgen.translation.ids", "lines"): "the outline file's lines, a list of str",
}

# the SVG cleaner builds its own copy of an SVG picture (an lxml tree it made, never a
# package part): those modules may edit it
OWN_TREES: dict[str, str] = {
    "deckgen.outline.svg": "sets the cleaned SVG's size on the copy it made",
    "deckgen.outline.svg_clean": "builds the cleaned SVG, element by element",
    "deckgen.outline.svg_count": "drops clip paths from the cleaned SVG it counts",
    # deckgen export quiz writes QTI documents of its own, element by element
    "deckgen.export.qti21": "builds each QTI 2.1 item, the test and its manifest's resources",
    "deckgen.export.qti12": "builds the QTI 1.2 assessment",
    "deckgen.export.package": "builds both QTI packages' manifests",
    # deckgen translate writes XLIFF files of its own (translate-toolkit's store)
    "deckgen.translation.markup": "fills an XLIFF source with the text's inline codes",
    "deckgen.translation.stores": "builds each XLIFF unit: its key, source and carried target",
    "deckgen.translation.writeback": "sets an XLIFF unit's target from an edited deck",
}

_ONE_ARG = {"remove", "addnext", "addprevious"}
_CONTAINER_CALLS = {"list", "set", "dict", "sorted", "defaultdict", "deque", "OrderedDict"}
_CONTAINER_TYPES = {"list", "set", "dict", "deque", "defaultdict", "List", "Set", "Dict"}
_MADE = {"deepcopy", "makeelement", "Element", "SubElement", "fromstring"}


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, ast.List | ast.Set | ast.Dict | ast.ListComp | ast.SetComp):
        return True
    if isinstance(value, ast.DictComp):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name in _CONTAINER_CALLS
    return False


def _is_container_type(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.split("[")[0] in _CONTAINER_TYPES
    name = annotation.id if isinstance(annotation, ast.Name) else getattr(annotation, "attr", "")
    return name in _CONTAINER_TYPES


def _containers(scope: ast.AST) -> set[str]:
    """The names (and ``self.x`` attributes) ``scope`` binds to a list, set or dict."""
    found: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.arg) and _is_container_type(node.annotation):
            found.add(node.arg)
        elif isinstance(node, ast.AnnAssign):
            if _is_container_type(node.annotation) or _is_container(node.value):
                found.add(ast.unparse(node.target))
        elif isinstance(node, ast.Assign) and _is_container(node.value):
            found.update(ast.unparse(target) for target in node.targets)
    return found


def _edit(node: ast.AST) -> tuple[str, str] | None:
    """(receiver, what) when ``node`` edits a tree, as far as its syntax says."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        method, receiver, args = node.func.attr, node.func.value, node.args
        if method == "SubElement":
            return ast.unparse(receiver), "SubElement"
        arity = {"set": 2, "insert": 2, "clear": 0, "makeelement": None}
        if (
            method in _ONE_ARG
            and len(args) == 1
            or method in arity
            and (arity[method] is None or len(args) == arity[method])
        ):
            return ast.unparse(receiver), f".{method}()"
        if method in ("append", "extend") and args and isinstance(args[0], ast.Call):
            made = args[0].func
            name = made.id if isinstance(made, ast.Name) else getattr(made, "attr", "")
            if name in _MADE:
                return ast.unparse(receiver), f".{method}({name}(…))"
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "SubElement":
        return "", "SubElement"
    targets = []
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
    for target in targets:
        if (
            isinstance(target, ast.Attribute)
            and target.attr in ("text", "tail")
            and ast.unparse(target.value) != "self"
        ):
            return ast.unparse(target.value), f".{target.attr} ="
        if isinstance(target, ast.Subscript) and getattr(target.value, "attr", "") == "attrib":
            return ast.unparse(target.value.value), ".attrib[…] ="
    return None


def edits(source: str, module: str, not_trees=NOT_TREES) -> list[tuple[int, str, str]]:
    """Each edit of a tree in ``source``: (line, receiver, what), less receivers its
    function or class binds to a Python container and those ``not_trees`` names."""
    tree = ast.parse(source)
    found = []

    def visit(node: ast.AST, known: frozenset[str]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            known = known | _containers(node)
        edit = _edit(node)
        if edit is not None:
            receiver, what = edit
            root = receiver.split(".")[0].split("[")[0]
            if receiver not in known and root not in known:
                found.append((node.lineno, receiver, what))
        for child in ast.iter_child_nodes(node):
            visit(child, known)

    visit(tree, frozenset(_containers_at_top(tree)))
    return [edit for edit in found if (module, edit[1]) not in not_trees]


def _containers_at_top(tree: ast.Module) -> set[str]:
    return {
        ast.unparse(target)
        for node in tree.body
        if isinstance(node, ast.Assign) and _is_container(node.value)
        for target in node.targets
    }


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        module = ".".join(path.relative_to(PKG.parent).with_suffix("").parts)
        yield module.removesuffix(".__init__"), path


def _checked(module: str) -> bool:
    return not module.startswith(WRITERS) and module not in OWN_TREES


def test_only_the_writers_edit_xml_trees():
    offenders = [
        f"{path.relative_to(PKG.parent)}:{line} {what} on {receiver or 'a tree'}"
        for module, path in _modules()
        if _checked(module)
        for line, receiver, what in edits(path.read_text(encoding="utf-8"), module)
    ]
    assert offenders == [], (
        "these modules edit an XML tree outside deckgen's writers: make the edit a named "
        "operation in deckgen/oxml.py (or, for a receiver that is no tree, name it in "
        "NOT_TREES): " + "; ".join(offenders)
    )


def test_every_receiver_said_to_be_no_tree_is_still_there():
    """A NOT_TREES line outlives its code only to let a tree edit of that name through."""
    sources = {module: path.read_text(encoding="utf-8") for module, path in _modules()}
    for module, receiver in NOT_TREES:
        found = edits(sources[module], module, not_trees={})
        assert any(edit[1] == receiver for edit in found), (
            f"{module}: the scan finds no edit on {receiver} any more: drop its NOT_TREES line"
        )
    for module in OWN_TREES:
        assert edits(sources[module], module), f"{module} edits no tree any more"


PLANTED = """
from lxml import etree

def restyle(shape, value):
    shape.find("a:solidFill/a:srgbClr").set("val", value)
    shape.getparent().remove(shape)
    body = shape.find("p:txBody")
    body.insert(0, body.makeelement("a:lstStyle", {}))
    etree.SubElement(body, "a:p")
    body[-1].text = "typed"
    body.find("a:bodyPr").addnext(copy)
    del body.attrib["rtlCol"]
    level.append(copy.deepcopy(body))
"""

HARMLESS = """
import threading

class Crowd:
    def __init__(self):
        self.names: list[str] = []
        self.seen = {}

    def forget(self, name, typesetter):
        self.names.remove(name)
        self.seen.clear()
        typesetter.set("words", 40, "style")
        threading.Event().set()
        self.text = "a field, not a tree"

def tidy(items: list[int], first):
    queue = [first]
    queue.insert(0, 2)
    items.remove(3)
    queue.append(first.find("x"))
"""


def test_the_scan_catches_a_planted_edit_and_lets_containers_be():
    found = edits(PLANTED, "deckgen.template.planted")
    whats = [what for _line, _receiver, what in found]
    assert whats == [
        ".set()", ".remove()", ".insert()", ".makeelement()", "SubElement", ".text =",
        ".addnext()", ".attrib[…] =", ".append(deepcopy(…))",
    ]  # fmt: skip
    assert edits(HARMLESS, "deckgen.planted") == []
    # and the real test would fail on it: a planted module is no writer
    assert _checked("deckgen.template.planted") and not _checked("deckgen.oxml")
