"""Attacks on a clinic deployment, each named with the defence that stops it.

DICOM identifiers in free-text descriptions: tests/unit/test_deid_profile.py (the PS3.15 E.1-1 profile).
Audit tampering (dropped trigger, deleted or edited rows): tests/unit/test_audit_chain.py (the hash chain).
Poisoned dosing text quoted to a patient: tests/unit/test_answers.py (the composer cites, never quotes, it).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from app.service import CareForge
from core.settings import Settings
from tests.conftest import TEXT_ONLY, scripted

IDENTIFIERS = {
    "name": "Maria Gonzalez",
    "nhs": "943 476 5919",
    "phone": "+44 20 7946 0958",
    "email": "maria.g@example.org",
    "dob": "14/03/1962",
    "postcode": "SW1A 1AA",
    "mrn": "MRN 00482913",
    "zip": "90210",
}
QUESTION = (
    f"{IDENTIFIERS['name']}, NHS number {IDENTIFIERS['nhs']}, phone {IDENTIFIERS['phone']}, email "
    f"{IDENTIFIERS['email']}, DOB {IDENTIFIERS['dob']}, lives at 12 Elm Street, London {IDENTIFIERS['postcode']} "
    f"(was in Beverly Hills, CA {IDENTIFIERS['zip']}), {IDENTIFIERS['mrn']}, takes warfarin and ibuprofen."
)


class _Recorder(BaseHTTPRequestHandler):
    bodies: list[str] = []

    def log_message(self, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._reply({"object": "list", "data": [{"id": "smollm2", "object": "model"}]})

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        _Recorder.bodies.append(body)
        self._reply(
            {
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "smollm2",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": "Bleeding is the risk."},
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        )

    def _reply(self, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def recording_server() -> Iterator[str]:
    _Recorder.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


async def test_identifiers_never_reach_the_model_server_by_default(tmp_path, resources, recording_server) -> None:
    """Defence: model input is redacted by default (safety/redaction) before any request leaves."""
    settings = Settings(data_dir=tmp_path, model_base_url=recording_server, request_timeout_s=5)
    assert settings.redact_model_input  # the default
    agent = CareForge(settings, resources=resources, checkpointer=InMemorySaver())
    result = await agent.arun(QUESTION, persona="nurse", routing="hybrid")
    assert result.tool_calls and _Recorder.bodies, "the model server was never asked"
    sent = "\n".join(_Recorder.bodies)
    leaked = {kind: value for kind, value in IDENTIFIERS.items() if value in sent}
    assert leaked == {}, leaked


async def test_a_self_claimed_role_does_not_approve_a_report(settings, resources) -> None:
    """Defence: with a signed-in user the decision's editor and role come from the identity, not the request."""
    agent = CareForge(
        settings, model=scripted("ok", "ok"), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    nurse = agent.users.add("nurse1", "a long test password", "nurse")
    patient = agent.users.add("pat1", "a long test password", "patient")
    agent.users.grant("nurse1", "pat1")
    drafted = await agent.arun(
        "Bed 4 on warfarin and ibuprofen, prepare an SBAR handoff", persona="nurse", user=nurse, routing="rules"
    )
    assert drafted.review is not None
    with pytest.raises(PermissionError):  # the patient may not even open the nurse's conversation
        await agent.adecide(
            drafted.thread_id,
            {"decision": "approve", "editor": "Nurse Pat", "role": "nurse"},
            persona="patient",
            user=patient,
        )
    assert (await agent.areports(drafted.thread_id))[-1].status == "draft"  # nothing was decided


async def test_another_users_conversation_cannot_be_read_or_continued(settings, resources) -> None:
    """Defence: threads belong to their user; someone else's reads as missing (nothing about it leaks)."""
    agent = CareForge(
        settings, model=scripted("ok", "ok"), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    alice = agent.users.add("alice", "a long test password", "patient")
    bob = agent.users.add("bob", "a long test password", "patient")
    mine = await agent.arun("warfarin and aspirin?", persona="patient", user=alice, routing="rules")
    for attempt in (
        agent.ahistory(mine.thread_id, user=bob),
        agent.arun("and ibuprofen?", persona="patient", user=bob, thread_id=mine.thread_id),
    ):
        with pytest.raises(PermissionError, match="no conversation"):
            await attempt
    assert [t.thread_id for t in agent.visible_threads(bob)] == []
    assert [t.thread_id for t in agent.visible_threads(alice)] == [mine.thread_id]


async def test_a_persona_outside_the_users_role_is_refused(settings, resources) -> None:
    """Defence: the persona comes from the role (a patient cannot chat as a nurse to see clinical detail)."""
    agent = CareForge(
        settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY, checkpointer=InMemorySaver()
    )
    patient = agent.users.add("pat2", "a long test password", "patient")
    with pytest.raises(PermissionError, match="chats as patient"):
        await agent.arun("warfarin and aspirin?", persona="nurse", user=patient)


def test_passwords_are_stored_as_argon2_hashes_and_checked(settings, resources) -> None:
    """Defence: Argon2id hashes (argon2-cffi); a wrong password and an unknown user get the same answer."""
    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    agent.users.add("nurse2", "correct horse battery", "nurse")
    raw = agent.users._conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert raw.startswith("$argon2id$") and "correct horse" not in raw
    assert agent.users.authenticate("nurse2", "correct horse battery") is not None
    assert agent.users.authenticate("nurse2", "wrong horse battery") is None
    assert agent.users.authenticate("nobody", "correct horse battery") is None
    with pytest.raises(ValueError, match="at least"):
        agent.users.add("short", "abc", "nurse")
