"""What a turn returns to its callers (CLI, UI, HTTP service): the whole trace, and the events of a stream."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from agent.state import Citation, Flags, ToolResult


class TurnResult(BaseModel):
    """Everything one turn produced: the whole trace a user or reviewer may inspect."""

    thread_id: str
    persona: str
    routing_mode: str
    model: str
    question: str
    answer: str
    prose: str
    tool_calls: list[ToolResult]
    citations: list[Citation]
    flags: Flags
    timings: dict[str, float]
    review: dict[str, Any] | None = None  # a report awaiting a person's decision (the turn is paused)
    reports: list[dict[str, Any]] = []  # the thread's decided reports

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        *,
        thread_id: str,
        persona: str,
        routing_mode: str,
        model: str,
        question: str,
        review: dict[str, Any] | None = None,
    ) -> TurnResult:
        """The result a graph state holds; a turn paused for review has no answer yet (it comes after the decision)."""
        return cls(
            thread_id=thread_id,
            persona=persona,
            routing_mode=routing_mode,
            model=model,
            question=question,
            answer="" if review is not None else state.get("answer", ""),
            prose=state.get("prose", ""),
            tool_calls=state.get("results", []),
            citations=state.get("citations", []),
            flags=state.get("flags", {}),
            timings=dict(state.get("timings", {})),
            review=review,
            reports=state.get("reports", []),
        )


class StreamEvent(BaseModel):
    """One event of a streamed turn: ``flags``, ``step`` (a tool to run), ``tool``, ``token``, then ``done``."""

    type: str
    data: Any = None
