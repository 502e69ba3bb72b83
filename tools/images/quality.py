"""Deterministic image-quality facts, computed on the model-ready pixels and always returned."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel

MIN_SIDE = 200  # below this a read is unreliable for any domain we serve


class ImageQuality(BaseModel):
    """Brightness and contrast statistics (0-255) and the problems they reveal."""

    mean: float
    std: float
    p2: float
    p98: float
    width: int
    height: int
    issues: list[str]

    @property
    def usable(self) -> bool:
        """Whether the image is worth sending for a visual read at all."""
        return not any(issue.startswith("blank") for issue in self.issues)


def assess_quality(pixels: NDArray[np.uint8], source_size: tuple[int, int]) -> ImageQuality:
    """Flag blank, too dark, overexposed, low-contrast and too-small images."""
    values = pixels.astype(np.float32)
    p2, p98 = (float(v) for v in np.percentile(values, [2, 98]))
    mean, std = float(values.mean()), float(values.std())
    issues: list[str] = []
    if std < 2.0:
        issues.append("blank: the image is uniform (nothing to read)")
    else:
        if mean < 40 and p98 < 128:
            issues.append("too dark: most of the image is near black")
        if mean > 215 and p2 > 128:
            issues.append("overexposed: most of the image is near white")
        if p98 - p2 < 40:
            issues.append(f"low contrast: 96% of pixels span only {p98 - p2:.0f} of 255 grey levels")
    width, height = source_size
    if min(width, height) < MIN_SIDE:
        issues.append(f"too small: {width}x{height} pixels (fine detail is not visible below {MIN_SIDE} px)")
    return ImageQuality(
        mean=round(mean, 1), std=round(std, 1), p2=p2, p98=p98, width=width, height=height, issues=issues
    )
