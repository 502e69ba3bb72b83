"""Free-text cues that a name is taken (a dose, a list of medicines, pill slang before a pill word), word runs read
by their sound, and supplement forms of one mineral."""

from __future__ import annotations

import pytest

from tools.drugs import DrugNameResolver


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients}


def test_a_mineral_followed_by_a_dose_taken_is_read_but_not_a_lab_value(resolver: DrugNameResolver) -> None:
    assert "calcium" in _read(resolver, "Vitamin D 50,000 IU weekly with calcium 600 mg, ok?")
    assert "calcium" not in _read(resolver, "her calcium 9.5 mg/dL yesterday")
    assert not _read(resolver, "calcium 2.3 mmol/L on the panel")


def test_a_lower_case_brand_is_read_when_listed_after_a_medicine_or_taken(resolver: DrugNameResolver) -> None:
    assert _read(resolver, "pt says he takes oxy 30s and soma") == {"oxycodone", "carisoprodol"}
    assert "carisoprodol" in _read(resolver, "he takes soma at night")
    assert not _read(resolver, "the cell soma and its axon")


def test_pill_slang_in_the_singular_is_read_before_a_pill_word(resolver: DrugNameResolver) -> None:
    assert _read(resolver, "found dilly pills in my son's room") == {"hydromorphone"}
    assert _read(resolver, "zanny bars") == {"alprazolam"}
    assert not _read(resolver, "what a dilly of a pickle")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("can i mix lean with energy drinks", {"codeine", "promethazine"}), ("we mix lean beef with rice", set())],
)
def test_lean_mixed_is_the_drink_but_lean_meat_is_not(
    resolver: DrugNameResolver, text: str, expected: set[str]
) -> None:
    assert _read(resolver, text) == expected


def test_a_word_run_that_sounds_like_a_product_is_read_but_short_words_are_kept(resolver: DrugNameResolver) -> None:
    assert _read(resolver, "z pack for a sinus infection?") == {"azithromycin"}
    # "is magnesium" is not a slip of "IV magnesium" (the sulfate): the name that follows is read instead.
    assert _read(resolver, "Is magnesium hydroxide safe for a toddler?") == {"magnesium hydroxide"}


def test_chelated_magnesium_supplements_name_magnesium(resolver: DrugNameResolver) -> None:
    assert resolver.resolve("magnesium glycinate").ingredients == ["magnesium"]
    assert resolver.resolve("magnesium malate").ingredients == ["magnesium"]
    assert resolver.resolve("magnesium oxide").ingredients == ["magnesium oxide"]  # has facts of its own


def test_national_brands_name_their_ingredients_and_short_ones_are_read_exactly(resolver: DrugNameResolver) -> None:
    assert sorted(resolver.resolve("Tylex").ingredients) == ["acetaminophen", "codeine"]  # Brazil, not Tylox
    assert resolver.resolve("Aulin").ingredients == ["nimesulide"]
    assert not _read(resolver, "Frau Aylin Öztürk, geb. 12.04.1990")  # a given name one letter from Aulin


def test_dea_street_names_of_newer_and_cough_syrup_drugs_are_read(resolver: DrugNameResolver) -> None:
    assert _read(resolver, "tranq in the supply") == {"xylazine"}
    assert _read(resolver, "took ghb at a party") == {"sodium oxybate"}
    assert _read(resolver, "robo-tripping on cough syrup") == {"dextromethorphan"}
