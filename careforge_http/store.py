"""The service's own tables beside the agent's stores: uploads, jobs, chat continuations.

On one machine they are a SQLite file (``DATA_DIR/http.sqlite``); with ``CAREFORGE_DATABASE_URL`` they are tables of
the shared PostgreSQL database, so any instance can serve any request. An image's bytes are then kept in the
database too (``uploads.data``) and written, on first use, into the local upload directory of the instance running
the turn: the tools read files, and no shared disk is needed between instances.

Thread ownership is the agent's (the thread index's owner column); an ``owners`` table left by an earlier version of
this service is moved into the index once, at startup. Every write is one statement in autocommit mode (or one
transaction), so a crash leaves each row either written or not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from core.database import Location, connect, private_dir, private_file
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
# PostgreSQL: "user" is a reserved word (quoted in every statement, which SQLite reads as the same column); an upload
# carries its bytes; a job names the instance running it, so a restart fails only its own unfinished jobs.
_PG_SCHEMA = (
    _SCHEMA.replace(" user TEXT", ' "user" TEXT')
    .replace(
        "created_at TEXT NOT NULL\n);\nCREATE TABLE IF NOT EXISTS jobs",
        "created_at TEXT NOT NULL, data BYTEA\n);\nCREATE TABLE IF NOT EXISTS jobs",
    )
    .replace("updated_at TEXT NOT NULL\n", "updated_at TEXT NOT NULL,\n    instance TEXT\n")
)
JOB_FIELDS = ("id", "user", "kind", "status", "done", "total", "report", "error", "created_at", "updated_at")
_JOB_COLUMNS = ", ".join('"user"' if f == "user" else f for f in JOB_FIELDS)
UPLOAD_FIELDS = ("id", "path", "name", "size", "kind", "created_at")


def now() -> str:
    """UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def instance_id(data_dir: Path) -> str:
    """The instance's stable id: kept in ``DATA_DIR/instance-id`` (each instance has its own data directory)."""
    path = data_dir / "instance-id"
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        private_file(path).write_text(uuid.uuid4().hex, encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def write_atomically(folder: Path, name: str, data: bytes) -> Path:
    """Store ``data`` under a content-addressed name; written to a temporary file first, so never half a file."""
    private_dir(folder)
    safe = "".join(ch for ch in Path(name).name if ch.isalnum() or ch in "._-")[-80:] or "upload"
    return write_file(folder / f"{hashlib.sha256(data).hexdigest()[:16]}_{safe}", data)


def write_file(path: Path, data: bytes) -> Path:
    """Write ``path`` atomically unless it exists (names are content-addressed: an existing file holds ``data``)."""
    if not path.exists():
        private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    return path


class ServiceStore:
    """Uploads, jobs and chat continuations for the HTTP service."""

    def __init__(self, location: Location, instance: str = "") -> None:
        """Open (and create) the tables; jobs that were running when this instance died are marked failed."""
        self._db = connect(location, _SCHEMA, _PG_SCHEMA)
        self.shared = self._db.dialect == "postgres"
        self.instance = instance
        interrupted = (
            "UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped', updated_at = ? "
            "WHERE status IN ('queued', 'running')"
        )
        if self.shared:  # other instances' jobs are running fine
            self._db.execute(interrupted + " AND instance = ?", (now(), instance))
        else:
            self._db.execute(interrupted, (now(),))

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def ping(self) -> None:
        """Raise when the database does not answer (readiness)."""
        self._db.execute("SELECT COUNT(*) FROM jobs").fetchone()

    # --- thread owners: the agent's thread index holds them; an earlier version of this service kept its own table
    def migrate_owners(self, index: ThreadIndex) -> int:
        """Move a legacy ``owners`` table into the thread index (only where the index has no owner), then drop it.

        Without this, threads started through an earlier version of the service would have no owner in the index,
        which the agent reads as a conversation from before sign-in. Idempotent: a crash midway is finished by the
        next start. Returns the threads given an owner. (Only SQLite files can hold one.)
        """
        if self.shared:
            return 0
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'owners'").fetchone():
            return 0
        rows = self._db.execute("SELECT thread_id, user FROM owners").fetchall()
        moved = index.adopt([(str(t), str(u)) for t, u in rows])
        self._db.execute("DROP TABLE owners")
        return moved

    def forget_chats(self, thread_id: str) -> None:
        """Forget a thread's chat continuations (after the thread is deleted)."""
        self._db.execute("DELETE FROM chats WHERE thread_id = ?", (thread_id,))

    # --- uploads
    def add_upload(
        self, upload_id: str, user: str, path: Path, name: str, size: int, kind: str, data: bytes | None = None
    ) -> None:
        """Record a stored upload (on PostgreSQL with its bytes: ``data``, else read from ``path``)."""
        row = (upload_id, user, str(path), name, size, kind, now())
        if self.shared:
            blob = path.read_bytes() if data is None else data
            self._db.execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*row, blob))
        else:
            self._db.execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?)", row)

    def upload(self, upload_id: str, user: str, local_dir: Path | None = None) -> dict[str, Any] | None:
        """The user's upload, or None (also for another user's id).

        On PostgreSQL ``path`` is this instance's copy under ``local_dir``, written from the database when the
        upload came through another instance.
        """
        row = self._db.execute(
            f'SELECT {", ".join(UPLOAD_FIELDS)} FROM uploads WHERE id = ? AND "user" = ?',  # noqa: S608
            (upload_id, user),
        ).fetchone()
        if row is None:
            return None
        found = dict(zip(UPLOAD_FIELDS, row, strict=True))
        if self.shared and local_dir is not None:
            local = local_dir / Path(str(found["path"])).name
            if not local.exists():
                data = self._db.execute("SELECT data FROM uploads WHERE id = ?", (upload_id,)).fetchone()
                if data is None or data[0] is None:
                    return None
                write_file(local, bytes(data[0]))
            found["path"] = str(local)
        return found

    # --- jobs
    def add_job(self, job_id: str, user: str, kind: str, total: int) -> None:
        """Record a queued job."""
        stamp = now()
        columns: tuple[str, ...] = ("id", '"user"', "kind", "status", "done", "total", "created_at", "updated_at")
        columns += ("instance",)
        values: tuple[Any, ...] = (job_id, user, kind, "queued", 0, total, stamp, stamp, self.instance)
        if not self.shared:
            columns, values = columns[:-1], values[:-1]
        marks = ", ".join("?" * len(values))
        self._db.execute(f"INSERT INTO jobs ({', '.join(columns)}) VALUES ({marks})", values)  # noqa: S608

    def update_job(
        self, job_id: str, status: str, done: int | None = None, report: Any = None, error: str | None = None
    ) -> None:
        """Move a job on: progress while running, the report or the error at the end."""
        self._db.execute(
            "UPDATE jobs SET status = ?, done = COALESCE(?, done), report = COALESCE(?, report), "
            "error = COALESCE(?, error), updated_at = ? WHERE id = ?",
            (status, done, None if report is None else json.dumps(report), error, now(), job_id),
        )

    def job(self, job_id: str, user: str) -> dict[str, Any] | None:
        """The user's job, or None."""
        row = self._db.execute(
            f'SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ? AND "user" = ?',  # noqa: S608
            (job_id, user),
        ).fetchone()
        if row is None:
            return None
        job = dict(zip(JOB_FIELDS, row, strict=True))
        job["report"] = json.loads(job["report"]) if job["report"] else None
        return job

    # --- chat continuations: an OpenAI client resends the whole conversation; its prefix names the thread
    def remember_chat(self, digest: str, user: str, thread_id: str) -> None:
        """Map the digest of a conversation so far to the thread that holds it."""
        self._db.execute(
            'INSERT INTO chats (digest, "user", thread_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (digest) '
            'DO UPDATE SET "user" = excluded."user", thread_id = excluded.thread_id, created_at = excluded.created_at',
            (digest, user, thread_id, now()),
        )

    def chat_thread(self, digest: str, user: str) -> str | None:
        """The thread continuing this conversation, or None."""
        row = self._db.execute('SELECT thread_id FROM chats WHERE digest = ? AND "user" = ?', (digest, user)).fetchone()
        return None if row is None else str(row[0])
