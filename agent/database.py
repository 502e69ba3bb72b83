"""How CareForge opens its own SQLite stores (audit trail, thread index, conversation checkpoints)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from langgraph.checkpoint.sqlite import SqliteSaver

# WAL with synchronous=NORMAL: a commit survives a crash of the process without an fsync each; only a power cut can
# roll back the last turns. Saves ~5 ms a turn. WAL stays with the file; synchronous is set on every connection.
PER_CONNECTION = "PRAGMA synchronous=NORMAL;"
DURABILITY = "PRAGMA journal_mode=WAL;" + PER_CONNECTION
# Writers queue for the lock rather than fail: many turns (and the UI and CLI at once) share each file.
BUSY_TIMEOUT_S = 30.0


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """An autocommit connection usable from any thread (callers serialise writes), with ``schema`` applied."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
    conn.executescript(DURABILITY + schema)
    return conn


def prepare_checkpoints(path: Path) -> None:
    """Create the conversation checkpoint tables once, so a turn's own connection need not take the write lock to."""
    with closing(open_database(path, "")) as conn:
        SqliteSaver(conn).setup()
