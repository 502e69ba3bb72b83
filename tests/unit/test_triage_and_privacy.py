"""Identifier redaction."""

from __future__ import annotations

import pytest

from app.privacy import redact


def test_redaction_removes_identifiers_and_keeps_clinical_content() -> None:
    text = (
        "My name is John Smith, MRN 4455123, DOB 01/02/1960, phone 555-123-4567, "
        "mail j.smith@example.org, 12 Baker Street. I take warfarin 5 mg."
    )
    out = redact(text)
    for secret in ("John", "Smith", "4455123", "1960", "555-123-4567", "j.smith@example.org", "Baker"):
        assert secret not in out
    assert "warfarin 5 mg" in out
    assert "[NAME]" in out and "[EMAIL]" in out and "[PHONE]" in out


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("card 00000000000000000000000", "0000000000"),  # no phone number cut out of a longer run, leaving the rest
        ("insurance no 123456789012345", "12345"),
        ("call +1 555-123-4567 after 5", "4567"),
        ("DOB 01/02/1960DOB 01/02/1961", "1961"),  # a replacement opens a word boundary for the next identifier
        ("Mr JohnMr Smith", "Smith"),
    ],
)
def test_redaction_leaves_no_identifier_behind_and_is_stable(text: str, leak: str) -> None:
    out = redact(text)
    assert leak not in out
    assert redact(out) == out
