"""The layout of ARCHITECTURE.md, checked: imports point down the rooms, no cycles, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg import paths

# Which rooms each room may import (besides itself), as ARCHITECTURE.md's table says.
ALLOWED = {
    "kg": set(),  # the base: kg/namespaces.py, kg/paths.py
    "kg.build": {"kg"},
    "kg.sparql": {"kg"},
    "kg.store": {"kg", "kg.sparql"},
    "kg.views": {"kg", "kg.sparql", "kg.store"},
    "kg.qa": {"kg", "kg.sparql", "kg.store", "kg.views"},
    "webapp": {"kg", "kg.build", "kg.sparql", "kg.store", "kg.views", "kg.qa"},
    "cli": {"kg", "kg.build", "kg.sparql", "kg.store", "kg.views", "kg.qa", "webapp"},
}
FORBIDDEN_IN_KG = ("flask", "werkzeug", "webapp")
MAX_LINES = 450
LONG_ON_PURPOSE: dict[str, str] = {}  # path -> why it may be longer


def modules() -> dict[str, Path]:
    found = {}
    for top in ("kg", "webapp", "cli"):
        for path in sorted((paths.ROOT / top).rglob("*.py")):
            parts = path.relative_to(paths.ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = modules()


def room(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "kg":
        return "kg." + parts[1] if len(parts) > 1 and f"kg.{parts[1]}" in ALLOWED else "kg"
    return parts[0]


def imports(module: str, path: Path) -> set[str]:
    """Every project module ``module`` imports (absolute or relative, at any depth of the file)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", getattr(block.test, "attr", None)) == "TYPE_CHECKING"
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue  # annotations only: no import at run time
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # ``from webapp import errors`` imports the module webapp.errors, not the package's __init__
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found.update(n for n in names if n.split(".")[0] in ("kg", "webapp", "cli", "flask", "werkzeug"))
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_rooms(module):
    mine = room(module)
    for target in imports(module, MODULES[module]):
        top = target.split(".")[0]
        if mine.startswith("kg"):
            assert top not in FORBIDDEN_IN_KG, f"{module} imports {target}: the domain never imports the web layer"
        if top in ("flask", "werkzeug"):
            continue
        theirs = room(target)
        assert theirs == mine or theirs in ALLOWED[mine], f"{module} ({mine}) imports {target} ({theirs}): points up"


def test_no_import_cycles_between_modules():
    graph = {m: {t for t in imports(m, p) if t in MODULES and t != m} for m, p in MODULES.items()}
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    path = MODULES[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    rel = str(path.relative_to(paths.ROOT))
    assert lines <= MAX_LINES or rel in LONG_ON_PURPOSE, f"{rel} has {lines} lines (at most {MAX_LINES})"
