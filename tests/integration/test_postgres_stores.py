"""The stores on a real PostgreSQL: the audit chain under writers in several processes, append-only, the index."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

import psycopg
import pytest

from app.privacy import redact
from core.audit import AuditLog
from core.threads import ThreadIndex
from core.users import Role, UserStore
from tests.pg_support import postgres_server

TURN = {
    "thread_id": "t1",
    "persona": "nurse",
    "routing_mode": "hybrid",
    "model": "m",
    "question": "Jane Doe, MRN 12345678, asks about warfarin",
    "tool_calls": [],
    "flags": {},
    "timings": {"total_ms": 1.0},
}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with postgres_server() as found:
        yield found


def _append_many(url: str, writer: int, count: int) -> None:
    audit = AuditLog(url, redact)
    for i in range(count):
        audit.record({**TURN, "thread_id": f"w{writer}-{i}"})


def test_writers_in_four_processes_keep_one_whole_chain(url) -> None:
    context = multiprocessing.get_context("spawn")
    procs = [context.Process(target=_append_many, args=(url, w, 15)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    audit = AuditLog(url, redact)
    report = audit.verify()
    assert report.ok and report.rows == 60, report.message()
    rows = audit.read(limit=100)
    assert {r["thread_id"].split("-")[0] for r in rows} == {"w0", "w1", "w2", "w3"}
    assert all("12345678" not in r["question"] for r in rows)  # redacted before it is stored


def test_the_database_refuses_edits_and_verify_names_a_forged_row(url) -> None:
    audit = AuditLog(url, redact)
    audit.record(TURN)
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in ("UPDATE audit SET question = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)
        # someone with the rights to drop the trigger can edit; the chain shows where
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change")
        conn.execute("UPDATE audit SET question = 'forged' WHERE id = 3")
        conn.execute("ALTER TABLE audit ENABLE TRIGGER audit_no_change")
    report = audit.verify()
    assert not report.ok and report.broken_at == 3


def test_thread_index_and_users_behave_as_on_sqlite(url, tmp_path) -> None:
    for location in (url, tmp_path / "threads.sqlite"):
        index = ThreadIndex(location, redact)
        index.touch("a", "nurse", "Jane Doe asks about aspirin", owner="alice")
        index.touch("b", "nurse", "second", owner="bob")
        index.touch("c", "nurse", "third", owner="alice")  # same second as b: insertion order breaks the tie
        assert [t.thread_id for t in index.list(owners=["alice"])] == ["c", "a"]
        assert index.list(owners=[]) == []
        assert index.owner("a") == (True, "alice") and index.owner("zzz") == (False, None)
        index.rename("a", "aspirin")
        info = index.get("a")
        assert info is not None and info.title == "aspirin"
        assert index.adopt([("a", "mallory")]) == 0  # owned already
        assert index.delete("a") and index.get("a") is None and not index.delete("a")
    users = UserStore(url)
    users.add("nina", "a-long-password", Role.NURSE)
    with pytest.raises(ValueError, match="exists"):
        users.add("nina", "a-long-password", Role.NURSE)
    users.grant("nina", "pat")
    users.grant("nina", "pat")  # twice is fine
    nina = users.authenticate("nina", "a-long-password")
    assert nina is not None and users.may_open(nina, "pat") and not users.may_open(nina, "other")
