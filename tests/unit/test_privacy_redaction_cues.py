"""Identifiers found by where they stand: towns after a locative cue, spoken numbers, labelled ids, names spoken to.

Each case pairs what must go with what must stay, so a rule that grew too greedy fails as surely as one that misses.
"""

from __future__ import annotations

import pytest

from app.privacy import redact


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Discharged home. Home: Cork.", "Cork", "Discharged home"),
        ("We're in Auckland and need a GP", "Auckland", "need a GP"),
        ("She lives in Reading with her son", "Reading", "with her son"),
        ("Follow-up at Moss Lane, Sale.", "Sale", "Follow-up"),
    ],
)
def test_a_town_after_a_locative_cue_goes(text: str, secret: str, kept: str) -> None:
    out = redact(text)
    assert secret not in out and "[ADDRESS]" in out and kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        "He is in Bay 3 on the ward",
        "Transferred to Victoria Infirmary for PCI",
        "elevate in Bradford sling for 48 hours",
        "We went to Reading the leaflet together",
        "Seen at Cork University Hospital in March 2024",
    ],
)
def test_places_that_are_wards_institutions_devices_or_words_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("you can call me back on four four oh one six one four nine six oh eight six", "four four oh one"),
        ("patient is born nineteenth of august nineteen eighty came in with", "nineteenth of august"),
        ("her date of birth is 12 1 49 my number is", "12 1 49"),
    ],
)
def test_spoken_phone_numbers_and_birth_dates_go(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_spoken_counts_and_doses_stay() -> None:
    text = "take one or two tablets three times a day for five days"
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Has Abbott Assurity pacemaker (serial PJN940429H), checked", "PJN940429H"),
        ("Vehicle reg (for parking permit): JK53 RDT", "JK53 RDT"),
        ("parked in the multi storey, silver car 6XGA052", "6XGA052"),
        ("Medicare MBI: 5VD0-AH8-KA85", "5VD0-AH8-KA85"),
        ("Patient account 70335927, SSN on file 191 22 6761.", "70335927"),
        ("SIN: 402 031 153", "402 031 153"),
        ("posted a photo on facebook.com/sky.mitchell.69 today", "sky.mitchell"),
        ("found ur profile www.giuliabianchi.blog, is that u?", "giuliabianchi"),
        ("her handle is @hope_baker on there", "hope_baker"),
        ("Mr Okafor - Parkinson's, 93F, falls", "93F"),
        ("D0B: O9-DEC-l947  F", "l947"),
        ("Chào bác sĩ, sinh ngày 16/10/2016.", "16/10/2016"),
        ("admitted on March 5, 2024 following a fall", "March 5, 2024"),
    ],
)
def test_labelled_identifiers_go(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Swapped P/N MX-989803196521, ran self-test OK",
        "Dräger Evita V500 SN ASFK-0042: O2 sensor calibration failed",
        "Baxter Sigma Spectrum E-code 321 on GE MAC 5500 HD",
        "Sinemet 25/100 time-critical at 06:00, vomiting since 04:00",
        "guidance issued 8 June 2011 still applies",
        "firmware released 2024-03-01, version 4.2.1",
    ],
)
def test_part_numbers_asset_serials_drugs_times_and_document_dates_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Rukhsana, please finish flucloxacillin 1 g QDS.", "Rukhsana", "flucloxacillin"),
        ("For Dimitra: awaiting MRI lumbar spine.", "Dimitra", "MRI lumbar spine"),
        ("son (Chukwuemeka) rang asking for an update", "Chukwuemeka", "son ("),
        ("Hi Will, flagging a possible breach", "Will", "flagging"),
        ("the gabapentin is making me sick. Haoran says to ask u first", "Haoran", "gabapentin"),
        ("hey, this is ruby - if u need it", "ruby", "if u need it"),
        ("priya its faith, mum's Tazocin is in the blue bag", "faith", "Tazocin"),
        ("[Teams] agnieszka: hey quick one re bed 4", "agnieszka", "quick one"),
        ("plan is review in the morning daughter mark is aware", "mark", "review in the morning"),
        ("the nurse tonight is Will Baker, who will recheck the ABG", "Baker", "recheck the ABG"),
        ("Full name (as in passport): REES-MOGG TOM", "REES-MOGG", "Full name"),
        ("O senhor Raimundo Nonato está com hipoglicemia", "Nonato", "hipoglicemia"),
    ],
)
def test_names_spoken_to_of_or_as_a_person_go(text: str, secret: str, kept: str) -> None:
    out = redact(text)
    assert secret not in out and kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Keppra, please give 500 mg now",
        "Parkinson, please see the leaflet",
        "Metoclopramide, please review",
        "ASA: III, GA + epidural",
        "Note, please read before the round",
        "Diagnosis: NSTEMI. Plan: PCI",
        "Hi all, the fridge alarm is fixed",
    ],
)
def test_drugs_eponyms_and_headings_in_name_positions_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Getinge Servo-u fault TF 10010; P/N 8306-0025-01 ordered",
        "Battery SurePower 8019-0535-01 swapped, test shock delivered",
        "Asset tag IP-0121 | PAT test 2024-08-14 | Next due 2025-08-14",
        "Hoist sling bar cracked, found during LOLER inspection 2024-10-02.",
    ],
)
def test_part_numbers_and_equipment_dates_are_no_persons(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Patient: Ana Lima CPF 529.982.247-25, colonoscopia", "529.982.247-25", "colonoscopia"),
        ("Henkilötunnus 131052-308T, Burana 400 mg", "131052-308T", "Burana 400 mg"),
        ("NHI: QRT5512 DOB unknown, on Allopurinol 100 mg", "QRT5512", "Allopurinol 100 mg"),
        ("Applicant PAN AFZPK7190K, BMI 31.2", "AFZPK7190K", "BMI 31.2"),
        ("CURP: GODE561231HDFRRN09 | Dx: preeclampsia", "GODE561231HDFRRN09", "preeclampsia"),
        ("collected by son (driving licence MORGA753116SM9IJ)", "MORGA753116SM9IJ", "collected by son"),
        ("Donor no: DN 551 0932, Group O Rh-negative", "DN 551 0932", "Rh-negative"),
    ],
)
def test_national_ids_after_a_label_or_with_a_valid_check_digit_go(text: str, secret: str, kept: str) -> None:
    out = redact(text)
    assert secret not in out and kept in out, out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Discharged 4 Nov after CABG x3.", "4 Nov"),
        ("I waited in A&E on 3 October with colic.", "3 October"),
        ("Theatre list Tue 18th: TURP", "Tue 18th"),
        ("Aufenthalt vom 02.10. bis gestern", "02.10."),
        ("su cita es el 16/05 a las 09:15", "16/05"),
        ("EOB Group 61234. Service 10/03/2025 echocardiogram CPT 93306, billed $1,240", "10/03/2025"),
        ("right so he's ninety three fell at home on tuesday the twelfth", "tuesday the twelfth"),
        ("right so he's ninety three fell at home", "ninety three"),
        ("Surgical handover: Ada Obi, 93, perforated diverticulitis", "93"),
    ],
)
def test_dates_of_an_event_and_ages_over_89_go(text: str, secret: str) -> None:
    assert secret not in redact(text), redact(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Helpdesk: locked out of EPIC, username tkowal7. Reset.", "tkowal7"),
        ("Remote session. Host WS-RAD-0412, user mbanda. Driver reinstalled.", "WS-RAD-0412"),
        ("Accession 25-HX-55120 · sputum AFB smear 2+", "25-HX-55120"),
        ("Ventolin Evohaler 100 micrograms · Rx 66213", "66213"),
        ("Bed 1 Tomás Ruiz (RX 221093) – DKA resolving", "221093"),
        ("Pt Ivo Petrov, DOB 02/03/1950, KMH-66120, admitted with cellulitis", "KMH-66120"),
        ("FY2 Ravi ext 4472, please review", "4472"),
        ("Community visit, key safe code 5823. Dressing changed.", "5823"),
        ("the pump serial on the back is p d m four four seven one nine two x", "p d m four"),
        ("caller date of birth one nine eight two oh five seventeen chest pain", "one nine eight two"),
    ],
)
def test_labelled_accounts_hosts_and_record_numbers_go(text: str, secret: str) -> None:
    assert secret not in redact(text), redact(text)


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Your patient Sato Haruki (佐藤 陽暉), DOB 01/02/1950, Neurology Ward 5", "佐藤", "Neurology Ward 5"),
        ("Name KIM, Seo-yeon 김서연\nHosp. No SNU 9920331", "김서연", "Hosp. No"),
        ("Cardiac rehab at Phase III Rehab Unit. Interpreter: Shirin.", "Shirin", "Phase III Rehab Unit"),
        ("looked after my dad Tom Reid, especially Ana Lima and Precious!!", "Precious", "looked after"),
        ("Rhiannon can you swap my nights? I'll take your long day.", "Rhiannon", "swap my nights"),
        ("Will, Hope & Grace – on-call rota for Theatres attached.", "Hope", "on-call rota for Theatres"),
        ("pls review. Ravi (FY2) ext 4471", "Ravi", "FY2"),
        ("Talofa, o Fa'amoana lenei. My mum is on dialysis.", "Fa'amoana", "on dialysis"),
        ("my husband will cooper was discharged from the ward", "cooper", "discharged from the ward"),
        ("hi grace it's will from the district nursing team mrs hope is better", "hope", "district nursing team"),
    ],
)
def test_names_a_cue_marks_in_any_script_or_case_go(text: str, secret: str, kept: str) -> None:
    out = redact(text)
    assert secret not in out and kept in out, out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("SURNAME 0'DONNELL\nF0RENAME GRAlNNE\nDOB O4 JUL l95O", "l95O"),
        ("ABDUL-RAHMAN\nFAT1MA\nO9.O9.l965\nISOLATION - MRSA", "FAT1MA"),
        ("MÜLLER, ANNA\ngeb. l2.O4.l99O\nFall-Nr. 2O25OO447l\nSTATION 4B", "2O25OO447l"),
    ],
)
def test_ocr_letters_for_digits_on_a_wristband_are_read_through(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Falls risk: Morse Fall Scale 55, Waterlow 18",
        "Bed 5 is for CT; Glasgow Coma Scale 14 at 07:00",
        "Query familial hypercholesterolaemia (Simon Broome criteria)",
        "Lift 3 released 16:51 by Otis Gen2 engineer on site",
        "Medical: Chest X-ray normal, IGRA negative",
        "Diagnosis: NSTEMI, PCI RIVA mit DES",
        "Owner brought it to Ward 8 bed 3",
        "REFERRAL – Orthopaedics (Spinal)",
        "The diabetic review is on Monday 09:00 in clinic",
        "Type 1 diabetes (T1DM) since 2010, HbA1c 58",
    ],
)
def test_scales_products_specialties_and_times_stay(text: str) -> None:
    assert redact(text) == text


# Mechanisms, each tried on sentences none of the evaluation sets holds: a number beside a person, a day and month
# of an admission, an address field, a spelled name, the person-name model, checksum-valid national numbers.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Grandad turned 97 last month, still gardening", "97"),
        ("Referral for [NAME], 96 Lives alone", "96"),
        ("he's 101 and sharp as a tack", "101"),
        ("Wristband: QEH 7730215 / allergy latex", "7730215"),
        ("admitted 07/09 with pneumonia, discharged 14/09", "07/09"),
        ("Engineer [NAME] 4471209 on site", "4471209"),
        ("worker no: K-44810 injured on shift", "K-44810"),
        ("SSN XXX-XX-4410 on file", "4410"),
        ("Residential address: Block C, 12 Palm Estate, Lekki Phone: 0803 000 0000", "Palm Estate"),
        ("the caller spelled it k o w a l s k i for me", "k o w a l s k i"),
        ("her brother Tadeusz is at home with her", "Tadeusz"),
        ("Burns: Oyelaran in side room 2, dressing changed", "Oyelaran"),
        ("IBAN GB82 WEST 1234 5698 7654 32 for refunds", "GB82 WEST"),
        ("née le 14 juillet 1961 à Lyon", "14 juillet 1961"),
        ("Portal https://portal.example.org/patients/A77120/labs shows it", "A77120"),
        ("the postcode is s ten two t n", "s ten two t n"),
    ],
)
def test_general_mechanisms_find_what_no_rule_names(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "SpO2 94 today on 2 L, HR 96 this morning",
        "Pain 10/10 at rest, power 04/05 in the left arm",
        "CPT 99213 billed; ICD J45.41 coded",
        "Fault TF 10010 cleared after reboot",
        "Sinemet 12.5/50 four times a day",
        "eGFR 38, creatinine 162 µmol/L here",
        "Referred to Colorectal and Physio; Palliative care team aware",
        "Nurse call system fault on Ward 4, Mindray C6 monitor swapped",
        "CORD pH 7.2l NIL BY M0UTH",
    ],
)
def test_measures_codes_units_and_services_stay(text: str) -> None:
    assert redact(text) == text
