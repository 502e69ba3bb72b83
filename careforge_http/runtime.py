"""What every route shares: the agent, the key ring, the stores, the outbox; and who may see which thread.

Routes get these through FastAPI dependencies, so a test builds one app per agent without globals.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Header, Request

from agent.database import open_database
from agent.service import CareForge, TurnResult
from agent.threads import ThreadInfo
from careforge_http.auth import KeyRing, Principal, RateLimiter
from careforge_http.config import HttpSettings
from careforge_http.errors import ApiError
from careforge_http.store import ServiceStore
from careforge_http.webhooks import Outbox, turn_events
from retrieval.records import IngestReport

# (path, retriever, mapping or None, progress) -> report; injectable so tests need no embedding model.
LogIngester = Callable[[Path, Any, dict[str, str] | None, Callable[[int], None]], IngestReport]
DocIngester = Callable[[Path, Any], IngestReport]
THREAD_FIELDS = ("thread_id", "title", "persona", "created_at", "updated_at")


@dataclass
class Ingesters:
    """How logs and documents are loaded; the retrieval package's functions by default."""

    logs: LogIngester
    docs: DocIngester

    @classmethod
    def default(cls) -> Ingesters:
        """retrieval.ingest's functions on the retriever's store."""
        from retrieval.ingest import ingest_docs, ingest_logs

        def logs(path: Path, retriever: Any, mapping: dict[str, str] | None, progress: Callable[[int], None]) -> Any:
            return ingest_logs(path, retriever.store, retriever.shorthand, mapping, progress=progress)

        def docs(folder: Path, retriever: Any) -> Any:
            return ingest_docs(folder, retriever.store)

        return cls(logs=logs, docs=docs)


@dataclass
class Runtime:
    """One service instance's state."""

    agent: CareForge
    http: HttpSettings
    keys: KeyRing
    limiter: RateLimiter
    store: ServiceStore
    outbox: Outbox
    ingesters: Ingesters
    index: sqlite3.Connection = field(init=False)  # the agent's thread index, read for listing and deletes
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)  # turns and jobs that outlive their request

    def __post_init__(self) -> None:
        self.index = open_database(self.agent.settings.threads_path, "")

    def keep(self, task: asyncio.Task[Any]) -> None:
        """Hold a background task until it ends (the loop keeps only weak references)."""
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def thread_count(self) -> int:
        """Rows in the thread index (readiness: raises when the index does not answer)."""
        return int(self.index.execute("SELECT COUNT(*) FROM threads").fetchone()[0])

    # --- threads and their owners
    def thread_info(self, thread_id: str) -> ThreadInfo | None:
        """The index row of a thread, or None when no turn has finished in it."""
        row = self.index.execute(
            f"SELECT {', '.join(THREAD_FIELDS)} FROM threads WHERE thread_id = ?", (thread_id,)  # noqa: S608
        ).fetchone()
        return None if row is None else ThreadInfo(**dict(zip(THREAD_FIELDS, row, strict=True)))

    def owned(self, thread_id: str, principal: Principal) -> ThreadInfo:
        """The caller's thread; 404 for an unknown thread and for another user's (ids are not confirmed)."""
        info = self.thread_info(thread_id)
        if info is None or self.store.owner(thread_id) != principal.user:
            raise ApiError(404, "thread_not_found", f"no thread {thread_id}")
        return info

    def open_thread(self, thread_id: str | None, principal: Principal) -> tuple[str, bool]:
        """The thread a turn runs in and whether it is new: a given id must be the caller's existing thread."""
        if thread_id is None:
            import uuid

            thread_id = uuid.uuid4().hex
            if not self.store.claim(thread_id, principal.user):  # a uuid collision: never in practice
                raise ApiError(409, "conflict", "thread id collision; retry")
            return thread_id, True
        self.owned(thread_id, principal)
        return thread_id, False

    def list_threads(self, principal: Principal, limit: int) -> list[ThreadInfo]:
        """The caller's threads, most recently used first."""
        ids = self.store.threads_of(principal.user)
        rows = self.index.execute(
            f"SELECT {', '.join(THREAD_FIELDS)} FROM threads WHERE thread_id IN (SELECT value FROM json_each(?)) "  # noqa: S608
            "ORDER BY updated_at DESC, rowid DESC LIMIT ?",
            (_json(ids), limit),
        ).fetchall()
        return [ThreadInfo(**dict(zip(THREAD_FIELDS, r, strict=True))) for r in rows]

    async def delete_thread(self, thread_id: str) -> None:
        """Remove a thread's conversation, its index row, then its owner: each step may be retried alone.

        The audit trail keeps its rows: it is append-only by design (and holds no identifiers).
        """
        async with self.agent.graph() as graph:
            saver = graph.checkpointer
            if saver is not None and not isinstance(saver, bool):
                await saver.adelete_thread(thread_id)
        self.index.execute("DELETE FROM threads WHERE thread_id = ?", (thread_id,))
        self.store.release(thread_id)

    def after_turn(self, result: TurnResult, principal: Principal, *, decided: bool = False) -> None:
        """Queue the turn's webhook events."""
        for event, body in turn_events(result, principal.user, decided=decided):
            self.outbox.enqueue(event, body)

    def abandon(self, thread_id: str, new: bool) -> None:
        """A first turn that failed before it was recorded leaves no owned, empty thread behind."""
        if new and self.thread_info(thread_id) is None:
            self.store.release(thread_id)

    def attachments(self, ids: list[str], principal: Principal) -> list[Path]:
        """Paths of the caller's uploads; 404 for an unknown id or another user's."""
        paths = []
        for upload_id in ids:
            row = self.store.upload(upload_id, principal.user)
            if row is None:
                raise ApiError(404, "image_not_found", f"no image {upload_id}; upload it with POST /v1/images")
            paths.append(Path(row["path"]))
        return paths


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values)


def get_runtime(request: Request) -> Runtime:
    """The app's runtime."""
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_principal(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_key: Annotated[str | None, Header(description="The API key (or send Authorization: Bearer).")] = None,
) -> Principal:
    """Authenticate the key, then spend one token of its rate."""
    runtime = get_runtime(request)
    principal = runtime.keys.authenticate(authorization, x_api_key)
    runtime.limiter.take(principal.key_id)
    return principal


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
