"""``langgraph dev`` serves the agent from langgraph.json: a turn and the report review over the LangGraph SDK.

The served graph has no checkpointer of its own (the server's is used) and writes the audit row and the thread index
in its record node, so runs that never touch the ``CareForge`` facade are on the record too. Routing is by the rules
and the model's passage is off, so the answers do not depend on whether the embedded model is up.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.privacy import redact
from core.audit import AuditLog
from core.settings import Settings
from tests.http_support import free_port

ROOT = Path(__file__).resolve().parents[2]
CLI = shutil.which("langgraph", path=str(Path(sys.executable).parent)) or shutil.which("langgraph")
pytestmark = pytest.mark.skipif(
    CLI is None or importlib.util.find_spec("langgraph_runtime_inmem") is None,
    reason="langgraph-cli[inmem] is not installed (pip install -e '.[dev]')",
)
RUN = {"persona": "nurse", "routing_mode": "rules", "addendum_tokens": 0}
HANDOFF = "Bed 4 is on warfarin and ibuprofen, prepare an SBAR handoff"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    data = tmp_path_factory.mktemp("langgraph-data")
    port = free_port()
    env = {
        **os.environ,
        "CAREFORGE_DATA_DIR": str(data),
        "CAREFORGE_TRIAGE_SEMANTIC": "false",  # the server's start, not triage, is under test
        "LANGSMITH_TRACING": "false",
        "LANGGRAPH_CLI_NO_ANALYTICS": "1",
    }
    command = [str(CLI), "dev", "--no-browser", "--no-reload", "--host", "127.0.0.1", "--port", str(port)]
    log = (data / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            assert process.poll() is None, (data / "server.log").read_text(errors="replace")[-3000:]
            try:
                if httpx.get(f"{url}/ok", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("langgraph dev did not start in 45 s:\n" + (data / "server.log").read_text()[-3000:])
        yield url, data
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def audit_rows(data: Path, thread_id: str) -> list[dict[str, object]]:
    return AuditLog(Settings(data_dir=data).audit_store, redact).read(thread_id=thread_id)


def test_a_turn_over_the_sdk_is_answered_and_audited_by_the_graph(served) -> None:
    from langgraph_sdk import get_sync_client

    url, data = served
    client = get_sync_client(url=url)
    [assistant] = client.assistants.search(graph_id="careforge")
    schema = client.assistants.get_schemas(assistant["assistant_id"])["context_schema"]
    assert {"persona", "routing_mode", "user"} <= set(schema["properties"]) and "services" not in schema["properties"]
    thread = client.threads.create()["thread_id"]
    message = {"role": "user", "content": "warfarin and aspirin?"}
    state = client.runs.wait(thread, "careforge", input={"messages": [message]}, context={**RUN, "user": "alice"})
    assert isinstance(state, dict)
    assert "[ddi:aspirin+warfarin]" in state["answer"]
    assert state["messages"][-1]["content"] == state["answer"]  # the record node adds the answer it recorded
    [row] = audit_rows(data, thread)
    assert (row["persona"], row["routing"], row["question"]) == ("nurse", "rules", "warfarin and aspirin?")
    assert [c["tool"] for c in row["tool_calls"]] == ["check_drug_interactions"]  # type: ignore[attr-defined]


def test_the_report_review_interrupt_resumes_with_a_command(served) -> None:
    from langgraph_sdk import get_sync_client

    url, data = served
    client = get_sync_client(url=url)
    thread = client.threads.create()["thread_id"]
    client.runs.wait(thread, "careforge", input={"messages": [{"role": "user", "content": HANDOFF}]}, context=RUN)
    paused = client.threads.get_state(thread)
    assert paused["next"] == ["review"]
    [pending] = [i["value"] for i in paused["interrupts"]]
    assert pending["type"] == "report_review" and pending["report"]["kind"] == "nursing_handoff"
    assert pending["approvers"] == ["nurse"]
    refused = {"decision": "approve", "editor": "Pat", "role": "patient"}
    client.runs.wait(thread, "careforge", command={"resume": refused}, context=RUN)
    again = [i["value"] for i in client.threads.get_state(thread)["interrupts"]]
    assert "patient cannot approve" in again[0]["error"]  # asked again with the reason; nothing lost
    decision = {"decision": "approve", "editor": "RN Kim", "role": "nurse"}
    state = client.runs.wait(thread, "careforge", command={"resume": decision}, context=RUN)
    assert isinstance(state, dict)
    assert [r["status"] for r in state["reports"]] == ["approved"]
    assert state["answer"] and client.threads.get_state(thread)["next"] == []
    questions = [r["question"] for r in audit_rows(data, thread)]
    assert questions == [HANDOFF, "[review] approve by Pat (patient)", "[review] approve by RN [NAME] (nurse)"]
