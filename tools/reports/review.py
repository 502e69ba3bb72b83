"""Applying a reviewer's decision to a draft: who may approve what, and the record of edits."""

from __future__ import annotations

import datetime as dt

from tools.reports.models import APPROVERS, Report, ReviewDecision, Section


def check_decision(report: Report, decision: ReviewDecision) -> str | None:
    """Why the decision cannot be applied, or None when it can."""
    allowed = APPROVERS[report.kind]
    if decision.decision != "reject" and decision.role not in allowed:
        return f"a {decision.role} cannot approve a {report.title.lower()}; it needs: {', '.join(sorted(allowed))}"
    unknown = sorted(set(decision.edits) - set(report.sections()))
    if unknown:
        return f"no such section(s): {', '.join(unknown)}; sections are {', '.join(report.sections())}"
    if decision.decision == "edit" and not decision.edits:
        return "an edit needs at least one changed section"
    return None


def apply_decision(report: Report, decision: ReviewDecision) -> Report:
    """The decided report (a copy). Edited sections keep no citations: the reviewer, not a tool, is their source."""
    problem = check_decision(report, decision)
    if problem:
        raise ValueError(problem)
    body = report.body.model_copy(
        update={name: Section(text=text.strip() or "not stated") for name, text in decision.edits.items()}
    )
    return report.model_copy(
        update={
            "body": body,
            "status": "rejected" if decision.decision == "reject" else "approved",
            "decided_by": decision.editor,
            "decided_role": decision.role,
            "decided_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "note": decision.note,
            "edited_sections": sorted(decision.edits),
        }
    )
