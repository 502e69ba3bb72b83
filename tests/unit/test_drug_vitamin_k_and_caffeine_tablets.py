"""Writer 11 tune-half classes: vitamin K with a vitamin K antagonist is a finding, caffeine tablets are a medicine
(caffeine in a drink is not), St John's wort abbreviated, an Indian clopidogrel brand. New phrasings, not the rows."""

from __future__ import annotations

import pytest

from tools.drugs import DrugKnowledgeBase, DrugNameResolver, Severity, check_drug_interactions


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) for i in m.ingredients}


@pytest.mark.parametrize(
    "pair", [["warfarin", "vitamin K"], ["acenocoumarol", "phytomenadione"], ["Coumadin", "Mephyton"]]
)
def test_vitamin_k_with_a_vitamin_k_antagonist_is_a_moderate_finding(kb: DrugKnowledgeBase, pair: list[str]) -> None:
    report = check_drug_interactions(pair, kb)
    assert [i.severity for i in report.interactions] == [Severity.MODERATE]
    assert "INR" in report.interactions[0].management


def test_vitamin_k_with_a_direct_oral_anticoagulant_is_no_finding(kb: DrugKnowledgeBase) -> None:
    assert check_drug_interactions(["apixaban", "vitamin K"], kb).interactions == []


def test_caffeine_tablets_are_read_and_a_coffee_is_not(resolver: DrugNameResolver) -> None:
    assert "caffeine" in _read(resolver, "are caffeine tablets ok with my sertraline?")
    assert "caffeine" not in _read(resolver, "is the caffeine in my coffee ok with sertraline?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is SJW ok with citalopram", {"st. john's wort", "citalopram"}),
        ("Clopitab 75 with omeprazole?", {"clopidogrel", "omeprazole"}),
    ],
)
def test_abbreviated_herb_and_indian_brand_are_read(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) == expected
