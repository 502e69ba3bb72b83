"""Answer: a few plain sentences from the model on top of the findings (held back until the output guard checks)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from langgraph.runtime import Runtime

from agent.answering import brief_messages
from agent.context import Context
from agent.nodes.common import flags_of, last_human, ms
from agent.personas import get_persona
from agent.state import AgentState


async def node(state: AgentState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The model's passage, or nothing: emergencies, report decisions and a zero budget leave it out."""
    started = time.perf_counter()
    ctx = runtime.context
    services = ctx.require_services()
    persona = get_persona(ctx.persona)
    flags = flags_of(state)
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
            state.get("head", ""), last_human(state), persona, ctx.redact_model_input, services.redact
        )
        model_started = time.perf_counter()
        try:
            model = services.model().bind(max_tokens=ctx.addendum_tokens)
            reply = await asyncio.wait_for(model.ainvoke(messages), ctx.addendum_timeout_s)
            prose = reply.text.strip()
        except Exception as exc:  # noqa: BLE001 - the turn must finish without the model
            flags["model_unavailable"] = f"{type(exc).__name__}: {exc}"[:300]
            services.on_model_error(flags["model_unavailable"])
        timings["model_ms"] = timings.get("model_ms", 0.0) + ms(model_started)
    elif caps is not None and not flags.get("model_unavailable"):
        flags["model_unavailable"] = caps.error or "endpoint unreachable"
    timings["answer_ms"] = ms(started)
    return {"prose": prose, "flags": flags, "timings": timings}
