"""An OpenAI-compatible ``/v1/chat/completions`` (streaming and not) and ``/v1/models``: personas as models.

An OpenAI client resends the whole conversation each time, while a CareForge thread keeps it server-side. The thread
is found from the conversation so far: after each answer the service stores a digest of (user, model, messages up
to and including that answer); the next request whose earlier messages hash to it continues the same thread. A client
may also name the thread outright (``extra_body={"thread_id": ...}``). Otherwise the last user message starts a new
thread. Images arrive as ``image_url`` parts with ``data:`` URLs (remote URLs are refused: the server fetches
nothing). The answer carries its citations in the text (the composed "Sources:" block) and in a ``citations`` field.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from agent.personas import PERSONAS
from app.service import TurnResult
from careforge_http.auth import Principal
from careforge_http.errors import RESPONSES, ApiError
from careforge_http.files import store_image
from careforge_http.runtime import PrincipalDep, Runtime, RuntimeDep
from careforge_http.turns import SSE_HEADERS, THREAD_ID, Turn, event_data

router = APIRouter(prefix="/v1", tags=["openai"], responses=RESPONSES)
PREFIX = "careforge-"
PERSONA_NAMES = frozenset(str(p.value) for p in PERSONAS)


class ChatMessage(BaseModel):
    """A chat message: text, or a list of ``text`` and ``image_url`` parts."""

    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """The fields CareForge reads; others (temperature, max_tokens...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(description="careforge-patient, careforge-nurse or careforge-technician")
    messages: list[ChatMessage] = Field(min_length=1, max_length=500)
    stream: bool = False
    thread_id: str | None = Field(None, pattern=THREAD_ID, description="CareForge extension: continue this thread.")


def _text(message: ChatMessage) -> str:
    if isinstance(message.content, str):
        return message.content
    return "\n".join(str(p.get("text", "")) for p in message.content or [] if p.get("type") == "text")


def _digest(user: str, model: str, messages: list[tuple[str, str]]) -> str:
    canonical = json.dumps([user, model, [(r, " ".join(t.split())) for r, t in messages if r != "system"]])
    return hashlib.sha256(canonical.encode()).hexdigest()


def _decode_image(url: str) -> tuple[str, bytes]:
    if not url.startswith("data:"):
        raise ApiError(400, "remote_image_refused", "send images as data: URLs; the server does not fetch URLs")
    head, _, payload = url.partition(",")
    if ";base64" not in head:
        raise ApiError(400, "bad_data_url", "image data: URLs must be base64")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ApiError(400, "bad_data_url", "the image data: URL is not valid base64") from exc
    subtype = head[5:].split(";")[0].split("/")[-1] or "bin"
    return f"image.{subtype}", data


async def _images(runtime: Runtime, principal: Principal, message: ChatMessage) -> list[Path]:
    paths = []
    for part in message.content if isinstance(message.content, list) else []:
        if part.get("type") == "image_url":
            url = part.get("image_url")
            name, data = _decode_image(str(url.get("url", "") if isinstance(url, dict) else url or ""))
            info = await asyncio.to_thread(store_image, runtime, principal, name, data)
            row = runtime.upload(info.id, principal)
            assert row is not None
            paths.append(Path(row["path"]))
    return paths


def _answer_text(result: TurnResult) -> str:
    if result.review is not None:
        report = result.review.get("report", {})
        approvers = ", ".join(result.review["approvers"])
        return (
            f"A draft {str(report.get('title', 'report')).lower()} awaits review: decide with POST "
            f"/v1/threads/{result.thread_id}/reports/decision (approvers: {approvers})."
        )
    missing = [c for c in result.citations if f"[{c['id']}]" not in result.answer and c["title"] not in result.answer]
    if missing:  # the composed answer lists its sources; anything it did not, is listed here
        return result.answer + "\n\nSources:\n" + "\n".join(f"- [{c['id']}] {c['title']}" for c in missing)
    return result.answer


def _extras(result: TurnResult) -> dict[str, Any]:
    data = result.model_dump(mode="json", include={"citations", "flags", "review", "timings"})
    return {
        "citations": data["citations"],
        "careforge": {
            "thread_id": result.thread_id,
            "persona": result.persona,
            "flags": data["flags"],
            "tools": [t["tool"] for t in result.tool_calls],
            "review": data["review"],
            "timings": data["timings"],
        },
    }


async def _prepare(
    runtime: Runtime, principal: Principal, body: ChatRequest
) -> tuple[Turn, str, list[tuple[str, str]]]:
    persona = body.model.removeprefix(PREFIX)
    if not body.model.startswith(PREFIX) or persona not in PERSONA_NAMES:
        raise ApiError(404, "model_not_found", f"no model {body.model}; see GET /v1/models")
    last = body.messages[-1]
    if last.role != "user":
        raise ApiError(422, "invalid_request", "the last message must be the user's")
    history: list[tuple[str, str]] = [(m.role, _text(m)) for m in body.messages[:-1]]
    digest = _digest(principal.username, body.model, history)
    thread_id = body.thread_id or runtime.store.chat_thread(digest, principal.username)
    runtime.persona(principal, persona)  # refuse a persona the user's role may not use before decoding any image
    images = await _images(runtime, principal, last)
    text = _text(last) or ("Describe this image." if images else "")
    turn = Turn(runtime, principal, text, thread_id=thread_id, persona=persona, attachments=images)
    return turn, body.model, [*history, ("user", _text(last))]


def _remember(
    runtime: Runtime, principal: Principal, model: str, sent: list[tuple[str, str]], answer: str, thread_id: str
) -> None:
    runtime.store.remember_chat(
        _digest(principal.username, model, [*sent, ("assistant", answer)]), principal.username, thread_id
    )


@router.get("/models", summary="The personas this key's user may use, as models")
async def list_models(principal: PrincipalDep) -> dict[str, Any]:
    """OpenAI's model list: one model per persona the user's role may talk as, the default first."""
    data = [{"id": PREFIX + p, "object": "model", "created": 0, "owned_by": "careforge"} for p in principal.personas]
    return {"object": "list", "data": data}


@router.post("/chat/completions", summary="OpenAI-compatible chat completion", response_model=None)
async def chat_completions(
    body: ChatRequest, runtime: RuntimeDep, principal: PrincipalDep
) -> JSONResponse | StreamingResponse:
    """One turn as a chat completion (``stream: true`` for chunks over server-sent events)."""
    turn, model, sent = await _prepare(runtime, principal, body)
    completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if body.stream:
        chunks = _chunks(runtime, principal, turn, model, sent, completion_id, created)
        return StreamingResponse(
            chunks, media_type="text/event-stream", headers={**SSE_HEADERS, "X-CareForge-Thread": turn.thread_id}
        )
    result = await turn.run()
    answer = _answer_text(result)
    _remember(runtime, principal, model, sent, answer, result.thread_id)
    body_out = {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},  # not counted: no tokenizer here
        **_extras(result),
    }
    return JSONResponse(body_out, headers=turn.server_timing())


async def _chunks(
    runtime: Runtime,
    principal: Principal,
    turn: Turn,
    model: str,
    sent: list[tuple[str, str]],
    completion_id: str,
    created: int,
) -> AsyncIterator[str]:
    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body, default=str, separators=(',', ':'))}\n\n"

    queue = turn.start()
    yield chunk({"role": "assistant", "content": ""})
    streamed = ""
    while (item := await queue.get()) is not None:
        if isinstance(item, BaseException):
            message = str(item) if isinstance(item, ValueError) else "the turn failed; it was logged"
            yield f"data: {json.dumps({'error': {'code': 'turn_failed', 'message': message}})}\n\n"
            break
        if item.type == "token":
            streamed += item.data
            yield chunk({"content": item.data})
        elif item.type == "done":
            result: TurnResult = item.data
            answer = _answer_text(result)
            # What streamed is what stays: only text that extends it is sent (sources, or the review notice).
            rest = answer[len(streamed) :] if answer.startswith(streamed) else ""
            if rest:
                yield chunk({"content": rest})
            _remember(runtime, principal, model, sent, streamed + rest, result.thread_id)
            yield chunk({}, "stop", **_extras(result))
        else:  # flags and tool events ride along in an extension field that OpenAI clients ignore
            yield chunk({}, careforge={"event": item.type, "data": event_data(item)})
    yield "data: [DONE]\n\n"
