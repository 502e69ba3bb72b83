"""Image analysis: DICOM, photos and videos read safely, de-identified, rendered model-ready and quality-checked.

Printed text is read on the CPU (OCR) and turned into medicine names and equipment codes; a vision model reads the
picture when one is configured.
"""

from tools.images.analyze import analyze_image
from tools.images.deid import deidentify
from tools.images.formats import ImageKind, ImageLimits, UnreadableImage, detect_kind
from tools.images.ocr import OcrResult, OcrSettings, read_text
from tools.images.reading import TextRead, read_text_uses
from tools.images.render import RenderedImage, render_image
from tools.images.video import VideoLimits
from tools.images.vision import VisionReading

__all__ = [
    "ImageKind",
    "ImageLimits",
    "OcrResult",
    "OcrSettings",
    "RenderedImage",
    "TextRead",
    "UnreadableImage",
    "VideoLimits",
    "VisionReading",
    "analyze_image",
    "deidentify",
    "detect_kind",
    "read_text",
    "read_text_uses",
    "render_image",
]
