"""CareForge over HTTP: a FastAPI service (``careforge serve``) over the ``CareForge`` facade, versioned under /v1."""

from careforge_http.app import create_app

__all__ = ["create_app"]
