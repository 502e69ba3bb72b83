"""Classes writer 14's test half exposed after its one scoring (fixed afterwards, not counted), and writer 14's tune
half: being no burden from a set time, choosing when no one will find them, affairs sorted with a sudden calm, a
laugh beside a reading, a lock pulled off with an arm inside, a relief valve that stopped, drowsiness with cold
peripheries, hydrofluoric acid and organophosphate signs, a corrosive in the eyes, strangulation with a threat to kill.
New phrasings, not the scored rows."""

from __future__ import annotations

import pytest

from safety.triage import Triage

RULES = Triage(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i wont be a burden to anyone after this weekend", "suicide"),
        ("picked a day when nobody will be around to find me", "suicide"),
        ("sorted out who gets my cat, wrote letters to my brothers, calm for the first time in years", "suicide"),
        ("pt in bay 3 still CP 7/10 despite GTN x2, trop up, lol the reg is in theatre", "chest_pain"),
        ("someone took the padlock off the mixer and Dave's hand is still inside the bowl", "lockout"),
        ("boiler at 9 bar, safety valve stuck, rated for 6", "pressure"),
        ("dad much drowsier today with cold mottled legs and a temp", "sepsis"),
        ("HF on his skin about an hour ago, now agony", "chemical"),
        ("after spraying the insecticide he is frothing at the mouth and twitching", "overdose"),
        ("mi è schizzata la candeggina negli occhi, brucia e non vedo bene", "chemical"),
        ("Er hat mich gewürgt und gesagt, er bringt mich um, wenn ich rede", "harm_others"),
    ],
)
def test_a_red_flag_told_in_passing_is_raised_by_the_rules(text: str, expected: str) -> None:
    assert expected in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "will taking ibuprofen be a problem for anyone with asthma?",
        "our fire drill lol, everyone out in 3 minutes",
        "what does a pressure relief valve do on a boiler?",
        "HF stands for heart failure in my notes, what does that mean?",
    ],
)
def test_a_look_alike_in_the_same_words_is_not_raised(text: str) -> None:
    assert RULES.assess(text).flags == []


def test_wanting_to_end_everything_on_a_roof_in_hinglish_is_raised() -> None:
    # writer 15, after its scoring (not counted)
    assert "suicide" in RULES.assess("bas ab sab khatam karna chahta hoon, terrace pe khada hoon").keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BM reads HI, ketones 4.1 and pH 7.12 on the gas, what now", "glucose"),
        ("motor ke wiring se dhuaan aa raha hai, smell bhi hai", "smoke_fire"),
    ],
)
def test_ketoacidosis_by_its_numbers_and_smoke_from_wiring_in_hinglish_are_raised(text: str, expected: str) -> None:
    # writer 15, after its scoring (not counted)
    assert expected in RULES.assess(text).keys


def test_ketones_with_a_normal_ph_are_not_raised() -> None:
    assert "glucose" not in RULES.assess("ketones 0.3, pH 7.38, glucose 6.1 this morning, all fine").keys


def test_a_neighbour_beating_his_wife_right_now_in_german_is_raised() -> None:
    # writer 15, after its scoring (not counted)
    assert "harm_others" in RULES.assess("Der Mann nebenan schlägt jetzt seine Frau, ich höre sie schreien").keys
