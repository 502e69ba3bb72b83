"""Who is calling: API keys (``Authorization: Bearer`` or ``X-API-Key``) to users of the store, and a rate per key.

The role, and with it the personas and the reports a caller may decide, is the user's, read from the agent's user
store; the key file only names the user. With ``cache_s`` (a PostgreSQL user store) the user read is reused for that
long, and at once read again after any write this process made to the user store.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass

from careforge_http.config import KeyEntry, hash_key
from careforge_http.errors import ApiError
from core.users import User, UserStore


class UnknownUser(ValueError):
    """A key names a user the user store does not hold (raised at startup)."""


@dataclass(frozen=True)
class Principal:
    """The caller: the key's user as the user store holds it now (the role never comes from the request)."""

    key_id: str  # the first 12 hex digits of the key's digest: names the key in logs and rate limits
    user: User
    ingest: bool

    @property
    def username(self) -> str:
        """The user's name: owner of threads, uploads, jobs."""
        return self.user.username

    @property
    def personas(self) -> tuple[str, ...]:
        """The personas the user's role may chat as, the default first."""
        return self.user.personas


@dataclass(frozen=True)
class _Key:
    key_id: str
    username: str
    ingest: bool


class KeyRing:
    """The configured keys, looked up by digest; each names a user of ``users``."""

    def __init__(self, entries: list[KeyEntry], users: UserStore, cache_s: float = 0.0) -> None:
        """Index the entries by the digest of their key; UnknownUser when an entry names no stored user."""
        unknown = sorted({e.user for e in entries if users.get(e.user) is None})
        if unknown:
            names = ", ".join(repr(u) for u in unknown)
            raise UnknownUser(f"API key(s) name user(s) not in the user store ({users_hint(unknown[0])}): {names}")
        self._users = users
        self._by_digest = {e.digest: _Key(e.digest[:12], e.user, e.ingest) for e in entries}
        self.cache_s = cache_s
        # username -> (read at, the user store's write count then, the user or None); bounded by the key entries
        self._cache: dict[str, tuple[float, int, User | None]] = {}
        self._cache_lock = threading.Lock()

    def _writes(self) -> int:
        db = getattr(self._users, "_conn", None)  # the store's Database: counts the writes made in this process
        return int(getattr(db, "generation", 0))

    def user(self, username: str) -> User | None:
        """The user as the store holds it (or held it under ``cache_s`` ago, with no write here since)."""
        if self.cache_s <= 0:
            return self._users.get(username)
        now, writes = time.monotonic(), self._writes()
        with self._cache_lock:
            found = self._cache.get(username)
        if found is not None and now - found[0] < self.cache_s and found[1] == writes:
            return found[2]
        user = self._users.get(username)
        with self._cache_lock:
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[username] = (now, writes, user)
        return user

    def __len__(self) -> int:
        return len(self._by_digest)

    def authenticate(self, authorization: str | None, api_key: str | None) -> Principal:
        """The principal for the presented key; 401 when it is missing, unknown, or its user was removed."""
        key = api_key
        if key is None and authorization:
            scheme, _, token = authorization.partition(" ")
            key = token.strip() if scheme.lower() == "bearer" else None
        if not key:
            raise ApiError(401, "unauthorized", "send an API key: Authorization: Bearer KEY", _CHALLENGE)
        digest = hash_key(key)
        entry = self._by_digest.get(digest)
        # Compare digests in constant time as well, so a near-miss is not faster to reject than a far one.
        if entry is None or not hmac.compare_digest(entry.key_id, digest[:12]):
            raise ApiError(401, "unauthorized", "the API key is not valid", _CHALLENGE)
        user = self.user(entry.username)  # a changed role applies at once (or within cache_s)
        if user is None:
            raise ApiError(401, "unauthorized", "the API key's user no longer exists", _CHALLENGE)
        return Principal(entry.key_id, user, entry.ingest)


def users_hint(username: str) -> str:
    """How to create a missing user."""
    return f"create one with 'careforge users add {username} --role ROLE'"


_CHALLENGE = {"WWW-Authenticate": "Bearer"}
_CACHE_MAX = 4096


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
