"""Past one machine: two ``careforge serve`` processes on one real PostgreSQL and one real ``chroma run``.

Each instance has its own data directory (nothing shared on disk); conversations, the thread index, the audit trail,
users and the service's own tables (uploads with their bytes, ingestion jobs, chat continuations, the webhook outbox)
live in PostgreSQL, documents in the Chroma server, so any instance serves any request. The model is down (a closed
port): the product composes its answers from the tools, so the test needs no model server and runs in about a minute.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from app.privacy import redact
from core.audit import AuditLog
from core.users import UserStore
from tests.pg_support import chroma_server, free_port, postgres_server

ROLES = {"alice": "nurse", "bob": "nurse", "tom": "technician", "ada": "admin"}
KEYS = {name: f"key-{name}-{role}-0123456789" for name, role in ROLES.items()}
LOG = (
    b"log_id,asset_id,equipment,date,location,problem,action\n"
    b"MEL-90001,VNT-0777,ventilator,2024-03-02,ICU,High pressure alarm after filter change,"
    b"Bacterial filter fitted backwards; refitted it the right way round and the alarm cleared.\n"
)
CAREFORGE = Path(sys.executable).with_name("careforge")
CHEST_CR = Path(__file__).resolve().parents[2] / "samples" / "dicom" / "RG1_J2KI.dcm"


class Receiver(BaseHTTPRequestHandler):
    """A webhook receiver on loopback counting deliveries by their id; slow, so both loops overlap."""

    deliveries: Counter[str] = Counter()
    events: dict[str, dict[str, Any]] = {}
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(0.1)
        with Receiver.lock:
            Receiver.deliveries[self.headers["X-CareForge-Delivery"]] += 1
            Receiver.events[self.headers["X-CareForge-Delivery"]] = json.loads(body)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


DIRS: dict[str, Path] = {}  # instance URL -> its own data directory


def auth(user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[user]}"}


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, tuple[str, int]]]:
    with postgres_server() as url, chroma_server(tmp_path_factory.mktemp("chroma") / "data") as chroma:
        users = UserStore(url)  # what 'careforge users add' does, on the shared database
        for name, role in ROLES.items():
            users.add(name, f"{name}-password-long", role)
        yield url, chroma


@pytest.fixture(scope="module")
def receiver() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


def _env(url: str, chroma: tuple[str, int], data_dir: Path, hook: str = "") -> dict[str, str]:
    entries = [{"user": name, "key": key, "ingest": name == "tom"} for name, key in KEYS.items()]
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("CAREFORGE_")},
        "CAREFORGE_DATABASE_URL": url,
        "CAREFORGE_DATA_DIR": str(data_dir),
        "CAREFORGE_CHROMA_MODE": "http",
        "CAREFORGE_CHROMA_HOST": chroma[0],
        "CAREFORGE_CHROMA_PORT": str(chroma[1]),
        "CAREFORGE_MODEL_BASE_URL": "http://127.0.0.1:9/v1",  # down: answers are composed from the tools
        "CAREFORGE_REQUEST_TIMEOUT_S": "2",
        "CAREFORGE_MAX_RETRIES": "0",
        "CAREFORGE_TRIAGE_SEMANTIC": "false",
        "CAREFORGE_API_KEYS": json.dumps(entries),
        "CAREFORGE_LOG_LEVEL": "INFO",
        **({"CAREFORGE_HTTP_WEBHOOK_URL": hook, "CAREFORGE_HTTP_WEBHOOK_BACKOFF_S": "0.2"} if hook else {}),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }


@pytest.fixture(scope="module")
def instances(backends, receiver, tmp_path_factory) -> Iterator[list[str]]:
    url, chroma = backends
    procs, urls = [], []
    for name in ("a", "b"):
        data_dir = tmp_path_factory.mktemp(f"instance-{name}")
        port = free_port()
        log = (data_dir / "serve.out").open("wb")
        cmd = [str(CAREFORGE), "serve", "--host", "127.0.0.1", "--port", str(port)]
        procs.append(
            (subprocess.Popen(cmd, env=_env(url, chroma, data_dir, receiver), stdout=log, stderr=log), data_dir, log)
        )  # noqa: S603
        urls.append(f"http://127.0.0.1:{port}")
        DIRS[urls[-1]] = data_dir
    try:
        deadline = time.monotonic() + 60
        for base, (proc, data_dir, _) in zip(urls, procs, strict=True):
            while True:
                try:
                    if httpx.get(f"{base}/v1/health", headers=auth("ada"), timeout=2).is_success:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"careforge serve did not start: {(data_dir / 'serve.out').read_text()[-3000:]}")
                time.sleep(0.25)
        yield urls
    finally:
        for proc, _, _log in procs:
            proc.terminate()
        for proc, _, log in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()


def turn(base: str, user: str, message: str, thread_id: str | None = None) -> dict[str, Any]:
    body = {"message": message, **({"thread_id": thread_id} if thread_id else {})}
    response = httpx.post(f"{base}/v1/turns", json=body, headers=auth(user), timeout=60)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_both_instances_are_ready_on_the_shared_stores(instances) -> None:
    for base in instances:
        ready = httpx.get(f"{base}/v1/ready", headers=auth("ada"), timeout=10)
        assert ready.status_code == 200, ready.text
        assert ready.json()["stores"]["conversations"] == "ok"


def test_a_thread_started_on_one_instance_continues_on_the_other(instances) -> None:
    a, b = instances
    first = turn(a, "alice", "warfarin and aspirin")
    thread = first["thread_id"]
    assert "[ddi:aspirin+warfarin]" in first["answer"]
    follow = turn(b, "alice", "what about adding advil to those two?", thread)
    assert follow["thread_id"] == thread
    # B's checkpoint holds A's turn: the whole conversation, read back from A
    history = httpx.get(f"{a}/v1/threads/{thread}", headers=auth("alice"), timeout=10).json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant", "user", "assistant"]
    assert history["messages"][0]["content"] == "warfarin and aspirin"
    assert history["messages"][3]["content"] == follow["answer"]
    # owners are shared too: another nurse gets the same 404 from both instances
    for base in instances:
        assert httpx.get(f"{base}/v1/threads/{thread}", headers=auth("bob"), timeout=10).status_code == 404
    # a rename on B is what A lists
    renamed = httpx.patch(f"{b}/v1/threads/{thread}", json={"title": "anticoagulants"}, headers=auth("alice"))
    assert renamed.status_code == 200, renamed.text
    titles = httpx.get(f"{a}/v1/threads", headers=auth("alice"), timeout=10).json()["threads"]
    assert {t["thread_id"]: t["title"] for t in titles}[thread] == "anticoagulants"


def test_concurrent_writers_on_both_instances_keep_the_audit_whole(instances, backends, tmp_path) -> None:
    url, _ = backends
    audit = AuditLog(url, redact)
    before = audit.verify()
    assert before.ok, before.message()
    jobs = [(instances[i % 2], "bob" if i % 3 else "alice", f"simvastatin and clarithromycin {i}") for i in range(12)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: turn(*job), jobs))
    report = audit.verify()
    assert report.ok, report.message()
    assert report.rows == before.rows + len(jobs)
    threads = {r["thread_id"] for r in audit.read(limit=10_000)}
    assert {r["thread_id"] for r in results} <= threads  # rows from both instances, one chain
    # the CLI on a third machine sees the same trail
    cli = subprocess.run(  # noqa: S603
        [str(CAREFORGE), "audit", "verify", "--json"],
        env=_env(url, ("127.0.0.1", 9), tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["head_hash"] == report.head_hash


def test_thread_listing_is_the_same_from_both(instances) -> None:
    a, b = instances
    for user in ("alice", "bob", "ada"):
        lists = [httpx.get(f"{base}/v1/threads", headers=auth(user), timeout=10).json()["threads"] for base in (a, b)]
        assert lists[0] == lists[1] and lists[0], user
    everyone = httpx.get(f"{a}/v1/threads", headers=auth("ada"), timeout=10).json()["threads"]
    assert {t["owner"] for t in everyone} == {"alice", "bob"}


def test_a_log_ingested_through_one_instance_is_found_through_the_other(instances) -> None:
    a, b = instances
    started = httpx.post(f"{a}/v1/ingest/logs", files={"file": ("log.csv", LOG)}, headers=auth("tom"), timeout=30)
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    # the job runs on A; its progress and report are read through B (the jobs table is shared)
    deadline = time.monotonic() + 60
    while (job := httpx.get(f"{b}/v1/jobs/{job_id}", headers=auth("tom")).json())["status"] not in (
        "succeeded",
        "failed",
    ):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    assert job["status"] == "succeeded" and job["report"]["added"] == 1, job
    assert httpx.get(f"{a}/v1/jobs/{job_id}", headers=auth("tom")).json() == job
    assert httpx.get(f"{b}/v1/jobs/{job_id}", headers=auth("alice")).status_code == 404  # still only tom's
    answer = turn(b, "tom", "Ventilator high pressure alarm after a filter change, what fixed this before?")
    assert "[log:MEL-90001]" in answer["answer"]  # B searched the Chroma server A wrote to


def test_an_image_uploaded_on_one_instance_is_attached_to_a_turn_on_the_other(instances) -> None:
    a, b = instances
    data = CHEST_CR.read_bytes()
    up = httpx.post(f"{a}/v1/images", files={"file": ("chest.dcm", data)}, headers=auth("alice"), timeout=30)
    assert up.status_code == 201 and up.json()["kind"] == "dicom", up.text
    image_id = up.json()["id"]
    assert not list((DIRS[b] / "uploads").rglob("*.dcm"))  # nothing of it on B's disk yet
    body = {"message": "Is there a pneumothorax?", "attachments": [image_id]}
    response = httpx.post(f"{b}/v1/turns", json=body, headers=auth("alice"), timeout=60)
    assert response.status_code == 200, response.text
    assert "analyze_image" in [t["tool"] for t in response.json()["tool_calls"]]
    copies = list((DIRS[b] / "uploads").rglob("*.dcm"))  # B wrote the bytes from the database to its own disk
    assert len(copies) == 1 and hashlib.sha256(copies[0].read_bytes()).digest() == hashlib.sha256(data).digest()
    theirs = httpx.post(f"{b}/v1/turns", json={**body, "message": "look"}, headers=auth("bob"), timeout=60)
    assert theirs.status_code == 404 and theirs.json()["error"]["code"] == "image_not_found"


def test_an_openai_chat_continued_on_the_other_instance_keeps_its_thread(instances) -> None:
    a, b = instances

    def chat(base: str, messages: list[dict[str, str]]) -> dict[str, Any]:
        body = {"model": "careforge-nurse", "messages": messages}
        response = httpx.post(f"{base}/v1/chat/completions", json=body, headers=auth("alice"), timeout=60)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    history = [{"role": "user", "content": "warfarin and aspirin"}]
    first = chat(a, history)
    answer = first["choices"][0]["message"]["content"]
    history += [{"role": "assistant", "content": answer}, {"role": "user", "content": "what about adding advil?"}]
    follow = chat(b, history)  # the resent history is found in the shared chats table
    assert follow["careforge"]["thread_id"] == first["careforge"]["thread_id"]
    thread = httpx.get(f"{a}/v1/threads/{first['careforge']['thread_id']}", headers=auth("alice"), timeout=10)
    assert [m["role"] for m in thread.json()["messages"]] == ["user", "assistant", "user", "assistant"]


def test_webhook_events_from_both_instances_are_delivered_exactly_once(instances, backends) -> None:
    url, _ = backends
    jobs = [(instances[i % 2], "alice", f"I have crushing chest pain and cannot breathe ({i})") for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threads = {r["thread_id"] for r in pool.map(lambda job: turn(*job), jobs)}
    with psycopg.connect(url) as conn:
        deadline = time.monotonic() + 60
        while conn.execute("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND dead = 0").fetchone() != (0,):
            assert time.monotonic() < deadline, "the outbox did not drain"
            time.sleep(0.2)
        ids = {row[0] for row in conn.execute("SELECT id FROM outbox WHERE delivered_at IS NOT NULL")}
    time.sleep(1.0)  # a second send, were there one, would arrive now
    with Receiver.lock:
        counts, events = dict(Receiver.deliveries), dict(Receiver.events)
    assert set(counts) == ids and set(counts.values()) == {1}, counts
    flagged = {e["data"]["thread_id"] for e in events.values() if e["type"] == "red_flag"}
    assert threads <= flagged  # every turn's red flag arrived, from whichever instance raised it
