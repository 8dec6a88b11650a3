"""The layer map in the core's docstring is the truth: every module is on it, once, and imports
only from its own layer or a lower one. Sub-packages count too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sportwijzer

CORE = Path(sportwijzer.__file__).parent


def layer_map(doc: str) -> dict[str, int]:
    """'2 model: toolkit, model, ...' (continued on indented lines) -> {'toolkit': 2, ...}."""
    found: dict[str, int] = {}
    text = doc.split("Layers, lowest first.", 1)[1].split("\n\n")[1]
    for number, names in re.findall(r"^(\d) [a-z ]+:((?:.|\n  )*)", text, re.M):
        for name in re.split(r"[,\s]+", names.strip()):
            assert name not in found, f"{name} staat twee keer op de kaart"
            found[name] = int(number)
    return found


LAYERS = layer_map(sportwijzer.__doc__ or "")


def module_name(path: Path) -> str:
    """hooks/sportwijzer/x.py -> 'x'; a sub-package's module -> 'sub.x'."""
    return ".".join(path.relative_to(CORE).with_suffix("").parts)


MODULES = sorted(
    module_name(path) for path in CORE.rglob("*.py") if module_name(path) != "__init__"
)


def core_imports(path: Path) -> set[str]:
    """The core modules that `path` imports, relative or absolute, as names on the map."""
    return imports_in(path.read_text(encoding="utf-8"), path.relative_to(CORE).parent.parts)


def imports_in(source: str, package: tuple[str, ...]) -> set[str]:
    """The core modules imported by `source`, a module in the core's sub-package `package`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            parts = [*base, *(node.module.split(".") if node.module else [])]
            names = (
                [".".join(parts)]
                if node.module
                else [".".join([*parts, a.name]) for a in node.names]
            )
            found.update(names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sportwijzer."):
            found.add(node.module.removeprefix("sportwijzer."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("sportwijzer.")
                for a in node.names
                if a.name.startswith("sportwijzer.")
            )
    return {name for name in found if name}


def test_the_map_names_every_module_once_and_nothing_else():
    assert sorted(LAYERS) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_a_module_imports_only_its_own_layer_or_lower(module):
    path = CORE.joinpath(*module.split(".")).with_suffix(".py")
    higher = {
        name: LAYERS.get(name)
        for name in core_imports(path)
        if LAYERS.get(name, 99) > LAYERS[module]
    }
    assert not higher, f"{module} (laag {LAYERS[module]}) importeert hoger: {higher}"


def test_the_reader_resolves_every_way_of_importing_a_core_module():
    source = (
        "import os\nimport sportwijzer.pages\nfrom sportwijzer.model import Site\n"
        "from . import dutch\nfrom .problems import Problem\nfrom ..finder import x\n"
    )
    assert imports_in(source, ()) >= {"pages", "model", "dutch", "problems"}
    assert imports_in(source, ("sub",)) >= {"sub.dutch", "sub.problems", "finder"}
    assert core_imports(CORE / "site.py") >= {"assemble", "model", "problems"}


def test_the_core_never_imports_mkdocs_in_any_module_or_sub_package():
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
