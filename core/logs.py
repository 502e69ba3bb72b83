"""Application logging: one JSON object per line, identifiers redacted from every record, whoever emits it.

The level is ``CAREFORGE_LOG_LEVEL``; ``CAREFORGE_LOG_JSON=false`` gives plain text. Libraries that log every HTTP
request or every step of an ONNX export at INFO (httpx, the torch exporter, onnxscript) are held to warnings, so the
log says what the product did rather than what its dependencies did.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path

from core.database import private_file

LOGGER = logging.getLogger("careforge")
# Loggers that speak at INFO/DEBUG about their own plumbing: kept to WARNING and above.
NOISY = (
    "httpx",
    "httpcore",
    "bm25s",
    "torch",
    "torch.onnx",
    "torch.export",
    "torch._dynamo",
    "onnxscript",
    "onnx_ir",
    "onnxruntime",
    "chromadb",
    "opentelemetry",
    "urllib3",
    "posthog",
    "psycopg.pool",
    "multipart",
)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with identifiers replaced, so no handler ever sees them."""

    def __init__(self, redact: Callable[[str], str]) -> None:
        """Filter with ``redact``, the product's redactor (required: a log without it would keep identifiers)."""
        super().__init__()
        self._redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the formatted message and any exception text in place; never drops a record."""
        record.msg = self._redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        return True


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message"[, "exc"]}``, one object per line."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON (the message is already redacted by the filter)."""
        entry = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def silence_noise(level: int = logging.WARNING) -> None:
    """Hold the chatty libraries to ``level`` and above."""
    for name in NOISY:
        logging.getLogger(name).setLevel(level)


def configure_logging(
    path: Path, redact: Callable[[str], str], level: int | str | None = None, json_lines: bool | None = None
) -> logging.Handler:
    """Log to ``path`` (created 0600 if needed) through a filter applying ``redact``; returns the handler.

    ``level`` and ``json_lines`` default to the settings (``CAREFORGE_LOG_LEVEL``, ``CAREFORGE_LOG_JSON``).
    """
    if level is None or json_lines is None:
        from core.settings import get_settings

        settings = get_settings()
        level = settings.log_level if level is None else level
        json_lines = settings.log_json if json_lines is None else json_lines
    numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else level
    private_file(path)  # 0600 in a 0700 directory, like every other store of CareForge
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(numeric)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactingFilter(redact))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > numeric or root.level == logging.NOTSET:
        root.setLevel(numeric)
    silence_noise()
    return handler
