"""The audit trail: one row per turn, identifiers redacted, append-only, readable from the CLI."""

from __future__ import annotations

import json
import sqlite3

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from typer.testing import CliRunner

from app.cli import app
from app.privacy import redact
from app.service import CareForge
from core.audit import AuditLog
from core.settings import get_settings
from tests.conftest import TEXT_ONLY, scripted


def test_each_turn_is_recorded_with_identifiers_redacted(settings, resources) -> None:
    agent = CareForge(
        settings, model=scripted("Noted."), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    agent.ask(
        "My name is John Smith, MRN 889911. I take warfarin and aspirin",
        persona="nurse",
        routing="rules",
        thread_id="t-audit",
    )
    rows = AuditLog(settings.audit_path, redact).read(thread_id="t-audit")
    assert len(rows) == 1
    row = rows[0]
    assert "John" not in row["question"] and "889911" not in row["question"]
    assert "[NAME]" in row["question"] and "warfarin" in row["question"]
    assert row["tool_calls"][0]["tool"] == "check_drug_interactions" and row["tool_calls"][0]["ok"] is True
    assert row["persona"] == "nurse" and row["routing"] == "rules" and "total_ms" in row["timings"]


def test_the_audit_table_refuses_edits_and_deletions(tmp_path) -> None:
    log = AuditLog(tmp_path / "audit.sqlite", redact)
    log.record(
        {
            "thread_id": "t",
            "persona": "patient",
            "routing_mode": "rules",
            "model": "m",
            "question": "q",
            "tool_calls": [],
            "flags": {},
            "timings": {},
        }
    )
    conn = sqlite3.connect(tmp_path / "audit.sqlite")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET question = 'changed'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit")
    assert len(log.read()) == 1


def test_cli_audit_filters_by_thread(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CAREFORGE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    log = AuditLog(get_settings().audit_path, redact)
    for thread in ("a", "b", "a"):
        log.record(
            {
                "thread_id": thread,
                "persona": "nurse",
                "routing_mode": "rules",
                "model": "m",
                "question": f"q-{thread}",
                "tool_calls": [],
                "flags": {"red_flags": ["chest_pain"]},
                "timings": {},
            }
        )
    out = CliRunner().invoke(app, ["audit", "--thread", "a"])
    get_settings.cache_clear()
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["question"] for r in rows] == ["q-a", "q-a"]
    assert rows[0]["guards"] == {"red_flags": ["chest_pain"]}
