"""Record: the audit row and the thread index, written inside the graph so every way of running it records them.

It runs at the end of a turn and before every pause for review (one row per run, as a resumed run is its own row
with the reviewer's decision as its question). At the end it adds the answer to the conversation, so a conversation
never shows an answer that is not yet on the record.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Literal

from langchain_core.messages import AIMessage
from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.common import last_human, pending_draft
from agent.state import AgentState
from core.logs import LOGGER


def turn_record(state: AgentState, ctx: Context, thread_id: str, model_name: str) -> dict[str, Any]:
    """The run as the audit trail takes it (``core.audit.AuditLog.record``)."""
    timings = dict(state.get("timings", {}))
    started = state.get("started_at")
    if started:
        timings["total_ms"] = round((time.time() - started) * 1000, 3)
    return {
        "thread_id": thread_id,
        "persona": ctx.persona,
        "routing_mode": ctx.routing_mode.value,
        "model": model_name,
        "question": state.get("question") or last_human(state),
        "tool_calls": state.get("results", []),
        "flags": state.get("flags", {}),
        "timings": timings,
    }


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Touch the thread index, append the audit row, log the run; at the end, the answer joins the conversation."""
    ctx = runtime.context
    services = ctx.require_services()
    info = runtime.execution_info
    thread_id = (info.thread_id if info is not None else None) or ""  # none without a checkpointer
    turn = turn_record(state, ctx, thread_id, services.model_name)
    if services.threads is not None and thread_id:
        await asyncio.to_thread(services.threads.touch, thread_id, ctx.persona, turn["question"], ctx.user)
    if services.audit is not None:
        await asyncio.to_thread(services.audit.record, turn)
    LOGGER.info(
        "turn thread=%s persona=%s tools=%s flags=%s total_ms=%.0f question=%r",
        thread_id,
        ctx.persona,
        [t["tool"] for t in turn["tool_calls"]],
        sorted(turn["flags"]),
        turn["timings"].get("total_ms", 0.0),
        turn["question"][:500],
    )
    if pending_draft(state) is not None:
        return {}  # paused for review: the answer comes after the decision
    return {"messages": [AIMessage(content=state.get("answer", ""), name="careforge")]}


def next_step(state: AgentState) -> Literal["review", "__end__"]:
    """A draft waiting for a decision goes to review; otherwise the run is over (``END``)."""
    return "review" if pending_draft(state) is not None else "__end__"
