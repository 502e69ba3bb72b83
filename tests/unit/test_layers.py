"""Dependencies run one way, from the front ends down to the infrastructure. Nothing imports upward.

careforge_http, ui -> evaluation -> app -> agent -> tools -> safety -> retrieval -> model_server -> core
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Higher imports lower, never the reverse; a package may import itself. core is infrastructure (settings, the model
# client, SQLite stores, logging, audit, users) and takes what it needs from above as arguments (the redactor).
# model_server starts and profiles the embedded vLLM server: infrastructure just above core (it imports nothing of
# CareForge today; only the CLI starts it).
# evaluation is a harness over the whole app.
LEVEL = {
    "core": 0,
    "model_server": 1,
    "retrieval": 2,
    "safety": 3,
    "tools": 4,
    "agent": 5,
    "app": 6,
    "evaluation": 7,
    "careforge_http": 8,
    "ui": 8,
}
# The single exception: the CLI is the shell above everything it starts (`careforge serve`, `careforge eval`).
ALLOWED_UP = {("app/cli/server.py", "careforge_http"), ("app/cli/system.py", "evaluation")}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _modules() -> list[tuple[str, Path]]:
    return [(pkg, p) for pkg in LEVEL for p in sorted((ROOT / pkg).rglob("*.py"))]


def test_every_package_is_layered() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages == set(LEVEL), f"give each package a level: {sorted(packages ^ set(LEVEL))}"


@pytest.mark.parametrize(("package", "path"), _modules(), ids=lambda v: str(v).replace(str(ROOT) + "/", ""))
def test_no_module_imports_a_layer_above_its_own(package: str, path: Path) -> None:
    upward = sorted(
        name
        for name in _imports(path)
        if name in LEVEL and LEVEL[name] > LEVEL[package] and (str(path.relative_to(ROOT)), name) not in ALLOWED_UP
    )
    assert upward == [], f"{path.relative_to(ROOT)} imports {upward} from above {package}"


def _project_modules(path: Path) -> set[str]:
    """The CareForge modules a file imports, as dotted names (``app.service``, ``core.settings``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found.update(n for n in names if n.split(".")[0] in LEVEL)
    return found


# The front ends are clients of the facade: the UI and the CLI reach the product only through app/ (and read the
# settings), never the graph, tools, retrieval or stores directly.
FRONT_ENDS = sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "app" / "cli").rglob("*.py")])
FACADE_ONLY = ("app.", "core.settings")


@pytest.mark.parametrize("path", FRONT_ENDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_ui_and_the_cli_use_only_the_facade(path: Path) -> None:
    where = str(path.relative_to(ROOT))
    outside = sorted(
        m
        for m in _project_modules(path)
        if not m.startswith(FACADE_ONLY)
        and m.split(".")[0] not in {"ui", "app"}
        and (where, m.split(".")[0]) not in ALLOWED_UP
    )
    assert outside == [], f"{where} reaches past the facade: {outside}"
