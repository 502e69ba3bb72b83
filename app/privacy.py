"""The product's redactor: ``safety.privacy.redact`` with the knowledge base's drug names protected.

Passed to everything that stores or sends text (the audit trail, the thread index, the log filter, the graph's model
input), which take it as a required argument so that a missed wiring fails at construction.
"""

from __future__ import annotations

from safety import privacy
from tools.drugs import name_words


def redact(text: str) -> str:
    """Replace identifiers with typed placeholders ("[NAME]", "[PHONE]", ...); drug names are never taken for names."""
    return privacy.redact(text, protected=name_words())
