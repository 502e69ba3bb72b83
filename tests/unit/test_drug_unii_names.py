"""Brand and other names derived from FDA UNII groups (scripts/drug_sources/unii.py) and the clinical shorthand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import check_drug_interactions
from tools.drugs.models import Resolution
from tools.registry import ToolResources

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.unii import plausible_name, unii_synonyms  # noqa: E402


def _english(word: str) -> bool:
    return word in {"milk", "sugar", "tablet", "water"}


def test_unii_brand_resolves_to_its_ingredient_and_meets_its_facts(resources: ToolResources) -> None:
    assert resources.kb.brands["cleocin"] == ["clindamycin"]
    match = resources.resolver.resolve("Cleocin")
    assert match.resolution is Resolution.SYNONYM and match.ingredients == ["clindamycin"]
    report = check_drug_interactions(["Cleocin", "succinylcholine"], resources.kb, resources.resolver)
    assert [sorted((i.drug_a, i.drug_b)) for i in report.interactions] == [["clindamycin", "succinylcholine"]]
    assert report.interactions[0].from_a + report.interactions[0].from_b != []


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Rocephin on the chart", ["ceftriaxone"]),
        ("Intuniv at night", ["guanfacine"]),
        ("Questran sachet", ["cholestyramine"]),
        ("Tessalon perles for the cough", ["benzonatate"]),  # no interaction facts: the NDF-RT chemical name
        ("hydros and ibuprofen", ["hydrocodone", "ibuprofen"]),
        ("Zosyn with vanc", ["piperacillin", "tazobactam", "vancomycin"]),
    ],
)
def test_unii_and_shorthand_names_in_free_text(resources: ToolResources, text: str, ingredients: list[str]) -> None:
    assert [i for m in resources.resolver.find_in_text(text) for i in m.ingredients] == ingredients


def test_systematic_names_and_extracts_are_not_added(resources: ToolResources) -> None:
    # UNII YKH834O4BH (epinephrine) also lists its systematic name; it must not become a brand.
    assert not [b for b in resources.kb.brands if "benzenediol" in b]
    assert not [b for b in resources.kb.brands if "allergenic" in b or "pollen" in b]
    assert not plausible_name("1,2-benzenediol, 4-(1-hydroxy-2-(methylamino)ethyl)-, (r)-", _english)
    assert not plausible_name("n-hydroxy-n'-phenyloctanediamide", _english)
    assert not plausible_name("bahia grass pollen extract", _english)
    assert not plausible_name("milk sugar", _english)  # every word English
    assert not plausible_name("abc", _english)
    assert plausible_name("tessalon perles", _english)


def test_unii_groups_reaching_two_ingredients_or_none_are_skipped() -> None:
    groups = {
        "U1": ["rocephin", "ceftriaxone sodium"],
        "U2": ["mixbrand", "warfarin", "aspirin"],  # two ingredients: ambiguous
        "U3": ["lonebrand", "unknownium"],  # no ingredient
        "U4": ["tablet", "ibuprofen"],  # English word
    }
    known = {
        "ceftriaxone sodium": "ceftriaxone",
        "warfarin": "warfarin",
        "aspirin": "aspirin",
        "ibuprofen": "ibuprofen",
    }
    rows = unii_synonyms(groups, known.get, set(), _english)
    assert [(n, i) for n, i, _ in rows] == [("rocephin", "ceftriaxone")]
    assert "FDA UNII U1" in rows[0][2]


def test_unii_names_are_never_fuzzy_matched(resources: ToolResources) -> None:
    # "Neupro" (rotigotine) comes from a UNII group: the everyday "neuro" must not be read as it.
    assert "neupro" in resources.kb.exact_only
    text = "CBD oil with my clobazam, my neuro didn't say no"
    assert "rotigotine" not in [i for m in resources.resolver.find_in_text(text) for i in m.ingredients]
