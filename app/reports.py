"""Drafted reports as the front ends handle them: shown as Markdown, decided by a reviewer, exported."""

from __future__ import annotations

from tools.reports import (
    ExportRefused,
    Report,
    ReviewDecision,
    export,
    formats_for,
    review_hint,
    section_name,
    to_markdown,
)

__all__ = [
    "ExportRefused",
    "Report",
    "ReviewDecision",
    "export",
    "formats_for",
    "review_hint",
    "section_name",
    "to_markdown",
]
