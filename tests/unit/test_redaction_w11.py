"""Writer 11's classes: each fixed identifier class is redacted and each keep class survives (own examples)."""

from __future__ import annotations

from app.privacy import redact


def test_mbi_after_its_label_is_redacted_even_outside_the_cms_alphabet() -> None:
    out = redact("Beneficiary: Ann Lee  MBI 7BZ2-LK9-SO31\nDOS 03/04/2024")
    assert "7BZ2-LK9-SO31" not in out


def test_lab_and_accession_numbers_after_their_label_are_redacted() -> None:
    assert "25-7741093" not in redact("Patient: Moore, Ellen  Lab ID 25-7741093\nFerritin 12")
    assert "889120455" not in redact("Accession no 889120455, FBC and U&E")


def test_every_number_after_a_plural_badge_label_is_redacted() -> None:
    out = redact("Access review: badges 770415 (porter) and 770488 (domestic) opened the drug room.")
    assert "770415" not in out and "770488" not in out


def test_full_date_of_a_discharge_after_a_from_phrase_is_redacted() -> None:
    out = redact("Mr Ari Tane (NHI ZZK2231), 68, discharged from Ward 6 on 3 March 2025 after an NSTEMI.")
    assert "3 March 2025" not in out


def test_drug_brand_after_a_name_and_comma_is_kept() -> None:
    out = redact("Bay 2 — Dennis Kaye, Herceptin loading dose today.")
    assert "Herceptin" in out and "Dennis" not in out


def test_insurer_programme_names_are_kept() -> None:
    out = redact("Medicaid claim\nMedicare Part A inpatient stay, billed 2024")
    assert "Medicaid claim" in out and "Medicare Part A" in out


def test_device_makers_and_clinical_acronyms_are_kept() -> None:
    out = redact(
        "Ms Jo Hart had TAVR (Edwards SAPIEN 3 Ultra) today; glucose on Accu-Chek Guide; discussed at MDT on Friday."
    )
    assert "TAVR" in out and "Edwards SAPIEN" in out and "Accu-Chek" in out and "MDT" in out


def test_eponymous_preparations_assays_and_location_fields_are_kept() -> None:
    out = redact("Started Whitfield's ointment. HBs Ag: NEGATIVE. Rubella IgG: immune.\nBay: Bay 12C")
    assert "Whitfield's ointment" in out
    assert "Ag: NEGATIVE" in out and "IgG" in out
    assert "Bay 12C" in out


def test_department_and_foreign_closing_in_a_letter_are_kept() -> None:
    out = redact("Dear Patient Liaison,\nPlease call me.\nCordialement, Admissions")
    assert "Patient Liaison" in out and "Admissions" in out


def test_name_after_a_french_kin_word_is_redacted() -> None:
    out = redact("Bonjour, ma grand-mère Fatou Diop a de la fièvre depuis hier.")
    assert "Fatou" not in out and "Diop" not in out


def test_name_after_a_role_label_at_a_line_end_is_redacted() -> None:
    out = redact("Plan: dressings twice weekly.\nWound care nurse specialist: Hemi Parata")
    assert "Hemi" not in out and "Parata" not in out


def test_eircode_after_a_dublin_district_or_a_county_town_is_redacted() -> None:
    assert "D08 W2K7" not in redact("Home: 4 Pearse St, Dublin 8, D08 W2K7.")
    assert "H91 CD72" not in redact("Shipped to 2 Dock Rd, Galway H91 CD72 for the patient.")


def test_four_digit_postcode_ending_an_address_line_is_redacted() -> None:
    out = redact("Address namin 8 Rizal Ave, Brgy Poblacion, Makati 1210. Cel 0917 555 0182.")
    assert "1210" not in out


def test_american_month_day_after_a_booking_cue_is_redacted_but_not_a_dose() -> None:
    assert "7/23" not in redact("Hi Sam, your MRI is booked 7/23 at 9am, Valley Imaging.")
    assert "1/2 tab" in redact("Reduce from 1 tab to 1/2 tab daily.")


def test_personal_short_link_with_a_token_is_redacted() -> None:
    out = redact("Hi Ravi, your results are ready. View at https://labs.example.in/x/Q7T4M2Z. Do not share.")
    assert "Q7T4M2Z" not in out


def test_age_over_89_after_a_titled_name_without_a_comma_is_redacted() -> None:
    out = redact("Bed 6 Miss Nora Achterberg 94, comfortable overnight, family aware.")
    assert "94" not in out


def test_birth_year_after_a_foreign_born_cue_is_redacted() -> None:
    assert "1928" not in redact("Mon grand-père (né en 1928) a fait une chute.")
    assert "1931" not in redact("Mia nonna, nata nel 1931, ha la febbre.")


def test_ocr_birth_date_with_letters_for_digits_is_redacted() -> None:
    out = redact("OKONJO CHIDI\nF  2S/1l/1948  76Y\nNHS 943 476 5919")
    assert "2S/1l/1948" not in out and "1948" not in out


def test_lower_case_word_name_given_to_a_relative_in_speech_is_redacted() -> None:
    out = redact("patient lives alone and her son is called joy he visits on sundays")
    assert " joy " not in out
    assert "hope" not in redact("baby is well mum is hope and dad is at work")


def test_word_names_singled_out_in_a_list_are_redacted_but_not_ordinary_words() -> None:
    out = redact("Thank you to the ward team, especially Mercy and Joy, for everything.")
    assert "Mercy" not in out and "Joy" not in out
    assert "Monday and Tuesday" in redact("Clinic runs most days, esp Monday and Tuesday.")


def test_work_order_and_claim_form_numbers_are_kept() -> None:
    out = redact("INC-2290417: Mindray monitor in bay 2 keeps rebooting. Swapped PSU.")
    assert "INC-2290417" in out
    out = redact("HEALTH INSURANCE CLAIM FORM CMS-1450\nPatient: Ruth Baker  DOB 02/03/1950")
    assert "CMS-1450" in out and "Ruth" not in out
