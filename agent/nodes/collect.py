"""Collect: the tool messages of this step become results and citations the guards, the UI and the audit read."""

from __future__ import annotations

from typing import Any, Literal

from langchain_core.messages import AIMessage, ToolMessage
from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.common import pending_draft
from agent.state import AgentState, Citation, ToolResult


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Turn the newest tool messages (after the last tool-calling message) into results and new citations."""
    calls: dict[str, dict[str, Any]] = {}
    new: list[ToolMessage] = []
    for message in reversed(state["messages"]):
        if isinstance(message, ToolMessage):
            new.append(message)
        elif isinstance(message, AIMessage):
            calls = {str(c["id"]): dict(c) for c in message.tool_calls if c.get("id")}
            break
    results: list[ToolResult] = list(state.get("results", []))
    citations: list[Citation] = list(state.get("citations", []))
    seen = {c["id"] for c in citations}
    timings = dict(state.get("timings", {}))
    for message in reversed(new):
        call = calls.get(message.tool_call_id, {})
        artifact = message.artifact if isinstance(message.artifact, dict) else {}
        ok = message.status != "error" and not artifact.get("error")
        results.append(
            ToolResult(
                call_id=message.tool_call_id,
                tool=message.name or call.get("name", "?"),
                args=call.get("args", {}),
                ok=ok,
                summary=message.text,
                artifact=artifact,
                duration_ms=float(artifact.get("duration_ms", 0.0)),
                proposed_by="rules" if message.tool_call_id.startswith("rules-") else "model",
            )
        )
        timings["tools_ms"] = timings.get("tools_ms", 0.0) + float(artifact.get("duration_ms", 0.0))
        for c in artifact.get("citations", []):
            if c["id"] not in seen:
                seen.add(c["id"])
                citations.append(
                    Citation(
                        id=c["id"],
                        kind=c["kind"],
                        title=c["title"],
                        snippet=c.get("snippet", ""),
                        source=c.get("source", ""),
                    )
                )
    return {"results": results, "citations": citations, "timings": timings}


def next_step(state: AgentState) -> Literal["record", "planner"]:
    """A new report draft is put on the record, then waits for review; otherwise plan the next step."""
    return "record" if pending_draft(state) is not None else "planner"
