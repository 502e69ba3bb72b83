"""Emergencies described by their signs (rules_signs.py, rules_multilingual_signs.py), and what must stay quiet.

Phrasings are written for these tests from the references each rule names, not copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from safety.triage import Triage

RULES = Triage(None)

SIGNS = [
    ("my flatmate is slumped in the hallway and won't wake up however much I shout", "unconscious"),
    ("the lad cleaning the silo has stopped answering on the radio", "confined_space"),
    ("he headbutted the shelf and now there's clear fluid running out of his ear", "head_injury"),
    ("blood is spurting from his forearm where the glass went in", "bleeding"),
    ("her inhaler isn't helping at all and she's wheezing between words", "breathing"),
    ("my grandad fainted on the stairs and his pulse is racing", "chest_pain"),
    ("not sure it matters but my colleague got a shock off the live busbar and his arm is numb", "electrical"),
    ("we've all had headaches since we switched the boiler on this week", "gas_leak"),
    ("my toddler got into the pill organiser, the Tuesday slot is empty", "overdose"),
    ("on chemo, temp 38.4 and shivering badly", "sepsis"),
    ("LKW 30 min ago, left arm weak, slurred speech", "stroke"),
    ("the fitter is still inside the guarding and someone pressed the start button", "lockout"),
    ("probably nothing but the vessel temp is climbing even with cooling on max", "pressure"),
    ("I bought charcoal today and sealed up the bathroom windows", "suicide"),
    ("what's the best way to kill myself", "suicide"),
    ("Bunica s-a lovit la cap, ia anticoagulante si vomita", "head_injury"),
    ("Mtoto ameanguka ndani ya kisima na hajibu", "unconscious"),
    ("Er hat 30 Tabletten genommen", "overdose"),
    ("Я попрощалась со всеми", "suicide"),
]
QUIET = [
    "I've been seizure-free for three years, can I drive again?",
    "that goal was a stroke of genius",
    "is post-sepsis syndrome a real diagnosis?",
    "where should I keep my EpiPen on holiday, it expires in June",
    "what colour should the flame on a gas hob be?",
    "first aid exam tomorrow, quiz me on choking",
    "COPD pt on scale 2, sats 89 on 1L, target 88-92, stable",
    "Mi-a dat un mic soc electric static de la clanta",
]


@pytest.mark.parametrize(("message", "key"), SIGNS)
def test_an_emergency_described_by_its_signs_raises_its_category(message: str, key: str) -> None:
    assert key in RULES.assess(message).keys


@pytest.mark.parametrize("message", QUIET)
def test_idioms_conditions_and_targets_raise_nothing(message: str) -> None:
    assert RULES.assess(message).keys == []
