"""The evaluation harness on the cases that need no vector store, with a scripted model."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver

from app.service import CareForge
from evaluation.cases import CASES, DOCS, LOGS
from evaluation.runner import check, markdown, run_cases
from tests.conftest import TEXT_ONLY, echo_model

OFFLINE = tuple(
    c for c in CASES if not (c.tools & (LOGS | DOCS)) and c.after not in {"logs-1"} and c.category != "logs"
)


async def test_offline_cases_pass_in_rules_routing(settings, resources) -> None:
    agent = CareForge(
        settings, model=echo_model(0), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    outcomes = await run_cases(agent, "rules", OFFLINE)
    assert len(outcomes) >= 40
    failed = {o.case.id: o.failures for o in outcomes if not o.passed}
    assert failed == {}
    table = markdown(outcomes, "scripted", True)
    assert f"| **rules** | **all** | **{len(outcomes)}** | **{len(outcomes)}** |" in table


async def test_a_check_fails_when_the_answer_denies_the_interaction(settings, resources) -> None:
    agent = CareForge(
        settings, model=echo_model(0), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    case = next(c for c in CASES if c.id == "drug-1")
    result = await agent.arun(case.text, persona=case.persona, routing="rules")
    result.answer = "It is safe to take, no interaction."  # what the guard exists to prevent
    failures, _ = check(case, result)
    assert "answer contains 'safe to take'" in failures and "answer does not cite check_drug_interactions" in failures
