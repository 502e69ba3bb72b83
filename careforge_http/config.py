"""HTTP service settings and the API key table (env prefix ``CAREFORGE_HTTP_``; keys from ``CAREFORGE_API_KEYS_FILE``).

A key file is JSON or TOML holding ``keys``: a list of entries with ``user`` (a user of the agent's user store,
``careforge users add NAME --role ROLE``) and either ``sha256`` (the hex digest of the key: preferred, the file then
holds no secret) or ``key`` (the key in clear, for local tests); ``ingest`` lets the key load data. The role, and so
the personas and the reports the key may decide, come from the user store, never from the key file.
Keys are long random tokens, so an unsalted SHA-256 is enough: there is nothing to guess from a digest.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Fields of the key file before users had roles in the user store: refused with a pointer, never silently ignored.
_RETIRED = {
    "role": "the role comes from the user store (careforge users add NAME --role ROLE)",
    "personas": "the personas come from the user's role in the user store",
}


class KeyEntry(BaseModel):
    """One API key: the user it acts as, and whether it may load data."""

    model_config = ConfigDict(extra="forbid")

    user: str = Field(min_length=1, max_length=200, description="A username in the agent's user store.")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    key: SecretStr | None = None
    ingest: bool = False

    @model_validator(mode="before")
    @classmethod
    def _retired(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, why in _RETIRED.items():
                if name in data:
                    raise ValueError(f"key entry for {data.get('user')!r}: remove {name!r}: {why}")
        return data

    @model_validator(mode="after")
    def _check(self) -> KeyEntry:
        if (self.sha256 is None) == (self.key is None):
            raise ValueError("give exactly one of sha256 or key")
        self.user = self.user.strip().lower()  # the user store's spelling
        return self

    @property
    def digest(self) -> str:
        """The SHA-256 hex digest the request's key is compared with."""
        if self.sha256 is not None:
            return self.sha256
        assert self.key is not None  # the validator guarantees one of the two
        return hash_key(self.key.get_secret_value())


def hash_key(key: str) -> str:
    """The digest stored in a key file for ``key``."""
    return hashlib.sha256(key.encode()).hexdigest()


def load_keys(path: Path | None = None, inline: str | None = None) -> list[KeyEntry]:
    """Key entries from a JSON/TOML file and/or inline JSON (``CAREFORGE_API_KEYS``); ValueError when malformed."""
    entries: list[KeyEntry] = []
    if path is not None:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        entries += [KeyEntry.model_validate(e) for e in data.get("keys", [])]
    if inline:
        data = json.loads(inline)
        entries += [KeyEntry.model_validate(e) for e in (data.get("keys", []) if isinstance(data, dict) else data)]
    digests = [e.digest for e in entries]
    if len(set(digests)) != len(digests):
        raise ValueError("the same API key is listed twice")
    return entries


class HttpSettings(BaseSettings):
    """How the HTTP service is exposed: limits, keys, webhooks."""

    model_config = SettingsConfigDict(env_prefix="CAREFORGE_HTTP_", env_file=".env", extra="ignore")

    api_keys_file: Path | None = Field(
        default_factory=lambda: Path(p) if (p := os.environ.get("CAREFORGE_API_KEYS_FILE")) else None,
        description="JSON or TOML file of API keys (CAREFORGE_API_KEYS_FILE).",
    )
    api_keys: str | None = Field(
        default_factory=lambda: os.environ.get("CAREFORGE_API_KEYS"), description="Inline JSON list of key entries."
    )
    max_body_bytes: int = Field(1024 * 1024, gt=0, description="Largest JSON request body.")
    max_upload_mb: int = Field(25, gt=0, description="Largest image upload (also bounds data: URLs in chat).")
    max_ingest_mb: int = Field(100, gt=0, description="Largest log or document upload for ingestion.")
    rate_per_minute: float = Field(600.0, gt=0, description="Sustained requests per minute per key.")
    rate_burst: int = Field(60, gt=0, description="Requests a key may make at once before the rate applies.")
    webhook_url: str | None = Field(None, description="Where events are POSTed; none: events are not sent.")
    webhook_secret: SecretStr | None = Field(None, description="HMAC-SHA256 key for the signature header.")
    webhook_max_attempts: int = Field(12, ge=1, description="Deliveries tried before an event is marked dead.")
    webhook_backoff_s: float = Field(1.0, gt=0, description="First retry delay; doubles each attempt.")
    webhook_backoff_max_s: float = Field(300.0, gt=0, description="Longest delay between attempts.")
    webhook_timeout_s: float = Field(5.0, gt=0)
    user_cache_s: float = Field(
        3.0,
        ge=0,
        description="With a database URL: how long a key's user (and role) is reused before it is read "
        "again; changes made in this process apply at once. 0: read on every request.",
    )
    docs: bool = Field(True, description="Serve /v1/docs and /v1/openapi.json (no data; no key needed).")


def main(argv: list[str] | None = None) -> None:
    """``python -m careforge_http.config USER``: print a new key and its key-file entry (digest only)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        raise SystemExit("usage: python -m careforge_http.config USER   (USER: see 'careforge users list')")
    key = "cf_" + secrets.token_urlsafe(32)
    entry = {"user": args[0].strip().lower(), "sha256": hash_key(key)}
    sys.stdout.write(f"key (give to the client, not stored anywhere): {key}\n")
    sys.stdout.write(f"entry for the keys file: {json.dumps(entry)}\n")
    sys.stdout.write(f"the user must exist: careforge users add {entry['user']} --role ROLE\n")


if __name__ == "__main__":
    main()
