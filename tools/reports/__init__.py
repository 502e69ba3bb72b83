"""Report drafting from the conversation and tool results, human review, and exports."""

from tools.reports.draft import Evidence, draft_report, gather
from tools.reports.export import ExportFormat, ExportRefused, export, formats_for, to_markdown, to_pdf
from tools.reports.extract import Case, extract_case
from tools.reports.fhir import to_fhir
from tools.reports.models import APPROVERS, NOT_STATED, REQUIRED, Report, ReportKind, ReviewDecision, Section
from tools.reports.render import review_hint
from tools.reports.review import (
    DEFAULT_POLICY,
    ReviewPolicy,
    apply_decision,
    check_decision,
    missing_required,
    section_name,
)

__all__ = [
    "APPROVERS",
    "DEFAULT_POLICY",
    "NOT_STATED",
    "REQUIRED",
    "Case",
    "Evidence",
    "ExportFormat",
    "ExportRefused",
    "Report",
    "ReportKind",
    "ReviewDecision",
    "ReviewPolicy",
    "Section",
    "apply_decision",
    "check_decision",
    "draft_report",
    "export",
    "extract_case",
    "formats_for",
    "gather",
    "missing_required",
    "review_hint",
    "section_name",
    "to_fhir",
    "to_markdown",
    "to_pdf",
]
