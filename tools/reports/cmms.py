"""A documented JSON for work orders and incidents that a CMMS can import (schema ``careforge.cmms/v1``).

The schema is the ``CmmsRecord`` model below; ``CmmsRecord.model_json_schema()`` prints it as JSON Schema and
docs/report-evaluation.md shows an example. Statuses map the review onto a work-order lifecycle: an approved report
is ``open`` (ready to schedule), a draft ``awaiting_approval`` and a rejected one ``cancelled``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from tools.reports.models import Report, ReportKind

SCHEMA = "careforge.cmms/v1"
_STATUS: dict[str, Literal["awaiting_approval", "open", "cancelled"]] = {
    "draft": "awaiting_approval",
    "approved": "open",
    "rejected": "cancelled",
}


class CmmsSource(BaseModel):
    """A log entry or document the record rests on."""

    id: str
    title: str


class CmmsApproval(BaseModel):
    """The review decision, when there is one."""

    by: str
    role: str
    at: str
    decision: Literal["approved", "rejected"]
    note: str = ""


class CmmsRecord(BaseModel):
    """One work order or incident, flat enough to map onto any CMMS import template."""

    schema_: Literal["careforge.cmms/v1"] = Field("careforge.cmms/v1", alias="schema")
    record_type: Literal["work_order", "incident"]
    external_id: str = Field(description="CareForge report id; stable, use it to de-duplicate imports.")
    status: Literal["awaiting_approval", "open", "cancelled"]
    asset_id: str | None = Field(None, description="Asset tag as the user gave it; null when not stated.")
    title: str
    problem: str | None = Field(None, description="Work order: the symptom; incident: what happened.")
    probable_cause: str | None = None
    tasks: list[str] = Field(default_factory=list, description="Steps from the cited past fixes, one per line.")
    parts: list[str] = Field(default_factory=list)
    safety_notes: str | None = None
    location: str | None = None
    occurred: str | None = Field(None, description="Incident: when, as stated (free text).")
    impact: str | None = None
    preventive_actions: str | None = None
    sources: list[CmmsSource] = Field(default_factory=list)
    approval: CmmsApproval | None = None
    created_at: str

    model_config = {"populate_by_name": True}


def _text(report: Report, name: str) -> str | None:
    section = report.sections().get(name)
    return section.text if section is not None and section.stated else None


def _lines(text: str | None) -> list[str]:
    return [re.sub(r"^[-*]\s*", "", x).strip() for x in (text or "").splitlines() if x.strip()]


def to_cmms_record(report: Report) -> CmmsRecord:
    """The validated CMMS record of a work order or incident."""
    if report.kind not in (ReportKind.WORK_ORDER, ReportKind.INCIDENT):
        raise ValueError(f"no CMMS record for a {report.kind.value}")
    work = report.kind is ReportKind.WORK_ORDER
    approval = None
    if report.status != "draft" and report.decided_by:
        approval = CmmsApproval(
            by=report.decided_by,
            role=report.decided_role or "",
            at=report.decided_at or "",
            decision="approved" if report.status == "approved" else "rejected",
            note=report.note,
        )
    asset = _text(report, "asset") if work else None
    parts = _text(report, "parts")
    return CmmsRecord(
        record_type="work_order" if work else "incident",
        external_id=report.id,
        status=_STATUS[report.status],
        asset_id=(asset.split(" (")[0] if asset else None) if work else report.subject,
        title=report.title,
        problem=_text(report, "symptom" if work else "what"),
        probable_cause=_text(report, "probable_cause" if work else "root_cause"),
        tasks=_lines(_text(report, "actions" if work else "corrective_actions")),
        parts=[p.strip() for p in parts.split(",")] if parts else [],
        safety_notes=_text(report, "safety_notes"),
        location=None if work else _text(report, "where"),
        occurred=None if work else _text(report, "when"),
        impact=None if work else _text(report, "impact"),
        preventive_actions=None if work else _text(report, "preventive_actions"),
        sources=[CmmsSource(id=e.id, title=e.title) for e in report.evidence],
        approval=approval,
        created_at=report.created_at,
    )


def to_cmms(report: Report) -> str:
    """The record as JSON (field ``schema`` names the version)."""
    return to_cmms_record(report).model_dump_json(by_alias=True, indent=2)
