"""Typed graph state. Values are JSON-shaped so the SQLite checkpointer stores them as plain data."""

from __future__ import annotations

from typing import Annotated, Any

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages
from typing_extensions import TypedDict


class Attachment(TypedDict):
    """A file the user attached to the turn."""

    path: str
    name: str


class ToolResult(TypedDict):
    """One executed tool call, as the UI, the guards and the audit see it."""

    call_id: str
    tool: str
    args: dict[str, Any]
    ok: bool
    summary: str
    artifact: dict[str, Any]
    duration_ms: float
    proposed_by: str  # "rules" or "model"


class Citation(TypedDict):
    """A source the answer may cite, with an id the UI can open."""

    id: str
    kind: str
    title: str
    snippet: str
    source: str


class Flags(TypedDict, total=False):
    """Guard and degradation decisions for the turn."""

    red_flags: list[str]
    triage: list[dict[str, object]]  # per flag: category, label, domain, which detectors raised it, evidence
    emergency_guidance: str
    triage_overruled: list[str]  # rule categories the triage probe overruled as clearly no emergency
    injection_suspected: bool
    model_unavailable: str
    refused_tools: list[str]
    step_limit_reached: bool
    report_decisions: list[str]
    prose_dropped: list[str]  # model sentences the tool results did not support, each with the reason
    withheld_passages: list[str]  # retrieved passages with dosing or stop-taking text not quoted to a patient


class AgentState(TypedDict, total=False):
    """The conversation plus this turn's working data (reset by the input guard at each turn)."""

    messages: Annotated[list[AnyMessage], add_messages]
    persona: str
    attachments: list[Attachment]
    results: list[ToolResult]
    citations: list[Citation]
    flags: Flags
    step: int
    answer: str
    head: str  # the composed answer (guidance and findings), shown as soon as the tools finish
    prose: str  # the model's passage as written (kept in the trace; only its grounded sentences are shown)
    timings: dict[str, float]
    deferred: list[dict[str, Any]]  # rule calls that wait for this turn's other results (report drafts)
    reports: list[dict[str, Any]]  # decided reports of the thread (kept across turns)
    medications: list[str]  # medicines named so far in the thread (kept across turns; follow-ups add to it)
    question: str  # what this run answers, as the audit records it: the message, or a reviewer's decision
    started_at: float  # wall-clock start of this run (epoch seconds): the audit's total time
    reviewing: dict[str, Any] | None  # the report draft under review as last edited (an edit keeps it a draft)
    review_error: str | None  # why the last decision could not be applied; the review asks again with it
