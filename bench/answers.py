"""Answer latency per turn kind on the embedded server: time to the first shown text and to the final answer.

Each turn runs through ``CareForge.astream`` in this process (process start excluded), the way the CLI and the UI
run it. Three configurations in the same run: the product's default (composed answer first, then at most a few
checked model sentences), the model's passage turned off (the composed answer alone), and the model down (an
unreachable endpoint). Also counted: turns where text already shown was later replaced (retracted).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from app.service import CareForge, default_resources
from bench.machine import summary
from core.settings import Settings

TURNS: dict[str, tuple[str, str, str | None]] = {
    "drug": ("nurse", "Patient on Coumadin asks whether Advil is fine for knee pain.", None),
    "logs": ("technician", "Ventilator high pressure alarm after a filter change, what fixed this before?", None),
    "image": ("nurse", "Is there a pneumothorax?", "dicom/RG1_J2KI.dcm"),
    "report": ("nurse", "Draft the SBAR handoff: bed 4 on warfarin 5 mg, INR 3.4, asks about ibuprofen.", None),
    "emergency": ("patient", "I have crushing chest pain and my left arm is numb", None),
}
SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"
NOTES = """
Targets (issue 20): first shown text under 1.5 s, complete answer under 6 s median with SmolLM2 on 2 cores, under
1.5 s with the model down; retracted turns 0. Before this change a nurse's drug turn took 27.7 s and replaced the
streamed prose with a tool dump (issue 20's measurement).
"""


async def _turn(agent: CareForge, persona: str, text: str, image: str | None) -> tuple[float, float, bool]:
    started = time.perf_counter()
    first = None
    shown = ""
    retracted = False
    attachments = [SAMPLES_DIR / image] if image else []
    async for event in agent.astream(text, persona=persona, attachments=attachments, routing="rules"):
        if event.type == "token":
            first = first if first is not None else time.perf_counter() - started
            shown += event.data
        if event.type == "done":
            retracted = not event.data.answer.startswith(shown) or (
                event.data.review is None and shown != event.data.answer
            )
    total = time.perf_counter() - started
    return (first if first is not None else total), total, retracted


def run(repeats: int = 8) -> dict[str, object]:
    data_dir = Path(tempfile.mkdtemp(prefix="careforge-bench-"))
    base = Settings()
    configs = {
        "default": base.model_copy(
            update={"conversation_db": data_dir / "c1.sqlite", "audit_db": data_dir / "a1.sqlite"}
        ),
        "passage off": base.model_copy(
            update={"addendum_tokens": 0, "conversation_db": data_dir / "c2.sqlite", "audit_db": data_dir / "a2.sqlite"}
        ),
        "model down": base.model_copy(
            update={
                "model_base_url": "http://127.0.0.1:9/v1",
                "conversation_db": data_dir / "c3.sqlite",
                "audit_db": data_dir / "a3.sqlite",
            }
        ),
    }
    result: dict[str, object] = {}
    retracted = 0
    turns = 0
    for name, settings in configs.items():
        agent = CareForge(settings, resources=default_resources(settings))
        agent.capabilities(refresh=True)
        for kind, (persona, text, image) in TURNS.items():
            firsts, totals = [], []
            for _ in range(repeats):
                first, total, back = asyncio.run(_turn(agent, persona, text, image))
                firsts.append(first)
                totals.append(total)
                retracted += back
                turns += 1
            result[f"{name} / {kind}: first text"] = summary(firsts)
            result[f"{name} / {kind}: final answer"] = summary(totals)
    result["retracted turns"] = f"{retracted} of {turns}"
    return result


if __name__ == "__main__":
    print(run())
