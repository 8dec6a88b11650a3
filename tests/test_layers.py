"""The core's folders are floors: a module imports its own folder and the floors below it, never
a higher one; check/ and model/ stand side by side and never import each other; no module takes
part in a circle of imports. The floors are the folders themselves, not a list in a docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sportwijzer

CORE = Path(sportwijzer.__file__).parent

# Lowest first. Folders on one floor stand beside each other and do not import each other.
# The two modules at the top of the package are floors of their own: site.py, the front door
# that reads, checks and assembles a region, and __main__.py (`python -m sportwijzer`).
FLOORS: list[set[str]] = [
    {"twins"},
    {"base"},
    {"check", "model"},
    {"finder"},
    {"build"},
    {"site"},
    {"tools"},
    {"__main__"},
]
FLOOR = {place: number for number, places in enumerate(FLOORS) for place in places}


def module_name(path: Path) -> str:
    """hooks/sportwijzer/check/load.py -> 'check.load'; site.py -> 'site'."""
    return ".".join(path.relative_to(CORE).with_suffix("").parts)


def place(module: str) -> str:
    """The floor a module stands on: its folder, or its own name at the top of the package."""
    return module.split(".")[0]


MODULES = sorted(
    module_name(path)
    for path in CORE.rglob("*.py")
    if path.name != "__init__.py" or path.parent != CORE
)


def imports_in(source: str, package: tuple[str, ...]) -> set[str]:
    """The core modules (and packages) imported by `source`, a module in `package`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            parts = [*base, *(node.module.split(".") if node.module else [])]
            for alias in node.names:
                found.add(".".join([*parts, alias.name]))
            found.add(".".join(parts))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sportwijzer."):
            found.add(node.module.removeprefix("sportwijzer."))
            found.update(f"{node.module.removeprefix('sportwijzer.')}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("sportwijzer.")
                for a in node.names
                if a.name.startswith("sportwijzer.")
            )
    known = {*MODULES, *(m.rsplit(".", 1)[0] for m in MODULES if "." in m)}
    return {name for name in found if name in known}


def core_imports(module: str) -> set[str]:
    """The core modules and folders that a module imports, relative or absolute."""
    path = CORE.joinpath(*module.split(".")).with_suffix(".py")
    package = tuple(module.split(".")[:-1])
    return imports_in(path.read_text(encoding="utf-8"), package)


def test_every_folder_and_every_module_at_the_top_is_on_a_floor():
    assert {place(module) for module in MODULES} == set(FLOOR)


def test_every_folder_says_what_lives_there():
    for folder in {place(m) for m in MODULES if "." in m}:
        doc = ast.get_docstring(ast.parse((CORE / folder / "__init__.py").read_text()))
        assert doc and len(doc) > 40, f"{folder}/__init__.py zegt niet wat er woont"


@pytest.mark.parametrize("module", MODULES)
def test_a_module_imports_its_own_folder_and_the_floors_below_it(module):
    own = place(module)
    wrong = {
        name
        for name in core_imports(module)
        if place(name) != own and FLOOR[place(name)] >= FLOOR[own]
    }
    assert not wrong, f"{module} (verdieping {FLOOR[own]}) importeert niet van lager: {wrong}"


def test_no_module_is_part_of_a_circle_of_imports():
    graph = {m: {n for n in core_imports(m) if n in MODULES and n != m} for m in MODULES}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "kring van imports: " + " -> ".join([*path, module])
        if module in done:
            return
        for name in sorted(graph[module]):
            visit(name, (*path, module))
        done.add(module)

    for module in MODULES:
        visit(module, ())


def test_the_layer_rule_catches_an_import_from_a_higher_floor_or_a_sibling():
    assert "build.pages" in imports_in("from ..build import pages\n", ("check",))
    assert "model.objects" in imports_in("from ..model.objects import Site\n", ("check",))
    assert "finder.search" in imports_in("from sportwijzer.finder.search import x\n", ())
    assert "check.load" in imports_in("from .load import read_yaml_file\n", ("check",))
    assert "site" in imports_in("from .. import site\n", ("tools",))
    assert core_imports("site") >= {"model.assemble", "model.objects", "base.problems"}


def test_the_twins_import_nothing_but_each_other():
    for module in (m for m in MODULES if place(m) == "twins"):
        assert {place(name) for name in core_imports(module)} <= {"twins"}, module


def test_the_core_never_imports_mkdocs_in_any_module_or_folder():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [
            node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0
        ]
        assert not [name for name in imported if name.split(".")[0] == "mkdocs"], path.name
