"""The HTTP service on a real uvicorn server on loopback: the real ``openai`` client, a client leaving mid-stream."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import httpx
import openai
import pytest

from tests.http_support import KEYS, auth, build_agent, build_app, running

CHEST_CR = Path(__file__).resolve().parents[2] / "samples" / "dicom" / "RG1_J2KI.dcm"


@pytest.fixture
def server(tmp_path, resources):
    agent = build_agent(tmp_path, resources)
    with running(build_app(agent)) as url:
        yield url, agent


def client(url: str, user: str = "alice") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key=KEYS[user], max_retries=0)


def test_openai_client_lists_the_personas_its_key_may_use_as_models(server) -> None:
    url, _ = server
    assert [m.id for m in client(url).models.list()] == ["careforge-nurse"]  # a nurse's role
    assert [m.id for m in client(url, "tom").models.list()] == ["careforge-technician"]
    assert sorted(m.id for m in client(url, "ada").models.list()) == [
        "careforge-nurse",
        "careforge-patient",
        "careforge-technician",
    ]  # an admin's


def test_openai_completion_carries_citations_and_a_follow_up_continues_the_thread(server) -> None:
    url, agent = server
    c = client(url)
    first = c.chat.completions.create(
        model="careforge-nurse", messages=[{"role": "user", "content": "warfarin and aspirin"}]
    )
    answer = first.choices[0].message.content
    assert "[ddi:aspirin+warfarin]" in answer and "Sources:" in answer
    extra = first.model_extra
    assert [x["id"] for x in extra["citations"]] == ["ddi:aspirin+warfarin"]
    thread = extra["careforge"]["thread_id"]
    follow = c.chat.completions.create(
        model="careforge-nurse",
        messages=[
            {"role": "user", "content": "warfarin and aspirin"},
            {"role": "assistant", "content": answer},
            {"role": "user", "content": "what about adding advil to those two?"},
        ],
    )
    assert follow.model_extra["careforge"]["thread_id"] == thread  # the resent history found its thread
    assert "ibuprofen" in follow.choices[0].message.content.lower()


def test_openai_stream_yields_the_same_answer_in_chunks_then_citations(server) -> None:
    url, _ = server
    stream = client(url).chat.completions.create(
        model="careforge-nurse", stream=True, messages=[{"role": "user", "content": "warfarin and aspirin"}]
    )
    chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks)
    assert "[ddi:aspirin+warfarin]" in text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["id"] == "ddi:aspirin+warfarin"


def test_openai_image_url_part_is_decoded_and_analysed(server) -> None:
    url, _ = server
    data = base64.b64encode(CHEST_CR.read_bytes()).decode()
    reply = client(url).chat.completions.create(
        model="careforge-nurse",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Is there a pneumothorax?"},
                    {"type": "image_url", "image_url": {"url": f"data:application/dicom;base64,{data}"}},
                ],
            }
        ],
    )
    assert reply.model_extra["careforge"]["tools"] == ["analyze_image"]
    with pytest.raises(openai.BadRequestError, match="data: URLs"):
        client(url).chat.completions.create(
            model="careforge-nurse",
            messages=[
                {
                    "role": "user",
                    "content": [{"type": "image_url", "image_url": {"url": "http://169.254.169.254/latest"}}],
                }
            ],
        )


def test_openai_client_errors_map_to_its_exception_types(server) -> None:
    url, _ = server
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=f"{url}/v1", api_key="wrong", max_retries=0).models.list()
    with pytest.raises(openai.NotFoundError, match="careforge-admin"):
        client(url).chat.completions.create(model="careforge-admin", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.PermissionDeniedError):
        client(url, "pat").chat.completions.create(model="careforge-nurse", messages=[{"role": "user", "content": "x"}])


def test_a_client_leaving_mid_stream_does_not_cut_the_turn(tmp_path, resources) -> None:
    agent = build_agent(tmp_path, resources, delay_s=1.0)  # the model's passage comes a second after the findings
    with running(build_app(agent)) as url:
        with httpx.Client(base_url=url, timeout=10) as http:
            with http.stream(
                "POST", "/v1/turns/stream", json={"message": "warfarin and aspirin"}, headers=auth("alice")
            ) as response:
                thread = response.headers["x-careforge-thread"]
                for line in response.iter_lines():
                    if line == "event: token":
                        break  # leave as soon as the answer starts: the connection closes here
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                history = http.get(f"/v1/threads/{thread}", headers=auth("alice"))
                if history.status_code == 200 and len(history.json()["messages"]) == 2:
                    break
                time.sleep(0.1)
            assert history.status_code == 200, history.text
            assert [m["role"] for m in history.json()["messages"]] == ["user", "assistant"]
            assert "[ddi:aspirin+warfarin]" in history.json()["messages"][1]["content"]
            assert len(agent.audit.read(thread, None, 10)) == 1  # recorded once, whole
            again = http.post(
                "/v1/turns", json={"message": "and ibuprofen?", "thread_id": thread}, headers=auth("alice")
            )
            assert again.status_code == 200  # the thread is usable: nothing was left half-written


def test_careforge_serve_starts_uvicorn_with_keys_from_the_environment(tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys

    from core.settings import Settings
    from core.users import UserStore
    from tests.http_support import ENTRIES, add_users, free_port

    add_users(UserStore(Settings(data_dir=tmp_path).users_path))  # as 'careforge users add NAME --role ROLE' does
    port = free_port()
    env = {
        **os.environ,
        "CAREFORGE_DATA_DIR": str(tmp_path),
        "CAREFORGE_API_KEYS": json.dumps(ENTRIES),
        "CAREFORGE_TRIAGE_SEMANTIC": "false",
        "CAREFORGE_MODEL_BASE_URL": "http://127.0.0.1:9/v1",
        # the checkout, until careforge_http is in pyproject's package list (an editable install maps each package)
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    cli = Path(sys.executable).with_name("careforge")
    proc = subprocess.Popen(
        [str(cli), "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,  # noqa: S603
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/v1/health", headers=auth("bob"), timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read().decode()[-2000:]
                time.sleep(0.2)
        assert r.status_code == 200 and r.json() == {"status": "ok"}
        assert httpx.get(f"http://127.0.0.1:{port}/v1/health").status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=30)
