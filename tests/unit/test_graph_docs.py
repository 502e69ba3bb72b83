"""docs/architecture.md is what scripts/draw_architecture.py writes, so the drawing cannot go stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from tests.unit.test_layers import LEVEL

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_architecture", ROOT / "scripts" / "draw_architecture.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_architecture_page_is_the_scripts_output() -> None:
    committed = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert committed == _script().render(), "docs/architecture.md is stale: run python scripts/draw_architecture.py"


def test_the_page_draws_every_node_and_names_the_layers_the_import_test_enforces() -> None:
    script = _script()
    assert {name: level for name, level, _ in script.LAYERS} == LEVEL
    drawing = script.mermaid()
    nodes = ("input_guard", "planner", "tools", "collect", "review", "compose", "answer", "output_guard", "record")
    assert all(f"\t{node}({node})" in drawing for node in nodes)
    assert "output_guard --> record;" in drawing and "record -.-> review;" in drawing
