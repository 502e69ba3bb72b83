"""Small helpers the nodes share: the user's message, clocks, flags, the report draft awaiting review."""

from __future__ import annotations

import time
from typing import Any

from langchain_core.messages import HumanMessage

from agent.state import AgentState, Flags


def last_human(state: AgentState) -> str:
    """The text of the user's latest message."""
    for message in reversed(state.get("messages", [])):
        if isinstance(message, HumanMessage):
            return message.text
    return ""


def ms(started: float) -> float:
    """Milliseconds since a ``time.perf_counter()`` reading."""
    return round((time.perf_counter() - started) * 1000, 3)


def flags_of(state: AgentState) -> Flags:
    """A copy of the turn's flags that a node may change and return."""
    return dict(state.get("flags", {}))  # type: ignore[return-value]


def pending_draft(state: AgentState) -> dict[str, Any] | None:
    """The report draft of this turn awaiting a decision (as last edited), or None when every draft is decided."""
    known = {r["id"] for r in state.get("reports", [])}
    for result in state.get("results", []):
        data = result["artifact"].get("data") or {}
        if result["artifact"].get("kind") != "report_draft" or not result["ok"] or data.get("id") in known:
            continue
        editing = state.get("reviewing")
        return editing if editing and editing.get("id") == data.get("id") else dict(data)
    return None
