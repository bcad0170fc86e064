"""The package's imports point one way, down the layers, and never close a cycle.

ARCHITECTURE.md draws the layers; :data:`LAYERS` below is the same table, and
the tests read every import statement in ``journeykit/`` (at module level and
inside functions) with :mod:`ast`, so a late import tucked into a method counts
as much as one at the top of a file.

* A module may import from its own unit (subpackage) and from units in lower
  layers; never from a unit in its own layer or above, never from the
  ``journeykit`` facade (``__init__.py``).
* Imports between modules never form a cycle. Imports under
  ``if TYPE_CHECKING:`` are left out of the cycle check (they never run), but
  they must still point down.
* Every module belongs to a unit in the table, so a new subpackage has to be
  given its place (and ARCHITECTURE.md a line) before it can land.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import journeykit as jk

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "journeykit"

#: Layers from the bottom up: a unit may import only from units in lower layers.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "_version"}),  # the one error type
    frozenset({"chromium", "_notebook", "lab"}),  # the machine, IPython, Lab
    frozenset({"catalogue"}),  # frameworks and lanes
    frozenset({"model"}),  # journey maps and files
    frozenset({"figures", "coaching", "analytics"}),  # pure functions of data
    frozenset({"export", "assessment"}),  # files of a map, the rubric
    frozenset({"editing", "exercises", "slides", "debrief", "paper"}),  # what people touch
    frozenset({"workshop", "grading"}),  # the room, over a network; nbgrader courses
    frozenset({"cli"}),  # the command line
)
#: ``journeykit/__init__.py``: serves the public names its stub lists; it may import anything.
FACADE = "journeykit"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "journeykit.model.storage"
    target: str  # the module imported, e.g. "journeykit.model.files"
    line: int
    type_only: bool  # under ``if TYPE_CHECKING:``

    def __str__(self) -> str:
        path = self.source.replace(".", "/")
        kind = " (type-checking only)" if self.type_only else ""
        return f"{path}.py:{self.line} imports {self.target}{kind}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str, modules: dict[str, Path]) -> bool:
    return modules[name].name == "__init__.py"


def resolve(source: str, level: int, module: str | None, modules: dict[str, Path]) -> str:
    """The absolute name of ``from <level dots><module> import ...`` written in *source*."""
    if level == 0:
        return module or ""
    base = source.split(".")
    if not is_package(source, modules):
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imports_of(source: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """Every import of a kit module in *path*, wherever in the file it is written."""
    found: list[Import] = []

    def visit(node: ast.AST, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = type_only or _type_checking_block(child)
            if isinstance(child, ast.Import):
                found.extend(
                    Import(source, alias.name, child.lineno, inner)
                    for alias in child.names
                    if alias.name.split(".")[0] == FACADE
                )
            elif isinstance(child, ast.ImportFrom):
                target = resolve(source, child.level, child.module, modules)
                if target.split(".")[0] != FACADE:
                    continue
                if not source.startswith(target + "."):  # a parent package is loaded anyway
                    found.append(Import(source, target, child.lineno, inner))
                for alias in child.names:  # ``from . import figures`` imports a submodule
                    sub = f"{target}.{alias.name}"
                    if sub in modules:
                        found.append(Import(source, sub, child.lineno, inner))
            visit(child, inner)

    visit(ast.parse(path.read_text("utf-8"), str(path)), False)
    return found


def unit(name: str) -> str:
    """The unit a module belongs to: ``journeykit.model.files`` -> ``model``."""
    return name.split(".")[1] if name.count(".") else name


def layer(name: str) -> int | None:
    return next((i for i, units in enumerate(LAYERS) if unit(name) in units), None)


def layering_problems(imports: list[Import]) -> list[str]:
    """Imports that point up a layer, sideways into another unit, or at the facade."""
    problems = []
    for imp in imports:
        if imp.source == FACADE:
            continue
        if imp.target == FACADE:
            problems.append(f"{imp}: import from the module that defines it, not the facade")
        elif unit(imp.source) != unit(imp.target):
            have, want = layer(imp.source), layer(imp.target)
            if have is None or want is None or want >= have:
                problems.append(
                    f"{imp}: layer {want} ({unit(imp.target)}) is not below "
                    f"layer {have} ({unit(imp.source)})"
                )
    return problems


def cycles(imports: list[Import]) -> list[list[str]]:
    """Each import cycle among modules (run-time imports only), as a list of module names."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if not imp.type_only and imp.source != imp.target:
            graph.setdefault(imp.source, set()).add(imp.target)
    found, state = [], {}  # state: 1 on the path, 2 done

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            walk(start, [start])
    return found


@pytest.fixture(scope="module")
def package_imports() -> list[Import]:
    modules = all_modules()
    return [imp for name, path in modules.items() for imp in imports_of(name, path, modules)]


def test_every_module_has_a_place_in_the_layers() -> None:
    placed = {name for name in all_modules() if name == FACADE or layer(name) is not None}
    assert placed == set(all_modules()), "add the new unit to LAYERS and ARCHITECTURE.md"


def test_imports_point_down_the_layers(package_imports: list[Import]) -> None:
    assert package_imports, "the walk found no imports at all"
    assert layering_problems(package_imports) == []


def test_no_import_cycles(package_imports: list[Import]) -> None:
    assert cycles(package_imports) == []


def test_the_walk_sees_imports_inside_functions_and_catches_upward_ones(tmp_path: Path) -> None:
    """The checks above can fail: an import in a method that points up is caught."""
    fake = tmp_path / "journeykit" / "model"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "late.py").write_text(
        "def save():\n    from ..editing import editor\n    from . import late\n"
    )
    modules = {"journeykit.model": fake / "__init__.py", "journeykit.model.late": fake / "late.py"}
    found = imports_of("journeykit.model.late", fake / "late.py", modules)
    assert [imp.target for imp in found] == ["journeykit.editing", "journeykit.model.late"]
    assert len(layering_problems(found)) == 1
    assert cycles([Import("a", "b", 1, False), Import("b", "a", 2, False)]) == [["a", "b", "a"]]
    assert cycles([Import("a", "b", 1, False), Import("b", "a", 2, True)]) == []


def test_architecture_md_names_every_unit() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    units = {unit(name) for name in all_modules() if name != FACADE}
    missing = sorted(u for u in units if f"`{u}" not in text)
    assert missing == [], "ARCHITECTURE.md should give each of these a line"


def test_no_public_name_is_shadowed_by_a_subpackage() -> None:
    """``jk.editor`` must stay the function: a subpackage called ``editor`` would replace it
    on the package as soon as it is imported."""
    units = {unit(name) for name in all_modules()}
    assert sorted(set(jk.__all__) & units) == []
