"""Red-flag triage: rules and a semantic detector over every message, with first-step guidance per category."""

from safety.triage.categories import BY_KEY, CATEGORIES, DEFAULT_CRISIS_LINE, Category, guidance_for
from safety.triage.detector import Triage, TriageFlag, TriageResult
from safety.triage.semantic import SemanticDetector

__all__ = [
    "BY_KEY",
    "CATEGORIES",
    "DEFAULT_CRISIS_LINE",
    "Category",
    "SemanticDetector",
    "Triage",
    "TriageFlag",
    "TriageResult",
    "guidance_for",
]
