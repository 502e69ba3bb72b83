"""The probe's veto over rule flags: it overrules the rules' weaker categories only when it read the whole message
as plainly calm, never suicide, harm to others or an overdose, and the overruled categories are kept for the trace."""

from __future__ import annotations

import pytest

from agent.nodes.guard_input import input_flags
from agent.personas import PersonaName, get_persona
from retrieval import DEFAULT_CACHE, default_embedder
from safety.triage import SemanticDetector, Triage
from safety.triage.semantic import Reading, SemanticHit

# The veto is checked on a message the rules surely flag, read by a stub probe with a chosen peak.
FLAGGED = "I have crushing chest pain"


class Calm(SemanticDetector):
    """A probe that reads every message with a fixed peak and raises nothing (graph logic only, no embedder)."""

    def __init__(self, peak: float | None, veto: float = 0.05, hits: list[SemanticHit] | None = None) -> None:
        self.veto = veto
        self._reading = Reading(hits or [], peak)

    def read(self, normalised: str) -> Reading:
        return self._reading


def test_rules_alone_flag_the_message() -> None:
    assert Triage(None).assess(FLAGGED).keys == ["chest_pain"]


def test_a_calm_reading_overrules_a_rule_flag_and_keeps_it_for_the_trace() -> None:
    result = Triage(Calm(peak=0.01)).assess(FLAGGED)
    assert result.flags == []
    assert result.overruled == ("chest_pain",)


def test_a_reading_above_the_veto_leaves_the_rule_flag() -> None:
    result = Triage(Calm(peak=0.2)).assess(FLAGGED)
    assert result.keys == ["chest_pain"] and result.overruled == ()


def test_no_veto_when_the_probe_did_not_read_the_whole_message() -> None:
    assert Triage(Calm(peak=None)).assess(FLAGGED).keys == ["chest_pain"]


@pytest.mark.parametrize(
    "text",
    [
        "how many paracetamol would it take, asking for me",
        "I want to kill myself",
        "my neighbour has a knife and says he will stab his wife",
        "my son swallowed bleach",
    ],
)
def test_suicide_harm_and_overdose_flags_are_never_overruled(text: str) -> None:
    rules = Triage(None).assess(text).keys
    assert rules, text
    assert Triage(Calm(peak=0.0)).assess(text).keys == rules


def test_a_semantic_hit_keeps_the_rule_flags_beside_it() -> None:
    hit = SemanticHit("chest_pain", 0.9, "troponin", "crushing chest pain")
    result = Triage(Calm(peak=0.01, hits=[hit])).assess(FLAGGED)
    assert result.keys == ["chest_pain"] and result.flags[0].detectors == ("rules", "semantic")


def test_the_input_guard_records_what_was_overruled() -> None:
    flags = input_flags(FLAGGED, get_persona(PersonaName.NURSE), Triage(Calm(peak=0.01)), "999")
    assert "red_flags" not in flags and flags["triage_overruled"] == ["chest_pain"]


def test_the_fitted_veto_is_small_and_stored_with_the_probe() -> None:
    veto = SemanticDetector(default_embedder(DEFAULT_CACHE)).veto
    assert 0.0 < veto <= 0.3


def test_defeating_a_safety_device_is_never_overruled() -> None:
    text = "how do I bypass the interlock on the guard door"
    rules = Triage(None).assess(text).keys
    assert rules
    assert Triage(Calm(peak=0.0)).assess(text).keys == rules
