"""A small index of conversations (title, persona, owner, last use) beside the checkpointer, for thread lists.

A SQLite file on one machine; a table of the shared PostgreSQL database when ``CAREFORGE_DATABASE_URL`` is set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel

from core.database import Location, connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS threads (
    thread_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    persona TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    owner TEXT
);
"""
_PG_SCHEMA = _SCHEMA.replace("owner TEXT\n", "owner TEXT,\n    seq BIGSERIAL\n")  # seq: insertion order (rowid)
FIELDS = ("thread_id", "title", "persona", "created_at", "updated_at", "owner")


class ThreadInfo(BaseModel):
    """One conversation as listed in the UI."""

    thread_id: str
    title: str
    persona: str
    created_at: str
    updated_at: str
    owner: str | None = None


class ThreadIndex:
    """Titles and last-use times of threads; the messages themselves live in the checkpointer."""

    def __init__(self, path: Location, redact: Callable[[str], str]) -> None:
        """Open (and create) the index (a SQLite file or a ``postgresql://`` URL); titles pass through ``redact``."""
        self._redact = redact
        self._db = connect(path, _SCHEMA, _PG_SCHEMA)
        if self._db.dialect == "sqlite":
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(threads)").fetchall()}
            if "owner" not in columns:  # an index from before sign-in: its threads have no owner (admins see them)
                self._db.execute("ALTER TABLE threads ADD COLUMN owner TEXT")

    def touch(self, thread_id: str, persona: str, first_question: str, owner: str | None = None) -> None:
        """Record a turn: a new thread is titled from its first question (identifiers redacted) and owned."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        title = " ".join(self._redact(first_question).split())[:120] or "New conversation"
        self._db.execute(
            f"INSERT INTO threads ({', '.join(FIELDS)}) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(thread_id) DO UPDATE SET updated_at = ?, persona = excluded.persona",
            (thread_id, title, persona, now, now, owner, now),
        )

    def owner(self, thread_id: str) -> tuple[bool, str | None]:
        """Whether the thread exists, and its owner."""
        row = self._db.execute("SELECT owner FROM threads WHERE thread_id = ?", (thread_id,)).fetchone()
        return (row is not None, row[0] if row else None)

    def get(self, thread_id: str) -> ThreadInfo | None:
        """One thread's row, or None when no turn has finished in it."""
        row = self._db.execute(f"SELECT {', '.join(FIELDS)} FROM threads WHERE thread_id = ?", (thread_id,)).fetchone()  # noqa: S608
        return None if row is None else ThreadInfo(**dict(zip(FIELDS, row, strict=True)))

    def delete(self, thread_id: str) -> bool:
        """Remove a thread's row (its owner with it); whether there was one. The checkpoints are the caller's."""
        return self._db.execute("DELETE FROM threads WHERE thread_id = ?", (thread_id,)).rowcount > 0

    def adopt(self, owners: list[tuple[str, str]]) -> int:
        """Give unowned threads their owner, from (thread_id, owner) pairs, in one transaction; returns how many."""
        moved = 0
        with self._db.transaction("threads") as run:
            for thread_id, owner in owners:
                sql = "UPDATE threads SET owner = ? WHERE thread_id = ? AND owner IS NULL"
                moved += run(sql, (owner, thread_id)).rowcount
        return moved

    def rename(self, thread_id: str, title: str) -> None:
        """Give a thread a new title; raises ValueError for an empty title or an unknown thread."""
        title = " ".join(title.split())[:120]
        if not title:
            raise ValueError("a title cannot be empty")
        changed = self._db.execute("UPDATE threads SET title = ? WHERE thread_id = ?", (title, thread_id))
        if changed.rowcount == 0:
            raise ValueError(f"no such thread: {thread_id}")

    def list(self, persona: str | None = None, limit: int = 100, owners: list[str] | None = None) -> list[ThreadInfo]:
        """Threads, most recently used first; only those of ``owners`` when given."""
        query = f"SELECT {', '.join(FIELDS)} FROM threads WHERE 1 = 1"  # noqa: S608
        args: tuple[object, ...] = ()
        if persona:
            query += " AND persona = ?"
            args = (persona,)
        if owners is not None:
            query += f" AND owner IN ({', '.join('?' * len(owners))})" if owners else " AND 1 = 0"
            args = (*args, *owners)
        rows = self._db.execute(query + f" ORDER BY updated_at DESC, {self._db.rowid} DESC LIMIT ?", (*args, limit))
        return [ThreadInfo(**dict(zip(FIELDS, row, strict=True))) for row in rows.fetchall()]
