"""HTTP service overhead: POST /v1/turns and /v1/chat/completions against the in-process facade, same run.

Every turn is a drug check over a scripted model that answers at once, so the numbers are the agent (graph,
checkpoints, audit) plus whatever the HTTP layer adds. The server is a separate uvicorn process on loopback (its own
GIL, as in production); clients are httpx with keep-alive. Each level runs bounded loops: ``TURNS[c]`` turns over
``c`` concurrent clients.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from app.service import CareForge
from bench.machine import summary
from core.llm import Capabilities
from core.settings import Settings

CONCURRENCY = (1, 8, 32)
TURNS = {1: 60, 8: 160, 32: 320}
QUESTION = "warfarin and aspirin"
KEY = "bench-key"
KEYS = json.dumps([{"user": "bench", "key": KEY}])
TEXT_ONLY = Capabilities(base_url="scripted://", reachable=True, model="scripted", accepts_tools=False)
NOTES = """
How to read: `inproc_c{N}` is `CareForge.arun` called directly, `turns_c{N}` is POST /v1/turns and `chat_c{N}` is
POST /v1/chat/completions (non-streaming) through a uvicorn process on loopback, each with N concurrent clients.
`api_overhead_ms`: `*_per_request_*` is each request's client latency minus the facade's own time in the server
(its `Server-Timing: facade` header): the API, uvicorn, loopback and the httpx client together (target: under 5 ms).
`api_own_work_ms` is the API's own work alone (`Server-Timing: app` minus `facade`: auth, parsing, checks,
serialising), free of scheduling on the shared machine; `ratio_vs_inproc_median` is each series' median over the
in-process one at the same concurrency; `*_vs_inproc_median` compares two separate
series and swings by several ms either way on a shared machine. `overhead_*` per level is the same per-request figure
at that concurrency. At 8 and 32 clients latency is mostly queueing on the two cores the server, the client and
SQLite share; compare the requests per second.
"""


def _agent(data_dir: Path) -> CareForge:
    settings = Settings(data_dir=data_dir, model_base_url="http://127.0.0.1:9/v1", triage_semantic=False)
    model = GenericFakeChatModel(messages=itertools.cycle([AIMessage(content="")]))
    agent = CareForge(settings, model=model, capabilities=TEXT_ONLY)
    if agent.users.get("bench") is None:  # the key's user; its role (nurse) comes from the store
        agent.users.add("bench", "bench-password", "nurse")
    return agent


def app_factory() -> Any:
    """``uvicorn --factory bench.http:app_factory``: the service over the scripted agent in BENCH_DATA_DIR."""
    from careforge_http import create_app
    from careforge_http.config import HttpSettings

    http = HttpSettings(api_keys_file=None, api_keys=KEYS, rate_per_minute=1e9, rate_burst=1_000_000)
    return create_app(_agent(Path(os.environ["BENCH_DATA_DIR"])), http=http)


async def _level(call: Callable[[], Awaitable[float]], clients: int, turns: int) -> dict[str, Any]:
    """``turns`` calls over ``clients`` concurrent loops; each call returns the server's own turn time in ms."""
    samples: list[float] = []
    overheads: list[float] = []
    budget = iter(range(turns))

    async def client() -> None:
        for _ in budget:  # shared: the clients split the bounded number of turns
            started = time.perf_counter()
            server_ms = await call()
            elapsed = time.perf_counter() - started
            samples.append(elapsed)
            overheads.append(elapsed * 1000 - server_ms)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    over = summary([o / 1000 for o in overheads])
    return {
        **summary(samples),
        "rps": round(len(samples) / wall, 1),
        "overhead_median_ms": round(over["median_ms"], 2),
        "overhead_p95_ms": round(over["p95_ms"], 2),
    }


def _serve(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BENCH_DATA_DIR": str(data_dir), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "bench.http:app_factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    proc = subprocess.Popen(cmd, env=env)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", headers={"X-API-Key": KEY}, timeout=1).is_success:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the bench server did not start")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _run() -> dict[str, object]:
    result: dict[str, object] = {}
    server: list[list[float]] = [[]]  # per level (the first: warm-up): Server-Timing app minus facade, ms
    api_own: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as inproc_dir, tempfile.TemporaryDirectory() as server_dir:
        agent = _agent(Path(inproc_dir))
        await agent.arun(QUESTION, persona="nurse")  # warm: first-use imports and table creation
        port = _free_port()
        proc = _serve(Path(server_dir), port)
        try:
            limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}",
                limits=limits,
                timeout=60,
                headers={"Authorization": f"Bearer {KEY}"},
            ) as http:

                async def inproc() -> float:
                    started = time.perf_counter()
                    await agent.arun(QUESTION, persona="nurse")
                    return (time.perf_counter() - started) * 1000  # no layer around it: overhead 0 by definition

                def facade_ms(response: httpx.Response) -> float:
                    response.raise_for_status()
                    timing = {
                        part.split(";dur=")[0].strip(): float(part.split(";dur=")[1])
                        for part in response.headers["server-timing"].split(",")
                    }
                    server[-1].append(timing["app"] - timing["facade"])
                    return timing["facade"]

                async def turn() -> float:
                    return facade_ms(await http.post("/v1/turns", json={"message": QUESTION}))

                async def chat() -> float:
                    body = {"model": "careforge-nurse", "messages": [{"role": "user", "content": QUESTION}]}
                    return facade_ms(await http.post("/v1/chat/completions", json=body))

                await turn()  # warm the connection and the server's first turn
                # As the server does at startup: the long-lived heap out of the collector's sight, so a full
                # collection in this process (client and in-process agent alike) does not stall a sample.
                gc.collect()
                gc.freeze()
                # Interleaved per level, so drift on a shared machine hits the three alike.
                for c in CONCURRENCY:
                    for name, call in (("inproc", inproc), ("turns", turn), ("chat", chat)):
                        server.append([])
                        result[f"{name}_c{c}"] = await _level(call, c, TURNS[c])
                        if server[-1]:  # the API's own work per request: app time minus the facade's
                            own = summary([ms / 1000 for ms in server[-1]])
                            api_own[f"{name}_c{c}_median"] = round(own["median_ms"], 2)
                            api_own[f"{name}_c{c}_p95"] = round(own["p95_ms"], 2)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    levels = {k: v for k, v in result.items() if isinstance(v, dict)}
    result["api_overhead_ms"] = {
        # Per request: client latency minus the facade's time in the server (its Server-Timing header).
        **{f"{n}_c1_per_request_median": levels[f"{n}_c1"]["overhead_median_ms"] for n in ("turns", "chat")},
        **{f"{n}_c1_per_request_p95": levels[f"{n}_c1"]["overhead_p95_ms"] for n in ("turns", "chat")},
        # Whole-turn comparison with the in-process facade (noisier: two separate series).
        **{
            f"{n}_c1_vs_inproc_median": round(levels[f"{n}_c1"]["median_ms"] - levels["inproc_c1"]["median_ms"], 2)
            for n in ("turns", "chat")
        },
    }
    result["api_own_work_ms"] = api_own
    result["load_average_1m"] = round(os.getloadavg()[0], 1)  # other work on the machine: p95s move with it
    result["rps"] = {k: v["rps"] for k, v in levels.items()}
    result["ratio_vs_inproc_median"] = {
        k: round(v["median_ms"] / levels[f"inproc_c{k.split('_c')[1]}"]["median_ms"], 3)
        for k, v in levels.items()
        if not k.startswith("inproc")
    }
    return result


def run() -> dict[str, object]:
    """Measure; the returned dict becomes the benchmark's section."""
    return asyncio.run(_run())


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
