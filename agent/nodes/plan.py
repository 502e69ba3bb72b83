"""The planner: the rules and (when it can) the model propose tool calls; the persona decides which may run."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any, Literal

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage
from langgraph.runtime import Runtime

from agent.context import Context, Services
from agent.nodes.common import flags_of, last_human, ms
from agent.personas import Persona, get_persona
from agent.state import AgentState, Flags
from core.settings import RoutingMode

HISTORY_TURNS = 6


def _history(state: AgentState) -> list[AnyMessage]:
    """Recent user and assistant text only: tool traffic stays out of the model's context."""
    kept: list[AnyMessage] = []
    for message in state.get("messages", []):
        if isinstance(message, HumanMessage) or (isinstance(message, AIMessage) and not message.tool_calls):
            kept.append(message)
    return kept[-(2 * HISTORY_TURNS + 1) :]


def _model_messages(state: AgentState, ctx: Context, system: str, redact: Callable[[str], str]) -> list[AnyMessage]:
    history = _history(state)
    if ctx.redact_model_input:
        history = [
            HumanMessage(content=redact(m.text)) if isinstance(m, HumanMessage) else AIMessage(content=redact(m.text))
            for m in history
        ]
    return [SystemMessage(system), *history]


def _rules_call(name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "args": args, "id": f"rules-{uuid.uuid4().hex[:12]}"}


async def _model_calls(
    state: AgentState, ctx: Context, services: Services, persona: Persona, allowed: set[str], flags: Flags
) -> list[dict[str, Any]]:
    """The model's native tool calls; any failure is flagged and leaves the rules to plan."""
    tools_by_name = {t.name: t for t in services.tools}
    try:
        bound = services.model().bind_tools([tools_by_name[n] for n in sorted(allowed)])
        reply = await asyncio.wait_for(
            bound.ainvoke(_model_messages(state, ctx, persona.system_prompt, services.redact)), ctx.model_timeout_s
        )
        return list(getattr(reply, "tool_calls", []) or [])
    except Exception as exc:  # noqa: BLE001 - any model failure degrades to the rules
        flags["model_unavailable"] = f"{type(exc).__name__}: {exc}"
        services.on_model_error(flags["model_unavailable"])
        return []


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Propose this step's tool calls: the model leads in hybrid routing, the rules add what safety needs."""
    started = time.perf_counter()
    ctx = runtime.context
    services = ctx.require_services()
    persona = get_persona(ctx.persona)
    step = state.get("step", 0)
    flags = flags_of(state)
    timings = dict(state.get("timings", {}))
    if step >= ctx.max_steps:
        flags["step_limit_reached"] = True
        return {"flags": flags}
    allowed = {t.name for t in services.tools} & persona.allowed_tools
    calls: list[dict[str, Any]] = []
    refused: list[str] = list(flags.get("refused_tools", []))
    use_rules = ctx.routing_mode in (RoutingMode.RULES, RoutingMode.HYBRID)
    use_model = ctx.routing_mode in (RoutingMode.LLM, RoutingMode.HYBRID)
    # The probe is blocking HTTP (cached); keep it off the event loop other sessions share.
    caps = await asyncio.to_thread(services.capabilities)
    if use_model and caps.reachable and caps.accepts_tools:
        model_started = time.perf_counter()
        calls.extend(await _model_calls(state, ctx, services, persona, allowed, flags))
        timings["model_ms"] = timings.get("model_ms", 0.0) + ms(model_started)
    elif use_model and not use_rules and not (caps.reachable and caps.accepts_tools):
        use_rules = True  # llm routing without a tool-capable model falls back to the rules
    deferred: list[dict[str, Any]] = []
    known = tuple(state.get("medications", []))
    question = last_human(state)
    named = services.planner.medicine_names(question)  # read once, used for the list and the plan
    medications = list(dict.fromkeys([*known, *named]))
    if use_rules and step == 0:
        # the rules propose only what the persona may use; refusals concern the model's calls
        proposed = services.planner.propose(
            question, persona.name.value, state.get("attachments", []), allowed, persona.report_kinds, known, named
        )
        have = {c["name"] for c in calls}
        model_led = ctx.routing_mode is RoutingMode.HYBRID and bool(calls)
        for p in proposed:
            # hybrid: the model leads, the rules add the safety-relevant calls it missed
            if model_led and (p.name in have or not (p.safety_relevant or p.runs_last)):
                continue
            (deferred if p.runs_last else calls).append(_rules_call(p.name, p.args))
        if deferred and not calls:
            calls, deferred = deferred, []
    elif use_rules and step > 0 and not state.get("deferred"):
        # what an image's text named (a label's medicines, a screen's alarm code) is followed up once
        results = list(state.get("results", []))
        for p in services.planner.follow_ups(results, known, allowed):  # type: ignore[arg-type]
            calls.append(_rules_call(p.name, p.args))
        for call in calls:
            if call["name"] == "check_drug_interactions":
                medications = list(dict.fromkeys([*medications, *call["args"]["drugs"]]))
    elif state.get("deferred") and not calls:
        calls = list(state["deferred"])
    permitted = []
    for call in calls:
        if call["name"] in allowed:
            permitted.append(call)
        else:
            refused.append(call["name"])
    if refused:
        flags["refused_tools"] = refused
    timings["plan_ms"] = timings.get("plan_ms", 0.0) + ms(started)
    update: dict[str, Any] = {
        "flags": flags,
        "step": step + 1,
        "timings": timings,
        "deferred": deferred,
        "medications": medications,
    }
    if permitted:
        update["messages"] = [AIMessage(content="", tool_calls=permitted)]
    return update


def next_step(state: AgentState) -> Literal["tools", "compose"]:
    """Run the proposed calls, or write the answer when there are none."""
    last = state["messages"][-1]
    return "tools" if isinstance(last, AIMessage) and last.tool_calls else "compose"
