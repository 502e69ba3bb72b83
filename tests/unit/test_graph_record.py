"""The record node: the audit row and the thread index come from the graph itself, however it is run."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from agent.context import Context
from agent.graph import build_graph
from app.service import CareForge
from core.settings import Settings
from tests.conftest import TEXT_ONLY, scripted
from tools.registry import ToolResources
from tools.reports import ReviewDecision

HANDOFF = "Bed 4 is on warfarin and ibuprofen, prepare an SBAR handoff"


def agent(settings: Settings, resources: ToolResources) -> CareForge:
    return CareForge(
        settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )


async def test_running_the_graph_directly_writes_the_audit_row_and_the_thread_index(settings, resources) -> None:
    cf = agent(settings, resources)
    graph = build_graph(cf.tools).compile(checkpointer=InMemorySaver())  # no service: as a LangGraph server runs it
    context = Context(persona="nurse", routing_mode="rules", addendum_tokens=0, user="alice", services=cf.services)
    config = {"configurable": {"thread_id": "t-direct"}}
    state = await graph.ainvoke({"messages": [HumanMessage("warfarin and aspirin?")]}, config, context=context)
    last = state["messages"][-1]
    assert isinstance(last, AIMessage) and last.text == state["answer"]  # the answer joins once it is on record
    assert "[ddi:aspirin+warfarin]" in state["answer"]
    [row] = cf.audit.read(thread_id="t-direct")
    assert (row["persona"], row["routing"], row["question"]) == ("nurse", "rules", "warfarin and aspirin?")
    assert [c["tool"] for c in row["tool_calls"]] == ["check_drug_interactions"]
    assert row["timings"]["total_ms"] > 0
    assert cf.threads.owner("t-direct") == (True, "alice")
    assert cf.audit.verify().ok


async def test_the_service_records_each_turn_once(settings, resources) -> None:
    cf = agent(settings, resources)
    first = await cf.arun("warfarin and aspirin?", persona="nurse", routing="rules")
    again = await cf.arun("and ibuprofen?", persona="nurse", routing="rules", thread_id=first.thread_id)
    rows = cf.audit.read(thread_id=first.thread_id)
    assert [r["question"] for r in rows] == ["warfarin and aspirin?", "and ibuprofen?"]
    assert again.timings["total_ms"] >= rows[-1]["timings"]["total_ms"] > 0  # the caller's clock includes the graph's
    assert [t.thread_id for t in cf.threads.list()] == [first.thread_id]


async def test_a_paused_review_and_each_decision_are_one_row_each(settings, resources) -> None:
    cf = agent(settings, resources)
    paused = await cf.arun(HANDOFF, persona="nurse", routing="rules")
    assert paused.review is not None
    refused = await cf.adecide(paused.thread_id, ReviewDecision(decision="approve", editor="Pat", role="patient"))
    assert refused.review is not None and refused.review["error"]
    done = await cf.adecide(paused.thread_id, ReviewDecision(decision="approve", editor="RN Kim", role="nurse"))
    assert done.review is None and done.answer
    rows = cf.audit.read(thread_id=paused.thread_id)
    assert [r["question"] for r in rows] == [
        HANDOFF,
        "[review] approve by Pat (patient)",
        "[review] approve by RN [NAME] (nurse)",  # the audit holds no identifiers
    ]
    assert [c["tool"] for c in rows[0]["tool_calls"]] == ["check_drug_interactions", "draft_report"]
    assert " approved by RN [NAME] (nurse)" in rows[-1]["guards"]["report_decisions"][0]
    assert cf.audit.verify().ok


async def test_a_langgraph_client_resumes_the_review_with_a_command(settings, resources) -> None:
    cf = agent(settings, resources)
    graph = build_graph(cf.tools).compile(checkpointer=InMemorySaver())
    context = Context(persona="nurse", routing_mode="rules", services=cf.services)
    config = {"configurable": {"thread_id": "t-review"}}
    paused = await graph.ainvoke({"messages": [HumanMessage(HANDOFF)]}, config, context=context)
    [pending] = paused["__interrupt__"]
    assert pending.value["type"] == "report_review" and pending.value["approvers"]
    decision = {"decision": "approve", "editor": "RN Kim", "role": "nurse"}
    state = await graph.ainvoke(Command(resume=decision), config, context=context)
    assert [r["status"] for r in state["reports"]] == ["approved"]
    assert isinstance(state["messages"][-1], AIMessage) and state["messages"][-1].text == state["answer"]
    assert len(cf.audit.read(thread_id="t-review")) == 2
