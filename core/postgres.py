"""The PostgreSQL side of ``core.database``: connection pools, the stores' tables, the conversation checkpointer.

Why psycopg directly rather than SQLAlchemy: the stores' SQL is a dozen statements already written in the subset
both databases accept (``ON CONFLICT``, ``LIMIT``); what differs (triggers, advisory locks, migrations of old
SQLite files) would be dialect branches under SQLAlchemy Core too. psycopg and psycopg-pool are what
``langgraph-checkpoint-postgres`` needs anyway, so the only shim here is the placeholder (``?`` becomes ``%s``).

Every process shares one pool per URL for the stores; the server's event loop has one async pool for the
checkpointer, and one-shot loops (the CLI, the UI) a connection per turn.
Cross-process steps that read then write (the audit chain's head, schema creation, checkpoint migrations) hold a
PostgreSQL advisory lock, so any number of ``careforge serve`` instances can share the database.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import psycopg
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, ConnectionPool

from core.database import Database, Execute, Rows

POOL_MAX = 8  # store connections per process: statements are short, the event loop issues them one at a time
ASYNC_POOL_MAX = 16  # checkpointer connections per event loop: concurrent turns each hold one for a moment
CONNECT_TIMEOUT_S = 10.0
_pools: dict[str, ConnectionPool[Any]] = {}
_async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[AsyncConnectionPool[Any], AsyncPostgresSaver]]
_async = weakref.WeakKeyDictionary()
_prepared: set[str] = set()
# What the checkpointer needs of its connections: autocommit, dict rows, no server-side prepared statements.
_ASYNC_KWARGS: dict[str, Any] = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
_guard = threading.Lock()


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for ``name``."""
    return int.from_bytes(hashlib.sha256(f"careforge:{name}".encode()).digest()[:8], "big", signed=True)


def pool(url: str) -> ConnectionPool[Any]:
    """The process's pool for ``url`` (autocommit connections, checked before use so a restarted server heals)."""
    with _guard:
        found = _pools.get(url)
        if found is None:
            found = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_MAX,
                kwargs={"autocommit": True},
                timeout=CONNECT_TIMEOUT_S,
                check=ConnectionPool.check_connection,
                name="careforge-stores",
                open=True,
            )
            _pools[url] = found
        return found


@atexit.register
def close_pools() -> None:
    """Close every store pool (at exit, and in tests between servers)."""
    with _guard:
        pools = list(_pools.values())
        _pools.clear()
    for p in pools:
        p.close()


def _sql(sql: str, params: Sequence[Any]) -> str:
    # psycopg reads %s; no statement of the stores holds a literal ? or %.
    return sql.replace("?", "%s") if params else sql


class PostgresDatabase(Database):
    """A store's tables in a PostgreSQL database shared by every instance."""

    dialect = "postgres"
    rowid = "seq"

    def __init__(self, url: str, schema: str) -> None:
        """Apply ``schema`` (idempotent; serialised so two instances starting together do not collide)."""
        self._pool = pool(url)
        with self.transaction("schema") as run:
            run(schema, ())

    @staticmethod
    def _run(conn: psycopg.Connection[Any], sql: str, params: Sequence[Any]) -> Rows:
        cursor = conn.execute(_sql(sql, params), tuple(params) if params else None)
        columns = [c.name for c in cursor.description] if cursor.description else []
        return Rows(cursor.fetchall() if cursor.description else [], cursor.rowcount, columns)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement on a pooled connection (autocommit)."""
        self._count(sql)
        with self._pool.connection() as conn:
            return self._run(conn, sql, params)

    @contextmanager
    def transaction(self, lock: str) -> Iterator[Execute]:
        """One transaction holding advisory lock ``lock`` until it commits or rolls back."""
        self.generation += 1
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(lock),))
            yield lambda sql, params: self._run(conn, sql, params)

    def close(self) -> None:
        """Nothing to release: the pool is the process's, closed at exit."""


def prepare_checkpoints(url: str) -> None:
    """Create or migrate the checkpoint tables once per process; instances starting together take turns."""
    if url in _prepared:
        return
    # Autocommit (some migrations build indexes CONCURRENTLY), under a session-level lock released at the end.
    with psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=int(CONNECT_TIMEOUT_S)) as conn:
        key = lock_key("checkpoints")
        # Polled, not waited for: a session blocked in pg_advisory_lock holds a snapshot, which the other instance's
        # CREATE INDEX CONCURRENTLY waits out while holding the lock: a deadlock when two instances start together.
        while not (conn.execute("SELECT pg_try_advisory_lock(%s) AS taken", (key,)).fetchone() or {}).get("taken"):
            time.sleep(0.1)
        try:
            PostgresSaver(conn).setup()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
    _prepared.add(url)


async def open_async_pool(url: str) -> None:
    """Give the running loop a checkpointer pool: a long-lived loop (the HTTP server) calls this at startup.

    A loop without one (the CLI's and the UI's ``asyncio.run`` per turn) opens a connection per block and closes it,
    since a pool cannot outlive its loop and would leak its connections each time.
    """
    loop = asyncio.get_running_loop()
    if loop in _async:
        return
    new: AsyncConnectionPool[Any] = AsyncConnectionPool(
        url,
        min_size=1,
        max_size=ASYNC_POOL_MAX,
        kwargs=_ASYNC_KWARGS,
        timeout=CONNECT_TIMEOUT_S,
        check=AsyncConnectionPool.check_connection,
        name="careforge-checkpoints",
        open=False,
    )
    await new.open(wait=True, timeout=CONNECT_TIMEOUT_S)
    _async[loop] = (new, AsyncPostgresSaver(new))


@asynccontextmanager
async def async_saver(url: str) -> AsyncIterator[AsyncPostgresSaver]:
    """The checkpointer for one block: over the loop's pool when it has one, else over its own connection."""
    found = _async.get(asyncio.get_running_loop())
    if found is not None:
        yield found[1]
        return
    async with await psycopg.AsyncConnection.connect(
        url, connect_timeout=int(CONNECT_TIMEOUT_S), **_ASYNC_KWARGS
    ) as conn:
        yield AsyncPostgresSaver(conn)


async def close_async_pool() -> None:
    """Close the running loop's checkpointer pool (a server's shutdown)."""
    found = _async.pop(asyncio.get_running_loop(), None)
    if found is not None:
        await found[0].close()
