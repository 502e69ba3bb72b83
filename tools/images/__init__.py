"""Image analysis: DICOM and photos read safely, de-identified, rendered model-ready, and read by a vision model."""

from tools.images.analyze import analyze_image
from tools.images.deid import deidentify
from tools.images.formats import ImageKind, ImageLimits, UnreadableImage, detect_kind
from tools.images.render import RenderedImage, render_image
from tools.images.vision import VisionReading

__all__ = [
    "ImageKind",
    "ImageLimits",
    "RenderedImage",
    "UnreadableImage",
    "VisionReading",
    "analyze_image",
    "deidentify",
    "detect_kind",
    "render_image",
]
