"""Dependencies run one way: ui / cli / http -> agent -> tools -> safety -> retrieval. Nothing imports upward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Higher imports lower, never the reverse; a package may import itself. model_server and evaluation sit apart:
# model_server is infrastructure nobody below imports; evaluation is a harness over the whole agent.
LEVEL = {"retrieval": 0, "safety": 1, "tools": 2, "agent": 3, "careforge_http": 4, "ui": 4, "evaluation": 5}
# The CLI is the app shell, above everything it starts (`careforge serve`, `careforge eval`); it still lives in
# agent/ until the shell gets a package of its own.
ALLOWED_UP = {("agent/cli.py", "careforge_http"), ("agent/cli.py", "evaluation")}


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


@pytest.mark.parametrize(("package", "path"), _modules(), ids=lambda v: str(v).replace(str(ROOT) + "/", ""))
def test_no_module_imports_a_layer_above_its_own(package: str, path: Path) -> None:
    upward = sorted(
        name
        for name in _imports(path)
        if name in LEVEL and LEVEL[name] > LEVEL[package] and (str(path.relative_to(ROOT)), name) not in ALLOWED_UP
    )
    assert upward == [], f"{path.relative_to(ROOT)} imports {upward} from above {package}"
