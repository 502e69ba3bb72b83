"""Present a drafted report as the draft_report tool's output, and tell the user how to decide it."""

from __future__ import annotations

from typing import Any

from tools.contract import ToolOutput
from tools.reports.models import Report
from tools.reports.review import DEFAULT_POLICY, ReviewPolicy, missing_required


def report_output(report: Report, policy: ReviewPolicy = DEFAULT_POLICY) -> ToolOutput:
    """The draft travels whole in ``data``; the summary (what the model sees) names no person."""
    sections = report.sections()
    stated = [name for name, s in sections.items() if s.stated]
    missing = [name for name in sections if name not in stated]
    required = missing_required(report)
    summary = (
        f"Drafted {report.title.lower()} {report.id}: {len(stated)} of {len(sections)} sections filled from the "
        f"conversation and tools"
        + (f"; not stated: {', '.join(missing)}" if missing else "")
        + f". It waits for review by a {' or '.join(sorted(policy.allowed(report.kind)))}"
        + (f"; before approval someone must fill: {', '.join(required)}." if required else ".")
    )
    return ToolOutput(kind="report_draft", summary=summary, data=report.model_dump(mode="json"))


def review_hint(review: dict[str, Any], thread_id: str, policy: ReviewPolicy = DEFAULT_POLICY) -> str:
    """What ``ask`` prints when its turn paused for review: which draft waits, and the commands that decide it."""
    report = Report.model_validate(review["report"])
    roles = sorted(policy.allowed(report.kind))
    required = missing_required(report)
    lines = [
        f"A {report.title.lower()} ({report.id}) waits for review by a {' or '.join(roles)}.",
        f"  show:    careforge report show {thread_id}",
    ]
    if required:
        lines.append(
            f"  fill first: {', '.join(required)} -> careforge report decide {thread_id} edit "
            f'--editor NAME --role {roles[0]} --set "{required[0]}=..."'
        )
    lines += [
        f"  approve: careforge report decide {thread_id} approve --editor NAME --role {roles[0]}",
        f"  reject:  careforge report decide {thread_id} reject --editor NAME --role {roles[0]} --note WHY",
    ]
    return "\n".join(lines)
