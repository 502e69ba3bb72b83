"""What this installation can do, for ``doctor``: the model endpoint probed, the bundled drug knowledge base named."""

from __future__ import annotations

from core.llm import Capabilities, probe_endpoint
from core.settings import Settings

__all__ = ["Capabilities", "drug_knowledge_base", "probe"]


def probe(settings: Settings) -> Capabilities:
    """Ask the configured model endpoint what it serves and whether it takes tools and images (never raises)."""
    return probe_endpoint(settings)


def drug_knowledge_base() -> dict[str, str]:
    """The bundled drug knowledge base's description: its sources, version and counts."""
    from tools.drugs import default_knowledge_base

    return default_knowledge_base().meta
