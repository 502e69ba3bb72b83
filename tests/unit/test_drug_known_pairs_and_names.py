"""Issue 18: findings a Drugs.com user expects, names read from free text, and bad input."""

from __future__ import annotations

import time

import pytest

from tools.drugs import Resolution, Severity, check_drug_interactions
from tools.registry import ToolResources


def top(res: ToolResources, *drugs: str):
    report = check_drug_interactions(list(drugs), res.kb, res.resolver)
    return report, max(report.interactions, key=lambda i: i.severity.rank)


@pytest.mark.parametrize(
    ("a", "b", "at_least"),
    [
        ("levomethadyl", "sparfloxacin", Severity.MAJOR),  # two torsades drugs, both older/withdrawn
        ("anagrelide", "probucol", Severity.MAJOR),
        ("spironolactone", "potassium chloride", Severity.MAJOR),
        ("St John's wort", "ethinyl estradiol", Severity.MAJOR),
        ("furosemide", "digoxin", Severity.MODERATE),
        ("ibuprofen", "lisinopril", Severity.MODERATE),
        ("sertraline", "sumatriptan", Severity.MAJOR),
        ("ergotamine", "clarithromycin", Severity.CONTRAINDICATED),
    ],
)
def test_expected_findings_reach_their_severity(resources, a, b, at_least) -> None:
    _, finding = top(resources, a, b)
    assert finding.severity.rank >= at_least.rank


def test_torsades_finding_cites_the_membership_reference(resources) -> None:
    _, finding = top(resources, "levomethadyl", "sparfloxacin")
    assert any("CredibleMeds" in s and "class membership" in s for s in finding.sources)


def test_nyquil_with_zoloft_finds_dextromethorphan_and_names_the_brand(resources) -> None:
    report = check_drug_interactions(["NyQuil", "Zoloft"], resources.kb, resources.resolver)
    finding = next(i for i in report.interactions if {i.drug_a, i.drug_b} == {"dextromethorphan", "sertraline"})
    assert finding.severity.rank >= Severity.MAJOR.rank
    assert "NyQuil" in finding.from_a + finding.from_b


def test_tylenol_pm_is_read_as_both_ingredients(resources) -> None:
    assert resources.resolver.resolve("Tylenol PM").ingredients == ["acetaminophen", "diphenhydramine"]
    found = resources.resolver.find_in_text("I took Tylenol PM last night")
    assert [m.ingredients for m in found] == [["acetaminophen", "diphenhydramine"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Check warfarin with fish oil and St John's wort", ["warfarin", "omega-3 fatty acids", "st. john's wort"]),
        ("st. johns wort and sertaline", ["st. john's wort", "sertraline"]),
        ("can i take ibuprofin with my lisinoprel", ["ibuprofen", "lisinopril"]),
        ("warfrin, cumadin / metforman + aspirin 81", ["warfarin", "warfarin", "metformin", "aspirin"]),
        ("warfarin 5 mg tab\nco-trimoxazole", ["warfarin", "sulfamethoxazole", "trimethoprim"]),
        ("paracetamol and salbutamol", ["acetaminophen", "albuterol"]),
    ],
)
def test_free_text_names_multiword_misspelt_and_listed(resources, text, expected) -> None:
    found = resources.resolver.find_in_text(text)
    assert [i for m in found for i in m.ingredients] == expected


def test_everyday_words_are_neither_medicines_nor_unknown_medicines(resources) -> None:
    text = "I take something for sleep and pain, my blood pressure is up, and I like fish"
    assert resources.resolver.find_in_text(text) == []
    assert resources.resolver.find_unknown_in_text(text) == []


def test_unknown_medicine_in_a_medication_list_is_reported(resources) -> None:
    assert resources.resolver.find_unknown_in_text("I take flurbonix, metoprolol and sleep") == ["flurbonix"]


def test_grapefruit_juice_is_a_food_not_a_medicine(resources) -> None:
    found = resources.resolver.find_in_text("I take Lipitor, is grapefruit juice a problem?")
    assert [(m.ingredients, m.kind) for m in found] == [(["atorvastatin"], "medicine"), (["grapefruit juice"], "food")]


def test_pasted_2000_character_list_is_read_fast_and_completely(resources) -> None:
    text = ("warfarin 5 mg tab, metoprolol succinate 25mg, lisinoprel 10 mg, fish oil; " * 40)[:2000]
    resources.resolver.find_in_text(text)  # warm the fuzzy cache as a long-running service would
    started = time.perf_counter()
    found = resources.resolver.find_in_text(text)
    assert time.perf_counter() - started < 0.05
    assert {i for m in found for i in m.ingredients} == {"warfarin", "metoprolol", "lisinopril", "omega-3 fatty acids"}


def test_other_scripts_and_unknown_names_are_reported_not_dropped(resources) -> None:
    drugs = ["варфарин", "阿司匹林", "xyzzyquil", "warfarin", "aspirin"]
    report = check_drug_interactions(drugs, resources.kb, resources.resolver)
    assert report.error is None
    assert report.unknown == ["варфарин", "阿司匹林", "xyzzyquil"]
    assert len(report.names) == len(drugs)
    assert resources.resolver.find_in_text("варфарин 阿司匹林 and warfarin")[0].ingredients == ["warfarin"]


def test_fifty_names_with_brands_and_misspellings_are_all_accounted_for(resources) -> None:
    base = [
        "Coumadin",
        "Advil",
        "Zocor",
        "Biaxin",
        "lisinopril",
        "spironolactone",
        "Lasix",
        "sertraline",
        "tramadol",
        "NyQuil",
        "Tylenol PM",
        "Percocet",
        "Augmentin",
        "Bactrim",
        "co-codamol",
        "paracetamol",
        "ibuprofin",
        "metforman",
        "notadrug",
        "amiodarone",
    ]
    drugs = (base * 3)[:50]
    report = check_drug_interactions(drugs, resources.kb, resources.resolver)
    assert report.error is None and len(report.names) == 50
    assert all(m.ingredients or m.resolution in (Resolution.UNKNOWN, Resolution.AMBIGUOUS) for m in report.names)
    assert "notadrug" in report.unknown
