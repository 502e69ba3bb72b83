"""Report benchmark: draft (extraction + sections), decide (apply_decision), exports, and decide through the facade.

Decide is plain code; the facade figure resumes a paused LangGraph turn with a scripted model and an in-memory
checkpointer, so it measures the graph's own work, not a model.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from bench.machine import summary, timed
from tools.drugs import DrugNameResolver, default_knowledge_base
from tools.reports import ReviewDecision, apply_decision, draft_report, export, gather

NOTES = """
Draft is `gather` + `draft_report` for a three-message nursing handoff (medicines read by the bundled reader, built
once beforehand). Decide is `apply_decision` (approve; edit then approve). Exports are each format of the approved
handoff (FHIR is validated by fhir.resources on every call). `facade decide` is `CareForge.adecide` resuming a paused
turn (scripted model, in-memory checkpointer): the issue measured 36-57 s when a decision ran the model; the target is
under 1 s median.
"""

TEXTS = [
    "Mr Jones in bed 4, ward 7B, 78 years old, admitted with pneumonia.",
    "He is on warfarin 5 mg daily and bisoprolol 2.5 mg. INR today 4.2, BP 150/90, HR 88, SpO2 94% on 2 L.",
    "He asked if he can take ibuprofen for his back pain. Plan: repeat INR at 18:00. Please draft the SBAR handoff.",
]


async def _facade(repeats: int) -> list[float]:
    from langgraph.checkpoint.memory import InMemorySaver

    from app.service import CareForge
    from core.settings import Settings
    from tests.conftest import TEXT_ONLY, scripted
    from tools.registry import ToolResources

    kb = default_knowledge_base()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), model_base_url="http://127.0.0.1:9/v1", addendum_tokens=0)
        cf = CareForge(
            settings,
            model=scripted(*["ok"] * (repeats * 4)),
            capabilities=TEXT_ONLY,
            resources=ToolResources(kb=kb, resolver=DrugNameResolver(kb)),
            checkpointer=InMemorySaver(),
        )
        samples = []
        for i in range(repeats):
            paused = await cf.arun(" ".join(TEXTS), persona="nurse", routing="rules", thread_id=f"b-{i}")
            assert paused.review is not None, "the handoff turn did not pause for review"
            decision = ReviewDecision(decision="approve", editor="RN Kim", role="nurse")
            started = time.perf_counter()
            done = await cf.adecide(paused.thread_id, decision)
            samples.append(time.perf_counter() - started)
            assert done.reports and done.reports[-1]["status"] == "approved", done.review
    return samples


def run(repeats: int = 200, facade_repeats: int = 15) -> dict[str, object]:
    """Medians and spreads of each step."""
    resolver = DrugNameResolver(default_knowledge_base())
    reader = resolver.find_in_text
    draft = draft_report("nursing_handoff", gather(TEXTS, [], reader=reader))
    approve = ReviewDecision(decision="approve", editor="RN Kim", role="nurse", note="Agree.")
    edit = ReviewDecision(decision="edit", editor="RN Kim", role="nurse", edits={"Situation": "Bed 4: SOB."})
    final = apply_decision(draft, approve)
    result: dict[str, object] = {
        "draft (handoff)": timed(
            lambda: draft_report("nursing_handoff", gather(TEXTS, [], reader=reader)), repeats, warm_up=False
        ),
        "decide: approve": timed(lambda: apply_decision(draft, approve), repeats, warm_up=False),
        "decide: edit then approve": timed(
            lambda: apply_decision(apply_decision(draft, edit), approve), repeats, warm_up=False
        ),
    }
    for fmt in ("md", "json", "pdf", "fhir"):
        result[f"export {fmt}"] = timed(lambda fmt=fmt: export(final, fmt), max(20, repeats // 4), warm_up=False)  # type: ignore[misc]
    try:
        result["facade decide (adecide)"] = summary(asyncio.run(_facade(facade_repeats)))
    except Exception as exc:  # noqa: BLE001 - the component figures stand without the facade
        result["facade decide"] = f"not measured: {type(exc).__name__}: {exc}"[:200]
    return result
