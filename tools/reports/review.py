"""Applying a reviewer's decision to a draft: who may decide what, required sections, and the record of edits.

Every decision is plain code (no model call), so it takes milliseconds. ``edit`` changes sections and leaves the
report a draft; approval is always a separate, explicit ``approve``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tools.reports.models import (
    APPROVERS,
    CLINICIAN_ROLES,
    NOT_STATED,
    REQUIRED,
    EditRecord,
    Report,
    ReportKind,
    ReviewDecision,
    Section,
)


@dataclass(frozen=True, slots=True)
class ReviewPolicy:
    """The deployment's review rules: which roles count as clinicians for radiology, and who approves what."""

    clinician_roles: frozenset[str] = CLINICIAN_ROLES
    approvers: dict[ReportKind, frozenset[str]] = field(default_factory=lambda: dict(APPROVERS))

    def allowed(self, kind: ReportKind) -> frozenset[str]:
        """Roles that may approve, edit or reject a report of ``kind``."""
        if kind is ReportKind.RADIOLOGY:
            return self.clinician_roles
        return self.approvers[kind]


DEFAULT_POLICY = ReviewPolicy()


def section_name(name: str) -> str:
    """A section name as the schema spells it: "Probable cause", "PARTS" and "parts" all match."""
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def missing_required(report: Report) -> list[str]:
    """Required sections that still say "not stated"."""
    sections = report.sections()
    return [name for name in REQUIRED[report.kind] if not sections[name].stated]


def _role(decision: ReviewDecision) -> str:
    return decision.role.strip().lower()


def check_decision(report: Report, decision: ReviewDecision, policy: ReviewPolicy = DEFAULT_POLICY) -> str | None:
    """Why the decision cannot be applied, or None when it can."""
    if report.status != "draft":
        return f"the report is already {report.status}"
    allowed = policy.allowed(report.kind)
    if _role(decision) not in allowed:
        verb = {"approve": "approve", "edit": "edit", "reject": "reject"}[decision.decision]
        return f"a {_role(decision)} cannot {verb} a {report.title.lower()}; it needs: {', '.join(sorted(allowed))}"
    edits = {section_name(k): v for k, v in decision.edits.items()}
    unknown = sorted(set(edits) - set(report.sections()))
    if unknown:
        return f"no such section(s): {', '.join(unknown)}; sections are {', '.join(report.sections())}"
    if decision.decision == "edit" and not edits:
        return "an edit needs at least one changed section"
    if decision.decision != "edit" and edits:
        # Two explicit steps: what is approved is exactly what the reviewer last saw.
        return f"{decision.decision} takes no section changes; send them as an edit first, then {decision.decision}"
    if decision.decision == "approve":
        missing = missing_required(report)
        if missing:
            return (
                f"cannot approve: required section(s) not stated: {', '.join(missing)}; "
                "fill them with an edit, or reject the draft"
            )
    return None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def apply_decision(report: Report, decision: ReviewDecision, policy: ReviewPolicy = DEFAULT_POLICY) -> Report:
    """The report after the decision (a copy); raises ValueError with the reason when it cannot be applied.

    ``edit`` returns a draft with the changed sections: edited sections keep no citations, since the reviewer,
    not a tool, is their source. ``approve`` and ``reject`` return the decided report.
    """
    problem = check_decision(report, decision, policy)
    if problem:
        raise ValueError(problem)
    if decision.decision == "edit":
        edits = {section_name(k): v for k, v in decision.edits.items()}
        body = report.body.model_copy(
            update={name: Section(text=text.strip() or NOT_STATED) for name, text in edits.items()}
        )
        record = EditRecord(
            editor=decision.editor, role=_role(decision), at=_now(), sections=sorted(edits), note=decision.note
        )
        return report.model_copy(
            update={
                "body": body,
                "edits": [*report.edits, record],
                "edited_sections": sorted({*report.edited_sections, *edits}),
            }
        )
    return report.model_copy(
        update={
            "status": "rejected" if decision.decision == "reject" else "approved",
            "decided_by": decision.editor,
            "decided_role": _role(decision),
            "decided_at": _now(),
            "note": decision.note,
        }
    )
