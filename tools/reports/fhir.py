"""FHIR R4B (4.3.0) resources for the clinical reports, validated by ``fhir.resources.R4B`` before they leave.

fhir.resources 8 ships R5 (default), R4B and STU3 models, and no 4.0.1 (R4) package; we therefore emit and validate
R4B. DiagnosticReport and Composition are unchanged in the elements used here between R4 and R4B (status, category,
code, subject, issued/date, performer/author, resultsInterpreter/attester, conclusion, presentedForm, section,
extension), so an R4 server accepts them too.

- radiology -> DiagnosticReport; nursing handoff and visit summary -> Composition.
- ``status`` follows the review: draft -> preliminary, approved -> final, rejected -> entered-in-error.
- ``subject`` is the patient as the report names them (a display only: CareForge holds no patient record ids);
  ``performer``/``resultsInterpreter`` (DiagnosticReport) and ``author``/``attester`` (Composition) are the reviewer.
- The reviewer's note, which neither resource has an element for in R4/R4B, travels in an extension and in the
  attached Markdown.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from fhir.resources.R4B.composition import Composition
from fhir.resources.R4B.diagnosticreport import DiagnosticReport

from tools.reports.models import Report, ReportKind

NOTE_EXTENSION = "https://careforge.dev/fhir/StructureDefinition/reviewer-note"
STATUS = {"draft": "preliminary", "approved": "final", "rejected": "entered-in-error"}
# LOINC document types: 18748-4 diagnostic imaging study, 34745-0 nursing discharge/handoff note (Nurse note),
# 34133-9 summary of episode note.
CODES = {
    ReportKind.RADIOLOGY: ("18748-4", "Diagnostic imaging study"),
    ReportKind.NURSING_HANDOFF: ("34745-0", "Nurse Discharge summary"),
    ReportKind.VISIT_SUMMARY: ("34133-9", "Summary of episode note"),
}


def _reviewer(report: Report) -> dict[str, Any] | None:
    if not report.decided_by:
        return None
    return {"display": f"{report.decided_by} ({report.decided_role})"}


def _markdown(report: Report) -> dict[str, Any]:
    from tools.reports.export import to_markdown  # export imports this module; import at call time

    data = base64.b64encode(to_markdown(report).encode()).decode()
    return {"contentType": "text/markdown", "data": data, "title": report.title}


def _common(report: Report) -> dict[str, Any]:
    code, display = CODES[report.kind]
    out: dict[str, Any] = {
        "id": report.id,
        "status": STATUS[report.status],
        "code" if report.kind is ReportKind.RADIOLOGY else "type": {
            "coding": [{"system": "http://loinc.org", "code": code, "display": display}],
            "text": report.title,
        },
    }
    if report.subject:
        out["subject"] = {"display": report.subject}
    if report.note:
        out["extension"] = [{"url": NOTE_EXTENSION, "valueString": report.note}]
    return out


def _diagnostic_report(report: Report) -> DiagnosticReport:
    sections = report.sections()
    resource = {
        "resourceType": "DiagnosticReport",
        **_common(report),
        "category": [
            {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "RAD", "display": "Radiology"}
                ]
            }
        ],
        "issued": report.decided_at or report.created_at,
        "presentedForm": [_markdown(report)],
    }
    if sections["impression"].stated:
        resource["conclusion"] = sections["impression"].text
    reviewer = _reviewer(report)
    if reviewer and report.status == "approved":
        resource["performer"] = [reviewer]
        resource["resultsInterpreter"] = [reviewer]
    return DiagnosticReport.model_validate(resource)


def _composition(report: Report) -> Composition:
    reviewer = _reviewer(report)
    resource: dict[str, Any] = {
        "resourceType": "Composition",
        **_common(report),
        "date": report.decided_at or report.created_at,
        # author is required (1..*): the reviewer once known, else the drafting software.
        "author": [reviewer or {"display": "CareForge (automated draft)"}],
        "title": report.title,
        "section": [
            {
                "title": name.replace("_", " ").capitalize(),
                "text": {"status": "generated", "div": _div(section.text)},
            }
            for name, section in report.sections().items()
        ],
    }
    if reviewer and report.status == "approved":
        resource["attester"] = [{"mode": "professional", "time": report.decided_at, "party": reviewer}]
    return Composition.model_validate(resource)


def _div(text: str) -> str:
    from html import escape

    return '<div xmlns="http://www.w3.org/1999/xhtml">' + "<br/>".join(escape(x) for x in text.splitlines()) + "</div>"


def to_fhir_resource(report: Report) -> DiagnosticReport | Composition:
    """The validated R4B resource for a radiology report, nursing handoff or visit summary."""
    if report.kind is ReportKind.RADIOLOGY:
        return _diagnostic_report(report)
    if report.kind in (ReportKind.NURSING_HANDOFF, ReportKind.VISIT_SUMMARY):
        return _composition(report)
    raise ValueError(f"no FHIR resource for a {report.kind.value}; export it as cmms JSON")


def to_fhir(report: Report) -> str:
    """The report as FHIR R4B JSON (validated)."""
    resource = to_fhir_resource(report)
    return json.dumps(json.loads(resource.model_dump_json(exclude_none=True)), indent=2)
