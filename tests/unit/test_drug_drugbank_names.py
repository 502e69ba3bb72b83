"""Brand and other names from the DrugBank open vocabulary (scripts/drug_sources/drugbank_names.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import check_drug_interactions, name_words
from tools.drugs.knowledge_base import EXACT_ONLY_MARKS
from tools.drugs.models import Resolution
from tools.registry import ToolResources

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.drugbank_names import EXACT_ONLY_MARK, SOURCE, drugbank_synonyms, ingredient_parts  # noqa: E402

CITATION = "DrugBank open data (CC0) via drug-named-entity-recognition 2.0.9 (MIT)"


def _english(word: str) -> bool:
    return word in {"cashew", "milk", "tablet", "water", "green"}


def _found(resources: ToolResources, text: str) -> list[str]:
    return [i for m in resources.resolver.find_in_text(text) for i in m.ingredients]


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Keytruda and Xeljanz for my arthritis", ["pembrolizumab", "tofacitinib"]),
        ("Repatha injection and my Tricor", ["evolocumab", "fenofibrate"]),
        ("Xofluza vs Tamiflu which works faster", ["baloxavir", "oseltamivir"]),
        ("is Ibrance ok with grapefruit", ["palbociclib"]),
        ("started Rinvoq last week", ["upadacitinib"]),
    ],
)
def test_brands_only_this_source_knows_are_read_in_free_text(
    resources: ToolResources, text: str, ingredients: list[str]
) -> None:
    assert [i for i in _found(resources, text) if i != "grapefruit"] == ingredients


def test_a_brand_resolves_to_its_ingredient_with_the_drugbank_citation(resources: ToolResources) -> None:
    match = resources.resolver.resolve("Keytruda")
    assert match.resolution is Resolution.SYNONYM and match.ingredients == ["pembrolizumab"]
    kb = load_rows(resources, "keytruda")
    assert kb == [("pembrolizumab", f"{CITATION}, DrugBank id DB09037")]
    # A medicine no other table knows is still a known medicine: no interactions on file, not "unknown".
    assert "pembrolizumab" in resources.kb.ingredients and "pembrolizumab" not in resources.kb.interacting
    report = check_drug_interactions(["Keytruda", "warfarin"], resources.kb, resources.resolver)
    assert report.unknown == [] and report.interactions == []
    assert "pembrolizumab" in report.checked_ingredients


def load_rows(resources: ToolResources, brand: str) -> list[tuple[str, str]]:
    """(ingredient, citation tail) of a brand's rows, read from the bundled artifact."""
    import sqlite3

    from tools.drugs.knowledge_base import DEFAULT_PATH

    con = sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT ingredient, source FROM brand WHERE brand = ? ORDER BY ingredient", (brand,))
        return [(i, s.split(", ", 1)[1] if s.startswith("synonym: brand or other name of") else s) for i, s in rows]
    finally:
        con.close()


def test_a_combination_brand_gives_every_ingredient(resources: ToolResources) -> None:
    assert sorted(resources.kb.brands["triumeq"]) == ["abacavir", "dolutegravir", "lamivudine"]
    assert _found(resources, "Triumeq and St John's wort?")[:3] == ["abacavir", "dolutegravir", "lamivudine"]
    assert ingredient_parts("abacavir, dolutegravir, and lamivudine") == ["abacavir", "dolutegravir", "lamivudine"]
    assert ingredient_parts("valsartan and sacubitril") == ["valsartan", "sacubitril"]
    assert ingredient_parts("doxepin (depression, anxiety)") == ["doxepin"]


def test_curated_names_are_not_overridden(resources: ToolResources) -> None:
    # The DrugBank vocabulary files "alka-seltzer" under simethicone; the curated table's product is kept.
    assert sorted(resources.kb.brands["alka-seltzer"]) == ["aspirin", "citric acid", "sodium bicarbonate"]
    assert all("drug-named-entity-recognition" not in s for _, s in load_rows(resources, "dupixent"))


@pytest.mark.parametrize(
    "text",
    [
        "I have a curriculum vitae to finish",
        "allergic to cashews since I was four",
        "Talco is Spanish for talc powder",
        "took a couple of vals last night",
        "Our neighbour Mr Heumann collapsed in his garden",
    ],
)
def test_everyday_and_foreign_words_are_not_read_as_medicines(resources: ToolResources, text: str) -> None:
    assert [m.typed for m in resources.resolver.find_in_text(text) if m.kind != "food"] == []


def test_names_are_exact_only_and_leave_person_names_to_redaction(resources: ToolResources) -> None:
    assert EXACT_ONLY_MARK in EXACT_ONLY_MARKS and EXACT_ONLY_MARK in SOURCE  # the builder's rows carry the mark
    assert "keytruda" in resources.kb.exact_only
    assert "pembrolizumab" not in _found(resources, "my Keytrudda infusion")  # never fuzzily
    assert "heumann" not in name_words()  # "terfenadin heumann" left out: a surname stays redactable


def test_noise_conflicts_and_given_names_are_skipped() -> None:
    variants = {
        "newbrand": ["newmab"],  # a DrugBank medicine the KB lacks: added, without facts
        "combix": ["warfarin and aspirin"],
        "cashews": ["cashew"],  # plural of an English word
        "green tablet": ["aspirin"],  # every word English
        "tylenol": ["acetaminophen"],  # given by the curated table
        "abc": ["aspirin"],  # too short
        "genbase": ["janus kinase 2"],  # MeSH-only entry (a protein)
        "co-mix": ["warfarin"],
        "co mix": ["aspirin"],  # same reader key as "co-mix", another ingredient: both dropped
    }
    data = {
        "newmab": {"drugbank_id": "DB99999"},
        "warfarin and aspirin": {"medline_plus_id": "a000001"},
        "cashew": {"drugbank_id": "DB00001"},
        "aspirin": {"drugbank_id": "DB00945"},
        "warfarin": {"drugbank_id": "DB00682"},
        "acetaminophen": {"drugbank_id": "DB00316"},
        "janus kinase 2": {"mesh_id": "D018909"},
    }
    known = {"warfarin": "warfarin", "aspirin": "aspirin", "acetaminophen": "acetaminophen", "tylenol": "acetaminophen"}
    out = drugbank_synonyms(variants, data, known.get, {"cashew"}, {"tylenol"}, _english, "2.0.9")
    assert sorted((n, i) for n, i, _ in out.rows) == [
        ("combix", "aspirin"),
        ("combix", "warfarin"),
        ("newbrand", "newmab"),
    ]
    assert out.new_ingredients == {"newmab": "DB99999"}
    assert "DrugBank id DB99999" in dict((n, s) for n, _, s in out.rows)["newbrand"]
    assert "MedlinePlus a000001" in dict((n, s) for n, _, s in out.rows)["combix"]


@pytest.mark.parametrize(
    ("brand", "ingredient"),
    [("Actemra", "tocilizumab"), ("Perjeta", "pertuzumab"), ("Eylea", "aflibercept")],
)
def test_a_brand_concept_filed_as_a_name_of_its_own_reads_as_its_medicine(
    resources: ToolResources, brand: str, ingredient: str
) -> None:
    # RxNorm files these brand concepts as names without facts; DrugBank's mapping to the medicine wins.
    match = resources.resolver.resolve(brand)
    assert match.resolution is Resolution.SYNONYM and match.ingredients == [ingredient]
