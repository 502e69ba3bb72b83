"""The agent graph: input guard -> planner <-> tools -> collect -> review -> answer -> output guard."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any, Literal

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from agent import guards
from agent.answering import brief_messages, compose_head, finish
from agent.context import Context, Services
from agent.personas import get_persona
from agent.state import AgentState, Citation, Flags, ToolResult
from core.settings import RoutingMode
from tools.reports import Report, ReviewDecision, apply_decision

HISTORY_TURNS = 6


def _last_human(state: AgentState) -> str:
    for message in reversed(state.get("messages", [])):
        if isinstance(message, HumanMessage):
            return message.text
    return ""


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


def build_graph(services: Services) -> StateGraph[AgentState, Context, AgentState, AgentState]:
    """The uncompiled graph; compile it with a checkpointer."""
    tools_by_name = {t.name: t for t in services.tools}

    async def input_guard(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
        persona = get_persona(runtime.context.persona)
        flags = guards.input_flags(_last_human(state), persona, services.triage, services.crisis_line)
        # A new turn starts from clean working data; the conversation itself lives in messages.
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
        }

    async def planner(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
        started = time.perf_counter()
        ctx = runtime.context
        persona = get_persona(ctx.persona)
        step = state.get("step", 0)
        flags: Flags = dict(state.get("flags", {}))  # type: ignore[assignment]
        timings = dict(state.get("timings", {}))
        if step >= ctx.max_steps:
            flags["step_limit_reached"] = True
            return {"flags": flags}
        allowed = set(tools_by_name) & persona.allowed_tools
        calls: list[dict[str, Any]] = []
        refused: list[str] = list(flags.get("refused_tools", []))
        use_rules = ctx.routing_mode in (RoutingMode.RULES, RoutingMode.HYBRID)
        use_model = ctx.routing_mode in (RoutingMode.LLM, RoutingMode.HYBRID)
        # The probe is blocking HTTP (cached); keep it off the event loop other sessions share.
        caps = await asyncio.to_thread(services.capabilities)
        if use_model and caps.reachable and caps.accepts_tools:
            model_started = time.perf_counter()
            try:
                bound = services.model().bind_tools([tools_by_name[n] for n in sorted(allowed)])
                reply = await asyncio.wait_for(
                    bound.ainvoke(_model_messages(state, ctx, persona.system_prompt, services.redact)),
                    ctx.model_timeout_s,
                )
                calls.extend(getattr(reply, "tool_calls", []) or [])
            except Exception as exc:  # noqa: BLE001 - any model failure degrades to the rules
                flags["model_unavailable"] = f"{type(exc).__name__}: {exc}"
                services.on_model_error(flags["model_unavailable"])
            timings["model_ms"] = timings.get("model_ms", 0.0) + _ms(model_started)
        elif use_model and not use_rules and not (caps.reachable and caps.accepts_tools):
            use_rules = True  # llm routing without a tool-capable model falls back to the rules
        deferred: list[dict[str, Any]] = []
        known = tuple(state.get("medications", []))
        named = services.planner.medicine_names(_last_human(state))  # read once, used for the list and the plan
        medications = list(dict.fromkeys([*known, *named]))
        if use_rules and step == 0:
            proposed = services.planner.propose(
                _last_human(state),
                persona.name.value,
                state.get("attachments", []),
                allowed,  # the rules propose only what the persona may use; refusals concern the model's calls
                persona.report_kinds,
                known,
                named,
            )
            have = {c["name"] for c in calls}
            model_led = ctx.routing_mode is RoutingMode.HYBRID and bool(calls)
            for p in proposed:
                # hybrid: the model leads, the rules add the safety-relevant calls it missed
                if model_led and (p.name in have or not (p.safety_relevant or p.runs_last)):
                    continue
                call: dict[str, Any] = {"name": p.name, "args": p.args, "id": f"rules-{uuid.uuid4().hex[:12]}"}
                (deferred if p.runs_last else calls).append(call)
            if deferred and not calls:
                calls, deferred = deferred, []
        elif use_rules and step > 0 and not state.get("deferred"):
            # what an image's text named (a label's medicines, a screen's alarm code) is followed up once
            results = list(state.get("results", []))
            for p in services.planner.follow_ups(results, known, allowed):  # type: ignore[arg-type]
                calls.append({"name": p.name, "args": p.args, "id": f"rules-{uuid.uuid4().hex[:12]}"})
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
        timings["plan_ms"] = timings.get("plan_ms", 0.0) + _ms(started)
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

    def route_after_planner(state: AgentState) -> Literal["tools", "compose"]:
        last = state["messages"][-1]
        return "tools" if isinstance(last, AIMessage) and last.tool_calls else "compose"

    async def compose(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
        """The answer written by code from the tool results: streamed the moment it exists."""
        persona = get_persona(runtime.context.persona)
        flags: Flags = dict(state.get("flags", {}))  # type: ignore[assignment]
        head = compose_head(flags, state.get("results", []), persona)  # records passages it would not quote
        return {"head": head, "flags": flags}

    async def collect(state: AgentState) -> dict[str, Any]:
        messages = state["messages"]
        calls: dict[str, dict[str, Any]] = {}
        new: list[ToolMessage] = []
        for message in reversed(messages):
            if isinstance(message, ToolMessage):
                new.append(message)
            elif isinstance(message, AIMessage):
                calls = {str(c["id"]): dict(c) for c in message.tool_calls if c.get("id")}
                break
        results: list[ToolResult] = list(state.get("results", []))
        citations: list[Citation] = list(state.get("citations", []))
        seen = {c["id"] for c in citations}
        timings = dict(state.get("timings", {}))
        for message in reversed(new):
            call = calls.get(message.tool_call_id, {})
            artifact = message.artifact if isinstance(message.artifact, dict) else {}
            ok = message.status != "error" and not artifact.get("error")
            results.append(
                ToolResult(
                    call_id=message.tool_call_id,
                    tool=message.name or call.get("name", "?"),
                    args=call.get("args", {}),
                    ok=ok,
                    summary=message.text,
                    artifact=artifact,
                    duration_ms=float(artifact.get("duration_ms", 0.0)),
                    proposed_by="rules" if message.tool_call_id.startswith("rules-") else "model",
                )
            )
            timings["tools_ms"] = timings.get("tools_ms", 0.0) + float(artifact.get("duration_ms", 0.0))
            for c in artifact.get("citations", []):
                if c["id"] not in seen:
                    seen.add(c["id"])
                    citations.append(
                        Citation(
                            id=c["id"],
                            kind=c["kind"],
                            title=c["title"],
                            snippet=c.get("snippet", ""),
                            source=c.get("source", ""),
                        )
                    )
        return {"results": results, "citations": citations, "timings": timings}

    async def review(state: AgentState) -> dict[str, Any]:
        """Stop for a person to approve, edit or reject each new report draft (a LangGraph interrupt)."""
        decided = list(state.get("reports", []))
        known = {r["id"] for r in decided}
        flags: Flags = dict(state.get("flags", {}))  # type: ignore[assignment]
        notes = list(flags.get("report_decisions", []))
        for result in state.get("results", []):
            data = result["artifact"].get("data") or {}
            if result["artifact"].get("kind") != "report_draft" or not result["ok"] or data.get("id") in known:
                continue
            report = Report.model_validate(data)
            error: str | None = None
            while True:  # re-asks until the decision can be applied; each ask is one resumable interrupt
                raw = interrupt(
                    {
                        "type": "report_review",
                        "report": report.model_dump(mode="json"),
                        "approvers": sorted(services.report_policy.allowed(report.kind)),
                        "error": error,
                    }
                )
                try:
                    final = apply_decision(report, ReviewDecision.model_validate(raw), services.report_policy)
                except ValueError as exc:  # includes pydantic's ValidationError
                    error = str(exc)
                    continue
                if final.status != "draft":
                    break
                report, error = final, None  # an edit keeps the draft: it waits for approve or reject
            decided.append(final.model_dump(mode="json"))
            known.add(final.id)
            notes.append(f"{final.title} {final.id} {final.status} by {final.decided_by} ({final.decided_role})")
        if not notes:
            return {}
        flags["report_decisions"] = notes
        return {"reports": decided, "flags": flags}

    async def answer(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
        """A few plain sentences from the model on top of the findings (held back until the output guard checks)."""
        started = time.perf_counter()
        ctx = runtime.context
        persona = get_persona(ctx.persona)
        flags: Flags = dict(state.get("flags", {}))  # type: ignore[assignment]
        timings = dict(state.get("timings", {}))
        prose = ""
        # Emergencies get the guidance and nothing the model could blur; a zero budget turns the passage off.
        # A report decision is deterministic and answered at once (it used to wait 36-57 s for the model).
        wanted = (
            ctx.addendum_tokens > 0
            and not flags.get("red_flags")
            and not flags.get("report_decisions")
            and bool(state.get("results"))
        )
        caps = await asyncio.to_thread(services.capabilities) if ctx.addendum_tokens > 0 else None
        if wanted and caps is not None and not flags.get("model_unavailable") and caps.reachable:
            messages = brief_messages(
                state.get("head", ""), _last_human(state), persona, ctx.redact_model_input, services.redact
            )
            model_started = time.perf_counter()
            try:
                model = services.model().bind(max_tokens=ctx.addendum_tokens)
                reply = await asyncio.wait_for(model.ainvoke(messages), ctx.addendum_timeout_s)
                prose = reply.text.strip()
            except Exception as exc:  # noqa: BLE001 - the turn must finish without the model
                flags["model_unavailable"] = f"{type(exc).__name__}: {exc}"[:300]
                services.on_model_error(flags["model_unavailable"])
            timings["model_ms"] = timings.get("model_ms", 0.0) + _ms(model_started)
        elif caps is not None and not flags.get("model_unavailable"):
            flags["model_unavailable"] = caps.error or "endpoint unreachable"
        timings["answer_ms"] = _ms(started)
        return {"prose": prose, "flags": flags, "timings": timings}

    async def output_guard(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
        """The head as shown, then only the model sentences the tool results support, then sources."""
        persona = get_persona(runtime.context.persona)
        flags: Flags = dict(state.get("flags", {}))  # type: ignore[assignment]
        final = finish(
            state.get("head", ""),
            state.get("prose", ""),
            state.get("results", []),
            state.get("citations", []),
            persona,
            _last_human(state),
            flags,
        )
        return {"answer": final, "flags": flags, "messages": [AIMessage(content=final, name="careforge")]}

    graph = StateGraph(AgentState, context_schema=Context)
    graph.add_node("input_guard", input_guard)
    graph.add_node("planner", planner)
    graph.add_node("tools", ToolNode(services.tools, handle_tool_errors=True))
    graph.add_node("collect", collect)
    graph.add_node("review", review)
    graph.add_node("compose", compose)
    graph.add_node("answer", answer)
    graph.add_node("output_guard", output_guard)
    graph.add_edge(START, "input_guard")
    graph.add_edge("input_guard", "planner")
    graph.add_conditional_edges("planner", route_after_planner)
    graph.add_edge("tools", "collect")
    graph.add_edge("collect", "review")
    graph.add_edge("review", "planner")
    graph.add_edge("compose", "answer")
    graph.add_edge("answer", "output_guard")
    graph.add_edge("output_guard", END)
    return graph


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
