"""Identifier redaction: names beyond capitalisation, phone numbers by number plan, health numbers, postcodes, dates
of birth; clinical facts left alone; fast and stable on hostile input."""

from __future__ import annotations

import time

import pytest

from app.privacy import redact
from core.settings import Settings
from safety.redaction.lexicon import dictionary, name_lists
from tools.drugs import name_words


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Maria Gonzalez takes warfarin", ["Maria", "Gonzalez"]),
        ("my neighbour maria gonzalez fell", ["maria", "gonzalez"]),
        ("Night shift: Priya Raman (MRN 5512) complained of chest pain", ["Priya", "Raman"]),
        ("Demographics: MAHLANGU, Thandiwe; ward 3", ["MAHLANGU", "Thandiwe"]),
        ("Bed board: B1 PATEL R. | B3 OKAFOR C.", ["PATEL", "OKAFOR"]),
        ("Thanks,\nDeepa Nair\nWard Clerk", ["Deepa", "Nair"]),
        ("is 2 puffs ok? - hamza", ["hamza"]),
        ("Will Thompson will need his catheter out; Will has BPH", ["Thompson", "Will has"]),
        ("my mums name is grace and she has asthma", ["grace"]),
        ("quick q - mrs o'neill in bay 2 keeps asking", ["o'neill"]),
    ],
)
def test_names_are_found_by_cues_lists_and_dictionary_not_by_capitals_alone(text: str, secrets: list[str]) -> None:
    out = redact(text)
    assert all(s not in out for s in secrets), out
    assert "[NAME]" in out


@pytest.mark.parametrize(
    ("text", "secrets", "placeholder"),
    [
        ("NHS number 943 476 5919 please", ["943", "476", "5919"], "[RECORD-ID]"),
        ("MRN:  A 1 2 3 4 5 6 7   Name", ["1 2 3 4"], "[RECORD-ID]"),
        ("hosp no. 8812-03 re her", ["8812"], "[RECORD-ID]"),
        ("My Medicare number is 1EG4-TE5-MK73.", ["1EG4", "MK73"], "[RECORD-ID]"),
        ("SSN 123-45-6789", ["6789"], "[SSN]"),
        ("Call +44 20 7946 0958 or 020 7946 0958", ["7946", "0958"], "[PHONE]"),
        ("Mobile +33 6 12 34 56 78", ["56 78"], "[PHONE]"),
        ("ring 555-123-4567 555-765-4321 now", ["4567", "4321"], "[PHONE]"),
        ("Ph: 51O-555-0134", ["0134"], "[PHONE]"),
        ("Lives at SW1A 1AA, London", ["SW1A"], "[POSTCODE]"),
        ("Sheffield S7 1 SL", ["S7 1"], "[POSTCODE]"),
        ("Austin, TX 78701 clinic", ["78701"], "[ZIP]"),
        ("my zip is 33142", ["33142"], "[POSTCODE]"),
        ("DOB: March 3, 1961", ["1961"], "[DOB]"),
        ("D O B 07 / 11 / 2015 weight", ["2015"], "[DOB]"),
        ("geb. 03.07.1939, Station 4B", ["1939"], "[DOB]"),
        ("WILLIAMS, Grace | 18/04/1936 | ward 2", ["1936"], "[DATE]"),
        (
            "PID|1||8834021^^^MRN||NGUYEN^LAN||19580423|F|||1 Main St^^Houston^TX^77002||713-555-0100",
            ["8834021", "NGUYEN", "19580423", "77002"],
            "[DOB]",
        ),
        ("accessed EHR from 10.20.31.44 at 02:13", ["10.20"], "[IP-ADDRESS]"),
    ],
)
def test_numbers_and_places_go_whole(text: str, secrets: list[str], placeholder: str) -> None:
    out = redact(text)
    assert all(s not in out for s in secrets), out
    assert placeholder in out, out


@pytest.mark.parametrize(
    "text",
    [
        "BP 120/80, SpO2 94%, HR 72 at 14:30 on 2024-03-15, heparin 25000 units, WBC 11.2, Na 140, K 4.1",
        "IP-0121 shows E-27 again; VNT-0107 high pressure alarm; Alaris channel error 255-17",
        "Parkinson's disease, Foley catheter, Crohn's, Sjögren's syndrome, Guillain-Barré, Holter monitor",
        "Mr Parkinson does NOT have Parkinson's disease",
        "Apixaban 2.5mg BD - propranolol 40 mg - Eliquis 5 mg",
        "transferred from St George's Hospital to Johns Hopkins Hospital",
        "CVA, NIHSS 12, tPA given 13:05. IVIG, FVC 1.9 L",
        "Collected: 2024-11-02 08:14 | K 5.9; Vitals 2024-12-01 22:00 BP 140/90",
        "Ventilator VNT-3307 firmware updated from 4.2.1.7 to 4.3.0.2",
    ],
)
def test_clinical_facts_eponyms_drugs_and_institutions_stay(text: str) -> None:
    out = redact(text)
    # A full date is a person's under HIPAA Safe Harbor (admission, sample, visit): it goes, the time stays.
    assert "2024-03-15" not in out and "2024-11-02" not in out
    for keep in (
        "120/80",
        "94%",
        "14:30",
        "25000 units",
        "Na 140",
        "IP-0121",
        "E-27",
        "255-17",
        "Parkinson's disease",
        "Foley",
        "Sjögren's",
        "Apixaban",
        "propranolol",
        "Eliquis",
        "St George's Hospital",
        "Johns Hopkins Hospital",
        "NIHSS 12",
        "IVIG, FVC",
        "08:14",
        "22:00",
        "4.2.1.7",
        "4.3.0.2",
    ):
        if keep in text:
            assert keep in out, out


@pytest.mark.parametrize(
    "text",
    [
        "TABLE LIFT MOTOR FUSE BLOWN. REPLD FUSE, CHECKED MOTOR CURRENT, TABLE MOVES FULL RANGE.",
        "DETECTOR CAL OUT OF DATE. RAN GAIN AND OFFSET CAL, ARTEFACT GONE.",
        "MX FLIGHT REQUIRED FOR ENGINE BREAK-IN - OPS CK GO",
        "A/C WON'T START.",
        "Steam trap stuck. Replaced steam trap, Bowie-Dick test passed.",
        "Adapted for this project from American Heart Association guidance.",
        "Rule out bronchospasm first: disconnect and bag the patient.",
        "by reason of its pH-dependent absorption. -except with imatinib; metabolism by the ASA derivative",
        "CredibleMeds QTdrugs list (Known Risk of TdP)",
    ],
)
def test_maintenance_logs_and_reference_text_pass_unchanged(text: str) -> None:
    # Tool results (log entries, knowledge notes, drug facts) reach the model through the same redactor.
    assert redact(text) == text


def test_model_input_is_redacted_unless_a_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREFORGE_REDACT_MODEL_INPUT", raising=False)
    assert Settings().redact_model_input is True
    monkeypatch.setenv("CAREFORGE_REDACT_MODEL_INPUT", "false")
    assert Settings().redact_model_input is False


@pytest.mark.parametrize(
    "hostile",
    [
        "1 " * 10_000,
        "a " * 10_000,
        "mrn 1 " * 3_333,
        "PID|" * 5_000,
        "Dr " * 6_000,
        "Okafor " * 2_857,
        " ".join(f"020 7946 {i:04d}" for i in range(1_400)),
        "x" * 20_000,
        "a@" * 10_000,
        "Dr Smith 555-123-4567 " * 900,
    ],
)
def test_a_20000_character_hostile_message_is_redacted_quickly_and_stably(hostile: str) -> None:
    dictionary(), name_words(), name_lists()  # loaded once per process; not part of a message's cost
    text = hostile[:20_000]
    started = time.perf_counter()
    out = redact(text)
    elapsed = time.perf_counter() - started
    # 0.05-0.6 s on this machine at load 4 (a normal message: under 3 ms); a quadratic rule would take tens of
    # seconds here. The bound leaves headroom for a loaded CI run: it catches blow-ups, it is not a benchmark.
    assert elapsed < 2.5, f"{elapsed:.3f} s"
    assert redact(out) == out


def test_a_run_of_phone_numbers_leaves_no_digits_readable() -> None:
    out = redact(" ".join(f"020 7946 {i:04d}" for i in range(50)))
    assert not any(c.isdigit() for c in out), out


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        # "Mrs" was read as "Mr" + "s", so a title before a name that is also a word did nothing
        ("Mrs Rose Hill was given ramipril 2.5 mg", ["Rose", "Hill"], ["ramipril 2.5 mg"]),
        ("Mrs Dawn Fisher, BP 128/76", ["Dawn", "Fisher"], ["BP 128/76"]),
        # a person noun before a first name that is also a word
        ("my neighbour Frank Wood takes atorvastatin", ["Frank", "Wood"], ["atorvastatin"]),
        ("my mum Grace has a rash on her arm", ["Grace"], ["rash"]),
        ("spoke to Hope Ward nurse about obs", [], ["Hope Ward"]),
        ("Dear thabo nkosi, your clinic appointment is confirmed", ["thabo", "nkosi"], ["clinic"]),
        ("next of kin: chiara esposito", ["chiara", "esposito"], []),
        ("Frank haematuria noted; Hb 98 g/L. Will review in 6 weeks.", [], ["Frank haematuria", "Will review"]),
    ],
)
def test_names_after_titles_and_person_nouns(text: str, secrets: list[str], kept: list[str]) -> None:
    out = redact(text)
    assert not any(s in out for s in secrets), out
    assert all(k in out for k in kept), out


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("lives at 22 rue de la Paix with her son", "rue de la Paix", "her son"),
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5", ""),
        ("send letters to PO Box 4471", "4471", ""),
        ("33 W 42nd St, New York", "42nd St", ""),
        ("Calle Mayor 12, Madrid; furosemide 40 mg", "Calle Mayor 12", "furosemide 40 mg"),
        ("moved to Boston, Massachusetts 02115 last month", "02115", "last month"),
        ("Dublin D02 X285", "D02 X285", ""),
        ("born on the 3rd of March 1955, eGFR 54", "1955", "eGFR 54"),
        ("workstation 2001:db8:85a3::8a2e:370:7334 logged it at 14:02", "8a2e", "14:02"),
        ("fe80::1ff:fe23:4567:890a", "fe23", ""),
    ],
)
def test_addresses_zips_dates_and_ipv6_beyond_the_english_forms(text: str, secret: str, kept: str) -> None:
    out = redact(text)
    assert secret not in out and kept in out, out


@pytest.mark.parametrize("text", ["ECG at 08:15:22:01", "ratio 1:2:3 at 10:30:00"])
def test_times_ratios_and_device_addresses_are_not_ip_addresses(text: str) -> None:
    assert redact(text) == text


def test_a_mac_address_is_a_device_identifier_not_an_ip_address() -> None:
    # HIPAA Safe Harbor's device identifiers: the MAC goes, as an id; the asset tag beside it stays.
    out = redact("MAC 00:1a:2b:3c:4d:5e on VNT-0107")
    assert out == "MAC [ID-NUMBER] on VNT-0107", out


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Bed 3: Jones, 96 yo, for DNACPR", ["96 yo"]),
        ("a 102-year-old lady with a UTI", ["102-year-old"]),
        ("Reported by SN Ola Bakare, badge HC682222.", ["HC682222"]),
        ("Nurse Ann Lee (NMC PIN 97A0126O) is booked", ["97A0126O"]),
        ("Eng: Tom Reid, emp# 103352.", ["103352"]),
        ("discharged to 54 St Mary's Gardens, Swansea SA1 4AB.", ["54 St Mary's Gardens", "Swansea"]),
        ("Our address is 9681 W Pine Valley St, Philadelphia, PA 19104", ["Pine Valley", "Philadelphia"]),
        ("She lives in Whitby with her son.", ["Whitby"]),
        ("EILIDH MACLEOD 18-JUL-1965 J296O792 WARFARIN 3MG TABS", ["EILIDH", "MACLEOD", "18-JUL-1965", "J296O792"]),
        ("Re: EL-AMIN NADIA\nFlat 3, 2 Mill Road\nOxford\nOX1 2AB", ["EL-AMIN", "NADIA", "Oxford"]),
        ("see https://www.linkedin.com/in/sarah-goldberg-06f193 for the photo", ["sarah-goldberg"]),
        ("Checked by pharmacist D. Washington.", ["Washington"]),
        ("hi its friederike, joy's mum", ["friederike"]),
        ("患者王美玲，出生日期1975年3月4日，BP 158/96.", ["王美玲", "1975年3月4日"]),
        ("PESEL 64071892140.", ["64071892140"]),
    ],
)
def test_v2_identifiers_are_redacted(text: str, secrets: list[str]) -> None:
    out = redact(text)
    for secret in secrets:
        assert secret.lower() not in out.lower(), (secret, out)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Discharge: Ann Lee. Dx: Stevens-Johnson syndrome secondary to lamotrigine.", "Stevens-Johnson syndrome"),
        ("Bed 9: P. Okafor, Ludwig's angina, airway stable", "Ludwig's angina"),
        ("Bed 16: Ruth Adeyemi, Wernicke's risk, Pabrinex", "Wernicke's"),
        ("Bed 7: Ann Lee - Addisonian crisis, hydrocortisone 100mg IV", "Addisonian crisis"),
        ("OGD confirmed a Mallory-Weiss tear, no active bleeding", "Mallory-Weiss tear"),
        ("Bed 1: Tom Reid, Guillain-Barré - FVC 1.4 L", "Guillain-Barré"),
        ("Reviewed by Dr Okafor, CXR requested", "CXR"),
        ("UTI on nitrofurantoin 100mg MR BD", "MR BD"),
        ("discharged from Fleming ward to Sunnyside care home", "Fleming ward"),
        ("discharged from Fleming ward to Sunnyside care home", "Sunnyside care home"),
        ("Transfer to Dr Foster ward tonight", "Dr Foster ward"),
        ("Dräger Evita V500 VENT-09 flow sensor replaced", "Dräger Evita V500"),
        ("My daughter Ella takes Allegra 180mg for hayfever", "Allegra 180mg"),
        ("Child with Down syndrome, review at 2 weeks", "Down syndrome"),
    ],
)
def test_eponyms_places_and_devices_survive(text: str, keep: str) -> None:
    assert keep in redact(text)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Verbal handover - Maria Gonzalez, 5 Jun 2015, Type 1 DM in DKA", ["5 Jun 2015"], ["Type 1 DM", "DKA"]),
        ("Reported by Ama Owusu (staff ID EMP-022355), asset 00417", ["EMP-022355"], ["asset 00417"]),
        ("Her nurse tonight is Faith Bishop, who will recheck the ABG", ["Faith Bishop"], ["recheck the ABG"]),
        ("Audiology referral for Ama Owusu, 98y: lives at 4 High Street, Fresno.", ["98y", "Fresno"], ["Audiology"]),
        ("Positive Murphy's sign; Courvoisier's law mentioned", [], ["Courvoisier's law"]),
    ],
)
def test_general_mechanisms_beside_a_name(text: str, gone: list[str], kept: list[str]) -> None:
    out = redact(text)
    assert all(g not in out for g in gone), out
    assert all(k in out for k in kept), out
