"""Typed report schemas: one model per kind, every section a text with the evidence ids it rests on."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field

NOT_STATED = "not stated"


class ReportKind(StrEnum):
    """The reports the product drafts."""

    RADIOLOGY = "radiology"
    NURSING_HANDOFF = "nursing_handoff"
    VISIT_SUMMARY = "visit_summary"
    WORK_ORDER = "work_order"
    INCIDENT = "incident"


class Section(BaseModel):
    """One section: its text and the ids of the tool results (citations) it rests on."""

    text: str = NOT_STATED
    citations: list[str] = Field(default_factory=list)

    @property
    def stated(self) -> bool:
        """False when nothing in the conversation or the tools filled it."""
        return not self.text.startswith(NOT_STATED)


class RadiologyReport(BaseModel):
    """Preliminary radiology report, for a radiologist to confirm."""

    kind: Literal["radiology"] = "radiology"
    indication: Section = Section()
    technique: Section = Section()
    findings: Section = Section()
    impression: Section = Section()
    limitations: Section = Section()


class NursingHandoff(BaseModel):
    """Nursing handoff in SBAR form."""

    kind: Literal["nursing_handoff"] = "nursing_handoff"
    situation: Section = Section()
    background: Section = Section()
    assessment: Section = Section()
    recommendation: Section = Section()


class VisitSummary(BaseModel):
    """Patient visit summary in plain language."""

    kind: Literal["visit_summary"] = "visit_summary"
    reason_for_visit: Section = Section()
    what_we_found: Section = Section()
    medicines: Section = Section()
    next_steps: Section = Section()
    when_to_get_help: Section = Section()


class WorkOrder(BaseModel):
    """Maintenance work order."""

    kind: Literal["work_order"] = "work_order"
    asset: Section = Section()
    symptom: Section = Section()
    probable_cause: Section = Section()
    actions: Section = Section()
    parts: Section = Section()
    safety_notes: Section = Section()


class IncidentReport(BaseModel):
    """Incident or failure report."""

    kind: Literal["incident"] = "incident"
    what: Section = Section()
    where: Section = Section()
    when: Section = Section()
    impact: Section = Section()
    root_cause: Section = Section()
    corrective_actions: Section = Section()
    preventive_actions: Section = Section()


ReportBody = Annotated[
    RadiologyReport | NursingHandoff | VisitSummary | WorkOrder | IncidentReport, Field(discriminator="kind")
]
BODIES: dict[ReportKind, type[BaseModel]] = {
    ReportKind.RADIOLOGY: RadiologyReport,
    ReportKind.NURSING_HANDOFF: NursingHandoff,
    ReportKind.VISIT_SUMMARY: VisitSummary,
    ReportKind.WORK_ORDER: WorkOrder,
    ReportKind.INCIDENT: IncidentReport,
}
TITLES = {
    ReportKind.RADIOLOGY: "Preliminary radiology report",
    ReportKind.NURSING_HANDOFF: "Nursing handoff (SBAR)",
    ReportKind.VISIT_SUMMARY: "Visit summary",
    ReportKind.WORK_ORDER: "Maintenance work order",
    ReportKind.INCIDENT: "Incident / failure report",
}
# Who may approve each kind by default. Radiology needs a clinician role the deployment defines (``ReviewPolicy``);
# a nurse does not sign an imaging read. Patients may approve only their own visit summary.
CLINICIAN_ROLES: frozenset[str] = frozenset({"radiologist", "physician"})
APPROVERS: dict[ReportKind, frozenset[str]] = {
    ReportKind.RADIOLOGY: CLINICIAN_ROLES,
    ReportKind.NURSING_HANDOFF: frozenset({"nurse"}),
    ReportKind.VISIT_SUMMARY: frozenset({"nurse", "physician", "patient"}),
    ReportKind.WORK_ORDER: frozenset({"technician", "supervisor"}),
    ReportKind.INCIDENT: frozenset({"technician", "supervisor", "nurse"}),
}
# Sections that must say something before a report can be approved (an edit can fill them).
REQUIRED: dict[ReportKind, tuple[str, ...]] = {
    ReportKind.RADIOLOGY: ("indication", "technique", "findings", "impression"),
    ReportKind.NURSING_HANDOFF: ("situation", "assessment", "recommendation"),
    ReportKind.VISIT_SUMMARY: ("reason_for_visit", "what_we_found", "next_steps"),
    ReportKind.WORK_ORDER: ("asset", "symptom", "actions"),
    ReportKind.INCIDENT: ("what", "where", "when"),
}


class EvidenceItem(BaseModel):
    """A tool result a section may cite."""

    id: str
    kind: str
    title: str


class EditRecord(BaseModel):
    """One edit step of the review: the sections a person changed (the report stays a draft)."""

    editor: str
    role: str
    at: str
    sections: list[str]
    note: str = ""


class Report(BaseModel):
    """A drafted report and, once decided, who decided what and when."""

    id: str
    kind: ReportKind
    title: str
    created_at: str
    body: ReportBody
    evidence: list[EvidenceItem] = Field(default_factory=list)
    status: Literal["draft", "approved", "rejected"] = "draft"
    decided_by: str | None = None
    decided_role: str | None = None
    decided_at: str | None = None
    note: str = ""
    edited_sections: list[str] = Field(default_factory=list)
    edits: list[EditRecord] = Field(default_factory=list, description="Each edit step: who changed which sections.")
    subject: str | None = Field(None, description="Who or what the report is about, as the privacy rules allow.")
    disclaimer: str = "Drafted by CareForge from the conversation and tool results; final only once approved."

    def sections(self) -> dict[str, Section]:
        """Section name to section, in schema order."""
        return {name: value for name, value in self.body if isinstance(value, Section)}


class ReviewDecision(BaseModel):
    """What the reviewer decided: resume value of the review interrupt."""

    decision: Literal["approve", "edit", "reject"] = Field(
        description="approve or reject decide the report; edit changes sections and leaves it a draft."
    )
    editor: str = Field(min_length=1, max_length=200)
    role: str
    edits: dict[str, str] = Field(default_factory=dict, description="Section name to new text (decision 'edit').")
    note: str = Field("", max_length=2000)
