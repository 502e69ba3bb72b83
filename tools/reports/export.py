"""Report exports: Markdown, JSON, PDF (fpdf2), FHIR R4B (``tools.reports.fhir``) and CMMS JSON (``cmms``).

Every format carries the review: status, who decided, their role, when, the note, and each edit step. Citations
are a numbered sources list; a section points at it with "[1]", so no citation ids run through the prose.
"""

from __future__ import annotations

from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tools.reports.cmms import to_cmms
from tools.reports.fhir import to_fhir
from tools.reports.models import Report, ReportKind, Section

ExportFormat = Literal["md", "json", "pdf", "fhir", "cmms"]
FHIR_KINDS = frozenset({ReportKind.RADIOLOGY, ReportKind.NURSING_HANDOFF, ReportKind.VISIT_SUMMARY})


class ExportRefused(ValueError):
    """The report cannot be exported in this form (not approved, or the format does not fit its kind)."""


def formats_for(report: Report) -> list[str]:
    """The export formats that fit the report's kind."""
    return ["md", "json", "pdf", "fhir" if report.kind in FHIR_KINDS else "cmms"]


def status_line(report: Report) -> str:
    """The review state in one line."""
    if report.status == "approved":
        return f"APPROVED by {report.decided_by} ({report.decided_role}) at {report.decided_at}"
    if report.status == "rejected":
        return f"REJECTED by {report.decided_by} ({report.decided_role}) at {report.decided_at}"
    return "DRAFT - NOT APPROVED - not for clinical or operational use"


def review_lines(report: Report) -> list[str]:
    """The reviewer's note and each edit step, as plain lines (empty for an untouched draft)."""
    lines = [f"Reviewer note ({report.decided_by}): {report.note}"] if report.note else []
    for e in report.edits:
        lines.append(
            f"Edited by {e.editor} ({e.role}) at {e.at}: {', '.join(e.sections)}" + (f" - {e.note}" if e.note else "")
        )
    return lines


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _refs(report: Report, section: Section) -> str:
    number = {e.id: i for i, e in enumerate(report.evidence, 1)}
    marks = [f"[{number[c]}]" for c in section.citations if c in number]
    return (" " + "".join(marks)) if marks else ""


def to_markdown(report: Report) -> str:
    """The report as Markdown: sections, the review record and one numbered sources list."""
    lines = [f"# {report.title}", "", f"**Status:** {status_line(report)}  ", f"**Report id:** {report.id}  "]
    if report.subject:
        lines.append(f"**Subject:** {report.subject}  ")
    lines += [f"**Drafted:** {report.created_at}", ""]
    for name, section in report.sections().items():
        lines += [f"## {_label(name)}", "", section.text + _refs(report, section), ""]
    review = review_lines(report)
    if review:
        lines += ["## Review", "", *[f"- {x}" for x in review], ""]
    if report.evidence:
        lines += ["## Sources", ""] + [f"{i}. {e.title} ({e.kind}, {e.id})" for i, e in enumerate(report.evidence, 1)]
        lines.append("")
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
    """The report as a one-column PDF with the same content as the Markdown."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(_latin1(report.title))

    def heading(text: str, size: int = 12) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(0, 7 if size < 16 else 9, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def body(text: str, size: int = 10) -> None:
        pdf.set_font("Helvetica", "", size)
        pdf.multi_cell(0, 5, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading(report.title, 16)
    subject = f"\nSubject: {report.subject}" if report.subject else ""
    body(f"{status_line(report)}\nReport {report.id}, drafted {report.created_at}{subject}", 9)
    pdf.ln(3)
    for name, section in report.sections().items():
        heading(_label(name))
        body(section.text + _refs(report, section))
        pdf.ln(2)
    review = review_lines(report)
    if review:
        heading("Review")
        body("\n".join(review))
        pdf.ln(2)
    if report.evidence:
        heading("Sources")
        body("\n".join(f"{i}. {e.title} ({e.kind}, {e.id})" for i, e in enumerate(report.evidence, 1)), 9)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 5, _latin1(report.disclaimer))
    return bytes(pdf.output())


def export(report: Report, fmt: ExportFormat, *, allow_draft: bool = False) -> bytes:
    """The report in ``fmt``; only approved reports export unless ``allow_draft`` (then marked as not approved).

    A rejected report exports only with ``allow_draft``: FHIR then says ``entered-in-error``, so a system that took
    the preliminary version can retract it.
    """
    if report.status == "rejected" and not allow_draft:
        raise ExportRefused("the report was rejected; draft a new one")
    if report.status == "draft" and not allow_draft:
        raise ExportRefused("the report is not approved; approve it first, or export it explicitly as a draft")
    if fmt == "md":
        return to_markdown(report).encode()
    if fmt == "json":
        return to_json(report).encode()
    if fmt == "pdf":
        return to_pdf(report)
    if fmt == "fhir":
        if report.kind not in FHIR_KINDS:
            raise ExportRefused(f"FHIR export is for clinical reports; a {report.kind.value} exports as cmms JSON")
        return to_fhir(report).encode()
    if fmt == "cmms":
        if report.kind in FHIR_KINDS:
            raise ExportRefused(f"CMMS export is for work orders and incidents; a {report.kind.value} exports as fhir")
        return to_cmms(report).encode()
    raise ExportRefused(f"unknown format {fmt!r}; choose md, json, pdf, fhir or cmms")
