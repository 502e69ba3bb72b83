"""The app factory: ``create_app()`` for uvicorn (``careforge serve``), or with an agent built by a test or a bench."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI

from app.service import CareForge
from careforge_http import files, openai_compat, thread_routes, turns
from careforge_http.auth import KeyRing, RateLimiter
from careforge_http.config import HttpSettings, load_keys
from careforge_http.errors import RESPONSES, ApiError, BodyLimit, ErrorBody, install_handlers
from careforge_http.runtime import Ingesters, PrincipalDep, Runtime, RuntimeDep
from careforge_http.store import ServiceStore, instance_id
from careforge_http.webhooks import Outbox
from core.settings import Settings, get_settings

VERSION = "1"
system = APIRouter(prefix="/v1", tags=["system"], responses=RESPONSES)


@system.get("/health", summary="The process is up")
async def health(principal: PrincipalDep) -> dict[str, str]:
    """Liveness: answers as long as the event loop runs."""
    return {"status": "ok"}


@system.get("/ready", summary="Model and stores", responses={503: {"model": ErrorBody}})
async def ready(runtime: RuntimeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Readiness: the stores answer; the model's state is reported (a turn without it is composed from the tools)."""
    caps = await asyncio.to_thread(runtime.agent.capabilities)
    stores: dict[str, str] = {}
    checks = (("threads", runtime.ping_threads), ("service", runtime.store.ping), ("outbox", runtime.outbox.ping))
    for name, check in checks:
        try:
            check()
            stores[name] = "ok"
        except Exception as exc:  # reported, and makes the instance not ready
            stores[name] = f"{type(exc).__name__}: {exc}"
    try:
        async with runtime.agent.graph() as graph:
            await graph.aget_state({"configurable": {"thread_id": "readiness-probe"}})
        stores["conversations"] = "ok"
    except Exception as exc:
        stores["conversations"] = f"{type(exc).__name__}: {exc}"
    if any(v != "ok" for v in stores.values()):
        raise ApiError(503, "not_ready", "; ".join(f"{k}: {v}" for k, v in stores.items() if v != "ok"))
    return {
        "status": "ready" if caps.reachable else "degraded",
        "model": {
            "reachable": caps.reachable,
            "name": caps.model,
            "tools": caps.accepts_tools,
            "images": caps.vision_usable,
            "error": caps.error,
        },
        "stores": stores,
        "vector_store": "configured" if runtime.agent.resources.retriever is not None else "none",
        "webhooks": "on" if runtime.http.webhook_url else "off",
    }


class ServerTiming:
    """Adds ``Server-Timing: app;dur=MS`` (the request's time inside the app, up to its response head).

    With the turn routes' ``facade;dur=MS`` a client can split a turn's latency into the agent, the API's own work
    (app minus facade) and the network and client (the rest), which ``bench/http.py`` reports separately.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Time the request; stamp the header on the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def stamped(message: Any) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - started) * 1000:.2f}".encode()
                message["headers"] = [*message.get("headers", []), (b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, stamped)


def _limits(http: HttpSettings) -> Any:
    uploads = http.max_upload_mb * 1024 * 1024
    ingest = http.max_ingest_mb * 1024 * 1024
    # A data: URL is base64 (4/3 of the bytes), and a chat may hold a few images plus the history.
    chat = max(http.max_body_bytes, uploads * 4 // 3 + http.max_body_bytes)
    multipart_slack = 64 * 1024

    def limit_for(path: str) -> int:
        if path == "/v1/images":
            return uploads + multipart_slack
        if path.startswith("/v1/ingest/"):
            return ingest + multipart_slack
        if path == "/v1/chat/completions":
            return chat
        return http.max_body_bytes

    return limit_for


def create_app(
    agent: CareForge | None = None,
    *,
    settings: Settings | None = None,
    http: HttpSettings | None = None,
    ingesters: Ingesters | None = None,
) -> FastAPI:
    """The service over ``agent`` (built from settings when omitted); keys from ``http`` (the environment).

    Raises ``UnknownUser`` (a ValueError) when a key names a user the agent's user store does not hold.
    """
    settings = agent.settings if agent is not None else settings or get_settings()
    http = http or HttpSettings()
    entries = load_keys(http.api_keys_file, http.api_keys)
    the_agent = agent or CareForge(settings)
    # With a database URL a key's user is cached for a moment (a network round trip saved per request); a SQLite
    # user store is read on every request, as before (the lookup costs microseconds).
    keys = KeyRing(entries, the_agent.users, cache_s=http.user_cache_s if settings.database else 0.0)
    # The service's tables: the shared database when there is one (any instance serves any request), else a file.
    location = settings.database or settings.data_dir / "http.sqlite"
    store = ServiceStore(location, instance_id(settings.data_dir) if settings.database else "")
    store.migrate_owners(the_agent.threads)  # one owner record: the agent's thread index
    outbox = Outbox(location, http)
    runtime = Runtime(
        agent=the_agent,
        http=http,
        keys=keys,
        limiter=RateLimiter(http.rate_per_minute, http.rate_burst),
        store=store,
        outbox=outbox,
        ingesters=ingesters or Ingesters.default(),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        outbox.start()
        if settings.database:  # one checkpointer pool for the server's loop, not a connection per turn
            from core.postgres import open_async_pool

            await open_async_pool(settings.database)
        # What is alive now (modules, torch, the knowledge base) lives as long as the process. A full collection
        # walked all of it (~0.4 s here) and stalled every request in flight: hidden from the collector, it is ~0 ms.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            # Turns whose client left are finished, not cut: they hold the thread's next checkpoint.
            pending = [t for t in runtime.tasks if not t.done()]
            if pending:
                await asyncio.wait(pending, timeout=30)
            await outbox.stop()
            if settings.database:  # the pool ends with the loop; a restart of the app opens a new one
                from core.postgres import close_async_pool

                await close_async_pool()
            # The connections stay open: like the agent, they live as long as the app (which may start again).

    app = FastAPI(
        title="CareForge API",
        version=VERSION,
        description="Grounded answers for clinics and factory floors. Every route needs an API key "
        '(Authorization: Bearer KEY). Errors are {"error": {"code", "message"}}.',
        lifespan=lifespan,
        openapi_url="/v1/openapi.json" if http.docs else None,
        docs_url="/v1/docs" if http.docs else None,
        redoc_url=None,
    )
    app.state.runtime = runtime
    install_handlers(app)
    app.add_middleware(BodyLimit, limit_for=_limits(http))
    app.add_middleware(ServerTiming)  # outermost: its time covers the other middleware too
    for router in (system, turns.router, thread_routes.router, files.router, openai_compat.router):
        app.include_router(router)
    return app
