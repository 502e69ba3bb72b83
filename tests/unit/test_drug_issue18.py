"""Issue 18: class memberships from cited sources, combination brands, misspellings and names in free text."""

from __future__ import annotations

import pytest

from tools.drugs import DrugNameResolver, check_drug_interactions
from tools.drugs.knowledge_base import DEFAULT_MEMBERSHIP_PREFIX, DrugKnowledgeBase
from tools.drugs.prose import phonetic


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) for i in m.ingredients}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bepridil", "sparfloxacin"),
        ("halofantrine", "levomethadyl"),
        ("mesoridazine", "probucol"),
        ("sulpiride", "anagrelide"),
        ("cocaine", "methadone"),
    ],
)
def test_known_risk_qt_drugs_pair_as_major(kb: DrugKnowledgeBase, resolver: DrugNameResolver, a: str, b: str) -> None:
    report = check_drug_interactions([a, b], kb, resolver)
    assert report.interactions and report.interactions[0].severity.rank >= 3


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("ibuprofen", "naproxen", "rule:nsaid-nsaid"),
        ("levodopa", "haloperidol", "rule:dopaminergic-antipsychotic"),
        ("omeprazole", "rilpivirine", "rule:ppi-acid-dependent"),
        ("atorvastatin", "fenofibrate", "rule:statin-fibrate"),
        ("tamsulosin", "tadalafil", "rule:alpha-blocker-pde5"),
        ("ergotamine", "pseudoephedrine", "rule:ergot-vasoconstrictor"),
        ("ritonavir", "ethinyl estradiol", "rule:protease-inhibitor-contraceptive"),
        ("phenytoin", "cisplatin", "rule:phenytoin-cytotoxic"),
        ("dabigatran", "rifampin", "rule:dabigatran-pgp"),
        ("gentamicin", "vancomycin", "rule:aminoglycoside-boxed"),
        ("verapamil", "metoprolol", "rule:nondhp-beta-blocker"),
        ("rifampin", "bosutinib", "rule:cyp3a4-inducer-substrate"),
        ("lithium", "quinapril", "rule:lithium-raising"),
    ],
)
def test_new_class_rules_flag_major(kb: DrugKnowledgeBase, a: str, b: str, rule: str) -> None:
    facts = [f for f in kb.rule_facts(a, b) if f.origin == rule]
    assert facts and facts[0].severity.rank >= 3


def test_rule_findings_cite_each_members_reference(kb: DrugKnowledgeBase) -> None:
    fact = next(f for f in kb.rule_facts("levodopa", "haloperidol") if f.origin == "rule:dopaminergic-antipsychotic")
    assert "FDA" in fact.source or "ANSM" in fact.source
    for cls in ("dopaminergic", "antipsychotic_d2", "cytotoxic", "alpha_blocker", "statin", "fibrate", "ppi"):
        assert all(
            not kb.membership.get((cls, m), DEFAULT_MEMBERSHIP_PREFIX).startswith(DEFAULT_MEMBERSHIP_PREFIX)
            for m in kb.classes[cls]
        ), cls


@pytest.mark.parametrize(
    ("a", "b"), [("acetaminophen", "amoxicillin"), ("loratadine", "omeprazole"), ("levothyroxine", "metformin")]
)
def test_unrelated_pairs_stay_unflagged(kb: DrugKnowledgeBase, resolver: DrugNameResolver, a: str, b: str) -> None:
    report = check_drug_interactions([a, b], kb, resolver)
    assert not [f for f in report.interactions if f.severity.rank >= 3]


@pytest.mark.parametrize(
    ("brand", "ingredients"),
    [
        ("NyQuil", {"acetaminophen", "dextromethorphan", "doxylamine"}),
        ("Tylenol PM", {"acetaminophen", "diphenhydramine"}),
        ("Percocet", {"oxycodone", "acetaminophen"}),
        ("Augmentin", {"amoxicillin", "clavulanate"}),
        ("Bactrim", {"sulfamethoxazole", "trimethoprim"}),
        ("Advil PM", {"ibuprofen", "diphenhydramine"}),
        ("Excedrin", {"acetaminophen", "aspirin", "caffeine"}),
        ("Vicodin", {"hydrocodone", "acetaminophen"}),
        ("Norco", {"hydrocodone", "acetaminophen"}),
        ("Zyrtec-D", {"cetirizine", "pseudoephedrine"}),
        ("co-codamol", {"codeine", "acetaminophen"}),
        ("Night Nurse", {"acetaminophen", "promethazine", "dextromethorphan"}),
    ],
)
def test_combination_brands_expand_to_every_ingredient(
    resolver: DrugNameResolver, brand: str, ingredients: set[str]
) -> None:
    assert _read(resolver, f"can I take {brand} with my other meds?") >= ingredients


def test_finding_names_the_brand(kb: DrugKnowledgeBase, resolver: DrugNameResolver) -> None:
    report = check_drug_interactions(["NyQuil", "Zoloft"], kb, resolver)
    top = report.interactions[0]
    assert top.severity.rank >= 3 and "NyQuil" in top.from_a + top.from_b


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I take lithium carbonate 300mg", {"lithium"}),
        ("Is Soma a muscle relaxer?", {"carisoprodol"}),
        ("Claratin-D keeps me awake", {"loratadine", "pseudoephedrine"}),
        ("zarelto and fish oil", {"rivaroxaban", "omega-3 fatty acids"}),
        ("lasics 20", {"furosemide"}),
        ("docusate/senna", {"docusate", "senna"}),
        ("paracetamol, salbutamol and adrenaline", {"acetaminophen", "albuterol", "epinephrine"}),
        ("warfarin 5 mg tab / aspirin 81", {"warfarin", "aspirin"}),
        ("Tylenal PM and zoloft", {"acetaminophen", "diphenhydramine", "sertraline"}),
    ],
)
def test_free_text_names(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) >= expected


def test_given_name_is_not_a_medicine(resolver: DrugNameResolver) -> None:
    assert "fexofenadine" not in _read(resolver, "My daughter Allegra takes Adderall, can she have Sudafed?")
    assert "fexofenadine" in _read(resolver, "I take Allegra every morning")


def test_lowercase_everyday_brand_word_not_read(resolver: DrugNameResolver) -> None:
    assert not _read(resolver, "a soma of the neuron and some bayer of the car")


@pytest.mark.parametrize("text", ["I can't sleep and the pain is bad", "I take fish for dinner and sleep early"])
def test_everyday_words_never_medicines_or_unknown(resolver: DrugNameResolver, text: str) -> None:
    assert not resolver.find_in_text(text)
    assert not {w.lower() for w in resolver.find_unknown_in_text(text)} & {"sleep", "pain", "fish"}


def test_phonetic_key_and_resolve_fallback(resolver: DrugNameResolver) -> None:
    assert phonetic("lasics") == phonetic("lasix")
    assert resolver.resolve("lasics").ingredients == ["furosemide"]
