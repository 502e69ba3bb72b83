"""The model client (ChatOpenAI against vLLM) and the endpoint capability probe."""

from __future__ import annotations

import base64
import time
from typing import Any

import httpx
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

from core.settings import Settings

# A 1x1 grey PNG: the smallest image a multimodal endpoint must accept.
_PIXEL_PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
        "3a7e9b550000000a49444154789c63680000008200816dd2b0e30000000049454e44ae426082"
    )
).decode()
_PROBE_TOOL = {
    "type": "function",
    "function": {
        "name": "ping",
        "description": "Answer a ping.",
        "parameters": {"type": "object", "properties": {}},
    },
}


class Capabilities(BaseModel):
    """What the configured endpoint can do, as probed."""

    base_url: str
    reachable: bool
    model: str | None = None
    served_models: list[str] = []
    accepts_tools: bool = False
    accepts_images: bool = False
    vision_trusted: bool = False
    latency_ms: float | None = None
    error: str | None = None
    checked_at: float = 0.0

    @property
    def vision_usable(self) -> bool:
        """Whether image findings from the model may be shown to the user."""
        return self.reachable and self.accepts_images and self.vision_trusted


def build_chat_model(
    settings: Settings, *, streaming: bool = True, http_async_client: httpx.AsyncClient | None = None
) -> ChatOpenAI:
    """The chat model for the configured endpoint, with timeouts and bounded retries.

    Pass ``http_async_client`` when the caller runs several event loops: langchain-openai otherwise shares one
    cached client, bound to the first loop, across the process.
    """
    return ChatOpenAI(
        http_async_client=http_async_client,
        model=settings.model_name,
        base_url=settings.model_base_url,
        api_key=settings.model_api_key,
        timeout=settings.request_timeout_s,
        max_retries=settings.max_retries,
        streaming=streaming,
        temperature=settings.model_temperature,
        max_completion_tokens=settings.max_answer_tokens,
    )


def _chat(client: httpx.Client, settings: Settings, **body: Any) -> httpx.Response:
    payload = {"model": settings.model_name, "max_tokens": 1, **body}
    return client.post("/chat/completions", json=payload)


def probe_endpoint(settings: Settings, timeout_s: float | None = None) -> Capabilities:
    """Ask the endpoint what it serves and whether it accepts tools and images. Never raises."""
    # A server that answers at all answers a probe within seconds; a hung one must not cost a whole request timeout.
    timeout = timeout_s or min(settings.request_timeout_s, 5.0)
    headers = {"Authorization": f"Bearer {settings.model_api_key.get_secret_value()}"}
    caps = Capabilities(base_url=settings.model_base_url, reachable=False, checked_at=time.time())
    try:
        with httpx.Client(base_url=settings.model_base_url, timeout=timeout, headers=headers) as client:
            started = time.perf_counter()
            models = client.get("/models")
            models.raise_for_status()
            caps.served_models = [m["id"] for m in models.json().get("data", [])]
            caps.model = settings.model_name if settings.model_name in caps.served_models else None
            if caps.model is None:
                caps.error = f"model {settings.model_name!r} not served; endpoint serves {caps.served_models}"
                return caps
            hello = _chat(client, settings, messages=[{"role": "user", "content": "Hi"}])
            hello.raise_for_status()
            caps.latency_ms = (time.perf_counter() - started) * 1000
            caps.reachable = True
            tools = _chat(
                client,
                settings,
                messages=[{"role": "user", "content": "ping"}],
                tools=[_PROBE_TOOL],
                tool_choice="auto",
            )
            caps.accepts_tools = tools.status_code == 200
            image = _chat(
                client,
                settings,
                messages=[
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "What is this?"},
                            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{_PIXEL_PNG}"}},
                        ],
                    }
                ],
            )
            caps.accepts_images = image.status_code == 200
            caps.vision_trusted = caps.accepts_images and settings.model_vision_trusted
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        caps.error = f"{type(exc).__name__}: {exc}" or "unreachable"
    if settings.model_supports_tools is not None:
        caps.accepts_tools = settings.model_supports_tools and caps.reachable
    caps.checked_at = time.time()  # the result is as old as its end: a slow failed probe is not stale on arrival
    return caps


class CapabilityCache:
    """Caches the probe; failures are kept briefly so a returning server is noticed soon."""

    def __init__(self, settings: Settings, ttl_ok_s: float = 300.0, ttl_fail_s: float = 10.0) -> None:
        """Bind the cache to one endpoint's settings."""
        self._settings = settings
        self._ttl_ok = ttl_ok_s
        self._ttl_fail = ttl_fail_s
        self._caps: Capabilities | None = None

    def get(self, *, refresh: bool = False) -> Capabilities:
        """The cached capabilities, probing again when stale."""
        now = time.time()
        if self._caps is not None and not refresh:
            ttl = self._ttl_ok if self._caps.reachable else self._ttl_fail
            if now - self._caps.checked_at < ttl:
                return self._caps
        self._caps = probe_endpoint(self._settings)
        return self._caps

    def mark_unreachable(self, error: str) -> None:
        """Record a failure seen during a turn so the next turn re-probes soon."""
        if self._caps is not None:
            self._caps = self._caps.model_copy(update={"reachable": False, "error": error, "checked_at": time.time()})
