"""Issue 18 follow-up: UK/INN names, supplements, street names, combination brands and not-medicine contexts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import check_drug_interactions
from tools.registry import ToolResources

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.salts import salt_synonyms  # noqa: E402


def read(res: ToolResources, text: str) -> dict[str, tuple[list[str], str]]:
    return {m.typed.lower(): (m.ingredients, m.kind) for m in res.resolver.find_in_text(text)}


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("alendronic acid weekly", ["alendronate"]),  # INN acid -> USAN salt
        ("ursodeoxycholic acid for gallstones", ["ursodiol"]),
        ("phenoxymethylpenicillin 250", ["penicillin v"]),
        ("Clenil two puffs", ["beclomethasone"]),
        ("glycopyrronium for secretions", ["glycopyrrolate"]),
        ("Entyvio infusion", ["vedolizumab"]),
        ("Fragmin 5000 units", ["dalteparin"]),
        ("Afrin nasal spray", ["oxymetazoline"]),
        ("iron sucrose infusion", ["iron sucrose"]),
        ("coal tar shampoo", ["coal tar"]),
        ("vitamin D3 daily", ["cholecalciferol"]),
        ("vitamin C 1000", ["ascorbic acid"]),
        ("5-HTP at night", ["oxitriptan"]),
        ("biotin before my blood test", ["biotin"]),
        ("magnesium glycinate at night", ["magnesium"]),
        ("red yeast rice", ["red yeast rice"]),
        ("a few vallies", ["diazepam"]),
        ("k-pins", ["clonazepam"]),
        ("addy", ["amphetamine", "dextroamphetamine"]),
        ("gabbies", ["gabapentin"]),
        ("Combiflam", ["ibuprofen", "acetaminophen"]),
        ("Tylenol 3", ["acetaminophen", "codeine"]),
        ("Gaviscon Advance", ["sodium alginate", "potassium bicarbonate"]),
        ("Zantac 360", ["famotidine"]),  # famotidine since the 2020 reformulation, not ranitidine
        ("I'm on the pill", ["ethinyl estradiol", "levonorgestrel"]),
        ("had the depo jab", ["medroxyprogesterone"]),
        ("blue inhaler", ["albuterol"]),
        ("brown inhaler", ["beclomethasone"]),
        ("Depakote ER 500", ["divalproex"]),  # product and salt meet one canonical ingredient
    ],
)
def test_names_read_from_free_text(resources: ToolResources, text: str, ingredients: list[str]) -> None:
    found = [i for m in resources.resolver.find_in_text(text) for i in m.ingredients]
    assert found == ingredients


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("my folate is low", "folate"),
        ("serotonin syndrome risk with tramadol", "serotonin"),
        ("B12 deficiency on metformin", "b12"),
        ("vitamin D levels are low", "vitamin d"),
    ],
)
def test_lab_values_and_body_substances_are_not_medicines(resources: ToolResources, text: str, word: str) -> None:
    assert word not in read(resources, text)


def test_foods_sold_as_supplements_depend_on_the_form(resources: ToolResources) -> None:
    assert read(resources, "black licorice candy")["licorice"][1] == "food"
    assert read(resources, "I eat a lot of garlic")["garlic"][1] == "food"
    assert read(resources, "cranberry juice and warfarin")["cranberry"][1] == "food"
    assert read(resources, "garlic tablets and warfarin")["garlic"][1] == "supplement"
    assert read(resources, "green tea extract")["green tea extract"][1] == "supplement"


def test_unknown_medicine_on_a_stem_is_named_and_plain_words_are_not(resources: ToolResources) -> None:
    # An invented -mab name: real ones ("risankizumab") are known medicines since the DrugBank vocabulary source.
    assert resources.resolver.find_unknown_in_text("zorbelimab with my warfarin") == ["zorbelimab"]
    assert resources.resolver.find_unknown_in_text("risankizumab with my warfarin") == []
    text = "Can I take an antihistamine with my antidepressant? I'm also going to sleep"
    assert resources.resolver.find_unknown_in_text(text) == []


def test_uk_name_meets_the_us_facts(resources: ToolResources) -> None:
    uk = check_drug_interactions(["aluminium hydroxide", "ciprofloxacin"], resources.kb, resources.resolver)
    us = check_drug_interactions(["aluminum hydroxide", "ciprofloxacin"], resources.kb, resources.resolver)
    assert uk.interactions and [i.severity for i in uk.interactions] == [i.severity for i in us.interactions]


def test_salt_rule_links_salts_and_acids_but_not_minerals() -> None:
    names = {
        "divalproex sodium",
        "divalproex",
        "alendronic acid",
        "potassium chloride",
        "potassium",
        "sodium alginate",
        "morphine sulfate",
        "valproic acid",
    }
    got = salt_synonyms(names, {"divalproex sodium", "alendronate", "potassium", "morphine", "valproic acid"})
    assert got == {"divalproex sodium": "divalproex", "alendronic acid": "alendronate", "morphine sulfate": "morphine"}


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Nolotil for back pain", ["dipyrone"]),  # national formularies: Spain, Japan, Philippines, Argentina
        ("Loxonin from Japan", ["loxoprofen"]),
        ("Bioflu for colds", ["phenylephrine", "chlorpheniramine", "acetaminophen"]),
        ("Tafirol for fever", ["acetaminophen"]),
        ("Laxido every day", ["polyethylene glycol", "sodium bicarbonate", "sodium chloride", "potassium chloride"]),
        ("TXA 1 g IV", ["tranexamic acid"]),  # ISMP / NCI Thesaurus clinical abbreviations
        ("Start NAC?", ["acetylcysteine"]),
        ("HCQ and azithro", ["hydroxychloroquine", "azithromycin"]),
        ("5-FU infusion", ["fluorouracil"]),
        ("took fen-phen in the 90s", ["fenfluramine", "phentermine"]),
        ("Hawthorn berry with digoxin", ["hawthorn", "digoxin"]),
        ("starflower oil", ["borage oil"]),
        ("Nasacort spray", ["triamcinolone"]),  # a brand of an ester reaches the interacting ingredient
    ],
)
def test_international_brands_abbreviations_and_supplements(
    resources: ToolResources, text: str, ingredients: list[str]
) -> None:
    found = [i for m in resources.resolver.find_in_text(text) for i in m.ingredients]
    assert found == ingredients


def test_esters_and_acetonides_name_their_active_moiety() -> None:
    names = {"triamcinolone acetonide", "mometasone furoate", "haloperidol decanoate", "triamcinolone"}
    found = salt_synonyms(names, {"triamcinolone", "mometasone", "haloperidol"})
    assert found == {
        "triamcinolone acetonide": "triamcinolone",
        "mometasone furoate": "mometasone",
        "haloperidol decanoate": "haloperidol",
    }


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Baycol in 2000", {"cerivastatin"}),  # FDA UNII Names list brand (unii_products.csv)
        ("Kaletra and rifampin", {"lopinavir", "ritonavir", "rifampin"}),  # UNII "<product> COMPONENT" rows
        ("Atacand Plus in the morning", {"candesartan", "hydrochlorothiazide"}),  # ARB + thiazide naming
        ("Co-Diovan daily", {"valsartan", "hydrochlorothiazide"}),
        ("ramipril plus aspirin", {"ramipril", "aspirin"}),  # a list, not a combination
        ("oxycodone 5/325 q6h", {"oxycodone", "acetaminophen"}),  # acetaminophen strength of the combination
        ("oxycodone 5 mg", {"oxycodone"}),
        ("xeralto and warfarin", {"rivaroxaban", "warfarin"}),  # vowel slip only
        ("prednisalone 5mg", {"prednisolone"}),  # one slip from one name, two from the other
        ("Calcium + D daily", {"calcium", "cholecalciferol"}),
    ],
)
def test_generated_products_and_naming_conventions(resources: ToolResources, text: str, ingredients: set[str]) -> None:
    assert {i for m in resources.resolver.find_in_text(text) for i in m.ingredients} == ingredients


def test_unii_product_rows_need_every_substance_and_skip_noise(tmp_path: Path) -> None:
    from drug_sources.unii_products import product_rows

    table = tmp_path / "p.csv"
    table.write_text(
        "product,substances,uniis\nduoprod,drug a;drug b sodium,X Y\nhalfprod,drug a;unknownium,X Z\n"
        "pre-op,drug a,X\nveteran,drug a,X\n",
        encoding="utf-8",
    )
    rows = product_rows(
        lambda n: n if n in {"drug a", "drug b"} else None,
        set(),
        set(),
        lambda w: w == "veteran",
        lambda w: False,
        table,
    )
    assert sorted((n, i) for n, i, _ in rows) == [("duoprod", "drug a"), ("duoprod", "drug b")]
