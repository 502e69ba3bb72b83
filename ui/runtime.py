"""The agent the UI talks to, and the bridge from its async API to Streamlit's synchronous script."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from app.privacy import redact
from app.service import CareForge
from core.logs import configure_logging
from core.settings import get_settings
from core.users import User

T = TypeVar("T")


@st.cache_resource(show_spinner="Loading CareForge...")
def _default_agent() -> CareForge:
    settings = get_settings()
    configure_logging(settings.log_path, redact)
    return CareForge(settings)


def agent() -> CareForge:
    """The agent of this session: one injected by a test (``session_state['agent']``), else the process default."""
    injected = st.session_state.get("agent")
    return injected if isinstance(injected, CareForge) else _default_agent()


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one agent call to completion from the script thread."""
    return asyncio.run(coro)


def iterate(stream: AsyncIterator[T]) -> Iterator[T]:
    """Consume an async stream from synchronous code, one item at a time (so the page updates as it arrives)."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(anext(stream))
            except StopAsyncIteration:
                return
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


def save_upload(name: str, data: bytes, folder: Path) -> Path:
    """Keep an uploaded file under a content-addressed name (the same upload twice is stored once)."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch for ch in Path(name).name if ch.isalnum() or ch in "._-")[-80:] or "upload"
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}_{safe}"
    if not path.exists():
        path.write_bytes(data)
    return path


def signed_in() -> User | None:
    """The user signed in to this browser session, if any."""
    user = st.session_state.get("user")
    return user if isinstance(user, User) else None
