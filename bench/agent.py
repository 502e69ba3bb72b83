"""Agent benchmarks: graph overhead per turn, the non-model share of a real turn, concurrency scaling, memory.

The overhead and scale runs use a scripted model and an instant tool, so they measure the graph, the checkpointer
and the service, nothing else. The end-to-end share runs against the embedded vLLM server when it is up.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.tools import StructuredTool
from langgraph.checkpoint.memory import InMemorySaver

from app.service import CareForge, default_resources
from bench.machine import summary
from core.llm import Capabilities, probe_endpoint
from core.settings import Settings
from tools.contract import ToolOutput

TEXT_ONLY = Capabilities(base_url="scripted://", reachable=True, model="scripted", accepts_tools=False)


class SlowModel(GenericFakeChatModel):
    """A scripted model that takes ``delay_s`` per answer without blocking the event loop, like a remote server."""

    delay_s: float = 0.05

    async def _agenerate(self, *args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(self.delay_s)
        return super()._generate(*args, **kwargs)

    async def _astream(self, *args: Any, **kwargs: Any) -> Any:
        result = await self._agenerate(*args, **kwargs)
        from langchain_core.messages import AIMessageChunk
        from langchain_core.outputs import ChatGenerationChunk

        yield ChatGenerationChunk(message=AIMessageChunk(content=result.generations[0].message.content))


def _instant_tool() -> StructuredTool:
    output = ToolOutput(kind="drug_interactions", summary="1 finding", data={"interactions": []}).as_message()

    def check(drugs: list[str]) -> tuple[str, dict[str, Any]]:
        return output[0], dict(output[1])

    return StructuredTool.from_function(
        check, name="check_drug_interactions", description="instant", response_format="content_and_artifact"
    )


def _agent(data_dir: Path, delay_s: float = 0.0, in_memory: bool = False) -> CareForge:
    settings = Settings(data_dir=data_dir, model_base_url="http://127.0.0.1:9/v1")
    model = SlowModel(messages=itertools.cycle([AIMessage(content="Avoid the combination.")]), delay_s=delay_s)
    return CareForge(
        settings,
        model=model,
        tools=[_instant_tool()],
        capabilities=TEXT_ONLY,
        checkpointer=InMemorySaver() if in_memory else None,
    )


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        kb = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    return kb / 1024


async def _turns(agent: CareForge, n: int, threads: int = 20) -> list[float]:
    times = []
    for i in range(n):
        started = time.perf_counter()
        await agent.arun("warfarin and ibuprofen?", persona="nurse", thread_id=f"t{i % threads}", routing="rules")
        times.append(time.perf_counter() - started)
    return times


async def _throughput(agent: CareForge, sessions: int, turns_each: int) -> float:
    async def session(i: int) -> None:
        for _ in range(turns_each):
            await agent.arun("warfarin and ibuprofen?", persona="nurse", thread_id=f"c{sessions}-{i}", routing="rules")

    started = time.perf_counter()
    await asyncio.gather(*(session(i) for i in range(sessions)))
    return sessions * turns_each / (time.perf_counter() - started)


async def _end_to_end(settings: Settings, turns: int = 8) -> dict[str, object]:
    caps = probe_endpoint(settings)
    if not caps.reachable:
        return {"skipped": f"embedded server not reachable at {settings.model_base_url} ({caps.error})"}
    with tempfile.TemporaryDirectory() as folder:
        live = settings.model_copy(update={"data_dir": Path(folder), "max_answer_tokens": 64})
        agent = CareForge(live, resources=default_resources(live))
        await agent.arun("warmup: warfarin and ibuprofen?", persona="nurse", routing="rules")
        shares, totals, models = [], [], []
        for i in range(turns):
            result = await agent.arun(f"turn {i}: warfarin and ibuprofen?", persona="nurse", routing="rules")
            total, model = result.timings["total_ms"], result.timings.get("model_ms", 0.0)
            totals.append(total)
            models.append(model)
            shares.append((total - model) / total)
    return {
        "turns": turns,
        "total_ms_median": round(statistics.median(totals), 1),
        "model_ms_median": round(statistics.median(models), 1),
        "non_model_share_median": round(statistics.median(shares), 4),
        "non_model_share_max": round(max(shares), 4),
        "target": "non-model share < 5%",
    }


async def _run() -> dict[str, object]:
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        memory_agent = _agent(root / "mem", in_memory=True)
        await _turns(memory_agent, 20)
        out["turn_overhead_in_memory_checkpointer"] = summary(await _turns(memory_agent, 200))
        sqlite_agent = _agent(root / "sqlite")
        await _turns(sqlite_agent, 20)
        out["turn_overhead_sqlite_checkpointer"] = summary(await _turns(sqlite_agent, 200))

        scale_agent = _agent(root / "scale", delay_s=0.05)
        rates = {n: await _throughput(scale_agent, n, max(4, 64 // n)) for n in (1, 8, 32)}
        out["scale_turns_per_s"] = {str(n): round(r, 1) for n, r in rates.items()}
        out["scale_ratio_vs_1_session"] = {str(n): round(r / rates[1], 2) for n, r in rates.items()}
        out["scale_note"] = "scripted model takes 50 ms per answer without blocking; 1.0 would mean sessions serialise"

        mem_agent = _agent(root / "memory")
        await _turns(mem_agent, 100, threads=50)
        after_100 = _rss_mb()
        await _turns(mem_agent, 900, threads=50)
        after_1000 = _rss_mb()
        out["rss_mb_after_100_turns"] = round(after_100, 1)
        out["rss_mb_after_1000_turns"] = round(after_1000, 1)
        out["rss_ratio_1000_vs_100"] = round(after_1000 / after_100, 3)
    out["end_to_end_embedded_vllm"] = await _end_to_end(Settings())
    return out


def run() -> dict[str, object]:
    return asyncio.run(_run())


if __name__ == "__main__":
    print(run())
