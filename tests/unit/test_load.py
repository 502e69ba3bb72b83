"""Fifty concurrent sessions on one agent and one SQLite store: every answer and every thread stays its own."""

from __future__ import annotations

import asyncio

from app.service import CareForge
from tests.conftest import TEXT_ONLY, echo_model

PAIRS = [
    ("warfarin", "ibuprofen"),
    ("simvastatin", "clarithromycin"),
    ("sildenafil", "nitroglycerin"),
    ("lithium", "lisinopril"),
    ("tramadol", "sertraline"),
]
PERSONAS = ["patient", "nurse"]


async def test_fifty_concurrent_sessions_do_not_cross(settings, resources) -> None:
    agent = CareForge(settings, model=echo_model(), resources=resources, capabilities=TEXT_ONLY)

    async def session(i: int) -> tuple[int, list]:
        a, b = PAIRS[i % len(PAIRS)]
        persona = PERSONAS[i % 2]
        first = await agent.arun(f"session {i}: {a} with {b}?", persona=persona, thread_id=f"s{i}", routing="rules")
        second = await agent.arun(f"session {i}: and tomorrow?", persona=persona, thread_id=f"s{i}", routing="rules")
        return i, [first, second]

    results = await asyncio.gather(*(session(i) for i in range(50)))
    for i, (first, second) in results:
        a, b = PAIRS[i % len(PAIRS)]
        assert first.prose.startswith(f"echo: session {i}: {a} with {b}?"), first.prose[:80]  # the model's reply
        drugs = first.tool_calls[0]["args"]["drugs"]
        assert sorted(d.lower() for d in drugs) == sorted([a, b])
        assert first.persona == PERSONAS[i % 2]
        assert a in first.answer.lower() and b in first.answer.lower()  # the composed answer is this session's
        assert second.thread_id == f"s{i}" and second.answer  # the follow-up was answered in its own thread
        history = await agent.ahistory(f"s{i}")
        assert [h["content"] for h in history if h["role"] == "user"] == [
            f"session {i}: {a} with {b}?",
            f"session {i}: and tomorrow?",
        ]
    assert len(agent.threads.list(limit=1000)) == 50
