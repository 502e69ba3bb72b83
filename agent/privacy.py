"""Redaction of personal identifiers from text bound for logs, the audit trail or (when configured) the model."""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # The lookbehind starts a try only where a token starts: without it a long word costs quadratic time.
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"), "[EMAIL]"),
    (
        re.compile(
            r"\b(?:mrn|medical record(?: number)?|record no\.?|patient id|nhs(?: number)?)\s*[:#]?\s*[\w-]*\d[\w-]*",
            re.I,
        ),
        "[RECORD-ID]",
    ),
    (re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), "[SSN]"),
    # Digit lookarounds: a phone number is never cut out of a longer digit run, which would leave the rest readable.
    (re.compile(r"(?<![\d+])(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"), "[PHONE]"),
    # Any longer unbroken run of digits (account, card or insurance numbers) goes whole.
    (re.compile(r"(?<!\d)\d{11,}(?!\d)"), "[ID-NUMBER]"),
    (re.compile(r"\b(?:dob|date of birth|born(?: on)?)\s*[:=]?\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", re.I), "[DOB]"),
    (
        re.compile(
            r"\b\d{1,5}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct)\b\.?"
        ),
        "[ADDRESS]",
    ),
    (
        re.compile(
            r"\b((?i:my name is|patient(?: name)?:?|mr\.?|mrs\.?|ms\.?|dr\.?))\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
        ),
        r"\1 [NAME]",
    ),
)


def redact(text: str) -> str:
    """Replace identifiers with typed placeholders; leaves clinical content intact."""
    # A replacement can open a word boundary that lets another identifier match ("...1960DOB 01/02/1961"), so
    # repeat until nothing changes. This ends: every replacement removes digits, an "@" or lower-case letters, and
    # placeholders contain none of them.
    while True:
        before = text
        for pattern, replacement in _RULES:
            text = pattern.sub(replacement, text)
        if text == before:
            return text
