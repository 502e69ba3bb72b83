"""Webhooks against a real receiver on loopback that is down when the event fires and comes up later."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from pydantic import SecretStr

from careforge_http.webhooks import sign
from tests.http_support import auth, build_agent, build_app, client_for, free_port


class Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


async def test_events_wait_in_the_outbox_while_the_receiver_is_down_then_arrive_signed(tmp_path, resources) -> None:
    port = free_port()  # nothing listens here yet: the receiver is down
    agent = build_agent(tmp_path, resources)
    app = build_app(
        agent,
        webhook_url=f"http://127.0.0.1:{port}/hook",
        webhook_secret=SecretStr("s3cret"),
        webhook_backoff_s=0.2,
        webhook_backoff_max_s=0.4,
    )
    outbox = app.state.runtime.outbox
    Receiver.received = []
    async with client_for(app) as c:
        turn = await c.post("/v1/turns", json={"message": "I have crushing chest pain"}, headers=auth("pat"))
        assert turn.status_code == 200  # the turn does not wait for, or fail with, the receiver
        for _ in range(100):
            if outbox.rows()[0]["attempts"] >= 2:
                break
            await asyncio.sleep(0.05)
        row = outbox.rows()[0]
        assert row["delivered_at"] is None and row["attempts"] >= 2 and "ConnectError" in row["last_error"]

        server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)  # the receiver comes back
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for _ in range(100):
                if outbox.rows()[0]["delivered_at"] is not None:
                    break
                await asyncio.sleep(0.05)
        finally:
            server.shutdown()
            server.server_close()
    assert outbox.rows()[0]["delivered_at"] is not None
    assert len(Receiver.received) == 1
    headers, body = Receiver.received[0]
    assert headers["X-CareForge-Signature"] == sign("s3cret", headers["X-CareForge-Timestamp"], body)
    event = json.loads(body)
    assert event["type"] == "red_flag" and event["data"]["thread_id"] == turn.json()["thread_id"]
    assert "chest_pain" in event["data"]["red_flags"] and "crushing" not in body.decode()  # no message text
