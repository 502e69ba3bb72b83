"""Webhook events: which turns raise them, the signature, and the outbox's retries, backoff and dead letters."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json

import httpx
import pytest
from pydantic import SecretStr

from careforge_http import create_app
from careforge_http.auth import UnknownUser
from careforge_http.config import HttpSettings, KeyEntry, hash_key, load_keys
from careforge_http.webhooks import Outbox, sign
from tests.http_support import SBAR, auth, build_agent, build_app, client_for


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    expected = hmac.new(b"s3cret", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    assert sign("s3cret", "1700000000", b'{"a":1}') == f"sha256={expected}"
    assert sign("other", "1700000000", b'{"a":1}') != f"sha256={expected}"


def _http(tmp_path, **kw) -> HttpSettings:
    values = {"webhook_backoff_s": 0.01, "webhook_backoff_max_s": 0.02, **kw}
    return HttpSettings(
        api_keys_file=None,
        api_keys=None,
        webhook_url="http://receiver.test/hook",
        webhook_secret=SecretStr("s3cret"),
        **values,
    )


async def test_a_failed_delivery_stays_due_with_backoff_until_a_2xx(tmp_path) -> None:
    # a backoff long enough that a loaded CI machine cannot outrun it between two calls (10 ms once did)
    outbox = Outbox(tmp_path / "o.sqlite", _http(tmp_path, webhook_backoff_s=0.5, webhook_backoff_max_s=1.0))
    event_id = outbox.enqueue("red_flag", {"thread_id": "t1"})
    answers = iter([503, 200])
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(next(answers))

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        assert await outbox.deliver_due(client) == 0
        row = outbox.rows()[0]
        assert (row["attempts"], row["delivered_at"], row["last_error"]) == (1, None, "HTTP 503")
        assert await outbox.deliver_due(client) == 0  # not due yet: the backoff holds it
        await asyncio.sleep(0.7)  # past the longest jittered first delay (0.5 s x 1.2)
        assert await outbox.deliver_due(client) == 1
    assert outbox.rows()[0]["delivered_at"] is not None
    request = seen[-1]
    assert request.headers["x-careforge-delivery"] == event_id and request.headers["x-careforge-event"] == "red_flag"
    stamp = request.headers["x-careforge-timestamp"]
    assert request.headers["x-careforge-signature"] == sign("s3cret", stamp, request.content)
    assert json.loads(request.content)["data"] == {"thread_id": "t1"}
    await outbox.stop()


async def test_an_event_is_marked_dead_after_the_last_attempt_and_kept(tmp_path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite", _http(tmp_path, webhook_max_attempts=2))
    outbox.enqueue("red_flag", {})
    async with httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(500))) as client:
        for _ in range(3):
            await outbox.deliver_due(client)
            await asyncio.sleep(0.05)
    row = outbox.rows()[0]
    assert (row["attempts"], row["dead"], row["delivered_at"]) == (2, 1, None)
    await outbox.stop()


async def test_turns_queue_red_flag_work_order_and_approval_events(tmp_path, resources) -> None:
    agent = build_agent(tmp_path, resources)
    app = build_app(agent)  # no URL: events are still written, ready for when one is set
    outbox = app.state.runtime.outbox
    async with client_for(app) as c:
        await c.post("/v1/turns", json={"message": "I have crushing chest pain"}, headers=auth("pat"))
        await c.post("/v1/turns", json={"message": "warfarin and aspirin"}, headers=auth("alice"))  # no event
        await c.post(
            "/v1/turns",
            json={
                "message": "write a work order: asset VNT-0107, symptom high pressure alarm, action replace the filter"
            },
            headers=auth("tom"),
        )
        sbar = await c.post("/v1/turns", json=SBAR, headers=auth("alice"))
        tid = sbar.json()["thread_id"]
        decided = await c.post(
            f"/v1/threads/{tid}/reports/decision", json={"decision": "approve"}, headers=auth("alice")
        )
        assert decided.status_code == 200, decided.text
    events = [r["event"] for r in outbox.rows()]
    assert events == ["red_flag", "work_order.drafted", "report.approved"]


def test_key_file_entries_name_a_user_with_one_key_form_and_no_role(tmp_path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(f'[[keys]]\nuser = "Ann"\nsha256 = "{hash_key("k")}"\ningest = true\n')
    [entry] = load_keys(path)
    assert (entry.user, entry.digest, entry.ingest) == ("ann", hash_key("k"), True)
    for bad in ({"user": "x"}, {"user": "x", "key": "k", "sha256": hash_key("k")}, {"user": "", "key": "k"}):
        with pytest.raises(ValueError):
            KeyEntry.model_validate(bad)
    # the role is the user store's: a key file still giving one is refused with the way to fix it
    for retired in ({"role": "nurse"}, {"personas": ["nurse"]}):
        with pytest.raises(ValueError, match="user store"):
            KeyEntry.model_validate({"user": "x", "key": "k", **retired})
    with pytest.raises(ValueError, match="twice"):
        load_keys(None, json.dumps([{"user": "a", "key": "k"}, {"user": "b", "sha256": hash_key("k")}]))


def test_a_key_naming_an_unknown_user_stops_the_service_at_startup(tmp_path, resources) -> None:
    agent = build_agent(tmp_path, resources)
    inline = json.dumps([{"user": "alice", "key": "k1"}, {"user": "ghost", "key": "k2"}])
    with pytest.raises(UnknownUser, match="careforge users add ghost --role ROLE") as caught:
        create_app(agent, http=HttpSettings(api_keys_file=None, api_keys=inline))
    assert "'ghost'" in str(caught.value) and "'alice'" not in str(caught.value)


def test_a_claimed_event_is_not_claimed_again_by_another_loop_until_its_lease_ends(tmp_path, monkeypatch) -> None:
    # two outboxes on one table: two instances' delivery loops
    first, second = (Outbox(tmp_path / "o.sqlite", _http(tmp_path, webhook_timeout_s=1.0)) for _ in range(2))
    event_id = first.enqueue("red_flag", {"thread_id": "t"})
    claimed = second.claim()
    assert claimed is not None and claimed[0] == event_id
    assert first.claim() is None and second.claim() is None  # leased by the loop sending it
    import careforge_http.webhooks as webhooks

    later = webhooks.time.time() + 1.0 + webhooks.LEASE_SLACK_S + 1
    monkeypatch.setattr(webhooks.time, "time", lambda: later)
    again = first.claim()  # the sender died mid-send: after the lease another loop takes it (at least once)
    assert again is not None and again[0] == event_id


def test_a_keys_user_is_cached_for_a_moment_and_read_again_after_a_write_here(tmp_path) -> None:
    from careforge_http.auth import KeyRing
    from core.users import UserStore

    users = UserStore(tmp_path / "users.sqlite")
    users.add("bob", "bob-password-long", "nurse")
    elsewhere = UserStore(tmp_path / "users.sqlite")  # another process (the CLI) on the same store
    ring = KeyRing([KeyEntry(user="bob", key=SecretStr("k-bob"))], users, cache_s=60.0)
    assert ring.authenticate(None, "k-bob").user.role == "nurse"
    elsewhere._conn.execute("UPDATE users SET role = 'patient' WHERE username = 'bob'")
    assert ring.authenticate(None, "k-bob").user.role == "nurse"  # cached: another process's change waits
    users.grant("bob", "alice")  # any write through this process's store drops the cache
    assert ring.authenticate(None, "k-bob").user.role == "patient"
    uncached = KeyRing([KeyEntry(user="bob", key=SecretStr("k-bob"))], users)  # the default (SQLite): per request
    elsewhere._conn.execute("UPDATE users SET role = 'nurse' WHERE username = 'bob'")
    assert uncached.authenticate(None, "k-bob").user.role == "nurse"
