"""The agent the UI talks to, and the bridge from its async API to Streamlit's synchronous script."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, TypeVar

import streamlit as st

from app.conversations import User, start_logging
from app.service import CareForge
from core.settings import get_settings

T = TypeVar("T")


@st.cache_resource(show_spinner="Loading CareForge...")
def _default_agent() -> CareForge:
    agent = CareForge(get_settings())
    start_logging(agent)
    return agent


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


def signed_in() -> User | None:
    """The user signed in to this browser session, if any."""
    user = st.session_state.get("user")
    return user if isinstance(user, User) else None
