"""Free-text name reading: no false medicines from fuzzy matching, street names in context, short biologic brands,
international brands and same-substance supplement names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import DrugNameResolver
from tools.drugs.knowledge_base import name_words

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.drugbank_names import drugbank_synonyms  # noqa: E402


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients}


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("Vicks under the nose for my 1 year old?", {"hydrocodone", "acetaminophen"}),  # not Vicos (Vicodin)
        ("Karvo and Karvea, which is stronger?", {"kava"}),  # a foreign brand is not a misspelt supplement
        ("montelukast 4mg granules for my 2 year old", {"granules"}),
        ("oral rehydration sachets and eye drops", {"sachets", "drops"}),
    ],
)
def test_fuzzy_matching_never_turns_a_product_or_form_into_a_medicine(
    resolver: DrugNameResolver, text: str, banned: set[str]
) -> None:
    assert not _read(resolver, text) & banned


def test_misspelt_short_names_still_read(resolver: DrugNameResolver) -> None:
    assert "alprazolam" in _read(resolver, "zolof and xanex together safe?")
    assert "carvedilol" in _read(resolver, "Corag makes me dizzy")


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("took molly at a festival last night", "mdma"),
        ("is it safe to take a gabby with my tramadol", "gabapentin"),
        ("took speed before an exam", "amphetamine"),
        ("nitrous at a party, am I safe on methotrexate?", "nitrous oxide"),
        ("using ket recreationally", "ketamine"),
        ("Suspected fent exposure", "fentanyl"),
        ("my partner uses meth", "methamphetamine"),
        ("vics and a few beers", "hydrocodone"),
        ("Vicks VapoRub under the nose", "camphor"),
    ],
)
def test_street_names_and_products(resolver: DrugNameResolver, text: str, ingredient: str) -> None:
    assert ingredient in _read(resolver, text)


@pytest.mark.parametrize(
    "text",
    [
        "How fast can I speed up my metabolism?",
        "What is the speed limit near schools?",
        "Molly has a fever of 38, what should I do?",
        "My daughter Molly keeps coughing",
        "Gabby said she feels dizzy",
        "I had Special K for breakfast, is that enough fibre?",
        "I love crystal clear water",
        "Should I put ice on a sprained ankle?",
        "Can I drink Coke with a stomach bug?",
        "What are the benefits of a ket diet?",
    ],
)
def test_street_names_are_not_read_in_ordinary_sentences(resolver: DrugNameResolver, text: str) -> None:
    assert _read(resolver, text) == set()


def test_street_names_and_given_name_brands_stay_redactable() -> None:
    words = name_words()
    assert not {"molly", "mandy", "gabby", "telma", "meth", "fent"} & words
    assert "warfarin" in words


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Aimovig, Ajovy or Emgality for migraines", {"erenumab", "fremanezumab", "galcanezumab"}),
        ("Cosentyx or Taltz if Skyrizi stopped working?", {"ixekizumab", "risankizumab"}),
        ("Panadeine Forte and Mersyndol on the same day?", {"acetaminophen", "codeine", "doxylamine"}),
        ("Coversyl and Karvea both for blood pressure", {"perindopril", "irbesartan"}),
        ("Is Crocin or Dolo 650 better for fever?", {"acetaminophen"}),
        ("Tavor from Germany and Gravol", {"lorazepam", "dimenhydrinate"}),
    ],
)
def test_biologic_and_international_brands(resolver: DrugNameResolver, text: str, ingredients: set[str]) -> None:
    assert ingredients <= _read(resolver, text)


def test_short_drugbank_brands_need_a_capital(resolver: DrugNameResolver) -> None:
    assert "ixekizumab" not in _read(resolver, "taltz")
    assert "ixekizumab" in _read(resolver, "Taltz")


@pytest.mark.parametrize(("a", "b"), [("fish oil", "omega-3 fatty acids"), ("hypericum perforatum", "st john's wort")])
def test_same_substance_names_meet(resolver: DrugNameResolver, a: str, b: str) -> None:
    assert resolver.resolve(a).ingredients == resolver.resolve(b).ingredients


def test_fda_biologic_suffix_is_stripped() -> None:
    variants = {"aimovig": ["erenumab-aooe"], "erenumab-aooe": ["erenumab-aooe"]}
    data = {"erenumab-aooe": {"medline_plus_id": "a618029"}, "erenumab": {"drugbank_id": "DB14039"}}
    out = drugbank_synonyms(variants, data, lambda n: None, set(), set(), lambda w: False, "2.0.9")
    assert ("aimovig", "erenumab") in {(n, i) for n, i, _ in out.rows}
    assert out.new_ingredients == {"erenumab": "DB14039"}


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("Epsom salt baths and magnesium citrate", "magnesium sulfate"),
        ("Hydrogen peroxide mouthwash", "hydrogen peroxide"),
        ("his ferrous fumarate tablets", "ferrous fumarate"),
        ("takes garlic and ginger supplements", "garlic"),
    ],
)
def test_common_names_and_supplement_pairs(resolver: DrugNameResolver, text: str, ingredient: str) -> None:
    assert ingredient in _read(resolver, text)


def test_garlic_as_food_is_not_a_supplement(resolver: DrugNameResolver) -> None:
    assert "garlic" not in _read(resolver, "garlic and ginger in a stir fry")


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("ibuprophin for a sprained ankle", "ibuprofen"),  # spelt as it sounds
        ("Flow Max for my prostate", "tamsulosin"),  # a brand split in two capitalised words
        ("I smoke weed most nights", "cannabis"),
        ('using "tina" and poppers', "amyl nitrite"),
        ("On subs for 2 years", "buprenorphine"),
        ("Can my daughter take iron gummies", "iron"),  # a mineral with a form word
        ("my vitamin D and calcium while on alendronate", "calcium"),  # listed with a supplement
        ("can I take magnesium and zinc", "magnesium"),
    ],
)
def test_sound_alikes_split_brands_slang_and_minerals_taken(
    resolver: DrugNameResolver, text: str, ingredient: str
) -> None:
    assert ingredient in _read(resolver, text)


@pytest.mark.parametrize(
    "text",
    [
        "what replaced it",  # a verb form of an everyday word is everyday ("Repace" is a losartan brand)
        "what class is that for cross-reactivity",
        "I bought it in Spain",
        "zinc oxide barrier cream",
        "I visited New York and Los Angeles",
        "Happy Birthday Grandma, we bought Flower Power tea",
        "I pulled a weed from the garden",
        "a pot of tea",
        "party poppers at the wedding",
        "the subs came on in the second half",
        "my potassium and magnesium were low",
        "foods high in calcium and iron",
        "does omeprazole cause low magnesium",
        "my iron levels are low",
        "Tina my sister",
    ],
)
def test_new_tolerances_read_no_everyday_words(resolver: DrugNameResolver, text: str) -> None:
    assert _read(resolver, text) <= {"omeprazole", "zinc oxide"}


@pytest.mark.parametrize(
    "text",
    [
        "Can I drink coke with ibuprofen",
        "a can of coke and tylenol",
        "put ice on it after taking naproxen",
        "took acid reducer with metformin",
        "I have insulin resistance, is metformin ok",
        "pre-op advice for warfarin",
        "foods high in calcium + iron",
    ],
)
def test_new_slang_and_products_stay_out_of_everyday_sentences(resolver: DrugNameResolver, text: str) -> None:
    assert _read(resolver, text) <= {"ibuprofen", "acetaminophen", "naproxen", "metformin", "warfarin"}


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("hydrocodone 10/325 and xanax", {"hydrocodone", "acetaminophen", "alprazolam"}),
        ("Advil Cold & Sinus with coffee", {"ibuprofen", "pseudoephedrine"}),
        ("Is Diclectin safe in first trimester", {"doxylamine", "pyridoxine"}),
        ("Pepcid Complete after dinner", {"famotidine", "calcium carbonate", "magnesium hydroxide"}),
    ],
)
def test_combination_products_read_as_all_ingredients(
    resolver: DrugNameResolver, text: str, ingredients: set[str]
) -> None:
    assert _read(resolver, text) >= ingredients
