"""check_drug_interactions against the bundled knowledge base: severities, sources, names, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.drugs import MAX_DRUGS, Resolution, Severity, check_drug_interactions
from tools.registry import ToolResources


def check(res: ToolResources, *drugs: str):
    return check_drug_interactions(list(drugs), res.kb, res.resolver)


def only(report):
    assert len(report.interactions) == 1, report.interactions
    return report.interactions[0]


@pytest.mark.parametrize(
    ("a", "b", "severity", "rule", "source_words"),
    [
        ("sildenafil", "isosorbide mononitrate", "contraindicated", "rule:pde5-nitrate", "Phansalkar"),
        ("simvastatin", "clarithromycin", "contraindicated", "rule:statin-cyp3a4", "FDA Drug Safety Communication"),
        ("phenelzine", "sertraline", "contraindicated", "rule:maoi-serotonergic", "Phansalkar"),
        ("tranylcypromine", "pseudoephedrine", "contraindicated", "rule:maoi-sympathomimetic", "Nardil"),
        ("warfarin", "naproxen", "major", "rule:warfarin-nsaid", "FDA label for warfarin"),
        ("warfarin", "clopidogrel", "major", "rule:anticoagulant-antiplatelet", "ACC"),
        ("lisinopril", "potassium chloride", "major", "rule:potassium-raas", "Juurlink"),
        # ANSM contraindicates torsades-inducing neuroleptics with other torsades drugs; the highest source wins.
        ("amiodarone", "haloperidol", "contraindicated", "rule:qt-qt", "CredibleMeds"),
        ("oxycodone", "alprazolam", "major", "rule:opioid-benzodiazepine", "31 August 2016"),
        ("tizanidine", "ciprofloxacin", "contraindicated", "rule:tizanidine-cyp1a2", "Zanaflex"),
        ("methotrexate", "trimethoprim", "contraindicated", "rule:methotrexate-trimethoprim", "Phansalkar"),
    ],
)
def test_class_rules_give_severity_and_reference(resources, a, b, severity, rule, source_words) -> None:
    finding = only(check(resources, a, b))
    assert finding.severity == Severity(severity)
    assert rule in finding.rules
    assert any(source_words in s for s in finding.sources)
    assert finding.mechanism != "Not stated in the source." and finding.management


def test_ndfrt_pair_keeps_its_va_source(resources) -> None:
    finding = only(check(resources, "nilotinib", "nizatidine"))
    assert finding.severity is Severity.MODERATE  # NDF-RT "Significant"; ANSM grades it lower
    assert "ndfrt" in finding.rules
    assert any("VA NDF-RT" in s and "NILOTINIB/NIZATIDINE" in s for s in finding.sources)


def test_onc_non_interruptive_pair_is_minor_with_its_source(resources) -> None:
    finding = only(check(resources, "benazepril", "methacholine"))
    assert finding.severity is Severity.MINOR
    assert "ONC non-interruptive" in finding.sources[0]


def test_rule_and_source_table_merge_into_one_finding_at_the_higher_severity(resources) -> None:
    finding = only(check(resources, "Zocor", "clarithromycin"))
    assert finding.severity is Severity.CONTRAINDICATED
    assert {"ndfrt", "rule:statin-cyp3a4"} <= set(finding.rules)
    assert len(finding.sources) >= 2  # every source that speaks to the pair is listed


def test_brand_names_salts_and_case_are_normalised(resources) -> None:
    report = check(resources, "COUMADIN", "  advil ", "metoprolol succinate ER 50 mg")
    kinds = {m.typed.strip(): (m.resolution, m.ingredients) for m in report.names}
    assert kinds["COUMADIN"] == (Resolution.BRAND, ["warfarin"])
    assert kinds["advil"] == (Resolution.BRAND, ["ibuprofen"])
    assert kinds["metoprolol succinate ER 50 mg"] == (Resolution.SALT, ["metoprolol"])
    found = {(i.drug_a, i.drug_b): i.severity for i in report.interactions}
    assert found == {("ibuprofen", "warfarin"): Severity.MAJOR, ("ibuprofen", "metoprolol"): Severity.MINOR}


def test_misspellings_are_matched_fuzzily_and_reported(resources) -> None:
    report = check(resources, "warfrin", "ibuprofin")
    assert [m.resolution for m in report.names] == [Resolution.FUZZY, Resolution.FUZZY]
    assert only(report).id == "ddi:ibuprofen+warfarin"


def test_combination_products_bring_in_every_ingredient(resources) -> None:
    report = check(resources, "Vytorin", "Biaxin")
    assert report.checked_ingredients == ["clarithromycin", "ezetimibe", "simvastatin"]
    assert only(report).severity is Severity.CONTRAINDICATED


def test_same_ingredient_twice_is_a_duplicate_therapy_finding(resources) -> None:
    finding = only(check(resources, "Tylenol", "Percocet"))
    assert finding.drug_a == finding.drug_b == "acetaminophen"
    assert finding.severity is Severity.MAJOR and "Duplicate therapy" in finding.effect


def test_unknown_names_are_reported_not_dropped(resources) -> None:
    report = check(resources, "xyzzyquil", "sertraline", "tramadol")
    assert report.unknown == ["xyzzyquil"]
    assert only(report).severity is Severity.MAJOR


def test_ambiguous_misspelling_lists_candidates_and_guesses_nothing(resources) -> None:
    report = check(resources, "prednisolne", "warfarin")
    match = report.names[0]
    assert match.resolution is Resolution.AMBIGUOUS and match.ingredients == []
    assert set(match.candidates) == {"prednisolone", "prednisone"}
    assert report.ambiguous == [match] and report.checked_ingredients == ["warfarin"]


def test_transposed_letters_still_resolve(resources) -> None:
    assert resources.resolver.resolve("nortryptiline").ingredients == ["nortriptyline"]


def test_empty_and_single_drug_lists_report_no_findings_with_the_disclaimer(resources) -> None:
    for drugs in ([], ["warfarin"]):
        report = check(resources, *drugs)
        assert report.interactions == [] and report.error is None
        assert "does not mean a combination is safe" in report.disclaimer


def test_fifty_drugs_are_all_paired_and_more_are_refused(resources) -> None:
    names = sorted(resources.kb.interacting)[:MAX_DRUGS]
    report = check(resources, *names)
    assert report.pairs_checked == MAX_DRUGS * (MAX_DRUGS - 1) // 2
    too_many = check(resources, *names, "warfarin")
    assert too_many.error and "At most 50" in too_many.error


def test_findings_are_sorted_most_severe_first(resources) -> None:
    report = check(resources, "warfarin", "aspirin", "sildenafil", "nitroglycerin", "omeprazole", "clopidogrel")
    ranks = [i.severity.rank for i in report.interactions]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == Severity.CONTRAINDICATED.rank


def test_wrong_types_are_reported_as_errors(resources) -> None:
    report = check_drug_interactions("warfarin, aspirin", resources.kb, resources.resolver)  # type: ignore[arg-type]
    assert report.error == "drugs must be a list of names (strings)."


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=8))
def test_hostile_strings_never_crash(resources, drugs) -> None:
    report = check_drug_interactions(drugs, resources.kb, resources.resolver)
    assert report.error is None
    assert len(report.names) == len([d for d in drugs if d.strip()])


def test_free_text_finds_drugs_but_not_everyday_words(resources) -> None:
    found = resources.resolver.find_in_text(
        "The pump alarm went off; I take Zocor 20mg, some aspirin and iron, and drink water with caffeine."
    )
    # Iron listed beside a medicine taken is a supplement taken (writer 9: "Levothyroxine; iron; calcium").
    assert [m.ingredients for m in found] == [["simvastatin"], ["aspirin"], ["iron"]]
