"""Nicknames and word-names by their frame, yearless dates, national shapes, and the clinical text beside them.

Each case pairs what must go with what must stay, so a rule that grew too greedy fails as surely as one that misses.
"""

from __future__ import annotations

import pytest

from app.privacy import redact


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # A nickname before the full name in brackets, quoted or a listed first name.
        ("Bay 2 - 'Tobi' (Oluwatobi Bankole), 24M, asthma, salbutamol nebs.", "Tobi", "salbutamol nebs"),
        ("Rob (Mr Robert Pennington) in bed 4, post-op day 1.", "Rob", "bed 4"),
        # A first name that is also a word: possessive mid-sentence, spoken to at the opening, "Will" + surname.
        ("Dr Osei here re Grace's bloods - all normal.", "Grace", "all normal"),
        ("Frank, dad's INR is 3.1 today.", "Frank", "INR is 3.1"),
        ("Handover - Joy's still NBM for theatre, Hb 101.", "Joy", "NBM for theatre"),
        ("Please note Will Oyelowo-Brandt covers the clinic.", "Oyelowo-Brandt", "covers the clinic"),
        # A capital surname, an initial and a title, as pharmacy labels print them.
        ("PATEL, R (Mr)  Ramipril 5mg capsules  Take ONE daily", "PATEL", "Ramipril 5mg"),
        # Dates without a year.
        ("dictation: seen in clinic on the twenty-first of March, BP 150/90", "twenty-first of March", "BP 150/90"),
        ("off work since 3rd with sciatica", "3rd", "sciatica"),
        ("admission date is 14/09, sodium 131", "14/09", "sodium 131"),
        # National shapes: a MAC address, a Czech birth number, a Japanese era date and postcode, a Polish address.
        ("Workstation MAC 00-1A-2B-3C-4D-5E, IP error E-42", "00-1A-2B-3C-4D-5E", "E-42"),
        ("Pacientka, rodné číslo 856104/1235, metformin 500mg", "856104/1235", "metformin 500mg"),
        ("DOB 平成3年, address Chiyoda-ku, Tokyo 100-0001", "平成3年", "DOB"),
        ("Lives in Chiyoda-ku, Tokyo 100-0001. TSH 2.1 mU/L", "100-0001", "TSH 2.1 mU/L"),
        ("Adres: ul. Polna 7/2, 61-001 Poznań. Insulina 10 j.", "61-001", "Insulina 10 j."),
        ("Adres: ul. Polna 7/2, 61-001 Poznań. Insulina 10 j.", "Polna 7/2", "Adres"),
        ("Frau Huber, Mariahilfer Straße 10, 1060 Wien. Ramipril 5 mg", "Mariahilfer Straße 10", "Ramipril 5 mg"),
        ("Korean RRN 800101-1234567, BP 120/80", "800101-1234567", "BP 120/80"),
        # A code read with a spelling alphabet and digit words.
        ("hospital number K as in kilo four four one two nine, potassium five point two", "kilo four", "potassium"),
        # An extension after a found name.
        ("Fault on CT2, call Priya Raman x4471 for access.", "x4471", "CT2"),
        # A serial of five digits and more after "serial".
        ("Syringe driver serial 7730218 alarm 'occlusion'.", "7730218", "'occlusion'"),
    ],
)
def test_identifier_goes_and_clinical_text_stays(text: str, gone: str, kept: str) -> None:
    out = redact(text)
    assert gone not in out, out
    assert kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Staging CT shows T2N0M0, for MDT.",  # a TNM stage, not a Calgary postcode
        "Ward Rosalind bed 9: 81F, delirium screen.",  # a ward's name after "Ward"
        "Ventilator Hamilton-C6 alarm 'Low Pressure'.",  # a maker joined to its model
        "Referred from Clínica Santa Teresa for echo.",  # an institution named first
        "Service SR# 412-558210 logged with vendor.",  # a service request's number, not a phone
        "Grace Ward staff were lovely; Will the Hope Clinic open Saturday?",  # word-names with no name's frame
        "St John's wort and Wilson's disease noted; seen at Guy's.",  # saints, eponyms, a hospital's short name
        "Frank question: can I take ibuprofen 400mg?",  # no comma: an adjective, not the person spoken to
        "serial 3 troponins at 0h and 3h, day 3/5 of pred",  # "serial" before a count, a course's day
        "Bed 4, 1200 Units heparin given.",  # a bed and a dose, not a street and a postcode
    ],
)
def test_clinical_and_institutional_text_is_left_alone(text: str) -> None:
    assert redact(text) == text
