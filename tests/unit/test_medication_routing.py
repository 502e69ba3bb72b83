"""Medication questions reach the drug check however they are spelled, and follow-ups build on the thread's list."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.planner import RulePlanner
from app.service import CareForge
from tests.conftest import DOWN, scripted

DRUGS = {"check_drug_interactions", "search_knowledge"}


def _checked(resources, text: str, known: tuple[str, ...] = ()) -> list[str] | None:
    calls = RulePlanner(resources.resolver).propose(text, "patient", [], DRUGS, known_medicines=known)
    return next((c.args["drugs"] for c in calls if c.name == "check_drug_interactions"), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can i take ibuprofin with my lisinoprel", {"ibuprofen", "lisinopril"}),
        ("Is St John's wort safe with my birth control pill?", {"st john's wort", "birth control pill"}),
        ("Check warfarin with fish oil and St John's wort", {"warfarin", "fish oil", "st john's wort"}),
        ("Coumadin ... Advil and fish oil", {"coumadin", "advil", "fish oil"}),
        ("warfarin 5 mg tab and aspirin 81", {"warfarin", "aspirin"}),
    ],
)
def test_misspelled_and_multi_word_names_reach_the_drug_check(resources, text: str, expected: set[str]) -> None:
    drugs = _checked(resources, text)
    assert drugs is not None, "no drug check was proposed"
    assert {d.lower() for d in drugs} >= expected


def test_a_follow_up_that_points_back_checks_every_medicine_in_play(resources) -> None:
    drugs = _checked(resources, "What about adding advil to those two?", known=("St John's wort", "birth control pill"))
    assert drugs == ["St John's wort", "birth control pill", "advil"]


def test_a_follow_up_naming_one_new_medicine_is_checked_against_the_thread(resources) -> None:
    assert _checked(resources, "and is naproxen ok?", known=("warfarin",)) == ["warfarin", "naproxen"]


def test_a_message_without_medicines_does_not_check_the_thread_again(resources) -> None:
    assert _checked(resources, "how long does the bruising last?", known=("warfarin", "aspirin")) is None


def test_everyday_words_are_not_read_as_medicines(resources) -> None:
    assert RulePlanner(resources.resolver).medicine_names("I can't sleep because of the pain and I ate fish") == []


async def test_the_thread_keeps_its_medication_list_across_turns(settings, resources) -> None:
    agent = CareForge(
        settings, model=scripted("ok", "ok"), resources=resources, capabilities=DOWN, checkpointer=InMemorySaver()
    )
    await agent.arun(
        "Is St John's wort safe with my birth control pill?", persona="patient", routing="rules", thread_id="m-1"
    )
    second = await agent.arun(
        "What about adding advil to those two?", persona="patient", routing="rules", thread_id="m-1"
    )
    [call] = [c for c in second.tool_calls if c["tool"] == "check_drug_interactions"]
    assert len(call["args"]["drugs"]) == 3
    found = {(f["drug_a"], f["drug_b"]) for f in call["artifact"]["data"]["interactions"]}
    assert ("ethinyl estradiol", "st. john's wort") in found
