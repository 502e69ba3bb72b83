"""How CareForge opens its stores (audit trail, thread index, users, conversation checkpoints).

On one machine they are SQLite files. The stores hold conversations in clear text, so every file is readable by its
owner only (0600) and lives in a directory only its owner can enter (0700), whatever the process umask says. With
``CAREFORGE_DATABASE_URL`` set they are tables of one PostgreSQL database (``core.postgres``), shared by every
instance of the service; ``Database`` is the small interface the stores write their SQL against.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import AbstractContextManager, asynccontextmanager, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

# WAL with synchronous=NORMAL: a commit survives a crash of the process without an fsync each; only a power cut can
# roll back the last turns. Saves ~5 ms a turn. WAL stays with the file; synchronous is set on every connection.
PER_CONNECTION = "PRAGMA synchronous=NORMAL;"
DURABILITY = "PRAGMA journal_mode=WAL;" + PER_CONNECTION
# Writers queue for the lock rather than fail: many turns (and the UI and CLI at once) share each file.
BUSY_TIMEOUT_S = 30.0
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# SQLite creates these beside the database with the database file's mode; older ones may predate the tightening.
_COMPANIONS = ("-wal", "-shm", "-journal")


def _shared_directory(path: Path) -> bool:
    # Directories other users legitimately share: tightening them would break the machine, not protect the data.
    resolved = path.resolve()
    shared = {Path.home().resolve(), Path(tempfile.gettempdir()).resolve(), Path(resolved.anchor)}
    mode = resolved.stat().st_mode
    return resolved in shared or bool(mode & stat.S_ISVTX) or resolved.stat().st_uid != os.getuid()


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing own, unshared directory is tightened to 0700."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, PRIVATE_DIR)  # mkdir's mode is filtered by the umask; set it outright
    if stat.S_IMODE(path.stat().st_mode) & 0o077 and not _shared_directory(path):
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` if missing with mode 0600 (never readable by others, even for an instant) and tighten it."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for candidate in (path, *(path.with_name(path.name + s) for s in _COMPANIONS)):
        if candidate.exists() and stat.S_IMODE(candidate.stat().st_mode) != PRIVATE_FILE:
            os.chmod(candidate, PRIVATE_FILE)
    return path


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """An autocommit connection usable from any thread (callers serialise writes), with ``schema`` applied."""
    private_file(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
    conn.executescript(DURABILITY + schema)
    return conn


def prepare_checkpoints(path: Path) -> None:
    """Create the conversation checkpoint tables once, so a turn's own connection need not take the write lock to."""
    with closing(open_database(path, "")) as conn:
        SqliteSaver(conn).setup()


# --- one interface over a SQLite file and a PostgreSQL database ----------------------------------------------------
Location = Path | str  # a SQLite file, or a postgresql:// URL (settings.database_url)


def is_url(location: Location) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


@dataclass
class Rows:
    """A statement's outcome, fetched eagerly (a pooled connection goes back before the caller reads it)."""

    rows: list[tuple[Any, ...]]
    rowcount: int
    columns: list[str]

    def fetchone(self) -> tuple[Any, ...] | None:
        """The first row, or None."""
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        """Every row."""
        return self.rows


Execute = Callable[[str, Sequence[Any]], Rows]


class Database(ABC):
    """Where a store keeps its tables. SQL is written once with ``?`` placeholders in the dialect both accept.

    ``dialect`` names the few places that differ (schema, migrations, a row-order tie-break); ``transaction`` takes
    a named lock across processes for read-then-write steps such as chaining an audit row to the head.
    """

    dialect: str
    rowid: str  # a column that grows with insertion, for tie-breaks
    # Statements that may have written, counted in this process: a cache of rows (the HTTP service's key -> user
    # lookup) compares it to know that nothing changed here since it read them.
    generation: int = 0

    def _count(self, sql: str) -> None:
        if not sql.lstrip()[:6].upper().startswith(("SELECT", "PRAGMA")):
            self.generation += 1

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement in its own transaction."""

    @abstractmethod
    def transaction(self, lock: str) -> AbstractContextManager[Execute]:
        """A transaction holding ``lock`` (against every process using the database) until it commits."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""


class SqliteDatabase(Database):
    """A private SQLite file; one autocommit connection per store, statements serialised by a lock."""

    dialect = "sqlite"
    rowid = "rowid"

    def __init__(self, path: Path, schema: str) -> None:
        """Open (and create, 0600 in a 0700 directory) the file with ``schema`` applied."""
        self.conn = open_database(path, schema)
        self._lock = threading.RLock()

    def _run(self, sql: str, params: Sequence[Any]) -> Rows:
        cursor = self.conn.execute(sql, tuple(params))
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return Rows(cursor.fetchall() if cursor.description else [], cursor.rowcount, columns)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement (autocommit)."""
        with self._lock:
            self._count(sql)
            return self._run(sql, params)

    @contextmanager
    def transaction(self, lock: str) -> Iterator[Execute]:
        """BEGIN IMMEDIATE: the file's write lock is taken before anything is read."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            self.generation += 1
            try:
                yield self._run
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self.conn.close()


def connect(location: Location, schema: str, postgres_schema: str | None = None) -> Database:
    """The store at ``location``: ``schema`` on SQLite, ``postgres_schema`` (or ``schema``) on PostgreSQL."""
    if is_url(location):
        from core.postgres import PostgresDatabase

        return PostgresDatabase(str(location), postgres_schema or schema)
    return SqliteDatabase(Path(location), schema)


# --- conversation checkpoints ---------------------------------------------------------------------------------------
def prepare_conversations(location: Location) -> None:
    """Create the checkpoint tables once per process, before any turn needs them."""
    if is_url(location):
        from core.postgres import prepare_checkpoints as prepare_pg

        prepare_pg(str(location))
    else:
        prepare_checkpoints(Path(location))


@asynccontextmanager
async def conversation_saver(location: Location) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    """A checkpointer for one block of work: a per-turn SQLite connection, or PostgreSQL (``core.postgres``)."""
    if is_url(location):
        from core.postgres import async_saver

        async with async_saver(str(location)) as shared:
            yield shared
        return
    async with aiosqlite.connect(str(location), timeout=BUSY_TIMEOUT_S) as conn:
        saver = AsyncSqliteSaver(conn)
        # The tables were made once by prepare_conversations; setup() on every turn's connection took the write lock
        # (an ALTER TABLE) from fifty sessions at once and failed with "database is locked".
        saver.is_setup = True
        await conn.executescript(PER_CONNECTION)
        yield saver
