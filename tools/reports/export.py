"""Report exports: Markdown, JSON, PDF (fpdf2) and FHIR R4 DiagnosticReport (validated by fhir.resources)."""

from __future__ import annotations

import base64
import json
from typing import Literal

from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tools.reports.models import Report, ReportKind

ExportFormat = Literal["md", "json", "pdf", "fhir"]


class ExportRefused(ValueError):
    """The report cannot be exported in this form (not approved, or the format does not fit its kind)."""


def _status_line(report: Report) -> str:
    if report.status == "approved":
        return f"APPROVED by {report.decided_by} ({report.decided_role}) at {report.decided_at}"
    if report.status == "rejected":
        return f"REJECTED by {report.decided_by} at {report.decided_at}"
    return "DRAFT - NOT APPROVED - not for clinical or operational use"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def to_markdown(report: Report) -> str:
    """The report as Markdown: sections, their citations and the evidence list."""
    lines = [f"# {report.title}", "", f"**Status:** {_status_line(report)}  ", f"**Report id:** {report.id}  "]
    lines += [f"**Drafted:** {report.created_at}", ""]
    for name, section in report.sections().items():
        cites = f" _(sources: {', '.join(section.citations)})_" if section.citations else ""
        lines += [f"## {_label(name)}", "", section.text + cites, ""]
    if report.note:
        lines += ["## Reviewer note", "", report.note, ""]
    if report.evidence:
        lines += ["## Evidence", ""] + [f"- [{e.id}] {e.title} ({e.kind})" for e in report.evidence] + [""]
    lines += [f"_{report.disclaimer}_", ""]
    return "\n".join(lines)


def to_json(report: Report) -> str:
    """The report with its decision record, as JSON."""
    return report.model_dump_json(indent=2)


def _latin1(text: str) -> str:
    # The PDF's core fonts cover Latin-1 only; replace what they cannot draw rather than fail.
    replacements = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
    for bad, good in replacements.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


def to_pdf(report: Report) -> bytes:
    """The report as a one-column PDF."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(_latin1(report.title))
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _latin1(report.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, _latin1(f"{_status_line(report)}\nReport {report.id}, drafted {report.created_at}"))
    pdf.ln(3)
    for name, section in report.sections().items():
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, _latin1(_label(name)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 10)
        cites = f"\nSources: {', '.join(section.citations)}" if section.citations else ""
        pdf.multi_cell(0, 5, _latin1(section.text + cites), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    if report.evidence:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, "Evidence", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 9)
        for item in report.evidence:
            pdf.multi_cell(0, 5, _latin1(f"[{item.id}] {item.title}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 5, _latin1(report.disclaimer))
    return bytes(pdf.output())


def to_fhir(report: Report) -> str:
    """A FHIR R4 DiagnosticReport (validated with the R4B models, which R4 DiagnosticReport matches)."""
    if report.kind is not ReportKind.RADIOLOGY:
        raise ExportRefused(f"FHIR DiagnosticReport export is for radiology reports, not {report.kind.value}")
    sections = report.sections()
    resource = {
        "resourceType": "DiagnosticReport",
        "id": report.id,
        "status": "final" if report.status == "approved" else "preliminary",
        "category": [
            {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "RAD", "display": "Radiology"}
                ]
            }
        ],
        "code": {
            "coding": [{"system": "http://loinc.org", "code": "18748-4", "display": "Diagnostic imaging study"}],
            "text": report.title,
        },
        "issued": report.decided_at or report.created_at,
        "conclusion": sections["impression"].text,
        "presentedForm": [
            {
                "contentType": "text/markdown",
                "data": base64.b64encode(to_markdown(report).encode()).decode(),
                "title": report.title,
            }
        ],
    }
    if report.decided_by and report.status == "approved":
        resource["resultsInterpreter"] = [{"display": report.decided_by}]
    validated = DiagnosticReport.model_validate(resource)
    return json.dumps(json.loads(validated.model_dump_json()), indent=2)


def export(report: Report, fmt: ExportFormat, *, allow_draft: bool = False) -> bytes:
    """The report in ``fmt``; only approved reports export unless ``allow_draft`` (then marked as a draft)."""
    if report.status == "rejected":
        raise ExportRefused("the report was rejected; draft a new one")
    if report.status != "approved" and not allow_draft:
        raise ExportRefused("the report is not approved; approve it first, or export it explicitly as a draft")
    if fmt == "md":
        return to_markdown(report).encode()
    if fmt == "json":
        return to_json(report).encode()
    if fmt == "pdf":
        return to_pdf(report)
    if fmt == "fhir":
        return to_fhir(report).encode()
    raise ExportRefused(f"unknown format {fmt!r}; choose md, json, pdf or fhir")
