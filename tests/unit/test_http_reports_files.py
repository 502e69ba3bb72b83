"""Reports (list, decide by the key's role, export), image uploads attached to turns, ingestion jobs."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from careforge_http.runtime import Ingesters
from retrieval.records import IngestReport
from tests.http_support import SBAR, auth, build_agent, build_app, client_for

CHEST_CR = Path(__file__).resolve().parents[2] / "samples" / "dicom" / "RG1_J2KI.dcm"


@pytest.fixture
def agent(tmp_path, resources):
    return build_agent(tmp_path, resources)


async def test_a_paused_report_is_approved_by_the_keys_user_and_role_then_exports(agent) -> None:
    async with client_for(build_app(agent)) as c:
        h = auth("alice")
        paused = (await c.post("/v1/turns", json=SBAR, headers=h)).json()
        tid = paused["thread_id"]
        assert paused["review"]["report"]["kind"] == "nursing_handoff"
        listed = (await c.get(f"/v1/threads/{tid}/reports", headers=h)).json()
        assert listed["awaiting_review"] and listed["reports"][0]["status"] == "draft"
        refused = await c.get(f"/v1/threads/{tid}/reports/export?format=md", headers=h)
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "export_refused"
        # the body cannot claim another editor or role: they come from the key
        r = await c.post(
            f"/v1/threads/{tid}/reports/decision",
            json={"decision": "approve", "editor": "Dr Evil", "role": "patient"},
            headers=h,
        )
        assert r.status_code == 200, r.text
        assert (r.json()["status"], r.json()["decided_by"], r.json()["decided_role"]) == ("approved", "alice", "nurse")
        again = await c.post(f"/v1/threads/{tid}/reports/decision", json={"decision": "approve"}, headers=h)
        assert again.status_code == 409 and again.json()["error"]["code"] == "nothing_to_review"
        md = await c.get(f"/v1/threads/{tid}/reports/export?format=md", headers=h)
        assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
        pdf = await c.get(f"/v1/threads/{tid}/reports/export?format=pdf", headers=h)
        assert pdf.headers["content-type"] == "application/pdf" and PdfReader(io.BytesIO(pdf.content)).pages
        fhir = await c.get(f"/v1/threads/{tid}/reports/export?format=fhir", headers=h)
        # FHIR export of a handoff is being extended in tools/reports: a resource, or the documented refusal
        assert (fhir.status_code, "resourceType" in fhir.json()) == (200, True) or (
            fhir.status_code == 409 and fhir.json()["error"]["code"] == "export_refused"
        )
        as_json = await c.get(f"/v1/threads/{tid}/reports/export?format=json", headers=h)
        assert as_json.json()["status"] == "approved"
        bad = await c.get(f"/v1/threads/{tid}/reports/export?format=docx", headers=h)
        assert bad.status_code == 422


async def test_a_nurse_cannot_approve_a_radiology_report_a_radiologist_on_the_care_team_can(agent) -> None:
    async with client_for(build_app(agent)) as c:
        image = (
            await c.post("/v1/images", files={"file": ("chest.dcm", CHEST_CR.read_bytes())}, headers=auth("alice"))
        ).json()["id"]
        first = await c.post(
            "/v1/turns", json={"message": "pneumothorax?", "attachments": [image]}, headers=auth("alice")
        )
        tid = first.json()["thread_id"]
        paused = await c.post(
            "/v1/turns", json={"message": "draft a radiology report", "thread_id": tid}, headers=auth("alice")
        )
        assert paused.json()["review"]["report"]["kind"] == "radiology"
        # the body claims a radiologist: the role is the user's, from the user store
        r = await c.post(
            f"/v1/threads/{tid}/reports/decision",
            json={"decision": "approve", "role": "radiologist"},
            headers=auth("alice"),
        )
        assert r.status_code == 403 and r.json()["error"]["code"] == "role_cannot_decide"
        assert "radiologist" in r.json()["error"]["message"]  # a nurse does not sign an imaging read
        reports = (await c.get(f"/v1/threads/{tid}/reports", headers=auth("alice"))).json()
        assert reports["awaiting_review"] and [x["status"] for x in reports["reports"]] == ["draft"]
        # a radiologist may sign it, but only a thread the agent lets them open: a care-team grant
        outsider = await c.post(
            f"/v1/threads/{tid}/reports/decision", json={"decision": "reject"}, headers=auth("rita")
        )
        assert outsider.status_code == 404 and outsider.json()["error"]["code"] == "thread_not_found"
        agent.users.grant("rita", "alice")
        signed = await c.post(
            f"/v1/threads/{tid}/reports/decision", json={"decision": "reject", "note": "repeat"}, headers=auth("rita")
        )
        assert signed.status_code == 200, signed.text
        assert (signed.json()["status"], signed.json()["decided_by"], signed.json()["decided_role"]) == (
            "rejected",
            "rita",
            "radiologist",
        )


async def test_a_patient_key_cannot_chat_as_careforge_nurse(agent) -> None:
    async with client_for(build_app(agent)) as c:
        models = (await c.get("/v1/models", headers=auth("pat"))).json()["data"]
        assert [m["id"] for m in models] == ["careforge-patient"]
        body = {"model": "careforge-nurse", "messages": [{"role": "user", "content": "warfarin and aspirin"}]}
        for stream in (False, True):
            r = await c.post("/v1/chat/completions", json={**body, "stream": stream}, headers=auth("pat"))
            assert r.status_code == 403 and r.json()["error"]["code"] == "persona_not_allowed", r.text
        assert (await c.get("/v1/threads", headers=auth("pat"))).json()["threads"] == []
        assert agent.audit.read(None, None, 10) == []
        ok = await c.post("/v1/chat/completions", json={**body, "model": "careforge-patient"}, headers=auth("pat"))
        assert ok.status_code == 200 and ok.json()["careforge"]["persona"] == "patient"


async def test_a_decision_the_report_rules_refuse_is_422_and_the_draft_still_waits(agent) -> None:
    async with client_for(build_app(agent)) as c:
        tid = (
            await c.post(
                "/v1/turns", json={"message": "warfarin and aspirin, SBAR handoff please"}, headers=auth("alice")
            )
        ).json()["thread_id"]  # its situation section is not stated
        r = await c.post(f"/v1/threads/{tid}/reports/decision", json={"decision": "approve"}, headers=auth("alice"))
        assert r.status_code == 422 and r.json()["error"]["code"] == "decision_refused"
        assert "situation" in r.json()["error"]["message"]
        reports = (await c.get(f"/v1/threads/{tid}/reports", headers=auth("alice"))).json()
        assert reports["awaiting_review"] and [x["status"] for x in reports["reports"]] == ["draft"]


async def test_image_upload_is_typed_from_its_bytes_and_attaches_to_the_owners_turn(agent) -> None:
    async with client_for(build_app(agent)) as c:
        up = await c.post("/v1/images", files={"file": ("chest.dcm", CHEST_CR.read_bytes())}, headers=auth("alice"))
        assert up.status_code == 201 and up.json()["kind"] == "dicom"
        image_id = up.json()["id"]
        turn = await c.post(
            "/v1/turns", json={"message": "Is there a pneumothorax?", "attachments": [image_id]}, headers=auth("alice")
        )
        assert turn.status_code == 200
        assert [t["tool"] for t in turn.json()["tool_calls"]] == ["analyze_image"]
        theirs = await c.post("/v1/turns", json={"message": "look", "attachments": [image_id]}, headers=auth("bob"))
        assert theirs.status_code == 404 and theirs.json()["error"]["code"] == "image_not_found"
        text = await c.post("/v1/images", files={"file": ("x.png", b"not an image at all")}, headers=auth("alice"))
        assert text.status_code == 415 and text.json()["error"]["code"] == "unsupported_media_type"


async def test_image_over_the_upload_limit_is_413_and_nothing_is_stored(agent) -> None:
    async with client_for(build_app(agent, max_upload_mb=1)) as c:
        big = b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024)
        r = await c.post("/v1/images", files={"file": ("big.png", big)}, headers=auth("alice"))
        assert r.status_code == 413
        stored = list(agent.settings.upload_dir.rglob("*")) if agent.settings.upload_dir.exists() else []
        assert [p for p in stored if p.is_file()] == []


def _fake_ingesters(gate: asyncio.Event | None = None) -> Ingesters:
    def logs(path, retriever, mapping, progress):
        rows = path.read_text().splitlines()[1:]
        for i in range(1, len(rows) + 1):
            progress(i)
        return IngestReport(source=path.name, collection="logs", read=len(rows), added=len(rows))

    def docs(folder, retriever):
        return IngestReport(source=str(folder), collection="docs", read=len(list(folder.iterdir())), added=1)

    return Ingesters(logs=logs, docs=docs)


async def _wait_job(c, job_id: str, user: str = "alice") -> dict:
    for _ in range(200):
        job = (await c.get(f"/v1/jobs/{job_id}", headers=auth(user))).json()
        if job["status"] in ("succeeded", "failed"):
            return job
        await asyncio.sleep(0.02)
    raise AssertionError("job did not finish")


async def test_ingestion_runs_as_a_job_with_progress_and_its_report(agent) -> None:
    agent.resources.retriever = lambda: object()  # the fake ingesters never touch it
    async with client_for(build_app(agent, ingesters=_fake_ingesters())) as c:
        csv = b"log_id,problem,action\n" + b"".join(b"L%d,alarm,reset\n" % i for i in range(5))
        r = await c.post(
            "/v1/ingest/logs",
            files={"file": ("log.csv", csv)},
            data={"mapping": json.dumps({"Fault": "problem"})},
            headers=auth("alice"),
        )
        assert r.status_code == 202 and r.json()["status"] in ("queued", "running", "succeeded")
        job = await _wait_job(c, r.json()["id"])
        assert job["status"] == "succeeded" and job["fraction"] == 1.0 and job["report"]["added"] == 5
        assert (await c.get(f"/v1/jobs/{job['id']}", headers=auth("bob"))).status_code == 404
        docs = await c.post(
            "/v1/ingest/docs",
            files=[("files", ("a.md", b"Source: x\n# A")), ("files", ("b.md", b"Source: y\n# B"))],
            headers=auth("alice"),
        )
        assert (await _wait_job(c, docs.json()["id"]))["report"]["read"] == 2
        denied = await c.post("/v1/ingest/logs", files={"file": ("log.csv", csv)}, headers=auth("bob"))
        assert denied.status_code == 403
        bad_map = await c.post(
            "/v1/ingest/logs", files={"file": ("log.csv", csv)}, data={"mapping": "{"}, headers=auth("alice")
        )
        assert bad_map.status_code == 400 and bad_map.json()["error"]["code"] == "malformed_json"


async def test_ingestion_without_a_vector_store_is_503(agent) -> None:
    async with client_for(build_app(agent)) as c:
        r = await c.post("/v1/ingest/docs", files=[("files", ("a.md", b"x"))], headers=auth("alice"))
        assert r.status_code == 503 and r.json()["error"]["code"] == "no_vector_store"
