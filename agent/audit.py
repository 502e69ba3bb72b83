"""The append-only audit trail: one row per turn, identifiers redacted, in SQLite."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

from agent.database import open_database
from agent.privacy import redact

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    persona TEXT NOT NULL,
    routing TEXT NOT NULL,
    model TEXT NOT NULL,
    question TEXT NOT NULL,
    tool_calls TEXT NOT NULL,
    guards TEXT NOT NULL,
    timings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_thread ON audit (thread_id, at);
-- Append-only: the database itself refuses edits and deletions.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _redact_value(v) for k, v in value.items()}
    return value


class AuditLog:
    """Writes and reads the audit table; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        """Open (and create) the audit database."""
        self._conn = open_database(path, _SCHEMA)
        self._lock = threading.Lock()

    def record(self, turn: dict[str, Any]) -> None:
        """Append one turn: redacted question and tool inputs, tool outcomes, guard decisions, latencies."""
        calls = [
            {
                "tool": c["tool"],
                "args": _redact_value(c["args"]),
                "ok": c["ok"],
                "proposed_by": c["proposed_by"],
                "duration_ms": c["duration_ms"],
                "summary": redact(c["summary"].splitlines()[0] if c["summary"] else ""),
            }
            for c in turn["tool_calls"]
        ]
        row = (
            dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            turn["thread_id"],
            turn["persona"],
            turn["routing_mode"],
            turn["model"],
            redact(turn["question"]),
            json.dumps(calls),
            json.dumps(_redact_value(turn["flags"])),
            json.dumps(turn["timings"]),
        )
        with self._lock:
            self._conn.execute(
                "INSERT INTO audit (at, thread_id, persona, routing, model, question, tool_calls, guards, timings)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

    def read(self, thread_id: str | None = None, since: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Rows, oldest first, optionally for one thread and from an ISO date or time on."""
        query, params = "SELECT * FROM audit WHERE 1=1", []
        if thread_id:
            query += " AND thread_id = ?"
            params.append(thread_id)
        if since:
            query += " AND at >= ?"
            params.append(since)
        query += " ORDER BY id LIMIT ?"
        with self._lock:
            cursor = self._conn.execute(query, [*params, limit])
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        for row in rows:
            for key in ("tool_calls", "guards", "timings"):
                row[key] = json.loads(row[key])
        return rows
