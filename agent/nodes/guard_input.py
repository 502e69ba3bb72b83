"""The input guard: red flags (clinical and workplace) and injection suspicion; starts the turn's working data."""

from __future__ import annotations

import time
from typing import Any

from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.common import last_human
from agent.personas import Persona, get_persona
from agent.state import AgentState, Flags
from safety.guards import injection_suspected
from safety.triage import Triage


def input_flags(text: str, persona: Persona, triage: Triage, crisis_line: str) -> Flags:
    """Red flags (clinical and workplace, whoever writes) and injection suspicion for the user's message."""
    flags: Flags = {}
    result = triage.assess(text)
    if result.flags:
        flags["red_flags"] = result.keys
        flags["triage"] = [f.as_record() for f in result.flags]
        flags["emergency_guidance"] = result.guidance(persona.name.value, crisis_line)
    if result.overruled:
        flags["triage_overruled"] = list(result.overruled)
    if injection_suspected(text):
        flags["injection_suspected"] = True
    return flags


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Flag the user's message; a new turn starts from clean working data (the conversation lives in messages)."""
    ctx = runtime.context
    services = ctx.require_services()
    persona = get_persona(ctx.persona)
    question = last_human(state)
    flags = input_flags(question, persona, services.triage, services.crisis_line)
    return {
        "persona": persona.name.value,
        "results": [],
        "citations": [],
        "flags": flags,
        "step": 0,
        "prose": "",
        "answer": "",
        "timings": {},
        "deferred": [],
        "question": question,
        "started_at": time.time(),
        "reviewing": None,
        "review_error": None,
    }
