"""Identifiers marked only by their frame (``safety.redaction.framed``): ordinary-word names in a name's slot,
spoken ages, e-mails and postcodes, serials after "s/n", wristband capitals, labelled codes with separators.

Each case pairs what must go with what must stay.
"""

from __future__ import annotations

import pytest

from app.privacy import redact


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Ordinary words as names where the frame admits nothing else.
        ("can u bring 2 x Dermol 500 to bay 5? ta, Blessing", "Blessing", "Dermol 500"),
        ("Mr Lee is fine now, the dose was ok - Hazel", "Hazel", "the dose was ok"),
        ("is ibuprofen ok with lisinopril? thx - dan", "dan", "lisinopril"),
        ("Mary Smith, Hope and Joy all off sick on Ward 3", "Hope and Joy", "Ward 3"),
        ("Night handover from Faith to Anna Kowalska: bed 1 NEWS2 3", "Faith", "NEWS2 3"),
        ("AED Plus in reception: pads OK. Checked by Will.", "Will.", "AED Plus"),
        ("pls ring the ward re: ur dads echo, ask for Paddy", "Paddy", "ur dads echo"),
        ("Bed 22 Mrs Ahmed (Rukhsana): stable, for discharge", "Rukhsana", "for discharge"),
        ("Thanks to Dr Will Fraser for the care", "Fraser", "for the care"),
        ("its Nurse Amy from Dr Okafor's clinic. INR 2.4", "Okafor", "INR 2.4"),
        ("Dialysis alarm at bay 3, patient A. Khan moved to bay 5", "Khan", "bay 5"),
        ("Mate it's Gaz. Can't do Saturday's shift", "Gaz", "Saturday's shift"),
        ("hi im ben i got bitten by a dog", "ben", "bitten by a dog"),
        ("Recovery to ward 16. Staff Nurse Will Carver.", "Carver", "ward 16"),
        ("hoist failed with patient Edna Hale, 93. No injury.", "93", "No injury"),
        ("Meri ammi Nasreen Begum ko sugar hai", "Nasreen", "sugar hai"),
        ("Brgy. San Jose, Cabanatuan City 3100. Dengue", "3100", "Dengue"),
        # Wristband capitals at a line's start.
        ("PATEL-SHAH, ARJUN K  M  DOB 01/02/1960  ALLERGY: CODEINE", "ARJUN", "ALLERGY: CODEINE"),
        ("NGUYEN VAN AN  /  DOB 01/02/1960  / ED", "NGUYEN", "ED"),
        # Spoken and shaped identifiers after their cue.
        ("her email is k dot shaw seven at gmail dot com, ok", "shaw", "ok"),
        ("this is Ann, I'm ninety-seven, and I fell", "ninety-seven", "I fell"),
        ("RIP Nan, 97 years young. Funeral Friday", "97", "Funeral Friday"),
        ("Ventilator Hamilton C6 S/N 44821 flagged O2 cell fault", "44821", "Hamilton C6"),
        ("defib Zoll SN BX19D004512 failed check", "BX19D004512", "failed check"),
        ("bed Hill-Rom (serial HR-C1190022) alarm fault", "HR-C1190022", "alarm fault"),
        ("I live at 4 Mill Lane, Harrogate, H G one, two Q P, see you", "H G one", "see you"),
        ("Hosp No: KUTH/23/00412\nDOB: 01/02/1960", "KUTH/23/00412", "Hosp No"),
        ("Policy No: ABC/HL/2022/0012345  Hospital: Ruby", "0012345", "Hospital"),
        ("staff parking, vehicle 191-KY-2044, Cork", "191-KY-2044", "Cork"),
        ("Book at https://book.example.org/?pid=44120 or call", "44120", "or call"),
        ("resident at Storgatan 5, 113 51 Stockholm", "113 51", "Stockholm"),
    ],
)
def test_framed_identifiers_go_and_the_rest_stays(text: str, gone: str, kept: str) -> None:
    out = redact(text)
    assert gone not in out, out
    assert kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Pain 3/10, GCS 14/15, BP 120/80; E. coli in the urine",
        "Dräger Evita V500 SN ASFK-0042: O2 sensor replaced",
        "Specimen ID 26-HM-884102 FBC: Hb 78",
        "Forklift serial H2X386T04471 taken out of service",
        "ECG shows Wolff-Parkinson-White.",
        "Can I take it with food? Thanks - Monday",
        "Hi, it's Monday, they said",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == text
