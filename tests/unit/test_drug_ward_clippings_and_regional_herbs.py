"""Writer 13 tune-half classes: UK ward clippings, colloquial plurals, regional herbs and a mineral taken "with" a
supplement. New phrasings, not the rows."""

from __future__ import annotations

import pytest

from tools.drugs import DrugNameResolver


def _read(resolver: DrugNameResolver, text: str) -> set[str]:
    return {i for m in resolver.find_in_text(text) for i in m.ingredients}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("started fluclox 1g qds yesterday", {"flucloxacillin"}),
        ("trimeth 200 bd for the UTI, any issue with methotrexate?", {"trimethoprim", "methotrexate"}),
        ("co-amox and warfarin ok?", {"amoxicillin", "clavulanate", "warfarin"}),
        ("a few paras for the headache with my sertraline", {"acetaminophen", "sertraline"}),
        ("my nan takes zimmers every night, ok with her codeine?", {"zopiclone", "codeine"}),
        ("ampalaya capsules with gliclazide", {"bitter melon", "gliclazide"}),
        ("liquid paraffin every night for constipation", {"mineral oil"}),
        ("Felvin for my knee with lisinopril?", {"piroxicam", "lisinopril"}),
    ],
)
def test_ward_clippings_slang_and_regional_names_are_read(
    resolver: DrugNameResolver, text: str, expected: set[str]
) -> None:
    assert expected <= _read(resolver, text)


def test_a_mineral_taken_with_a_supplement_is_read_and_a_lab_value_is_not(resolver: DrugNameResolver) -> None:
    assert "calcium" in _read(resolver, "should I take vitamin D with calcium or apart?")
    assert "calcium" not in _read(resolver, "my calcium was high on the blood test")


def test_trimeth_is_no_longer_read_as_a_migraine_combination(resolver: DrugNameResolver) -> None:
    assert "sumatriptan" not in _read(resolver, "trimeth 200mg bd")
