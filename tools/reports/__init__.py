"""Report drafting from the conversation and tool results, human review, and exports."""

from tools.reports.draft import Evidence, draft_report, gather
from tools.reports.export import ExportFormat, ExportRefused, export, to_fhir, to_markdown, to_pdf
from tools.reports.models import APPROVERS, NOT_STATED, Report, ReportKind, ReviewDecision, Section
from tools.reports.review import apply_decision, check_decision

__all__ = [
    "APPROVERS",
    "NOT_STATED",
    "Evidence",
    "ExportFormat",
    "ExportRefused",
    "Report",
    "ReportKind",
    "ReviewDecision",
    "Section",
    "apply_decision",
    "check_decision",
    "draft_report",
    "export",
    "gather",
    "to_fhir",
    "to_markdown",
    "to_pdf",
]
