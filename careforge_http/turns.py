"""Turns: ``POST /v1/turns`` (run to completion) and ``POST /v1/turns/stream`` (server-sent events).

The stream carries the facade's events as they happen: ``flags``, ``tool``, ``token``, then ``done`` with the whole
turn (or ``error``). The turn runs in its own task, not in the response: a client that disconnects mid-stream stops
receiving, while the turn finishes and is recorded whole (thread state, index, audit, webhooks), never half-written.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from app.service import StreamEvent, TurnResult
from careforge_http.auth import Principal
from careforge_http.errors import RESPONSES, ApiError
from careforge_http.runtime import PrincipalDep, Runtime, RuntimeDep, thread_missing
from core.logs import LOGGER
from core.settings import RoutingMode

router = APIRouter(prefix="/v1", tags=["turns"], responses=RESPONSES)
THREAD_ID = r"^[A-Za-z0-9_-]{1,64}$"


class TurnRequest(BaseModel):
    """One user message, optionally in an existing thread, with uploaded images attached by id."""

    message: str = Field(min_length=1, description="The user's message.")
    thread_id: str | None = Field(None, pattern=THREAD_ID, description="Continue this thread (yours); omit to start.")
    persona: str | None = Field(None, description="Defaults to the user's role; another only if the role allows it.")
    attachments: list[str] = Field(default_factory=list, max_length=8, description="Image ids from POST /v1/images.")
    routing: RoutingMode | None = None


class Turn:
    """One turn's validated parameters, shared by the native and the OpenAI-compatible routes."""

    def __init__(
        self,
        runtime: Runtime,
        principal: Principal,
        message: str,
        *,
        thread_id: str | None = None,
        persona: str | None = None,
        attachments: list[Path] | None = None,
        routing: RoutingMode | None = None,
    ) -> None:
        """Check everything a turn can be refused for before it starts, so a stream never opens to fail."""
        settings = runtime.agent.settings
        if not message.strip():
            raise ApiError(422, "invalid_request", "the message is empty")
        if len(message) > settings.max_message_chars:
            raise ApiError(
                422,
                "message_too_long",
                f"the message is longer than {settings.max_message_chars:,} "
                "characters; send long documents through ingestion",
            )
        self.runtime, self.principal, self.message = runtime, principal, message
        self.persona = runtime.persona(principal, persona)
        self.attachments = attachments or []
        self.routing = routing
        self.thread_id, self.new = runtime.open_thread(thread_id, principal)
        self.facade_ms = 0.0

    def _kwargs(self) -> dict[str, Any]:
        return {
            "persona": self.persona,
            "thread_id": self.thread_id,
            "attachments": self.attachments,
            "routing": self.routing,
            "user": self.principal.user,
        }

    async def run(self) -> TurnResult:
        """Run to completion and queue its events; ``facade_ms`` is the facade's own time (Server-Timing)."""
        started = time.perf_counter()
        try:
            result = await self.runtime.agent.arun(self.message, **self._kwargs())
        except PermissionError as exc:  # the agent's own check, after ours: access changed meanwhile
            raise thread_missing(self.thread_id) from exc
        except ValueError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        self.facade_ms = (time.perf_counter() - started) * 1000
        self.runtime.after_turn(result, self.principal)
        return result

    def server_timing(self) -> dict[str, str]:
        """The facade's share of the request, so a client can tell the API's overhead from the turn."""
        return {"Server-Timing": f"facade;dur={self.facade_ms:.2f}"}

    def start(self) -> asyncio.Queue[StreamEvent | BaseException | None]:
        """Start the turn in its own task; its events arrive on the queue, ``None`` last."""
        queue: asyncio.Queue[StreamEvent | BaseException | None] = asyncio.Queue()

        async def pump() -> None:
            try:
                async for event in self.runtime.agent.astream(self.message, **self._kwargs()):
                    if event.type == "done":
                        self.runtime.after_turn(event.data, self.principal)
                    queue.put_nowait(event)
            except Exception as exc:  # delivered to the client as an error event; the thread keeps its last state
                LOGGER.exception("streamed turn failed thread=%s", self.thread_id)
                queue.put_nowait(exc)
            finally:
                queue.put_nowait(None)

        self.runtime.keep(asyncio.get_running_loop().create_task(pump(), name=f"turn-{self.thread_id}"))
        return queue


def sse(event: str, data: Any, event_id: int | None = None) -> str:
    """One server-sent event; ``data`` as JSON on one line."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, default=str, separators=(',', ':'))}\n\n"


def event_data(event: StreamEvent) -> Any:
    """An event's payload as JSON-ready data (``done`` carries the whole TurnResult)."""
    return event.data.model_dump(mode="json") if isinstance(event.data, BaseModel) else event.data


async def turn_events(queue: asyncio.Queue[StreamEvent | BaseException | None]) -> AsyncIterator[str]:
    """The queued events as SSE text; stops after ``done`` or ``error``."""
    n = 0
    while (item := await queue.get()) is not None:
        n += 1
        if isinstance(item, BaseException):
            message = str(item) if isinstance(item, ValueError) else "the turn failed; it was logged"
            yield sse("error", {"error": {"code": "turn_failed", "message": message}}, n)
            return
        yield sse(item.type, event_data(item), n)


SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # proxies must not buffer the stream


def _turn(body: TurnRequest, runtime: Any, principal: Any) -> Turn:
    """One turn of the request's user, with its uploads resolved to files (shared by the plain and streamed routes)."""
    return Turn(
        runtime,
        principal,
        body.message,
        thread_id=body.thread_id,
        persona=body.persona,
        attachments=runtime.attachments(body.attachments, principal),
        routing=body.routing,
    )


@router.post("/turns", response_model=TurnResult, summary="Run one turn to completion")
async def post_turn(body: TurnRequest, runtime: RuntimeDep, principal: PrincipalDep) -> Response:
    """Ask one question; returns the whole turn (answer, tool calls, citations, flags, a review if paused)."""
    turn = _turn(body, runtime, principal)
    result = await turn.run()
    # Serialised once by pydantic: returning the model would have FastAPI validate it again (~1 ms a turn).
    return Response(result.model_dump_json(), media_type="application/json", headers=turn.server_timing())


@router.post(
    "/turns/stream",
    summary="Run one turn, streamed as server-sent events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "flags, tool, token, then done or error"}},
)
async def stream_turn(body: TurnRequest, runtime: RuntimeDep, principal: PrincipalDep) -> StreamingResponse:
    """Events ``flags``, ``tool``, ``token`` as they happen, then ``done`` (the TurnResult) or ``error``."""
    turn = _turn(body, runtime, principal)
    headers = {**SSE_HEADERS, "X-CareForge-Thread": turn.thread_id}
    return StreamingResponse(turn_events(turn.start()), media_type="text/event-stream", headers=headers)
