"""Writer 9 test-half classes: accented spellings, minerals listed beside a medicine, pill slang (DEA, ADF),
international brands (INVIMA, Medsafe/TGA, AIFA, emc) and cranberry forms. New phrasings, not the scored ones."""

from __future__ import annotations

import pytest

from tools.drugs import DrugNameResolver
from tools.drugs.context import fold_accents


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients}


def test_accents_are_folded_letter_for_letter() -> None:
    assert fold_accents("Losartán potásico") == "Losartan potasico"
    assert len(fold_accents("Ibuprofène Métformina")) == len("Ibuprofène Métformina")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mi mamá toma metformína y omeprazól", {"metformin", "omeprazole"}),
        ("Ibuprofène ou paracétamol pour la fièvre ?", {"ibuprofen", "acetaminophen"}),
        ("Losartán potásico 50 mg cada mañana", {"losartan"}),
    ],
)
def test_accented_spellings_are_read(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("omeprazole, magnesium, zinc - all at breakfast?", {"omeprazole", "magnesium", "zinc"}),
        ("calcium / iron / thyroxine timing", {"calcium", "iron", "levothyroxine"}),
        ("iron and levothyroxine, how far apart?", {"iron", "levothyroxine"}),
        ("ciprofloxacin; calcium; iron", {"ciprofloxacin", "calcium", "iron"}),
    ],
)
def test_a_mineral_listed_beside_a_medicine_is_read(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) == expected


@pytest.mark.parametrize(
    "text",
    ["ramipril, potassium 5.9 today", "aspirin and iron deficiency", "Entresto, do I need my potassium checked"],
)
def test_a_mineral_beside_a_medicine_stays_a_lab_value(resolver: DrugNameResolver, text: str) -> None:
    assert not _read(resolver, text) & {"potassium", "iron"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he uses vals most nights", {"diazepam"}),
        ("are vals worse than zopiclone", {"diazepam", "zopiclone"}),
        ("subs or methadone for a taper?", {"buprenorphine", "naloxone", "methadone"}),
        ("got some subbies off a mate", {"buprenorphine", "naloxone"}),
        ("took sobos last week", {"buprenorphine", "naloxone"}),
        ("took rowies and serras at a party", {"flunitrazepam", "oxazepam"}),
        ("took moggies to sleep", {"nitrazepam"}),
        ("a couple of pannies and ibuprofen", {"acetaminophen", "ibuprofen"}),
    ],
)
def test_pill_slang_of_common_medicines_is_read(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) == expected


@pytest.mark.parametrize(
    "text", ["the subs came on at half time", "my moggies hate the vet", "normies never get it", "vals and guys"]
)
def test_slang_that_is_an_everyday_word_needs_a_drug_context(resolver: DrugNameResolver, text: str) -> None:
    assert not _read(resolver, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dolex Forte for a headache?", {"acetaminophen", "caffeine"}),
        ("Maxigesic PE with my blood pressure pills?", {"acetaminophen", "ibuprofen", "phenylephrine"}),
        ("can I use Trimovate on my baby", {"clobetasone", "nystatin", "oxytetracycline"}),
        ("Is Moment stronger than Nurofen?", {"ibuprofen"}),
        ("taking Moment 200 for period pain", {"ibuprofen"}),
    ],
)
def test_international_brands_are_read(resolver: DrugNameResolver, text: str, expected: set[str]) -> None:
    assert _read(resolver, text) == expected


@pytest.mark.parametrize(
    "text", ["give me a moment to check the ibuprofen", "Moment of truth: is ibuprofen safe?", "one moment please"]
)
def test_moment_the_word_is_not_ibuprofen_beyond_what_is_named(resolver: DrugNameResolver, text: str) -> None:
    assert _read(resolver, text) <= {"ibuprofen"}
    assert not [m for m in resolver.find_in_text(text) if m.typed.lower() == "moment"]


@pytest.mark.parametrize("text", ["cranberry extract with apixaban", "Cranberry softgels and warfarin"])
def test_cranberry_in_a_supplement_form_is_read(resolver: DrugNameResolver, text: str) -> None:
    assert "cranberry" in _read(resolver, text)
