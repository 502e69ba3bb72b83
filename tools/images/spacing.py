"""Spaces put back into OCR lines: PP-OCR's recogniser often drops them ("WARFARINSODIUM5 mg").

The recogniser says in which output column it saw each character; the blank stretches of the printed line come
from the pixels; a blank stretch wider than the line's usual letter spacing between two characters is a space.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

_NUMERIC = frozenset("0123456789.,")
_JOINERS = frozenset("-/")  # identifiers ("GP-807", "XR-0146", "50/60Hz") are never split at these


def _ink_gaps(crop: NDArray[np.uint8], ink_share: float) -> list[tuple[int, int]]:
    """Runs of columns without ink in a line crop: (first, last + 1) pixel columns.

    Otsu's threshold splits the crop in two; the smaller class is the ink, so light text on a dark alarm screen
    works like dark print on a white label.
    """
    import cv2  # deferred: OpenCV comes with the OCR engine

    grey = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    _, binary = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = binary if binary.mean() < 0.5 else 1 - binary
    inked = ink.mean(axis=0) > ink_share
    gaps: list[tuple[int, int]] = []
    start: int | None = None
    for x, has_ink in enumerate(inked.tolist()):
        if not has_ink and start is None:
            start = x
        elif has_ink and start is not None:
            gaps.append((start, x))
            start = None
    return gaps


def respace(crop: NDArray[np.uint8], info: Any, gap: float, spread: float, ink_share: float) -> str | None:
    """The line's text with a space wherever a blank stretch of the printed line separates two characters.

    The recogniser says in which output column it saw each character; the blank stretches come from the pixels.
    Returns None when the recogniser gave no character positions.
    """
    try:
        columns, words, word_columns = int(info[0]), info[1], info[2]
    except (TypeError, IndexError, ValueError):
        return None
    chars = [c for word in words for c in word]
    cols = [c for word in word_columns for c in word]
    if not chars or len(chars) != len(cols) or columns <= 0:
        return None
    height, width = crop.shape[:2]
    centres = [(c + 0.5) * width / columns for c in cols]
    inner = [(a, b) for a, b in _ink_gaps(crop, ink_share) if a > 0 and b < width]
    # Word spaces are wider than the line's usual letter spacing, whatever the font size and tracking.
    usual = float(np.median([b - a for a, b in inner])) if inner else 0.0
    wide = [(a, b) for a, b in inner if b - a >= max(gap * height, spread * usual)]
    out: list[str] = []
    for i, char in enumerate(chars):
        if char == " ":
            if out and out[-1] != " ":
                out.append(" ")
            continue
        # Never inside a number: a narrow "1" leaves wide blank columns beside it ("IP-0175", "1.5A").
        numeric = chars[i - 1] in _NUMERIC and char in _NUMERIC if i else False
        numeric = numeric or (char in _JOINERS or (i > 0 and chars[i - 1] in _JOINERS))
        if out and out[-1] != " " and not numeric and any(centres[i - 1] <= a and b <= centres[i] for a, b in wide):
            out.append(" ")
        out.append(char)
    return "".join(out).strip()
