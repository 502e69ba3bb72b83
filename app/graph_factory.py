"""The agent graph as a LangGraph server serves it: ``langgraph.json`` points ``langgraph dev`` here.

The graph (``graph``) is built once per process, when the server imports this module, from the settings
(``CAREFORGE_*`` variables, ``.env``) with the product's resources, tools and stores, and compiled without a
checkpointer: the server brings its own. A client's run context (``{"persona": "nurse", "routing_mode": "rules"}``)
fills ``ServedContext``; whatever it leaves out comes from the settings, and the services (model, tools, audit trail,
thread index) always do, so the record node writes the audit row and the thread index for served runs as for every
other.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph.state import CompiledStateGraph
from pydantic import InstanceOf
from pydantic.json_schema import SkipJsonSchema

from agent.context import Context, Services
from agent.graph import build_graph
from agent.state import AgentState
from app.service import CareForge
from app.turn_input import run_context
from core.settings import RoutingMode, get_settings


@functools.cache
def served_agent() -> CareForge:
    """The process's agent, from the settings; its in-memory saver is never used by the served graph."""
    return CareForge(get_settings(), checkpointer=InMemorySaver())


@functools.cache
def _defaults() -> Context:
    agent = served_agent()
    return run_context(agent.settings, agent.services, "patient", None)


def _setting(name: str) -> Any:
    """A field whose default is the configured value (read once, when the graph is built)."""
    return field(default_factory=lambda: getattr(_defaults(), name))


@dataclass(frozen=True, slots=True)
class ServedContext(Context):
    """The run context of a served run: the client's values, the settings' for the rest, the process's services."""

    routing_mode: RoutingMode = _setting("routing_mode")
    max_steps: int = _setting("max_steps")
    redact_model_input: bool = _setting("redact_model_input")
    model_timeout_s: float = _setting("model_timeout_s")
    addendum_tokens: int = _setting("addendum_tokens")
    addendum_timeout_s: float = _setting("addendum_timeout_s")
    services: SkipJsonSchema[InstanceOf[Services] | None] = field(
        default_factory=lambda: served_agent().services, repr=False, compare=False
    )


@functools.cache
def make_graph() -> CompiledStateGraph[AgentState, Context, AgentState, AgentState]:
    """The compiled graph (built on first call, then shared), with the agent and the run defaults warmed up."""
    _defaults()
    return build_graph(served_agent().tools, ServedContext).compile()


# Built when the server imports this module (off its event loop: loading the stores is blocking file I/O).
graph = make_graph()
