"""A small index of conversations (title, persona, last use) beside the checkpointer, for the UI's thread list."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from core.database import open_database

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

    def __init__(self, path: Path, redact: Callable[[str], str]) -> None:
        """Open (and create) the index database; titles pass through ``redact`` (the product's redactor)."""
        self._redact = redact
        self._conn = open_database(path, _SCHEMA)
        self._lock = threading.Lock()
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(threads)")}
        if "owner" not in columns:  # an index from before sign-in: its threads have no owner (admins see them)
            self._conn.execute("ALTER TABLE threads ADD COLUMN owner TEXT")

    def touch(self, thread_id: str, persona: str, first_question: str, owner: str | None = None) -> None:
        """Record a turn: a new thread is titled from its first question (identifiers redacted) and owned."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        title = " ".join(self._redact(first_question).split())[:60] or "New conversation"
        with self._lock:
            self._conn.execute(
                "INSERT INTO threads VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(thread_id) DO UPDATE SET updated_at = ?, "
                "persona = excluded.persona",
                (thread_id, title, persona, now, now, owner, now),
            )

    def owner(self, thread_id: str) -> tuple[bool, str | None]:
        """Whether the thread exists, and its owner."""
        row = self._conn.execute("SELECT owner FROM threads WHERE thread_id = ?", (thread_id,)).fetchone()
        return (row is not None, row[0] if row else None)

    def rename(self, thread_id: str, title: str) -> None:
        """Give a thread a new title; raises ValueError for an empty title or an unknown thread."""
        title = " ".join(title.split())[:120]
        if not title:
            raise ValueError("a title cannot be empty")
        with self._lock:
            changed = self._conn.execute("UPDATE threads SET title = ? WHERE thread_id = ?", (title, thread_id))
        if changed.rowcount == 0:
            raise ValueError(f"no such thread: {thread_id}")

    def list(self, persona: str | None = None, limit: int = 100, owners: list[str] | None = None) -> list[ThreadInfo]:
        """Threads, most recently used first; only those of ``owners`` when given."""
        query = "SELECT thread_id, title, persona, created_at, updated_at, owner FROM threads WHERE 1 = 1"
        args: tuple[object, ...] = ()
        if persona:
            query += " AND persona = ?"
            args = (persona,)
        if owners is not None:
            query += f" AND owner IN ({', '.join('?' * len(owners))})" if owners else " AND 0"
            args = (*args, *owners)
        rows = self._conn.execute(query + " ORDER BY updated_at DESC, rowid DESC LIMIT ?", (*args, limit))
        keys = ("thread_id", "title", "persona", "created_at", "updated_at", "owner")
        return [ThreadInfo(**dict(zip(keys, row, strict=True))) for row in rows.fetchall()]
