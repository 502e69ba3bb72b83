"""OpenTelemetry tracing of turns, graph nodes, tools and model calls: off unless ``CAREFORGE_OTEL_ENABLED``.

Spans are made from LangChain callbacks, so the graph needs no tracing code: one ``careforge.turn`` span per run with
a child per node, tool and model call. They carry names, counts, outcomes and durations only: no message text, tool
arguments or outputs, thread ids or usernames, and an error is recorded by its type, never its message (which may
quote the user). Every string attribute still passes through the product's redactor before it is set, so nothing
that leaves the process can carry an identifier. Export is OTLP/gRPC in batches to ``CAREFORGE_OTEL_ENDPOINT``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables import RunnableConfig
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, Status, StatusCode, Tracer

from core.settings import Settings

_state: dict[str, TracerProvider | None] = {}
_guard = threading.Lock()
Attribute = str | bool | int | float


def set_tracer_provider(provider: TracerProvider | None) -> None:
    """Use ``provider`` for CareForge spans (tests pass one with an in-memory exporter; None turns tracing off)."""
    with _guard:
        _state["provider"] = provider


def configure_tracing(settings: Settings) -> TracerProvider | None:
    """The process's provider: built once from settings (None while tracing is off)."""
    with _guard:
        if "provider" in _state:
            return _state["provider"]
        provider = None
        if settings.otel_enabled:
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

            provider = TracerProvider(resource=Resource.create({"service.name": settings.otel_service_name}))
            provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otel_endpoint)))
        _state["provider"] = provider
        return provider


class TurnTracer(BaseCallbackHandler):
    """Opens and ends spans as LangChain reports runs; safe for concurrent turns (spans keyed by run id)."""

    run_inline = True  # in the caller's order, not in a thread pool

    def __init__(self, tracer: Tracer, attributes: dict[str, Attribute], redact: Callable[[str], str]) -> None:
        """Spans from ``tracer``; ``attributes`` go on the turn span (redacted like every string attribute)."""
        self._tracer = tracer
        self._redact = redact
        self._turn = attributes
        self._spans: dict[UUID, Span] = {}
        self._lock = threading.Lock()

    def _clean(self, attributes: dict[str, Any]) -> dict[str, Attribute]:
        out: dict[str, Attribute] = {}
        for key, value in attributes.items():
            if isinstance(value, str):
                out[key] = self._redact(value)
            elif isinstance(value, bool | int | float):
                out[key] = value
        return out

    def _start(self, run_id: UUID, parent: UUID | None, name: str, attributes: dict[str, Any]) -> None:
        with self._lock:
            parent_span = self._spans.get(parent) if parent else None
        context = trace.set_span_in_context(parent_span) if parent_span else None
        span = self._tracer.start_span(name, context=context, attributes=self._clean(attributes))
        with self._lock:
            self._spans[run_id] = span

    def _end(self, run_id: UUID, error: BaseException | None = None, attributes: dict[str, Any] | None = None) -> None:
        with self._lock:
            span = self._spans.pop(run_id, None)
        if span is None:
            return
        span.set_attributes(self._clean(attributes or {}))
        if error is not None:  # the type only: an exception's message may quote the user
            span.set_attribute("error.type", type(error).__name__)
            span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        span.end()

    # --- the graph and its nodes
    def on_chain_start(
        self,
        serialized: dict[str, Any] | None,
        inputs: Any,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """The root run is the turn; a run LangGraph tags with a node name is that node."""
        node = (metadata or {}).get("langgraph_node")
        if parent_run_id is None:
            self._start(run_id, None, "careforge.turn", self._turn)
        elif node and kwargs.get("name") == node:
            step = (metadata or {}).get("langgraph_step")
            self._start(
                run_id, parent_run_id, f"careforge.node.{node}", {"careforge.node": node, "langgraph.step": step}
            )

    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        """End the node's or the turn's span."""
        self._end(run_id)

    def on_chain_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        """End it with the error's type (a paused review ends the same way: GraphInterrupt)."""
        self._end(run_id, error)

    # --- tools
    def on_tool_start(
        self,
        serialized: dict[str, Any] | None,
        input_str: str,
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        **kwargs: Any,
    ) -> None:
        """A tool call: its name only, never its arguments."""
        name = str(kwargs.get("name") or (serialized or {}).get("name") or "tool")
        self._start(run_id, parent_run_id, f"careforge.tool.{name}", {"careforge.tool": name})

    def on_tool_end(self, output: Any, *, run_id: UUID, **kwargs: Any) -> None:
        """End the tool's span."""
        self._end(run_id, attributes={"ok": True})

    def on_tool_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        """End the tool's span with the error's type."""
        self._end(run_id, error, {"ok": False})

    # --- model calls
    def on_chat_model_start(
        self,
        serialized: dict[str, Any] | None,
        messages: list[list[Any]],
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        **kwargs: Any,
    ) -> None:
        """A model call: how many messages went, not what they said."""
        count = sum(len(batch) for batch in messages)
        self._start(run_id, parent_run_id, "careforge.model", {"careforge.model.messages": count})

    def on_llm_end(self, response: Any, *, run_id: UUID, **kwargs: Any) -> None:
        """End the model call's span with its token counts when the server reported them."""
        usage = (getattr(response, "llm_output", None) or {}).get("token_usage") or {}
        self._end(run_id, attributes={f"gen_ai.usage.{k}": v for k, v in usage.items() if isinstance(v, int)})

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        """End the model call's span with the error's type (the endpoint down, a timeout)."""
        self._end(run_id, error)


def traced(
    config: RunnableConfig, settings: Settings, redact: Callable[[str], str], persona: str, routing: str = ""
) -> RunnableConfig:
    """``config`` with the turn's tracer among its callbacks when tracing is on; unchanged otherwise.

    ``redact`` is the product's redactor, passed in because core sits below the layers that compose it.
    """
    provider = configure_tracing(settings)
    if provider is None:
        return config
    attributes: dict[str, Attribute] = {"careforge.persona": persona, "careforge.model": settings.model_name}
    if routing:
        attributes["careforge.routing"] = routing
    handler = TurnTracer(provider.get_tracer("careforge"), attributes, redact)
    callbacks = list(config.get("callbacks") or [])  # type: ignore[arg-type]
    return {**config, "callbacks": [*callbacks, handler]}
