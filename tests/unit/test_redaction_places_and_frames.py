"""Towns without a cue, names in a role's frame, ordinal days and freephone lines (redaction round, session 13)."""

from __future__ import annotations

import pytest

from safety.privacy import redact
from tools.drugs import name_words


def _redact(text: str) -> str:
    return redact(text, protected=name_words())


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Lost my hearing aid in the car park Swindon on Monday", "Swindon"),
        ("Filled 03/02/2025 | CVS #08812 Tucson AZ", "Tucson"),
        ("my grandad fell in Gdańsk last night", "Gdańsk"),
        ("I am referring Mr Sean Kelly, [POSTCODE], Cork, with AF", "Cork"),
    ],
)
def test_a_town_that_is_no_word_and_no_name_goes_without_a_cue(text: str, gone: str) -> None:
    assert gone not in _redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "FNA thyroid nodule Bethesda IV, refer to surgeons",
        "Please contact UMC Utrecht for the protocol",
        "Vacina marcada no Centro de Saúde de Alvalade amanhã",
        "Philadelphia chromosome negative by FISH",
    ],
)
def test_a_town_inside_an_institutions_name_or_a_grade_stays(text: str) -> None:
    assert _redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("EpiPen x2. Dispensed by Rose, Lloyds Pharmacy.", "Rose"),
        ("she's 34 weeks, midwife is Precious at the centre", "Precious"),
        ("unknown male, GCS 8. Called himself 'Momo'. Tox screen sent.", "Momo"),
        ("reminder that Mark from Philips is onsite Thursday", "Mark"),
        ("I need to change my colonoscopy from the 9th to any day after", "9th"),
        ("my appointment has been moved to 12th December at 10:15", "12th December"),
    ],
)
def test_a_name_or_a_day_in_its_frame_goes(text: str, gone: str) -> None:
    assert gone not in _redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bill the insurer after the 3rd visit; SpO2 97% on air.",
        "A - BMs 12-14, pain 3/10.",
        "Witnessed by: Staff Nurse on duty.",
        "Real number to report scams: 1-800-633-4227.",
        "Call the helpline free on 0800 111 999.",
    ],
)
def test_a_count_a_glucose_a_role_and_a_helpline_stay(text: str) -> None:
    assert _redact(text) == text


def test_a_freephone_number_someone_gives_as_their_own_goes() -> None:
    assert "555-0199" not in _redact("please call me back on 1-800-555-0199 after 5pm")
