"""The image tool on its own, without the agent: one file's metadata, quality and visual read, and its PNG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tools.images import UnreadableImage, analyze_image, render_image

if TYPE_CHECKING:
    from app.service import CareForge
    from tools.contract import ToolOutput

__all__ = ["UnreadableImage", "analyze", "model_png", "render_image"]


def analyze(forge: CareForge, path: Path, question: str, persona: str) -> ToolOutput:
    """Analyse one image with the agent's limits, and its vision model when the endpoint can see."""
    vision = forge.resources.vision() if forge.resources.vision else None
    return analyze_image(
        path,
        question,
        persona,
        vision=vision,
        limits=forge.resources.image_limits,
        preview_dir=forge.settings.preview_dir,
    )


def model_png(forge: CareForge, path: Path, question: str = "") -> bytes:
    """The model-ready PNG of an image (UnreadableImage when it cannot be read)."""
    return render_image(path, forge.resources.image_limits, question).png
