"""The service's own SQLite tables beside the agent's stores: uploads, jobs, chat continuations.

Thread ownership is the agent's (the thread index's owner column); an ``owners`` table left by an earlier version of
this service is moved into the index once, at startup. Every write is one statement in autocommit mode (or one
transaction), so a crash leaves each row either written or not.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

from core.database import open_database
from core.threads import ThreadIndex

_SCHEMA = """
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, user TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
    kind TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, user TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, done INTEGER NOT NULL,
    total INTEGER NOT NULL, report TEXT, error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chats (
    digest TEXT PRIMARY KEY, user TEXT NOT NULL, thread_id TEXT NOT NULL, created_at TEXT NOT NULL
);
"""
JOB_FIELDS = ("id", "user", "kind", "status", "done", "total", "report", "error", "created_at", "updated_at")


def now() -> str:
    """UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class ServiceStore:
    """Uploads, jobs and chat continuations for the HTTP service."""

    def __init__(self, path: Path) -> None:
        """Open (and create) the tables; jobs that were running when the process died are marked failed."""
        self._conn = open_database(path, _SCHEMA)
        self._lock = threading.Lock()
        with self._lock:
            self._conn.execute(
                "UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped', updated_at = ? "
                "WHERE status IN ('queued', 'running')",
                (now(),),
            )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def ping(self) -> None:
        """Raise when the database does not answer (readiness)."""
        self._conn.execute("SELECT COUNT(*) FROM jobs").fetchone()

    # --- thread owners: the agent's thread index holds them; an earlier version of this service kept its own table
    def migrate_owners(self, index: ThreadIndex) -> int:
        """Move a legacy ``owners`` table into the thread index (only where the index has no owner), then drop it.

        Without this, threads started through an earlier version of the service would have no owner in the index,
        which the agent reads as a conversation from before sign-in. Idempotent: a crash midway is finished by the
        next start. Returns the threads given an owner.
        """
        if not self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'owners'").fetchone():
            return 0
        rows = self._conn.execute("SELECT thread_id, user FROM owners").fetchall()
        moved = index.adopt([(str(t), str(u)) for t, u in rows])
        with self._lock:
            self._conn.execute("DROP TABLE owners")
        return moved

    def forget_chats(self, thread_id: str) -> None:
        """Forget a thread's chat continuations (after the thread is deleted)."""
        with self._lock:
            self._conn.execute("DELETE FROM chats WHERE thread_id = ?", (thread_id,))

    # --- uploads
    def add_upload(self, upload_id: str, user: str, path: Path, name: str, size: int, kind: str) -> None:
        """Record a stored upload."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?)",
                (upload_id, user, str(path), name, size, kind, now()),
            )

    def upload(self, upload_id: str, user: str) -> dict[str, Any] | None:
        """The user's upload, or None (also for another user's id)."""
        row = self._conn.execute(
            "SELECT id, path, name, size, kind, created_at FROM uploads WHERE id = ? AND user = ?", (upload_id, user)
        ).fetchone()
        keys = ("id", "path", "name", "size", "kind", "created_at")
        return None if row is None else dict(zip(keys, row, strict=True))

    # --- jobs
    def add_job(self, job_id: str, user: str, kind: str, total: int) -> None:
        """Record a queued job."""
        stamp = now()
        with self._lock:
            self._conn.execute(
                "INSERT INTO jobs VALUES (?, ?, ?, 'queued', 0, ?, NULL, NULL, ?, ?)",
                (job_id, user, kind, total, stamp, stamp),
            )

    def update_job(
        self, job_id: str, status: str, done: int | None = None, report: Any = None, error: str | None = None
    ) -> None:
        """Move a job on: progress while running, the report or the error at the end."""
        with self._lock:
            self._conn.execute(
                "UPDATE jobs SET status = ?, done = COALESCE(?, done), report = COALESCE(?, report), "
                "error = COALESCE(?, error), updated_at = ? WHERE id = ?",
                (status, done, None if report is None else json.dumps(report), error, now(), job_id),
            )

    def job(self, job_id: str, user: str) -> dict[str, Any] | None:
        """The user's job, or None."""
        row = self._conn.execute(
            f"SELECT {', '.join(JOB_FIELDS)} FROM jobs WHERE id = ? AND user = ?",
            (job_id, user),  # noqa: S608
        ).fetchone()
        if row is None:
            return None
        job = dict(zip(JOB_FIELDS, row, strict=True))
        job["report"] = json.loads(job["report"]) if job["report"] else None
        return job

    # --- chat continuations: an OpenAI client resends the whole conversation; its prefix names the thread
    def remember_chat(self, digest: str, user: str, thread_id: str) -> None:
        """Map the digest of a conversation so far to the thread that holds it."""
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO chats VALUES (?, ?, ?, ?)", (digest, user, thread_id, now()))

    def chat_thread(self, digest: str, user: str) -> str | None:
        """The thread continuing this conversation, or None."""
        row = self._conn.execute("SELECT thread_id FROM chats WHERE digest = ? AND user = ?", (digest, user)).fetchone()
        return None if row is None else str(row[0])
