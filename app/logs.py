"""The process's log: lines go, redacted, to the file the settings name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.settings import Settings

if TYPE_CHECKING:
    from app.service import CareForge


def start_logging(target: CareForge | Settings) -> None:
    """Send the process's log lines, redacted, to the configured file (of an agent's settings, or these settings)."""
    from app.privacy import redact
    from core.logs import configure_logging

    settings = target if isinstance(target, Settings) else target.settings
    configure_logging(settings.log_path, redact)
