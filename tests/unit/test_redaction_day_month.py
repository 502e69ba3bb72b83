"""A day and month in digits without a year: a person's date goes (HIPAA Safe Harbor), a score or a duration stays."""

from __future__ import annotations

import pytest

from safety.redaction.day_month import redact_day_month


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Drain bottle label: inserted 08/02 14:30, swing +", "08/02"),
        ("I was seen on 12/03 in the clinic for my gout", "12/03"),
        ("INR was 1.7 on 3/2.", "3/2"),
        ("ultrasound on 5/6 at 11am", "5/6"),
        ("Bloods 26/06: Na 128", "26/06"),
        ("CT Abdo 24/11 failed transfer", "24/11"),
        ("Absent 10/01–17/01 with gastroenteritis", "17/01"),
        ("Estates log 12/07: lift 2 out of service", "12/07"),
        ("su cita es el 3/15 a las 10:00am", "3/15"),
        ("gave birth on 7/7, baby doing well", "7/7"),
        ("need to reschedule my colonoscopy from 6/12 pls", "6/12"),
    ],
)
def test_a_persons_day_and_month_goes(text: str, gone: str) -> None:
    out = redact_day_month(text)
    assert gone not in out and "[DATE]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "pain 6/10 despite oramorph",
        "GCS 14/15, Apgar 9/10",
        "Staph aureus in 2/2 bottles",
        "Co-amoxiclav 625 mg TDS 5/7",
        "review 6/52, FBC if sore throat",
        "cot 3, 5/12 old with bronchiolitis",
        "VA 6/18 R with pinhole 6/6",
        "stays on BiPAP 14/6, FiO2 0.35",
        "pT3 N1a, 1/18 nodes positive",
        "pred 30mg day 3/5",
        "switch port Gi1/0/24 down",
        "hydrocortisone 10/5/5 mg",
    ],
)
def test_a_score_a_ratio_or_a_duration_stays(text: str) -> None:
    assert redact_day_month(text) == text
