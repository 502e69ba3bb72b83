"""The HTTP service's turns, threads, auth, limits and error objects, in process over the scripted model."""

from __future__ import annotations

import pytest

from tests.http_support import auth, build_agent, build_app, client_for, sse_events


@pytest.fixture
def agent(tmp_path, resources):
    return build_agent(tmp_path, resources)


async def test_turn_answers_with_citations_and_records_the_thread_for_its_user(agent) -> None:
    async with client_for(build_app(agent)) as c:
        r = await c.post("/v1/turns", json={"message": "warfarin and aspirin"}, headers=auth("alice"))
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["persona"] == "nurse"  # the key's role
        assert "[ddi:aspirin+warfarin]" in body["answer"]
        assert [c["id"] for c in body["citations"]] == ["ddi:aspirin+warfarin"]
        listed = (await c.get("/v1/threads", headers=auth("alice"))).json()["threads"]
        assert [t["thread_id"] for t in listed] == [body["thread_id"]]
        assert (await c.get("/v1/threads", headers=auth("bob"))).json()["threads"] == []


async def test_stream_sends_flags_tokens_then_done_matching_the_invoke_result(agent) -> None:
    async with client_for(build_app(agent)) as c:
        r = await c.post(
            "/v1/turns/stream", json={"message": "I have crushing chest pain and can't breathe"}, headers=auth("pat")
        )
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r.text)
        kinds = [e for e, _ in events]
        assert kinds[0] == "flags" and kinds[-1] == "done" and "token" in kinds
        assert "chest_pain" in events[0][1]["red_flags"]
        done = events[-1][1]
        assert "".join(d for e, d in events if e == "token") == done["answer"]  # what streamed is what stays
        assert r.headers["x-careforge-thread"] == done["thread_id"]


async def test_a_thread_continues_rename_and_history_then_delete_removes_it(agent) -> None:
    async with client_for(build_app(agent)) as c:
        h = auth("alice")
        first = (await c.post("/v1/turns", json={"message": "warfarin and aspirin"}, headers=h)).json()
        tid = first["thread_id"]
        again = await c.post("/v1/turns", json={"message": "and ibuprofen?", "thread_id": tid}, headers=h)
        assert again.status_code == 200 and again.json()["thread_id"] == tid
        history = (await c.get(f"/v1/threads/{tid}", headers=h)).json()
        assert [m["role"] for m in history["messages"]] == ["user", "assistant", "user", "assistant"]
        renamed = await c.patch(f"/v1/threads/{tid}", json={"title": "Anticoagulant check"}, headers=h)
        assert renamed.status_code == 200 and renamed.json()["title"] == "Anticoagulant check"
        assert (await c.delete(f"/v1/threads/{tid}", headers=h)).status_code == 204
        gone = await c.get(f"/v1/threads/{tid}", headers=h)
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "thread_not_found"
        assert await agent.ahistory(tid) == []  # the conversation itself is gone, not only the index row
        assert (await c.get("/v1/threads", headers=h)).json()["threads"] == []


async def test_unknown_and_another_users_thread_are_the_same_404(agent) -> None:
    async with client_for(build_app(agent)) as c:
        tid = (await c.post("/v1/turns", json={"message": "warfarin and aspirin"}, headers=auth("alice"))).json()[
            "thread_id"
        ]
        for path in (f"/v1/threads/{tid}", "/v1/threads/nosuchthread"):
            r = await c.get(path, headers=auth("bob"))
            assert r.status_code == 404 and r.json() == {
                "error": {"code": "thread_not_found", "message": f"no thread {path.rsplit('/', 1)[1]}"}
            }
        hijack = await c.post("/v1/turns", json={"message": "hello", "thread_id": tid}, headers=auth("bob"))
        assert hijack.status_code == 404
        assert (await c.delete(f"/v1/threads/{tid}", headers=auth("bob"))).status_code == 404
        assert (await c.get(f"/v1/threads/{tid}/reports", headers=auth("bob"))).status_code == 404
        assert len((await c.get(f"/v1/threads/{tid}", headers=auth("alice"))).json()["messages"]) == 2  # untouched
        # one set of rules, the agent's: an admin lists and opens everyone's threads
        listed = (await c.get("/v1/threads", headers=auth("ada"))).json()["threads"]
        assert [(t["thread_id"], t["owner"]) for t in listed] == [(tid, "alice")]
        assert (await c.get(f"/v1/threads/{tid}", headers=auth("ada"))).status_code == 200


async def test_owners_kept_by_an_earlier_service_move_into_the_agents_thread_index(agent) -> None:
    from core.database import open_database

    agent.threads.touch("old1", "nurse", "warfarin and aspirin")  # a thread the index knows without an owner
    legacy = open_database(
        agent.settings.data_dir / "http.sqlite",
        "CREATE TABLE owners (thread_id TEXT PRIMARY KEY, user TEXT NOT NULL, created_at TEXT NOT NULL)",
    )
    legacy.execute("INSERT INTO owners VALUES ('old1', 'alice', '2025-01-01T00:00:00+00:00')")
    legacy.close()
    async with client_for(build_app(agent)) as c:
        assert agent.threads.owner("old1") == (True, "alice")
        assert (await c.get("/v1/threads/old1", headers=auth("bob"))).status_code == 404
        assert [t["thread_id"] for t in (await c.get("/v1/threads", headers=auth("alice"))).json()["threads"]] == [
            "old1"
        ]
    check = open_database(agent.settings.data_dir / "http.sqlite", "")
    assert check.execute("SELECT name FROM sqlite_master WHERE name = 'owners'").fetchone() is None
    check.close()


async def test_bad_or_missing_key_is_401_on_every_route(agent) -> None:
    async with client_for(build_app(agent)) as c:
        routes = [
            ("POST", "/v1/turns"),
            ("GET", "/v1/threads"),
            ("GET", "/v1/health"),
            ("GET", "/v1/models"),
            ("POST", "/v1/chat/completions"),
            ("GET", "/v1/jobs/x"),
            ("POST", "/v1/images"),
        ]
        for method, path in routes:
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-API-Key": "wrong"}):
                r = await c.request(method, path, headers=headers, json={})
                assert r.status_code == 401, (method, path, r.text)
                assert r.json()["error"]["code"] == "unauthorized"
        assert (await c.get("/v1/health", headers={"X-API-Key": "key-bob-nurse"})).status_code == 200


async def test_a_key_whose_user_was_removed_is_401_and_a_changed_role_applies_at_once(agent) -> None:
    async with client_for(build_app(agent)) as c:
        conn = agent.users._conn  # no removal or role change in the store's API yet: done as an admin would
        conn.execute("UPDATE users SET role = 'patient' WHERE username = 'bob'")
        r = await c.post("/v1/turns", json={"message": "warfarin and aspirin"}, headers=auth("bob"))
        assert r.status_code == 200 and r.json()["persona"] == "patient"
        conn.execute("DELETE FROM users WHERE username = 'bob'")
        gone = await c.get("/v1/threads", headers=auth("bob"))
        assert gone.status_code == 401 and gone.json()["error"]["code"] == "unauthorized"


async def test_persona_comes_from_the_users_role_and_others_need_the_roles_permission(agent) -> None:
    async with client_for(build_app(agent)) as c:
        for user, persona in (("pat", "nurse"), ("alice", "patient"), ("tom", "nurse")):
            r = await c.post(
                "/v1/turns", json={"message": "warfarin and aspirin", "persona": persona}, headers=auth(user)
            )
            assert r.status_code == 403 and r.json()["error"]["code"] == "persona_not_allowed", (user, persona)
        unknown = await c.post("/v1/turns", json={"message": "warfarin", "persona": "pilot"}, headers=auth("ada"))
        assert unknown.status_code == 422
        ok = await c.post(
            "/v1/turns", json={"message": "warfarin and aspirin", "persona": "patient"}, headers=auth("ada")
        )  # an admin may use any persona
        assert ok.status_code == 200 and ok.json()["persona"] == "patient"
        assert (await c.get("/v1/threads", headers=auth("pat"))).json()["threads"] == []  # nothing was started


async def test_malformed_json_is_400_and_invalid_fields_422_with_nothing_written(agent) -> None:
    async with client_for(build_app(agent)) as c:
        h = {**auth("alice"), "Content-Type": "application/json"}
        bad = await c.post("/v1/turns", content=b'{"message": "warf', headers=h)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "malformed_json"
        for body in ({}, {"message": ""}, {"message": "x", "thread_id": "../etc"}, {"message": "x", "routing": "?"}):
            r = await c.post("/v1/turns", json=body, headers=auth("alice"))
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request", body
        blank = await c.post("/v1/turns", json={"message": "   "}, headers=auth("alice"))
        assert blank.status_code == 422
        assert (await c.get("/v1/threads", headers=auth("alice"))).json()["threads"] == []
        assert agent.audit.read(None, None, 10) == []


async def test_oversize_body_is_413_by_length_and_by_counting_a_chunked_body(agent) -> None:
    async with client_for(build_app(agent, max_body_bytes=2048)) as c:
        big = {"message": "x" * 5000}
        r = await c.post("/v1/turns", json=big, headers=auth("alice"))
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"

        async def chunks():
            yield b'{"message": "'
            for _ in range(10):
                yield b"y" * 512
            yield b'"}'

        chunked = await c.post(
            "/v1/turns", content=chunks(), headers={**auth("alice"), "Content-Type": "application/json"}
        )
        assert chunked.status_code == 413 and chunked.json()["error"]["code"] == "payload_too_large"
        assert agent.audit.read(None, None, 10) == []


async def test_message_longer_than_the_agent_accepts_is_422_before_any_turn(agent) -> None:
    agent.settings.max_message_chars = 50
    async with client_for(build_app(agent)) as c:
        r = await c.post("/v1/turns/stream", json={"message": "warfarin " * 20}, headers=auth("alice"))
        assert r.status_code == 422 and r.json()["error"]["code"] == "message_too_long"
        assert (await c.get("/v1/threads", headers=auth("alice"))).json()["threads"] == []


async def test_rate_limit_is_per_key_with_retry_after(agent) -> None:
    async with client_for(build_app(agent, rate_burst=3, rate_per_minute=1)) as c:
        codes = [(await c.get("/v1/health", headers=auth("alice"))).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = await c.get("/v1/health", headers=auth("alice"))
        assert limited.json()["error"]["code"] == "rate_limited" and int(limited.headers["retry-after"]) >= 1
        assert (await c.get("/v1/health", headers=auth("bob"))).status_code == 200  # another key's bucket


async def test_unknown_route_and_method_use_the_error_object(agent) -> None:
    async with client_for(build_app(agent)) as c:
        r = await c.get("/v1/nothing", headers=auth("alice"))
        assert r.status_code == 404 and set(r.json()["error"]) == {"code", "message"}
        r = await c.put("/v1/turns", headers=auth("alice"))
        assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


async def test_ready_reports_model_and_stores_and_openapi_is_versioned(agent) -> None:
    async with client_for(build_app(agent)) as c:
        ready = (await c.get("/v1/ready", headers=auth("alice"))).json()
        assert ready["status"] == "ready" and set(ready["stores"].values()) == {"ok"}
        schema = (await c.get("/v1/openapi.json")).json()
        assert schema["info"]["version"] == "1"
        paths = set(schema["paths"])
        assert {
            "/v1/turns",
            "/v1/turns/stream",
            "/v1/threads/{thread_id}",
            "/v1/chat/completions",
            "/v1/models",
            "/v1/images",
            "/v1/jobs/{job_id}",
            "/v1/ready",
        } <= paths
        assert all(p.startswith("/v1/") for p in paths)
        assert "404" in schema["paths"]["/v1/threads/{thread_id}"]["get"]["responses"]
