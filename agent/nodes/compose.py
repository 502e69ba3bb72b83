"""Compose: the answer written by code from the tool results, streamed the moment it exists."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from agent.answering import compose_head
from agent.context import Context
from agent.nodes.common import flags_of
from agent.personas import get_persona
from agent.state import AgentState


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The head of the answer: guidance and findings (records the passages it would not quote)."""
    persona = get_persona(runtime.context.persona)
    flags = flags_of(state)
    head = compose_head(flags, state.get("results", []), persona)
    return {"head": head, "flags": flags}
