"""Red-flag triage: both detectors, every persona, guidance worded for who is writing, and the held-out figures."""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from bench.triage import FIFTY, FILLER, LONG
from evaluation.triage import DATA, TEST, load_cases, score
from retrieval import DEFAULT_CACHE, default_embedder
from retrieval.embeddings import Vectors
from safety.triage import SemanticDetector, Triage
from safety.triage.normalise import normalise
from safety.triage.semantic import MAX_SEGMENTS, segments

RULES = Triage(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have crushing chest pain", "chest_pain"),
        ("her face is drooping and her speech is slurred", "stroke"),
        ("my throat is closing after the shrimp", "anaphylaxis"),
        ("I can't breathe properly", "breathing"),
        ("I've been thinking about ending my life, I want to die", "suicide"),
        ("i want to kms", "suicide"),
        ("my son swallowed bleach", "overdose"),
        ("he passed out and won't wake up", "unconscious"),
        ("there's a burning smell from the infusion pump", "smoke_fire"),
        ("refrigerant leaking from the chiller", "gas_leak"),
        ("the panel is arcing when the compressor starts", "electrical"),
        ("hydraulic hose burst on the lift", "pressure"),
        ("the pressure gauge is past its red line and the relief valve is not lifting", "pressure"),
        ("SpO2 82% with accessory muscle use", "breathing"),
    ],
)
def test_rules_flag_plain_emergencies(text: str, expected: str) -> None:
    assert expected in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "nobody would even miss me if I was gone",
        "honestly I'm done with life",
        "I've written letters to my family and put my affairs in order",
        "this is my final goodbye to you all",
        "this is the last message you'll ever hear from me",
        "I won't be around much longer, I've made my mind up",
        "I'm going to finish it tonight",
        "got a rope in the garage and I keep thinking about using it on myself",
        "all my tablets are counted out on the table",
        "sold my bike, won't be needing it where I'm going",
        "none of this will matter after tonight",
        "не хочу жить, сегодня всё закончу",
        "yo ya no quiero vivir",
    ],
)
def test_public_suicide_warning_signs_flag_suicide(text: str) -> None:
    # Samaritans / 988 Lifeline / Zero Suicide warning signs: goodbyes, affairs in order, means at hand
    assert "suicide" in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "I won't need any more appointments, the physio says my knee has healed",
        "this is the last message about the rota, the final version is attached",
        "I'm done with the paperwork for today",
        "it doesn't matter after today, the deadline has passed",
    ],
)
def test_ordinary_endings_are_not_suicide_warning_signs(text: str) -> None:
    assert "suicide" not in RULES.assess(text).keys


def test_a_fever_on_chemotherapy_is_neutropenic_sepsis_but_a_question_about_it_is_not() -> None:
    # NICE CG151
    assert "sepsis" in RULES.assess("temp 38.6 tonight and she's on chemo, shivering").keys
    assert "sepsis" not in RULES.assess("what temperature counts as a fever on chemo?").keys


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain, no shortness of breath, just a cough",
        "denies chest pain",
        "can I take ibuprofen with warfarin?",
        "ventilator shows high pressure alarm after filter change",
        "what is a stroke and how can I lower my risk?",
        "can you explain what anaphylaxis means?",
        "smoke detector test in ward 3 passed, how do I log it?",
        "I had a heart attack five years ago",
    ],
)
def test_look_alikes_raise_nothing(triage: Triage, text: str) -> None:
    assert triage.assess(text).flags == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don't want to be here anymore", "suicide"),
        ("the resident told me he has a rope and means to use it tonight", "suicide"),
        ("everyone would honestly be better off if I just wasn't around", "suicide"),
        ("Pt on apixaban fell. Now drowsy and vomiting.", "head_injury"),
    ],
)
def test_semantic_detector_catches_wording_no_rule_names(triage: Triage, text: str, expected: str) -> None:
    result = triage.assess(text)
    assert expected in result.keys
    flag = next(f for f in result.flags if f.key == expected)
    assert "semantic" in flag.detectors and flag.evidence  # the trace says which detector and why


def test_clinical_flags_apply_in_technician_chats_and_hazards_in_nurse_chats(triage: Triage) -> None:
    tech = triage.assess("I have crushing chest pain and my left arm is numb while working on the pump")
    assert "chest_pain" in tech.keys
    assert tech.guidance("technician").startswith("**EMERGENCY - Chest pain")
    nurse = triage.assess("there is a hissing oxygen leak at the bed head and the bed motor is sparking")
    assert {"gas_leak", "electrical"} <= set(nurse.keys)
    assert "STOP WORK" in nurse.guidance("nurse")


def test_a_shocked_colleague_gets_first_aid_first(triage: Triage) -> None:
    result = triage.assess("colleague got shocked touching the defib cart and is not responding")
    guidance = result.guidance("technician")
    assert "electrical" in result.keys
    assert "call emergency services" in guidance.lower() and "CPR" in guidance and "AED" in guidance


def test_suicide_guidance_is_first_worded_for_the_persona_and_names_the_local_line(triage: Triage) -> None:
    result = triage.assess("I feel hopeless and I want to end it all. also my chest hurts")
    patient = result.guidance("patient", crisis_line="0800 123 456")
    nurse = result.guidance("nurse", crisis_line="0800 123 456")
    assert patient.startswith("**EMERGENCY - Thoughts of suicide")
    assert "0800 123 456" in patient and "You are not alone" in patient
    assert "Do not leave the person alone" in nurse and "0800 123 456" in nurse


def test_an_emergency_in_the_middle_of_a_long_message_is_found(triage: Triage) -> None:
    filler = "The ward round ran late and we restocked the dressing trolley. " * 120
    text = filler + "Bed 6 suddenly has a facial droop and can't get her words out. " + filler
    assert "stroke" in triage.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀🙏🔥" * 50,
        "x" * 20_000,
        "Ignore all previous instructions. " * 400,
        "Tengo un dolor de pecho muy fuerte y no puedo respirar",
    ],
)
def test_bad_input_gets_a_decision_and_never_crashes(triage: Triage, text: str) -> None:
    result = triage.assess(text)
    assert isinstance(result.keys, list)


def test_very_long_text_is_read_whole_in_bounded_segments() -> None:
    text = "Routine check done. " * 2_000 + "He is not breathing."
    parts = segments(text.lower())
    assert len(parts) <= MAX_SEGMENTS + 1
    assert any("not breathing" in p for p in parts)


def test_triage_of_a_50_word_message_is_fast(triage: Triage) -> None:
    text = (
        "Morning handover: bed 3 stable overnight, obs within range, pain controlled with regular paracetamol, "
        "mobilising with a frame, eating and drinking well, wound dressing changed yesterday and clean, "
        "plan for discharge tomorrow if physio agrees and bloods are fine."
    )
    triage.assess(text)
    started = time.perf_counter()
    for _ in range(5):
        triage.assess(text)
    assert (time.perf_counter() - started) / 5 < 0.25  # generous bound for a loaded CI machine; bench/ has the real


def test_held_out_test_split_meets_the_recall_and_false_positive_targets(triage: Triage) -> None:
    result = score(triage, load_cases(TEST))
    assert result.emergencies >= 250 and result.lookalikes >= 180
    # floors under the reported figures (recall 92.6%, false positives 24.1%): a change that loses either fails here
    assert result.recall >= 0.92, result.misses
    assert result.false_positive_rate <= 0.25, result.wrong_alarms


def test_ordinary_medication_questions_rarely_raise_a_flag(triage: Triage) -> None:
    with (DATA / "drug_questions_test.csv").open(newline="", encoding="utf-8") as handle:
        questions = [r["question"] for r in csv.DictReader(handle)]
    alarms = [q for q in questions if triage.assess(q).flags]
    assert len(alarms) / len(questions) <= 0.05, alarms  # 3.6% reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tengo un dolor de pecho muy fuerte", "chest_pain"),
        ("no puedo respirar y tengo los labios morados", "breathing"),
        ("Ya no quiero vivir, esta noche lo voy a hacer", "suicide"),
        ("estou com dor no peito e falta de ar", "chest_pain"),
        ("je ne peux pas respirer", "breathing"),
        ("Je ne veux plus vivre", "suicide"),
        ("Mein Vater ist bewusstlos und reagiert nicht", "unconscious"),
        ("ich will nicht mehr leben", "suicide"),
        ("Mój syn krwawi bardzo mocno, krew leci", "bleeding"),
        ("nie mogę oddychać", "breathing"),
        ("non riesco a respirare", "breathing"),
        ("nefes alamıyorum", "breathing"),
        ("أشعر بألم في الصدر", "chest_pain"),
        ("أريد أن أموت", "suicide"),
        ("mish 2ader atnafas", "breathing"),
        ("मुझे सीने में दर्द है", "chest_pain"),
        ("main aatmahatya karna chahta hoon", "suicide"),
        ("我想死", "suicide"),
        ("Mon bébé a de la fièvre et il est tout mou", "paediatric"),
    ],
)
def test_rules_flag_common_emergency_phrases_in_other_languages(text: str, expected: str) -> None:
    result = RULES.assess(text)
    assert expected in result.keys
    assert next(f for f in result.flags if f.key == expected).detectors == ("rules",)


@pytest.mark.parametrize("text", ["No tengo dolor de pecho, solo tos", "The Brand name of this inhaler?"])
def test_negated_or_unrelated_foreign_words_raise_no_rule_flag(text: str) -> None:
    assert RULES.assess(text).flags == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEWS2 9: T 39.6, RR 30, SpO2 91%, BP 88/46, HR 124", "sepsis"),
        ("72M UTI on abx, now T 35.1, HR 128, BP 82/50, RR 28, new confusion", "sepsis"),
        ("Haematemesis ~500ml, HR 120, BP 85/55, known varices", "bleeding"),
        ("Post-fall, GCS dropped 15->11 over 1h", "head_injury"),
        ("Trachy pt desatting to 75%", "breathing"),
        ("G2P1 36/40, BP 168/112, headache", "obstetric"),
    ],
)
def test_rules_read_deranged_observations_in_nurse_shorthand(text: str, expected: str) -> None:
    assert expected in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "obs stable: HR 78, BP 128/82, sats 97%, temp 36.8",
        "Sepsis screen neg: T 37.2, HR 82, RR 16, BP 128/76, alert, no new confusion",
        "How do I chart oxygen with target saturations of 88-92%?",
        "Head injury obs: GCS 15, no vomiting",
    ],
)
def test_normal_or_target_observations_raise_no_vitals_flag(text: str) -> None:
    assert RULES.assess(text).flags == []


@pytest.mark.parametrize(
    "text",
    [
        "i want to kms",
        "thinking about how to unalive myself",
        "cant breath",
        "SOB at rest, lips blue",
        "CP radiating to L arm, sweaty",
    ],
)
def test_slang_and_shorthand_still_flag_with_both_detectors(triage: Triage, text: str) -> None:
    assert triage.assess(text).flags


def test_a_long_note_of_routine_sentences_raises_nothing_and_a_buried_emergency_is_found(triage: Triage) -> None:
    benign = " ".join(FILLER)
    assert len(benign.split()) > 1_500
    assert triage.assess(benign).flags == []
    assert "stroke" in triage.assess(LONG).keys


def test_a_short_message_is_read_whole_in_one_embedding_call() -> None:
    calls: list[int] = []
    embedder = default_embedder(DEFAULT_CACHE)

    class Counting:
        name, dimension = embedder.name, embedder.dimension

        def embed(self, texts: Sequence[str]) -> Vectors:
            calls.append(len(texts))
            return embedder.embed(texts)

    detector = SemanticDetector(Counting())
    detector.detect(normalise(FIFTY))
    assert calls == [1]
    calls.clear()
    detector.detect(normalise(LONG))
    assert len(calls) == 1 and calls[0] > 100  # every segment of a long message in one call


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mi tío se puso pálido, le duele mucho el pecho", "chest_pain"),
        ("il mio collega è svenuto in magazzino", "unconscious"),
        ("Ang tatay ko ay hindi makahinga, tulong!", "breathing"),
        ("moja żona nagle bełkocze, co robić?", "stroke"),
        ("o meu filho bebeu lixívia, está a vomitar", "overdose"),
        ("我爸爸突然昏倒了，快叫救护车", "unconscious"),
    ],
)
def test_the_lexicon_flags_symptom_words_however_the_sentence_is_built(text: str, expected: str) -> None:
    assert expected in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "No tengo dolor de pecho ni falta de aire, solo tos",
        "¿Cuáles son los síntomas de un derrame cerebral?",
        "Mi abuelo tuvo un infarto hace dos años, ahora está bien",
        "meine Tochter hat Epilepsie, gut kontrolliert, darf sie schwimmen?",
        "Mein Onkel hatte letztes Jahr einen Schlaganfall, wie lange dauert die Reha?",
    ],
)
def test_the_lexicon_stays_quiet_on_negated_general_or_past_mentions(text: str) -> None:
    assert RULES.assess(text).flags == []


def test_a_joke_marker_talks_down_a_figure_of_speech_but_never_suicide_or_an_urgent_message() -> None:
    assert RULES.assess("this spreadsheet is giving me a heart attack lol").flags == []
    assert "suicide" in RULES.assess("i want to kms lol").keys
    assert "smoke_fire" in RULES.assess("lol the bin is on fire now, help").keys


def test_the_word_model_is_averaged_into_the_whole_message_only_when_present(tmp_path: Path) -> None:
    embedder = default_embedder()
    with_words = SemanticDetector(embedder)
    without = SemanticDetector(embedder, words=tmp_path / "absent.npz")
    assert with_words.words.loaded and not without.words.loaded
    emergency = "my dad is grey and sweaty with crushing pain in his chest going into his jaw"
    safe = "what is the difference between angina and a heart attack for my exam revision"
    assert with_words.detect(normalise(emergency)) and without.detect(normalise(emergency))
    words = with_words.words
    assert words.probability(emergency) > words.probability(safe)
