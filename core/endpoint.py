"""The model endpoint as the agent uses it: one chat client per event loop, a vision client, the cached probe."""

from __future__ import annotations

import asyncio
import weakref

import httpx
from langchain_core.language_models import BaseChatModel

from core.llm import Capabilities, CapabilityCache, build_chat_model
from core.settings import Settings


class ModelEndpoint:
    """The configured model server, or a fixed model and fixed capabilities (tests and benchmarks)."""

    def __init__(
        self, settings: Settings, model: BaseChatModel | None = None, capabilities: Capabilities | None = None
    ) -> None:
        """Bind to the settings' endpoint; nothing is contacted until a turn needs it."""
        self.settings = settings
        self._fixed_model = model
        self._fixed_caps = capabilities
        self._loop_models: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, BaseChatModel] = (
            weakref.WeakKeyDictionary()
        )
        self._sync_model: BaseChatModel | None = None
        self._probe = CapabilityCache(settings, ttl_fail_s=settings.probe_retry_s)

    def model(self) -> BaseChatModel:
        """The chat model for the running event loop (HTTP clients cannot cross loops)."""
        if self._fixed_model is not None:
            return self._fixed_model
        loop = asyncio.get_running_loop()
        model = self._loop_models.get(loop)
        if model is None:
            client = httpx.AsyncClient(timeout=self.settings.request_timeout_s)
            model = build_chat_model(self.settings, http_async_client=client)
            self._loop_models[loop] = model
        return model

    def vision_model(self) -> BaseChatModel | None:
        """The model the image tool may send pixels to: only one whose image reading is usable."""
        if not self.capabilities().vision_usable:
            return None
        if self._fixed_model is not None:
            return self._fixed_model
        if self._sync_model is None:  # tools run in worker threads and call the model synchronously
            self._sync_model = build_chat_model(self.settings, streaming=False)
        return self._sync_model

    def capabilities(self, *, refresh: bool = False) -> Capabilities:
        """The probed capabilities (fixed ones when given)."""
        if self._fixed_caps is not None:
            return self._fixed_caps
        return self._probe.get(refresh=refresh)

    def mark_unreachable(self, error: str) -> None:
        """A failure seen during a turn: the next turn re-probes soon instead of waiting on a dead server."""
        self._probe.mark_unreachable(error)
