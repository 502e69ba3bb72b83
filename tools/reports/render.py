"""Present a drafted report as the draft_report tool's output."""

from __future__ import annotations

from tools.contract import ToolOutput
from tools.reports.models import APPROVERS, Report


def report_output(report: Report) -> ToolOutput:
    """The draft travels whole in ``data``; its evidence is already cited by the tools that produced it."""
    sections = report.sections()
    stated = [name for name, s in sections.items() if s.stated]
    missing = [name for name in sections if name not in stated]
    summary = (
        f"Drafted {report.title.lower()} {report.id}: {len(stated)} of {len(sections)} sections filled from the "
        f"conversation and tools"
        + (f"; not stated: {', '.join(missing)}" if missing else "")
        + f". It needs approval by a {' or '.join(sorted(APPROVERS[report.kind]))} before it is final."
    )
    return ToolOutput(kind="report_draft", summary=summary, data=report.model_dump(mode="json"))
