"""The audit hash chain: tampering that gets past the triggers is found; the CLI names the first broken row."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.privacy import redact
from core.audit import GENESIS, AuditLog, row_digest
from core.settings import get_settings


def _turn(question: str) -> dict[str, object]:
    return {
        "thread_id": "t",
        "persona": "nurse",
        "routing_mode": "rules",
        "model": "m",
        "question": question,
        "tool_calls": [],
        "flags": {},
        "timings": {"total_ms": 1},
    }


@pytest.fixture
def trail(tmp_path: Path) -> tuple[AuditLog, Path]:
    path = tmp_path / "audit.sqlite"
    log = AuditLog(path, redact)
    for i in range(1, 6):
        log.record(_turn(f"question {i}"))
    return log, path


@pytest.fixture
def untriggered(trail: tuple[AuditLog, Path]) -> Iterator[sqlite3.Connection]:
    # What an attacker with write access to the file does first.
    conn = sqlite3.connect(trail[1], isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    yield conn
    conn.close()


def test_an_untouched_trail_verifies_and_each_row_links_to_the_one_before(trail) -> None:
    log, _ = trail
    report = log.verify()
    assert report.ok and report.rows == 5 and report.broken_at is None
    rows = log.read()
    assert rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["row_hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert report.head_hash == rows[-1]["row_hash"]


def test_deleting_a_row_after_dropping_the_trigger_is_found_at_the_next_row(trail, untriggered) -> None:
    untriggered.execute("DELETE FROM audit WHERE id = 3")
    report = trail[0].verify()
    assert not report.ok and report.broken_at == 4 and "deleted" in (report.problem or "")


def test_deleting_the_first_row_is_found(trail, untriggered) -> None:
    untriggered.execute("DELETE FROM audit WHERE id = 1")
    assert trail[0].verify().broken_at == 2


def test_editing_a_row_is_found_at_that_row(trail, untriggered) -> None:
    untriggered.execute("UPDATE audit SET question = 'nothing happened' WHERE id = 2")
    report = trail[0].verify()
    assert not report.ok and report.broken_at == 2 and "changed" in (report.problem or "")


def test_editing_a_row_and_recomputing_its_own_hash_is_found_at_the_next_row(trail, untriggered) -> None:
    row = trail[0].read()[1]
    forged = {
        **row,
        "question": "nothing happened",
        **{k: json.dumps(row[k]) for k in ("tool_calls", "guards", "timings")},
    }
    untriggered.execute(
        "UPDATE audit SET question = ?, row_hash = ? WHERE id = 2",
        (forged["question"], row_digest(forged, row["prev_hash"])),
    )
    assert trail[0].verify().broken_at == 3


def test_inserting_a_row_in_the_middle_is_found(trail, untriggered) -> None:
    log, _ = trail
    rows = log.read()
    # Make room after row 2 (ids shift up from the end so the primary key never collides), then forge a row that
    # links correctly to row 2: the row after it still points at row 2.
    for row_id in range(5, 2, -1):
        untriggered.execute("UPDATE audit SET id = id + 1 WHERE id = ?", (row_id,))
    forged = {
        **rows[1],
        "id": 3,
        "question": "forged",
        **{k: json.dumps(rows[1][k]) for k in ("tool_calls", "guards", "timings")},
    }
    untriggered.execute(
        "INSERT INTO audit (id, at, thread_id, persona, routing, model, question, tool_calls, guards, timings,"
        " prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            forged[k]
            for k in (
                "id",
                "at",
                "thread_id",
                "persona",
                "routing",
                "model",
                "question",
                "tool_calls",
                "guards",
                "timings",
            )
        ]
        + [rows[1]["row_hash"], row_digest(forged, rows[1]["row_hash"])],
    )
    report = log.verify()
    assert not report.ok and report.broken_at == 4


def test_a_row_added_without_a_hash_is_found(trail, untriggered) -> None:
    untriggered.execute(
        "INSERT INTO audit (at, thread_id, persona, routing, model, question, tool_calls, guards,"
        " timings) VALUES ('x', 't', 'nurse', 'rules', 'm', 'q', '[]', '{}', '{}')"
    )
    report = trail[0].verify()
    assert report.broken_at == 6 and "no hash" in (report.problem or "")


def test_a_trail_from_before_the_chain_keeps_its_rows_and_chains_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, thread_id TEXT NOT NULL,"
        " persona TEXT NOT NULL, routing TEXT NOT NULL, model TEXT NOT NULL, question TEXT NOT NULL,"
        " tool_calls TEXT NOT NULL, guards TEXT NOT NULL, timings TEXT NOT NULL)"
    )
    conn.execute(
        "INSERT INTO audit (at, thread_id, persona, routing, model, question, tool_calls, guards, timings)"
        " VALUES ('2026-01-01', 't', 'nurse', 'rules', 'm', 'old', '[]', '{}', '{}')"
    )
    conn.close()
    log = AuditLog(path, redact)
    log.record(_turn("new"))
    report = log.verify()
    assert report.ok and report.rows == 2 and report.legacy_rows == 1
    assert [r["question"] for r in log.read()] == ["old", "new"]


def test_cli_audit_verify_exits_0_when_whole_and_1_naming_the_broken_row(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CAREFORGE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        log = AuditLog(get_settings().audit_path, redact)
        for i in range(3):
            log.record(_turn(f"q{i}"))
        whole = CliRunner().invoke(app, ["audit", "verify"])
        assert whole.exit_code == 0 and "intact: 3 rows" in whole.stdout
        conn = sqlite3.connect(get_settings().audit_path, isolation_level=None)
        conn.execute("DROP TRIGGER audit_no_delete")
        conn.execute("DELETE FROM audit WHERE id = 2")
        conn.close()
        broken = CliRunner().invoke(app, ["audit", "verify", "--json"])
        assert broken.exit_code == 1
        report = json.loads(broken.stdout)
        assert report["ok"] is False and report["broken_at"] == 3
        listing = CliRunner().invoke(app, ["audit"])  # the plain listing still works beside the subcommand
        assert [json.loads(line)["question"] for line in listing.stdout.splitlines()] == ["q0", "q2"]
    finally:
        get_settings.cache_clear()
