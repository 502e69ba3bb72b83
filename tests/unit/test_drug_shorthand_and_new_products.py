"""Ward shorthand and ISMP abbreviations, newer UNII products, salts of fact-less ingredients (session 11)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.drugs import DrugNameResolver
from tools.drugs.knowledge_base import name_words
from tools.drugs.shorthand import clipping_in_context, shorthand_fits

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from drug_sources.everyday import prose_ingredients  # noqa: E402
from drug_sources.salts import salt_synonyms, unqualified  # noqa: E402


def ingredients(resolver: DrugNameResolver, text: str) -> list[str]:
    return [i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("also on mero and dapto", ["meropenem", "daptomycin"]),  # clinical clipped names
        ("amlo 10 and hydral prn", ["amlodipine", "hydralazine"]),
        ("roc and sux drawn up", ["rocuronium", "succinylcholine"]),
        ("tac level 12 today", ["tacrolimus"]),
        ("hep gtt paused", ["heparin"]),
        ("milri and dobut running", ["milrinone", "dobutamine"]),
        ("cipro/metro for the abscess", ["ciprofloxacin", "metronidazole"]),
        ("moxi, fluc and spiro", ["moxifloxacin", "fluconazole", "spironolactone"]),
        ("INH, PZA and EMB", ["isoniazid", "pyrazinamide", "ethambutol"]),  # ATS/CDC/IDSA TB regimen letters
        ("PCN allergy, on EPO", ["penicillin", "epoetin alfa"]),
        ("tPA at 14:05", ["alteplase"]),  # ISMP error-prone abbreviations
        ("MgSO4 4 g and AZT", ["magnesium sulfate", "zidovudine"]),
        ("Ramipril 5 mg, ASS 100 1-0-0", ["ramipril", "aspirin"]),
        ("Dovato once daily", ["dolutegravir", "lamivudine"]),  # combination brand read whole
        ("Camzyos for HCM", ["mavacamten"]),  # UNII product whose substance is newer than the tables
        ("Inpefa started", ["sotagliflozin"]),
        ("took Duract in 1998", ["bromfenac"]),  # withdrawn products
        ("Xigris in sepsis", ["drotrecogin alfa"]),  # the name without its UNII qualifier
        ("Sevelamer carbonate with meals", ["sevelamer"]),  # salt of an ingredient without facts
        ("IV magnesium sulfate and KCl", ["magnesium sulfate", "potassium chloride"]),
        ("quercetin and bilberry", ["quercetin", "bilberry"]),  # supplements (MSK About Herbs, NCCIH)
    ],
)
def test_shorthand_products_and_salts(resolver: DrugNameResolver, text: str, expected: list[str]) -> None:
    assert ingredients(resolver, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hep B vaccine due, hep C antibody negative",  # hepatitis, not heparin
        "the ROC curve for the score",
        "a hep A outbreak",
        "kick his ass",  # the German aspirin abbreviation is read in capitals only
        "an emb of the kind",
        "Xpert MTB result pending",
        "From: Meron Tesfaye",  # a clipped name is never the target of a misspelling
        "Me muero de la risa",
        "sus datos bancarios",
        "a spanner fell a metre away",
        "the sulfate content of the water",
    ],
)
def test_shorthand_is_not_read_where_it_means_something_else(resolver: DrugNameResolver, text: str) -> None:
    assert ingredients(resolver, text) == []


def test_shorthand_fits_by_neighbours() -> None:
    assert shorthand_fits("hep", "hep", "gtt")
    assert not shorthand_fits("hep", "hep", "c")
    assert shorthand_fits("ass", "ASS", "100")
    assert not shorthand_fits("ass", "Ass", "")


def test_salts_of_fact_less_ingredients_and_qualifiers() -> None:
    names = {
        "sevelamer",
        "sevelamer carbonate",
        "calcium carbonate",
        "drotrecogin alfa",
        "drotrecogin alfa (activated)",
    }
    salts = salt_synonyms(names, set())
    assert salts["sevelamer carbonate"] == "sevelamer"
    assert "calcium carbonate" not in salts  # an element's salt stays whole
    assert unqualified(names | {"calcium (as carbonate)", "pearl (hyriopsis cumingii)"}) == {
        "drotrecogin alfa (activated)": "drotrecogin alfa"  # the bare name must be a table name itself
    }
    assert "sulfate" not in prose_ingredients({"sulfate", "gluconate"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Levo titrating up, vaso at 0.04", ["norepinephrine", "vasopressin"]),  # a clipping the context decides
        ("levo 750 for CAP", ["levofloxacin"]),
        ("levo 50 mcg, TSH still high", ["levothyroxine"]),
        ("dex at 0.4 mcg/kg/hr for sedation", ["dexmedetomidine"]),
        ("dex 0.15 mg/kg for croup", ["dexamethasone"]),
        ("prop gtt at 30", ["propofol"]),
        ("neo push for MAP 55", ["phenylephrine"]),
    ],
)
def test_context_decides_a_shared_clipping(resolver: DrugNameResolver, text: str, expected: list[str]) -> None:
    assert ingredients(resolver, text) == expected


@pytest.mark.parametrize("text", ["levo", "is dex or levo better", "prop up the pillows", "the neo unit is full"])
def test_a_shared_clipping_without_one_cue_is_not_read(resolver: DrugNameResolver, text: str) -> None:
    assert ingredients(resolver, text) == []


def test_clipping_in_context_needs_exactly_one_reading() -> None:
    assert clipping_in_context("levo", "levo for pneumonia") == "levofloxacin"
    assert clipping_in_context("levo", "levo for pneumonia, TSH 9") is None  # two cues: left unread
    assert clipping_in_context("aspirin", "aspirin drip") is None


def test_clippings_and_supplement_words_that_are_surnames_stay_redactable() -> None:
    assert not {"mero", "metro", "lion", "mane"} & name_words()
    assert "sevelamer" in name_words()
