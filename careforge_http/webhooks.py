"""Events out: a signed POST per event, written to an outbox table first and retried with backoff until delivered.

Writing the event before any delivery attempt is what makes a receiver that is down for a minute lose nothing: the
row stays due until a 2xx comes back, across restarts. Each delivery carries ``X-CareForge-Delivery`` (the event id:
receivers dedupe on it, since a timeout after the receiver committed means it is sent again), ``X-CareForge-Event``,
``X-CareForge-Timestamp`` and ``X-CareForge-Signature: sha256=HEX``, the HMAC-SHA256 of ``TIMESTAMP.BODY`` under the
shared secret (the timestamp inside the MAC lets a receiver refuse replays).

The table is ``DATA_DIR/http.sqlite``, or with ``CAREFORGE_DATABASE_URL`` a table of the shared PostgreSQL database,
where every instance's delivery loop works on the same rows. An event is claimed before it is sent: one atomic
``UPDATE ... RETURNING`` moves its ``next_at`` past the send's timeout (a lease; the row is picked with
``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so no other loop sends it meanwhile. Only a loop that dies mid-send lets
the lease run out and the event go again (at least once; receivers dedupe on the delivery id).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import time
import uuid
from typing import Any

import httpx

from app.service import TurnResult
from careforge_http.config import HttpSettings
from careforge_http.store import now
from core.database import Location, connect
from core.logs import LOGGER

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL, delivered_at TEXT, dead INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (delivered_at, dead, next_at);
"""
# PostgreSQL: REAL is 4 bytes there (epoch seconds to ~2 minutes); seq orders rows as SQLite's rowid does.
_PG_SCHEMA = _SCHEMA.replace("next_at REAL", "next_at DOUBLE PRECISION").replace(
    "last_error TEXT\n", "last_error TEXT,\n    seq BIGSERIAL\n"
)
# Claim one due event: its next_at moves to the end of the lease in the same statement that picks it.
_CLAIM = (
    "UPDATE outbox SET next_at = ? WHERE id = (SELECT id FROM outbox WHERE delivered_at IS NULL AND dead = 0 "
    "AND next_at <= ? ORDER BY next_at LIMIT 1{lock}) AND next_at <= ? RETURNING id, event, body, attempts"
)
LEASE_SLACK_S = 30.0  # beyond the send's timeout, before a claimed event may be tried by another loop


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def turn_events(result: TurnResult, user: str, *, decided: bool = False) -> list[tuple[str, dict[str, Any]]]:
    """The events a turn raises: ``red_flag``, ``work_order.drafted``, ``report.approved`` (after a decision).

    Bodies carry ids, categories and the report, never the user's message: the receiver fetches more with a key.
    """
    events: list[tuple[str, dict[str, Any]]] = []
    base = {"thread_id": result.thread_id, "user": user, "persona": result.persona}
    if result.flags.get("red_flags"):
        triage = [{k: t.get(k) for k in ("category", "label", "domain")} for t in result.flags.get("triage", [])]
        events.append(("red_flag", {**base, "red_flags": result.flags["red_flags"], "triage": triage}))
    if result.review is not None and result.review.get("report", {}).get("kind") == "work_order":
        if not result.review.get("error"):  # a refused decision re-pauses on the same draft: not a new one
            events.append(("work_order.drafted", {**base, "report": result.review["report"]}))
    if decided and result.review is None and result.reports and result.reports[-1].get("status") == "approved":
        events.append(("report.approved", {**base, "report": result.reports[-1]}))
    return events


class Outbox:
    """The outbox table and its delivery loop."""

    def __init__(self, location: Location, settings: HttpSettings) -> None:
        """Open the table; events are stored even when no URL is set (a URL set later delivers them)."""
        self._db = connect(location, _SCHEMA, _PG_SCHEMA)
        lock = " FOR UPDATE SKIP LOCKED" if self._db.dialect == "postgres" else ""  # SQLite: writes are serial
        self._claim = _CLAIM.format(lock=lock)
        self.settings = settings
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def enqueue(self, event: str, body: dict[str, Any]) -> str:
        """Store one event for delivery; returns its id."""
        event_id = uuid.uuid4().hex
        payload = json.dumps({"id": event_id, "type": event, "created_at": now(), "data": body}, default=str)
        self._db.execute(
            "INSERT INTO outbox (id, event, body, created_at, next_at) VALUES (?, ?, ?, ?, ?)",
            (event_id, event, payload, now(), time.time()),
        )
        self._wake.set()
        return event_id

    def ping(self) -> None:
        """Raise when the table does not answer (readiness)."""
        self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()

    def rows(self) -> list[dict[str, Any]]:
        """Every event with its delivery state (for tests and operators)."""
        keys = ("id", "event", "attempts", "delivered_at", "dead", "last_error")
        rows = self._db.execute(f"SELECT {', '.join(keys)} FROM outbox ORDER BY {self._db.rowid}")  # noqa: S608
        return [dict(zip(keys, r, strict=True)) for r in rows.fetchall()]

    def claim(self) -> tuple[str, str, str, int] | None:
        """Take the next due event for one send (id, event, body, attempts), or None when nothing is due."""
        stamp = time.time()
        lease = stamp + self.settings.webhook_timeout_s + LEASE_SLACK_S
        row = self._db.execute(self._claim, (lease, stamp, stamp)).fetchone()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]), int(row[3]))

    def _next_due_in(self) -> float | None:
        row = self._db.execute("SELECT MIN(next_at) FROM outbox WHERE delivered_at IS NULL AND dead = 0").fetchone()
        return None if row is None or row[0] is None else max(0.0, float(row[0]) - time.time())

    async def deliver_due(self, client: httpx.AsyncClient, limit: int = 20) -> int:
        """Try up to ``limit`` due events once each; returns how many were delivered."""
        url, secret = self.settings.webhook_url, self.settings.webhook_secret
        if not url:
            return 0
        delivered = 0
        for _ in range(limit):
            claimed = self.claim()
            if claimed is None:
                break
            event_id, event, body, attempts = claimed
            stamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/json",
                "X-CareForge-Event": event,
                "X-CareForge-Delivery": event_id,
                "X-CareForge-Timestamp": stamp,
            }
            if secret is not None:
                headers["X-CareForge-Signature"] = sign(secret.get_secret_value(), stamp, body.encode())
            error: str | None = None
            try:
                response = await client.post(url, content=body.encode(), headers=headers)
                if not response.is_success:
                    error = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
            self._record(event_id, attempts + 1, error)
            delivered += error is None
        return delivered

    def _record(self, event_id: str, attempts: int, error: str | None) -> None:
        s = self.settings
        if error is None:
            self._db.execute(
                "UPDATE outbox SET attempts = ?, delivered_at = ?, last_error = NULL WHERE id = ?",
                (attempts, now(), event_id),
            )
            return
        # Exponential backoff with jitter, so a receiver coming back is not hit by every event at once.
        delay = min(s.webhook_backoff_max_s, s.webhook_backoff_s * 2 ** (attempts - 1)) * random.uniform(0.8, 1.2)  # noqa: S311
        dead = int(attempts >= s.webhook_max_attempts)
        self._db.execute(
            "UPDATE outbox SET attempts = ?, next_at = ?, dead = ?, last_error = ? WHERE id = ?",
            (attempts, time.time() + delay, dead, error, event_id),
        )
        LOGGER.warning("webhook %s attempt %d failed: %s%s", event_id, attempts, error, " (dead)" if dead else "")

    async def run(self) -> None:
        """Deliver forever: wake on a new event or when the next retry is due."""
        async with httpx.AsyncClient(timeout=self.settings.webhook_timeout_s) as client:
            while True:
                self._wake.clear()
                wait: float | None = 5.0  # the database did not answer: try again soon
                try:
                    await self.deliver_due(client)
                    wait = self._next_due_in()
                except Exception:  # a bug or a database outage must not stop later deliveries; the rows stay due
                    LOGGER.exception("webhook delivery loop failed")
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=min(wait if wait is not None else 60.0, 60.0))
                except TimeoutError:
                    pass

    def start(self) -> None:
        """Start the delivery task on the running loop (the event is bound to it)."""
        self._wake = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self.run(), name="careforge-webhooks")

    async def stop(self) -> None:
        """Stop the delivery task; undelivered events stay in the table for the next start."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
