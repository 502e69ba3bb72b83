"""Clinical clipped names, international brands, plural brands and prose-safe ingredient names (session 10)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import DrugNameResolver

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.everyday import prose_ingredients  # noqa: E402
from drug_sources.salts import salt_synonyms  # noqa: E402


def ingredients(resolver: DrugNameResolver, text: str) -> list[str]:
    return [i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("enox 40 SC daily", ["enoxaparin"]),  # ward and ICU clipped names
        ("dilt gtt at 10, amio bolus", ["diltiazem", "amiodarone"]),
        ("metop held for HR 50", ["metoprolol"]),
        ("levophed at 12, vaso added", ["norepinephrine", "vasopressin"]),
        ("D50 25 mL given", ["dextrose"]),  # ISMP abbreviation
        ("IV magnesium if no improvement", ["magnesium sulfate"]),
        ("Tachipirina for fever", ["acetaminophen"]),  # national SmPCs and registries
        ("Citramon for a headache", ["aspirin", "acetaminophen", "caffeine"]),
        ("Spasfon for cramps", ["phloroglucinol"]),
        ("Pantoloc 40 and Entrophen 81", ["pantoprazole", "aspirin"]),
        ("Dioralyte sachets", ["oral rehydration salts"]),
        ("Beyfortus for RSV", ["nirsevimab"]),
        ("oxytocin running", ["oxytocin"]),  # a dictionary word read once a curated brand names it
        ("Silver sulfadiazine cream", ["silver sulfadiazine"]),
        ("iron tablets every day", ["iron"]),
        ("ginseng and yohimbe", ["ginseng", "yohimbine"]),
        ("started pip/tazo and vanc", ["piperacillin", "tazobactam", "vancomycin"]),  # a slash joins a combination
        ("TMP/SMX DS", ["sulfamethoxazole", "trimethoprim"]),
        ("the clarithro/simva query", ["clarithromycin", "simvastatin"]),  # or lists two
        ("levothyroxine/vitamin d/iron", ["levothyroxine", "cholecalciferol", "iron"]),
        ("epi 1 mg, nor-epi at 5", ["epinephrine", "norepinephrine"]),
        ("Cellcept and Prograf", ["mycophenolic acid", "tacrolimus"]),  # an ester names its active moiety
        ("Iron bisglycinate daily", ["iron"]),
        ("Hartmann's solution 1 L", ["lactated ringer's"]),
        ("Alvedon and Hjertemagnyl", ["acetaminophen", "aspirin"]),
    ],
)
def test_clipped_names_and_international_brands(resolver: DrugNameResolver, text: str, expected: list[str]) -> None:
    assert ingredients(resolver, text) == expected


def test_plural_brand_names_are_read(resolver: DrugNameResolver) -> None:
    assert ingredients(resolver, "she took Quaaludes in the 70s") == ["methaqualone"]
    assert ingredients(resolver, "a few Percocets") == ["oxycodone", "acetaminophen"]


@pytest.mark.parametrize(
    "text",
    [
        "what do the statins do",
        "I had a vaso-vagal episode",
        "I am an actor",
        "grab the pills from the kitchen",
        "and/or morning/evening",
    ],
)
def test_everyday_plurals_and_hyphenated_prefixes_are_not_medicines(resolver: DrugNameResolver, text: str) -> None:
    assert ingredients(resolver, text) == []


def test_salt_and_conjugate_names_reach_the_active_moiety(resolver: DrugNameResolver) -> None:
    assert resolver.resolve("vilanterol trifenatate").ingredients == ["vilanterol"]
    assert resolver.resolve("certolizumab pegol").ingredients == ["certolizumab"]
    assert salt_synonyms({"vilanterol", "vilanterol trifenatate"}, {"vilanterol"}) == {
        "vilanterol trifenatate": "vilanterol"
    }


def test_prose_names_ending_in_a_medicine_word() -> None:
    names = {"chromium picolinate", "codeine polistirex", "orange juice"}
    assert prose_ingredients(names, frozenset({"codeine"})) == ["chromium picolinate"]
