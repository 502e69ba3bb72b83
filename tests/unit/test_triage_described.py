"""Emergencies told by what happened (blood lost, tablets counted, a reading, an armed arrival) and look-alikes that
only borrow the words (a collapsed cake, hay fever, a simile, a spill dealt with, a "does X count as" question)."""

from __future__ import annotations

import pytest

from safety.triage import Triage
from safety.triage.context import quiet
from safety.triage.normalise import normalise
from safety.triage.ruleset import rule_keys

RULES = Triage(None)


def _keys(text: str) -> list[str]:
    return RULES.assess(text).keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # heavy blood loss described, not named, in other languages
        ("Estoy embarazada y he perdido mucha sangre esta mañana, me duele la tripa", "bleeding"),
        ("Mein Vater hat viel Blut verloren nach dem Sturz, er ist ganz blass", "bleeding"),
        # tablets counted and taken, in other languages
        ("Mama a înghițit 30 de pastile de paracetamol azi dimineață", "overdose"),
        ("Er hat 25 Tabletten genommen und ist jetzt sehr müde", "overdose"),
        # a pesticide with the signs of poisoning
        ("Se derramó el insecticida en el almacén y mi compañero está mareado y vomitando", "chemical"),
        # a flammable gas reading in another language's abbreviation
        ("Messgerät zeigt 35% UEG im Schacht, die Leute arbeiten weiter", "gas_leak"),
        # blood pressure as another language writes it
        ("Patient nach Wespenstich, Blutdruck 70/40, Gesicht geschwollen", "anaphylaxis"),
        # a poison decanted into a drinks bottle, named only afterwards
        ("my dad swallowed some from a lemonade bottle in the shed, it was actually weed killer", "overdose"),
        # nurse shorthand for a method with "self"
        ("pt states intends to hang self when home, ligature found", "suicide"),
        # an armed person arriving
        ("an angry customer just walked into the depot with a rifle", "harm_others"),
    ],
)
def test_described_emergency_flags(text: str, key: str) -> None:
    assert key in _keys(text)


def test_a_misspelt_collapse_in_a_confined_space_flags() -> None:
    keys = _keys("my mate colapsed down the sewer chamber, can't get a reply from him")
    assert "unconscious" in keys


def test_short_foreign_clauses_are_read_together_in_a_mixed_message() -> None:
    # "nu răspunde" alone is two words; read with the clause before it, it is a person not responding
    assert rule_keys(normalise("Un coleg a căzut de pe schelă, nu răspunde, what should we do")) != []


def test_hindi_agentive_wala_is_not_a_negation() -> None:
    # "karne wala" is "the one who does", not Tagalog "wala" (none)
    assert "unconscious" in _keys("Sewer saaf karne wala aadmi behosh ho gaya")


@pytest.mark.parametrize(
    "text",
    [
        "my souffle collapsed in the oven, any tips for next time?",
        "the gazebo collapsed in the wind last night, is it worth fixing?",
        "cabin fever after a week indoors, any ideas to keep the kids drowsy and calm?",
        "hay fever has me wiped out, which antihistamine is least drowsy?",
        "a trapped nerve gives me a pain that feels like an electric shock down my leg",
        "this lift feels like a confined space, I hate it",
        "Is a loft hatch classed as a confined space for our roofers?",
        "Bleach spill in the sluice this morning, neutralised and mopped, nobody was exposed. Where do I log it?",
        "my gran is giving a talk on recognising heart attack symptoms at the church hall",
    ],
)
def test_look_alike_does_not_flag(text: str) -> None:
    assert _keys(text) == []


def test_a_simile_keeps_clinical_symptoms() -> None:
    # "feels like a heart attack" is a symptom, not a figure of speech
    assert "chest_pain" in _keys("crushing pain in my chest, feels like a heart attack, sweating")


def test_a_low_flammable_gas_reading_does_not_flag() -> None:
    assert _keys("Messgerät zeigt 0% UEG, alles normal") == []


def test_a_figure_of_speech_spelt_as_said_is_quiet() -> None:
    # the probe is not asked about "killin me" any more than about "killing me"
    assert quiet(normalise("these allergies are killin me, any non-drowsy tablets?"))
    assert not quiet(normalise("these allergies are making my throat close up"))


@pytest.mark.parametrize(
    "text",
    [
        "our 4 month old's nappies have stayed dry all day and he's floppy",
        "Unser Säugling: Windel seit heute früh trocken, sehr schlapp",
        "Mi bebé no ha tenido ningún pañal mojado desde anoche y está muy adormilado",
    ],
)
def test_a_dry_nappy_with_a_drowsy_baby_flags(text: str) -> None:
    assert "paediatric" in _keys(text)


def test_a_drowsy_baby_with_wet_nappies_does_not_flag() -> None:
    assert _keys("she's sleepy after her bottle, plenty of wet nappies today") == []


def test_unequal_pupils_with_an_adverb_flag_after_a_knock() -> None:
    assert "head_injury" in _keys("banged his head on the door frame and one pupil is clearly larger now")
