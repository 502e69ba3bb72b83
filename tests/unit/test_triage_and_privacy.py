"""Red-flag triage (with negation) and identifier redaction."""

from __future__ import annotations

import pytest

from agent.privacy import redact
from agent.triage import detect_red_flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have crushing chest pain", ["chest_pain"]),
        ("my chest feels tight and I'm sweating", ["chest_pain"]),
        ("her face is drooping and her speech is slurred", ["stroke"]),
        ("my throat is closing after the shrimp", ["anaphylaxis"]),
        ("I can't breathe properly", ["breathing"]),
        ("I've been thinking about ending my life, I want to die", ["suicide"]),
        ("my son swallowed bleach", ["overdose"]),
        ("he passed out and won't wake up", ["unconscious"]),
        ("no chest pain, no shortness of breath, just a cough", []),
        ("denies chest pain", []),
        ("I had no fever but now my chest hurts", ["chest_pain"]),
        ("can I take ibuprofen with warfarin?", []),
    ],
)
def test_clinical_red_flags_and_negation(text: str, expected: list[str]) -> None:
    assert [f.key for f in detect_red_flags(text, "clinical")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there's a burning smell from the infusion pump", ["smoke_fire"]),
        ("refrigerant leaking from the chiller", ["gas_leak"]),
        ("the panel is arcing when the compressor starts", ["electrical"]),
        ("hydraulic hose burst on the lift", ["pressure"]),
        ("ventilator shows high pressure alarm after filter change", []),
    ],
)
def test_workplace_stop_work_flags(text: str, expected: list[str]) -> None:
    assert [f.key for f in detect_red_flags(text, "workplace")] == expected


def test_redaction_removes_identifiers_and_keeps_clinical_content() -> None:
    text = ("My name is John Smith, MRN 4455123, DOB 01/02/1960, phone 555-123-4567, "
            "mail j.smith@example.org, 12 Baker Street. I take warfarin 5 mg.")
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
