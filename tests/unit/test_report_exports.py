"""Exports for every kind: FHIR R4B resources validated by fhir.resources, CMMS JSON, and the review in each format."""

from __future__ import annotations

import io
import json

import pytest
from fhir.resources.R4B.composition import Composition
from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from pypdf import PdfReader

from tools.reports import Report, ReviewDecision, apply_decision, draft_report, export, formats_for, gather
from tools.reports.cmms import CmmsRecord

IMAGE = {
    "kind": "image_analysis",
    "data": {
        "file": "chest.dcm",
        "format": "dicom",
        "metadata": {"Modality": "CR", "BodyPartExamined": "CHEST", "ViewPosition": "PA"},
        "reading": {"findings": ["no pleural line"], "impression": "No pneumothorax", "confidence": "low"},
    },
    "citations": [{"id": "image:abc"}],
}
ROLES = {
    "radiology": "radiologist",
    "nursing_handoff": "nurse",
    "visit_summary": "patient",
    "work_order": "supervisor",
    "incident": "technician",
}
TEXTS = {
    "radiology": ["Bed 4, 78, short of breath after a fall, ?pneumothorax", "radiology report"],
    "nursing_handoff": ["Bed 4, ward 7B, 78, short of breath. INR 4.2. Plan: repeat INR at 18:00.", "SBAR"],
    "visit_summary": ["I have a headache. I take sertraline 50 mg.", "visit summary"],
    "work_order": ["VNT-0107 high pressure alarm", "work order"],
    "incident": ["Pump IP-0107 alarm failed on ward 4 at 02:30", "incident report"],
}


def _report(kind: str, status: str = "approved") -> Report:
    report = draft_report(kind, gather(TEXTS[kind], [IMAGE] if kind == "radiology" else []))
    role = ROLES[kind]
    if kind == "work_order":
        report = apply_decision(
            report, ReviewDecision(decision="edit", editor="T", role=role, edits={"actions": "Replace filter."})
        )
    if kind == "visit_summary":
        report = apply_decision(
            report,
            ReviewDecision(decision="edit", editor="P", role=role, edits={"what_we_found": "ok", "next_steps": "rest"}),
        )
    if status == "draft":
        return report
    decision = "approve" if status == "approved" else "reject"
    return apply_decision(report, ReviewDecision(decision=decision, editor="Dr Okafor", role=role, note="Seen, agree."))


@pytest.mark.parametrize(
    ("status", "fhir_status"), [("draft", "preliminary"), ("approved", "final"), ("rejected", "entered-in-error")]
)
def test_radiology_is_a_diagnostic_report_whose_status_follows_the_review(status: str, fhir_status: str) -> None:
    data = export(_report("radiology", status), "fhir", allow_draft=True)
    resource = DiagnosticReport.model_validate(json.loads(data))
    assert resource.status == fhir_status
    assert resource.subject.display == "Patient in bed 4, age 78"
    assert resource.conclusion == "No pneumothorax (model confidence low)"
    if status == "approved":
        assert resource.performer[0].display == "Dr Okafor (radiologist)"
        assert resource.extension[0].valueString == "Seen, agree."
    else:
        assert resource.performer is None


@pytest.mark.parametrize("kind", ["nursing_handoff", "visit_summary"])
@pytest.mark.parametrize(("status", "fhir_status"), [("draft", "preliminary"), ("approved", "final")])
def test_handoff_and_visit_summary_are_compositions(kind: str, status: str, fhir_status: str) -> None:
    resource = Composition.model_validate(json.loads(export(_report(kind, status), "fhir", allow_draft=True)))
    assert resource.status == fhir_status
    assert [s.title for s in resource.section][0] in ("Situation", "Reason for visit")
    if status == "approved":
        assert resource.attester[0].party.display == f"Dr Okafor ({ROLES[kind]})"
        assert resource.author[0].display == f"Dr Okafor ({ROLES[kind]})"
    else:
        assert resource.author[0].display == "CareForge (automated draft)"
    if kind == "nursing_handoff":
        assert resource.subject.display == "Patient in bed 4, ward 7B, age 78"


@pytest.mark.parametrize("kind", ["work_order", "incident"])
def test_work_orders_and_incidents_export_a_cmms_record_that_validates(kind: str) -> None:
    record = CmmsRecord.model_validate(json.loads(export(_report(kind), "cmms")))
    assert record.schema_ == "careforge.cmms/v1" and record.status == "open"
    assert record.approval is not None and record.approval.note == "Seen, agree."
    if kind == "work_order":
        assert record.asset_id == "VNT-0107" and record.tasks == ["Replace filter."]
    else:
        assert record.location == "ward 4" and record.occurred == "02:30"
    assert json.loads(export(_report(kind, "rejected"), "cmms", allow_draft=True))["status"] == "cancelled"


@pytest.mark.parametrize("kind", list(TEXTS))
def test_every_format_of_every_kind_names_the_reviewer_and_the_note(kind: str) -> None:
    report = _report(kind)
    assert formats_for(report)[-1] == ("cmms" if kind in ("work_order", "incident") else "fhir")
    for fmt in formats_for(report):
        data = export(report, fmt)  # type: ignore[arg-type]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages) if fmt == "pdf" else data.decode()
        assert "Dr Okafor" in text and "Seen, agree." in text, fmt


def test_markdown_lists_sources_once_and_keeps_ids_out_of_the_prose() -> None:
    md = export(_report("radiology"), "md").decode()
    assert md.count("image:abc") == 1 and "## Sources" in md and "- no pleural line [1]" in md
