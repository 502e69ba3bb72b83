"""Review: a person approves, edits or rejects each report draft (a LangGraph interrupt resumed with a decision).

Each run of the node asks once. A decision that cannot be applied (a patient approving a clinical report, an unknown
section) or an edit (which keeps the draft) asks again: the graph records the run, then comes back here, so every
pause is on the record and nothing is lost.
"""

from __future__ import annotations

import time
from typing import Any, Literal

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from agent.context import Context
from agent.nodes.common import flags_of, pending_draft
from agent.state import AgentState
from tools.reports import Report, ReviewDecision, apply_decision


def _question(raw: object) -> str:
    """The run's question as the audit records it: who decided what."""
    value = raw if isinstance(raw, dict) else {}
    return f"[review] {value.get('decision')} by {value.get('editor')} ({value.get('role')})"


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Ask for a decision on the draft awaiting one, and apply it."""
    draft = pending_draft(state)
    if draft is None:
        return {}
    policy = runtime.context.require_services().report_policy
    report = Report.model_validate(draft)
    raw = interrupt(
        {
            "type": "report_review",
            "report": report.model_dump(mode="json"),
            "approvers": sorted(policy.allowed(report.kind)),
            "error": state.get("review_error"),
        }
    )
    # the resumed run starts here: its question and clock are the decision's
    update: dict[str, Any] = {"question": _question(raw), "started_at": time.time(), "review_error": None}
    try:
        final = apply_decision(report, ReviewDecision.model_validate(raw), policy)
    except ValueError as exc:  # includes pydantic's ValidationError
        return {**update, "review_error": str(exc)}
    if final.status == "draft":  # an edit keeps the draft: it waits for approve or reject
        return {**update, "reviewing": final.model_dump(mode="json")}
    flags = flags_of(state)
    notes = [*flags.get("report_decisions", [])]
    notes.append(f"{final.title} {final.id} {final.status} by {final.decided_by} ({final.decided_role})")
    flags["report_decisions"] = notes
    decided = [*state.get("reports", []), final.model_dump(mode="json")]
    return {**update, "reports": decided, "flags": flags, "reviewing": None}


def next_step(state: AgentState) -> Literal["record", "planner"]:
    """Ask again (on the record) while a draft waits; otherwise plan the next step."""
    return "record" if pending_draft(state) is not None else "planner"
