"""The output guard: the head as shown, then only the model sentences the tool results support, then sources."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from agent.answering import finish
from agent.context import Context
from agent.nodes.common import flags_of, last_human
from agent.personas import get_persona
from agent.state import AgentState


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The final answer text (the record node adds it to the conversation once it is on the record)."""
    persona = get_persona(runtime.context.persona)
    flags = flags_of(state)
    final = finish(
        state.get("head", ""),
        state.get("prose", ""),
        state.get("results", []),
        state.get("citations", []),
        persona,
        last_human(state),
        flags,
    )
    return {"answer": final, "flags": flags}
