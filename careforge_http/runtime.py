"""What every route shares: the agent, the key ring, the stores, the outbox; and the caller's view of threads.

Who may open, continue or list a thread is the agent's rule (``CareForge.authorize`` and ``visible_threads``, owners
in the agent's thread index), applied with the key's user; this module only maps its refusals to HTTP answers.
Routes get these through FastAPI dependencies, so a test builds one app per agent without globals.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Header, Request

from agent.personas import get_persona
from app.service import CareForge, TurnResult
from careforge_http.auth import KeyRing, Principal, RateLimiter
from careforge_http.config import HttpSettings
from careforge_http.errors import ApiError
from careforge_http.store import ServiceStore
from careforge_http.webhooks import Outbox, turn_events
from core.threads import ThreadInfo
from retrieval.records import IngestReport

# (path, retriever, mapping or None, progress) -> report; injectable so tests need no embedding model.
LogIngester = Callable[[Path, Any, dict[str, str] | None, Callable[[int], None]], IngestReport]
DocIngester = Callable[[Path, Any], IngestReport]


def thread_missing(thread_id: str) -> ApiError:
    """The one answer for an unknown thread and for someone else's: ids cannot be probed."""
    return ApiError(404, "thread_not_found", f"no thread {thread_id}")


@dataclass
class Ingesters:
    """How logs and documents are loaded; the retrieval package's functions by default."""

    logs: LogIngester
    docs: DocIngester

    @classmethod
    def default(cls) -> Ingesters:
        """retrieval.ingest's functions on the retriever's store."""
        from retrieval.ingest import ingest_logs
        from retrieval.ingest_docs import ingest_docs

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
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)  # turns and jobs that outlive their request

    def keep(self, task: asyncio.Task[Any]) -> None:
        """Hold a background task until it ends (the loop keeps only weak references)."""
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def ping_threads(self) -> None:
        """Readiness: the thread index and the user store answer (raises otherwise)."""
        self.agent.threads.owner("readiness-probe")
        self.agent.users.get("readiness-probe")

    # --- threads: the agent's owners and rules, with the key's user
    def persona(self, principal: Principal, requested: str | None) -> str:
        """The persona a turn runs as: the role's default, or another the role allows (403; 422 when unknown)."""
        persona = requested or principal.personas[0]
        try:
            get_persona(persona)
            self.agent.authorize(principal.user, None, persona)
        except PermissionError as exc:
            raise ApiError(403, "persona_not_allowed", str(exc)) from exc
        except ValueError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        return persona

    def check_thread(self, thread_id: str, principal: Principal) -> None:
        """404 unless the thread exists and the agent lets the key's user open it (own, care team, admin)."""
        exists, _ = self.agent.threads.owner(thread_id)
        if not exists:  # the facade would start a new thread under a client-chosen id: refused here
            raise thread_missing(thread_id)
        try:
            self.agent.authorize(principal.user, thread_id)
        except PermissionError as exc:
            raise thread_missing(thread_id) from exc

    def thread_info(self, thread_id: str) -> ThreadInfo | None:
        """The index row of a thread, or None when no turn has finished in it."""
        return self.agent.threads.get(thread_id)

    def owned(self, thread_id: str, principal: Principal) -> ThreadInfo:
        """A thread the caller may open; 404 for an unknown thread and for one they may not (same answer)."""
        self.check_thread(thread_id, principal)
        info = self.thread_info(thread_id)
        if info is None:  # deleted meanwhile
            raise thread_missing(thread_id)
        return info

    def open_thread(self, thread_id: str | None, principal: Principal) -> tuple[str, bool]:
        """The thread a turn runs in and whether it is new: a given id must be a thread the caller may open."""
        if thread_id is None:
            import uuid

            return uuid.uuid4().hex, True  # owned by the key's user when the agent records the turn
        self.check_thread(thread_id, principal)
        return thread_id, False

    def list_threads(self, principal: Principal, limit: int) -> list[ThreadInfo]:
        """The threads the caller may list, most recently used first (the agent's ``visible_threads``)."""
        return list(self.agent.visible_threads(principal.user, limit=limit))

    async def delete_thread(self, thread_id: str) -> None:
        """Remove a thread's conversation, its index row (and owner), then its chat continuations.

        The agent has no delete yet, so this one lives here; each step may be retried alone. The audit trail keeps
        its rows: it is append-only by design (and holds no identifiers).
        """
        async with self.agent.graph() as graph:
            saver = graph.checkpointer
            if saver is not None and not isinstance(saver, bool):
                await saver.adelete_thread(thread_id)
        self.agent.threads.delete(thread_id)
        self.store.forget_chats(thread_id)

    def after_turn(self, result: TurnResult, principal: Principal, *, decided: bool = False) -> None:
        """Queue the turn's webhook events."""
        for event, body in turn_events(result, principal.username, decided=decided):
            self.outbox.enqueue(event, body)

    def upload_folder(self, principal: Principal) -> Path:
        """One folder per user (by a digest of the name, never the name itself): uploads are not shared by users."""
        return self.agent.settings.upload_dir / hashlib.sha256(principal.username.encode()).hexdigest()[:16]

    def upload(self, upload_id: str, principal: Principal) -> dict[str, Any] | None:
        """The caller's upload with a local path (fetched from the shared database when another instance took it)."""
        return self.store.upload(upload_id, principal.username, self.upload_folder(principal))

    def attachments(self, ids: list[str], principal: Principal) -> list[Path]:
        """Paths of the caller's uploads; 404 for an unknown id or another user's."""
        paths = []
        for upload_id in ids:
            row = self.upload(upload_id, principal)
            if row is None:
                raise ApiError(404, "image_not_found", f"no image {upload_id}; upload it with POST /v1/images")
            paths.append(Path(row["path"]))
        return paths


def get_runtime(request: Request) -> Runtime:
    """The app's runtime."""
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_principal(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_key: Annotated[str | None, Header(description="The API key (or send Authorization: Bearer).")] = None,
) -> Principal:
    """Authenticate the key (its user read from the user store), then spend one token of its rate.

    Async on purpose: a sync dependency would run in the thread pool, a hop costing more than the lookup itself.
    """
    runtime = get_runtime(request)
    principal = runtime.keys.authenticate(authorization, x_api_key)
    runtime.limiter.take(principal.key_id)
    return principal


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
