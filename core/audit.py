"""The audit trail: one row per turn, identifiers redacted, in SQLite, append-only and hash-chained.

The triggers stop ordinary edits; the chain makes the ones that get past them visible. Each row stores the hash of
the row before it (``prev_hash``) and its own hash over its canonical content including that link (``row_hash``), so
deleting, editing, inserting or reordering rows breaks the chain at the first row touched. An attacker who can write
the file can still recompute the whole chain: keep the head hash that ``careforge audit verify`` prints somewhere
else (a ticket, a log shipper) to anchor it.

On PostgreSQL (``CAREFORGE_DATABASE_URL``) the same table is shared by every instance: an advisory lock serialises
appends, so two writers never chain to the same head, and a trigger refuses updates, deletes and truncation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from core.database import Database, Location, connect

# The columns both databases share; only the id and the append-only guard differ by dialect.
_COLUMNS = """    at TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    persona TEXT NOT NULL,
    routing TEXT NOT NULL,
    model TEXT NOT NULL,
    question TEXT NOT NULL,
    tool_calls TEXT NOT NULL,
    guards TEXT NOT NULL,
    timings TEXT NOT NULL,
    prev_hash TEXT,
    row_hash TEXT
);
CREATE INDEX IF NOT EXISTS audit_thread ON audit (thread_id, at);
"""
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS audit (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    + _COLUMNS
    + """-- Append-only: the database itself refuses edits and deletions.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""
)
_PG_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS audit (\n    id BIGINT PRIMARY KEY,\n"
    + _COLUMNS
    + """CREATE OR REPLACE FUNCTION careforge_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
CREATE OR REPLACE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION careforge_audit_append_only();
CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION careforge_audit_append_only();
"""
)
# The link the first chained row points at.
GENESIS = "0" * 64
# Every column the hash covers, in a fixed order; the id is included so that renumbering rows also breaks the chain.
_CONTENT = ("id", "at", "thread_id", "persona", "routing", "model", "question", "tool_calls", "guards", "timings")


def row_digest(row: dict[str, Any], prev_hash: str) -> str:
    """SHA-256 over the row's columns as stored (JSON columns as their text) and the previous row's hash."""
    canonical = json.dumps([row[c] for c in _CONTENT] + [prev_hash], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """The outcome of checking the chain; ``broken_at`` is the id of the first row that does not verify."""

    ok: bool
    rows: int
    legacy_rows: int
    head_hash: str
    broken_at: int | None = None
    problem: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form for ``careforge audit verify --json``."""
        return asdict(self)

    def message(self) -> str:
        """One readable line."""
        if self.ok:
            legacy = f" ({self.legacy_rows} older rows predate the chain)" if self.legacy_rows else ""
            return f"audit trail intact: {self.rows} rows, head {self.head_hash[:16]}{legacy}"
        return f"audit trail broken at row {self.broken_at}: {self.problem}"


def _migrate(db: Database) -> None:
    # A SQLite trail written before the chain existed lacks the two columns; its rows stay readable as legacy rows.
    if db.dialect != "sqlite":
        return
    columns = {r[1] for r in db.execute("PRAGMA table_info(audit)").fetchall()}
    for column in ("prev_hash", "row_hash"):
        if column not in columns:
            db.execute(f"ALTER TABLE audit ADD COLUMN {column} TEXT")


def _redact_value(value: Any, redact: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redact_value(v, redact) for v in value]
    if isinstance(value, dict):
        return {k: _redact_value(v, redact) for k, v in value.items()}
    return value


class AuditLog:
    """Writes, reads and verifies the audit table; safe to share between threads, processes and machines."""

    def __init__(self, path: Location, redact: Callable[[str], str]) -> None:
        """Open (and create) the trail: a SQLite file or a ``postgresql://`` URL; text passes through ``redact``."""
        self._redact = redact
        self._db = connect(path, _SCHEMA, _PG_SCHEMA)
        _migrate(self._db)

    def record(self, turn: dict[str, Any]) -> None:
        """Append one turn: redacted question and tool inputs, tool outcomes, guard decisions, latencies."""
        redact = self._redact
        calls = [
            {
                "tool": c["tool"],
                "args": _redact_value(c["args"], redact),
                "ok": c["ok"],
                "proposed_by": c["proposed_by"],
                "duration_ms": c["duration_ms"],
                "summary": redact(c["summary"].splitlines()[0] if c["summary"] else ""),
            }
            for c in turn["tool_calls"]
        ]
        row: dict[str, Any] = {
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "thread_id": turn["thread_id"],
            "persona": turn["persona"],
            "routing": turn["routing_mode"],
            "model": turn["model"],
            "question": redact(turn["question"]),
            "tool_calls": json.dumps(calls),
            "guards": json.dumps(_redact_value(turn["flags"], redact)),
            "timings": json.dumps(turn["timings"]),
        }
        # The lock is taken before the head is read, so two writers (threads or processes) cannot chain to it both.
        with self._db.transaction("audit") as run:
            last = run("SELECT id, row_hash FROM audit ORDER BY id DESC LIMIT 1", ()).fetchone()
            row["id"] = (last[0] + 1) if last else 1
            prev = (last[1] or GENESIS) if last else GENESIS
            row["prev_hash"], row["row_hash"] = prev, row_digest(row, prev)
            names = [*_CONTENT, "prev_hash", "row_hash"]
            run(
                f"INSERT INTO audit ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )

    append = record  # the name the graph's record node may use

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
        found = self._db.execute(query, [*params, limit])
        rows = [dict(zip(found.columns, r, strict=True)) for r in found.rows]
        for row in rows:
            for key in ("tool_calls", "guards", "timings"):
                row[key] = json.loads(row[key])
        return rows

    def verify(self) -> ChainReport:
        """Walk the whole trail in id order and report the first row whose link or content does not check out."""
        found = self._db.execute("SELECT * FROM audit ORDER BY id")
        rows = [dict(zip(found.columns, r, strict=True)) for r in found.rows]
        expected, legacy, chained = GENESIS, 0, False
        for row in rows:
            if row["row_hash"] is None and not chained:
                legacy += 1  # written before the chain existed: nothing to check
                continue
            chained = True
            if row["row_hash"] is None or row["prev_hash"] != expected:
                return self._broken(
                    rows,
                    row,
                    legacy,
                    "a row before it was deleted, inserted or changed"
                    if row["row_hash"]
                    else "the row has no hash (inserted outside CareForge)",
                )
            if row_digest(row, expected) != row["row_hash"]:
                return self._broken(rows, row, legacy, "the row's content was changed after it was written")
            expected = row["row_hash"]
        return ChainReport(ok=True, rows=len(rows), legacy_rows=legacy, head_hash=expected)

    @staticmethod
    def _broken(rows: list[dict[str, Any]], row: dict[str, Any], legacy: int, problem: str) -> ChainReport:
        return ChainReport(
            ok=False,
            rows=len(rows),
            legacy_rows=legacy,
            head_hash=rows[-1]["row_hash"] or "",
            broken_at=row["id"],
            problem=problem,
        )
