"""Shared pieces of the HTTP tests: an agent on a scripted model, API keys, an in-process client, a real server."""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from langchain_core.messages import AIMessage

from app.service import CareForge
from careforge_http import create_app
from careforge_http.config import HttpSettings
from careforge_http.runtime import Ingesters
from core.settings import Settings
from core.users import UserStore
from tests.conftest import TEXT_ONLY, ScriptedToolModel
from tools.registry import ToolResources

# The users behind the keys, in the agent's user store: the role is theirs, the key file only names them.
ROLES = {"alice": "nurse", "bob": "nurse", "pat": "patient", "tom": "technician", "rita": "radiologist", "ada": "admin"}
KEYS = {name: f"key-{name}-{role}" for name, role in ROLES.items()}
ENTRIES = [{"user": name, "key": KEYS[name], **({"ingest": True} if name == "alice" else {})} for name in ROLES]
# An SBAR request whose required sections are all stated, so a plain approve applies.
SBAR = {
    "message": "Situation: post-op day 1 on warfarin, asking about aspirin. Assessment: stable. "
    "Recommendation: hold aspirin. SBAR handoff please"
}


def auth(user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[user]}"}


class SlowCycle(ScriptedToolModel):
    """The same reply forever, after ``delay_s`` (async), so a turn is slow enough to leave mid-stream."""

    delay_s: float = 0.0

    async def _astream(self, *args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(self.delay_s)
        for chunk in self._stream(*args, **kwargs):
            yield chunk

    async def _agenerate(self, *args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(self.delay_s)
        return self._generate(*args, **kwargs)


def forever(text: str = "", delay_s: float = 0.0) -> SlowCycle:
    """A scripted model answering ``text`` to every call (the HTTP tests run many turns)."""
    return SlowCycle(messages=itertools.cycle([AIMessage(content=text)]), seen=[], delay_s=delay_s)


def add_users(users: UserStore) -> None:
    """Create the test users (what ``careforge users add NAME --role ROLE`` does)."""
    for name, role in ROLES.items():
        users.add(name, f"{name}-password-long", role)


def build_agent(data_dir: Path, resources: ToolResources, delay_s: float = 0.0) -> CareForge:
    settings = Settings(
        data_dir=data_dir, model_base_url="http://127.0.0.1:9/v1", request_timeout_s=2.0, triage_semantic=False
    )
    agent = CareForge(settings, model=forever(delay_s=delay_s), resources=resources, capabilities=TEXT_ONLY)
    add_users(agent.users)
    return agent


def build_app(agent: CareForge, ingesters: Ingesters | None = None, **http: Any) -> FastAPI:
    settings = HttpSettings(api_keys_file=None, api_keys=json.dumps(ENTRIES), **http)
    return create_app(agent, http=settings, ingesters=ingesters)


@asynccontextmanager
async def client_for(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client with the app's lifespan (webhook task, shutdown) running around it."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


def sse_events(text: str) -> list[tuple[str, Any]]:
    """Parse a server-sent event stream into (event, data) pairs."""
    out = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            out.append((fields["event"], json.loads(fields["data"])))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(app: Any, port: int | None = None) -> Iterator[str]:
    """A real uvicorn server for ``app`` on loopback, in a thread; yields its base URL."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
