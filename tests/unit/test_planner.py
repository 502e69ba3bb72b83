"""The rule planner's log-search arguments: which filters a technician's question implies."""

from __future__ import annotations

import pytest

from agent.planner import RulePlanner
from retrieval.records import SearchResult
from tools.search_render import search_output

LOGS = {"search_maintenance_logs"}


def _log_args(resources, text: str) -> dict:
    calls = RulePlanner(resources.resolver).propose(text, "technician", [], LOGS)
    [call] = [c for c in calls if c.name == "search_maintenance_logs"]
    return call.args


@pytest.mark.parametrize(
    ("text", "equipment"),
    [
        ("Ventilator shows a high pressure alarm after a filter change, what fixed this before?", "ventilator"),
        ("Infusion pump occlusion alarm keeps coming back", "infusion pump"),
        ("bedside monitor SpO2 probe reads nothing", "patient monitor"),
        ("the AED fails self test with a battery error", "defibrillator"),
        ("chemistry analyser reports a reagent probe clot", "lab analyzer"),
        ("steriliser door gasket leaking steam", "autoclave"),
    ],
)
def test_a_named_equipment_type_filters_the_log_search(resources, text: str, equipment: str) -> None:
    assert _log_args(resources, text)["equipment"] == equipment


@pytest.mark.parametrize(
    "text",
    [
        "engine runs rough, cyl 3 low compression",  # no type of the logs' vocabulary
        "ventilator and infusion pump both alarm after the power dip",  # two types: filtering would hide one
        "VNT-0107 ventilator high pressure alarm",  # the asset id is the narrower filter
    ],
)
def test_no_equipment_filter_unless_exactly_one_type_is_named(resources, text: str) -> None:
    assert "equipment" not in _log_args(resources, text)


def test_an_empty_filtered_search_says_which_filter_found_nothing() -> None:
    result = SearchResult(query="q", expanded_query="q", hits=[], filters={"equipment": "ventilator"})
    assert "equipment=ventilator" in search_output(result, "maintenance_logs").summary
