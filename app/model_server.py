"""The model server the app may start: the embedded vLLM on the CPU (text or the tiny vision model), GPU profiles."""

from __future__ import annotations

from core.settings import Settings
from model_server.embedded import EmbeddedServer, is_ready, start, stop
from model_server.profiles import PROFILES, Profile

__all__ = ["PROFILES", "EmbeddedServer", "Profile", "embedded_server", "is_ready", "start", "stop", "stop_embedded"]


def embedded_server(settings: Settings, *, vision: bool = False) -> EmbeddedServer:
    """The configured embedded server: the text model on the embedded port, the tiny vision model two above it."""
    return EmbeddedServer(
        settings.data_dir,
        port=settings.embedded_port + (2 if vision else 0),
        variant="vision" if vision else "text",
    )


def stop_embedded(settings: Settings) -> bool:
    """Stop both embedded servers; whether the text one was running."""
    stopped = stop(embedded_server(settings))
    stop(embedded_server(settings, vision=True))
    return stopped
