"""Application logging with identifiers redacted from every record, whoever emits it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from core.database import private_file

LOGGER = logging.getLogger("careforge")


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with identifiers replaced, so no handler ever sees them."""

    def __init__(self, redact: Callable[[str], str]) -> None:
        """Filter with ``redact``, the product's redactor (required: a log without it would keep identifiers)."""
        super().__init__()
        self._redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the formatted message in place; never drops a record."""
        record.msg = self._redact(record.getMessage())
        record.args = None
        return True


def configure_logging(path: Path, redact: Callable[[str], str], level: int = logging.INFO) -> logging.Handler:
    """Log to ``path`` (created if needed) through a filter applying ``redact``; returns the handler for removal."""
    private_file(path)  # 0600 in a 0700 directory, like every other store of CareForge
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactingFilter(redact))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler
