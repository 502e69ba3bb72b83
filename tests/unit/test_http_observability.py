"""Observability: spans per turn, node and tool with no identifiers; JSON logs with a level; library noise held back."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from app.privacy import redact
from app.service import CareForge
from core import telemetry
from core.logs import configure_logging
from core.settings import Settings
from tests.conftest import TEXT_ONLY, scripted

QUESTION = "My name is Jane Doe, MRN 12345678, phone 555-123-4567. I take warfarin and aspirin, is that ok?"
IDENTIFIERS = ("Jane", "Doe", "12345678", "555-123-4567", "alice")


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    telemetry.set_tracer_provider(provider)
    try:
        yield exporter
    finally:
        telemetry.set_tracer_provider(None)
        provider.shutdown()


async def test_a_turn_is_traced_per_node_and_tool_without_identifiers(spans, tmp_path, resources) -> None:
    agent = CareForge(
        Settings(data_dir=tmp_path, model_base_url="http://127.0.0.1:9/v1", triage_semantic=False),
        model=scripted("Noted."),
        resources=resources,
        capabilities=TEXT_ONLY,
        checkpointer=InMemorySaver(),
    )
    result = await agent.arun(QUESTION, persona="nurse", routing="rules", thread_id="thread-secret-id")
    assert result.tool_calls  # the rules called the interaction checker
    finished = spans.get_finished_spans()
    names = [s.name for s in finished]
    assert names.count("careforge.turn") == 1
    turn = next(s for s in finished if s.name == "careforge.turn")
    assert turn.attributes is not None and turn.attributes["careforge.persona"] == "nurse"
    assert any(n.startswith("careforge.node.") for n in names)
    assert "careforge.tool.check_drug_interactions" in names
    # one trace, every span under the turn
    assert {s.context.trace_id for s in finished} == {turn.context.trace_id}
    assert all(s.parent is not None for s in finished if s is not turn)
    # nothing identifying: not in names, not in attributes, not the thread id, not the question
    dumped = json.dumps([[s.name, dict(s.attributes or {}), [e.name for e in s.events]] for s in finished])
    for needle in (*IDENTIFIERS, "thread-secret-id", "warfarin and aspirin"):
        assert needle not in dumped, needle


async def test_tracing_is_off_by_default(tmp_path, resources) -> None:
    telemetry._state.clear()  # as a fresh process: built from settings, which leave it off
    try:
        settings = Settings(data_dir=tmp_path, model_base_url="http://127.0.0.1:9/v1", triage_semantic=False)
        assert telemetry.configure_tracing(settings) is None
        config = telemetry.traced({"configurable": {"thread_id": "t"}}, settings, str.upper, "nurse")
        assert "callbacks" not in config
    finally:
        telemetry._state.clear()


def test_logs_are_json_at_the_set_level_redacted_and_quiet_about_libraries(tmp_path) -> None:
    path = tmp_path / "careforge.log"
    handler = configure_logging(path, redact, level="WARNING", json_lines=True)
    log = logging.getLogger("careforge")
    try:
        log.info("an info line the level drops")
        log.warning("patient %s, MRN %s, called", "Jane Doe", "12345678")
        logging.getLogger("httpx").warning("a library warning is kept")
        logging.getLogger("httpx").info("HTTP Request: GET http://model/v1/models")
        try:
            raise ValueError("lookup failed for MRN 12345678")
        except ValueError:
            log.exception("tool failed")
    finally:
        handler.flush()
        logging.getLogger().removeHandler(handler)
        handler.close()
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(e["level"], e["logger"]) for e in lines] == [
        ("WARNING", "careforge"),
        ("WARNING", "httpx"),
        ("ERROR", "careforge"),
    ]
    text = path.read_text()
    assert "Jane" not in text and "12345678" not in text and "[RECORD-ID]" in text
    assert "ValueError" in lines[2]["exc"] and path.stat().st_mode & 0o777 == 0o600
