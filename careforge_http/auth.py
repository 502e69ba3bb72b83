"""Who is calling: API keys (``Authorization: Bearer`` or ``X-API-Key``) to users and roles, and a rate per key."""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass

from careforge_http.config import KeyEntry, hash_key
from careforge_http.errors import ApiError


@dataclass(frozen=True)
class Principal:
    """The caller, as the key says: the role never comes from the request body."""

    key_id: str  # the first 12 hex digits of the key's digest: names the key in logs and rate limits
    user: str
    role: str
    personas: tuple[str, ...]
    ingest: bool

    def persona(self, requested: str | None) -> str:
        """The persona a turn runs as: the key's first by default; another only if the key lists it (else 403)."""
        persona = requested or self.personas[0]
        if persona not in self.personas:
            allowed = ", ".join(self.personas)
            raise ApiError(403, "persona_not_allowed", f"this key may talk as {allowed}, not {persona}")
        return persona


class KeyRing:
    """The configured keys, looked up by digest."""

    def __init__(self, entries: list[KeyEntry]) -> None:
        """Index the entries by the digest of their key."""
        self._by_digest = {
            e.digest: Principal(e.digest[:12], e.user, e.role, tuple(e.personas), e.ingest) for e in entries
        }

    def __len__(self) -> int:
        return len(self._by_digest)

    def authenticate(self, authorization: str | None, api_key: str | None) -> Principal:
        """The principal for the presented key; 401 when it is missing or unknown."""
        key = api_key
        if key is None and authorization:
            scheme, _, token = authorization.partition(" ")
            key = token.strip() if scheme.lower() == "bearer" else None
        if not key:
            raise ApiError(401, "unauthorized", "send an API key: Authorization: Bearer KEY", _CHALLENGE)
        digest = hash_key(key)
        principal = self._by_digest.get(digest)
        # Compare digests in constant time as well, so a near-miss is not faster to reject than a far one.
        if principal is None or not hmac.compare_digest(principal.key_id, digest[:12]):
            raise ApiError(401, "unauthorized", "the API key is not valid", _CHALLENGE)
        return principal


_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class RateLimiter:
    """A token bucket per key, in memory: ``burst`` requests at once, then ``per_minute`` sustained.

    In memory is enough for one process; replicas behind a balancer each hold their own buckets.
    """

    def __init__(self, per_minute: float, burst: int) -> None:
        """A bucket of ``burst`` tokens refilled at ``per_minute / 60`` a second."""
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, last refill time)
        self._lock = threading.Lock()

    def take(self, key_id: str) -> None:
        """Spend one token or raise 429 with the seconds until one is back."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key_id] = (tokens, now)
                wait = max(1, int((1.0 - tokens) / self.rate + 0.999))
                raise ApiError(429, "rate_limited", f"too many requests; retry in {wait} s", {"Retry-After": str(wait)})
            self._buckets[key_id] = (tokens - 1.0, now)
