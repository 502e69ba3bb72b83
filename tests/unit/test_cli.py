"""The careforge CLI: settings shown with secrets masked, and the whole trace of a turn as JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from app.cli import app
from core.settings import get_settings


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREFORGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CAREFORGE_MODEL_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    monkeypatch.setenv("CAREFORGE_MODEL_API_KEY", "sk-very-secret")
    monkeypatch.setenv("CAREFORGE_REQUEST_TIMEOUT_S", "2")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_config_prints_effective_settings_with_the_key_masked(env) -> None:
    out = CliRunner().invoke(app, ["config"])
    assert out.exit_code == 0
    shown = json.loads(out.stdout)
    assert shown["model_api_key"] == "****" and "sk-very-secret" not in out.stdout
    assert shown["data_dir"] == str(env) and shown["routing_mode"] == "hybrid"


def test_ask_json_shows_the_whole_trace_even_with_the_model_down(env) -> None:
    out = CliRunner().invoke(app, ["ask", "Is Advil ok with my warfarin?", "--persona", "nurse", "--json"])
    assert out.exit_code == 0, out.output
    trace = json.loads(out.stdout)
    assert trace["tool_calls"][0]["tool"] == "check_drug_interactions"
    assert [d.lower() for d in trace["tool_calls"][0]["args"]["drugs"]] == ["advil", "warfarin"]
    assert trace["citations"][0]["id"] == "ddi:ibuprofen+warfarin"
    assert trace["flags"]["model_unavailable"]
    assert {"plan_ms", "tools_ms", "answer_ms", "total_ms"} <= set(trace["timings"])


def test_ask_rejects_an_unknown_persona_clearly(env) -> None:
    out = CliRunner().invoke(app, ["ask", "hi", "--persona", "surgeon"])
    assert out.exit_code != 0
    assert "unknown persona 'surgeon'" in out.output


def test_doctor_exits_nonzero_when_the_endpoint_is_down(env) -> None:
    out = CliRunner().invoke(app, ["doctor"])
    assert out.exit_code == 1
    assert json.loads(out.stdout)["model_endpoint"]["reachable"] is False
