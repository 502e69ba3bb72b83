"""Printed-text reading (OCR) on a CPU: RapidOCR's PP-OCRv4 ONNX models, shipped inside the wheel, no download.

The engine is loaded once per process. Images are downscaled before detection and lines are recognised in small
batches against a time budget, so a poster-sized photo or a page of 500 lines cannot hold a request hostage.
PP-OCR's recogniser often drops the spaces between words ("WARFARINSODIUM5 mg"); the per-character boxes it can
return are used to put back the spaces where the printed gap between two characters is wide.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image
from pydantic import BaseModel, Field


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """Knobs of the text-reading step; the defaults were chosen on the tune split of evaluation/ocr."""

    max_side: int = 1600  # longest side given to the detector: enough for label print on a phone photo
    budget_s: float = 8.0  # recognition stops between batches once this much time has passed
    max_lines: int = 150  # lines recognised at most (a full page of small print is not a label)
    batch: int = 6  # lines per recognition batch: the unit the budget is checked at
    min_confidence: float = 0.5  # lines the recogniser is less sure of are dropped as noise
    space_gap: float = 0.25  # a blank stretch wider than this fraction of the line height is a space
    space_spread: float = 2.0  # ... and at least this many times the line's median letter gap
    ink_share: float = 0.03  # a pixel column with less ink than this share of its height counts as blank


class OcrLine(BaseModel):
    """One line of text with its quadrilateral (image pixels, source orientation) and the recogniser's confidence."""

    text: str
    box: list[list[int]]
    confidence: float


class OcrResult(BaseModel):
    """All lines read from one image, top to bottom, and what limited the reading."""

    lines: list[OcrLine] = Field(default_factory=list)
    seconds: float = 0.0
    scale: float = 1.0  # detector pixels per source pixel
    notes: list[str] = Field(default_factory=list)
    upside_down: bool = False  # most lines were turned 180 degrees to be read

    @property
    def text(self) -> str:
        """The lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)

    def rows(self) -> list[str]:
        """Lines side by side on the same row, joined in reading order.

        The detector splits a row at wide spaces ("ALARM" | "07 APNEA"), and codes, names and strengths must be
        read across that split. Rows are found along the text's own slant, so a photo taken at an angle groups
        like a level one.
        """
        if not self.lines:
            return []
        angles = [np.arctan2(ln.box[1][1] - ln.box[0][1], ln.box[1][0] - ln.box[0][0]) for ln in self.lines]
        angle = float(np.median(angles))
        cos, sin = np.cos(angle), np.sin(angle)
        placed = []
        for line in self.lines:
            along = [cos * x + sin * y for x, y in line.box]
            across = sum(-sin * x + cos * y for x, y in line.box) / 4
            placed.append((across, min(along), max(along), _height(line.box, angle), line.text))
        placed.sort()
        rows: list[list[tuple[float, float, float, float, str]]] = []
        for item in placed:
            if rows and abs(item[0] - rows[-1][0][0]) < 0.5 * min(item[3], rows[-1][0][3]):
                rows[-1].append(item)
            else:
                rows.append([item])
        ordered = [_join(sorted(row, key=lambda i: i[1])) for row in rows]
        if self.upside_down:
            ordered = [list(reversed(row)) for row in reversed(ordered)]
        return [" ".join(row) for row in ordered]


def _join(row: list[tuple[float, float, float, float, str]]) -> list[str]:
    """Texts of one row left to right, without the character two overlapping boxes both read.

    The detector sometimes cuts a row at a word space with boxes that overlap, so the letter at the cut is
    read twice ("WARFARIN S" + "SODIUM", "ERROR" + "R 661").
    """
    texts = [row[0][4]]
    for (_, _, prev_end, _, _), (_, start, _, _, text) in zip(row, row[1:], strict=False):
        previous = texts[-1]
        if start < prev_end and previous and text:
            if len(previous) > 2 and previous[-2] == " " and text.startswith(previous[-1]):
                texts[-1] = previous[:-2]
            elif len(text) > 2 and text[1] == " " and previous.endswith(text[0]):
                text = text[2:]
        texts.append(text)
    return texts


def _height(box: list[list[int]], angle: float) -> float:
    """The box's extent across the text direction."""
    across = [-np.sin(angle) * x + np.cos(angle) * y for x, y in box]
    return float(max(1.0, max(across) - min(across)))


class OcrUnavailable(RuntimeError):
    """The OCR engine cannot be loaded or failed on this image; the message says why."""


_NUMERIC = frozenset("0123456789.,")
_JOINERS = frozenset("-/")  # identifiers ("GP-807", "XR-0146", "50/60Hz") are never split at these
_LOCK = threading.Lock()  # ONNX sessions are thread-safe, but the engine's mutable post-processing state is not


@lru_cache(maxsize=1)
def load_engine() -> Any:
    """The RapidOCR engine, built once per process (about 0.2 s; the models come from the installed wheel)."""
    try:
        from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]  # deferred: only text needs it
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise OcrUnavailable("OCR is not installed (pip package rapidocr-onnxruntime)") from exc
    return RapidOCR()


def _as_rgb_array(image: Image.Image, max_side: int) -> tuple[NDArray[np.uint8], float]:
    """BGR pixels (the engine's convention) no longer than ``max_side``, and the scale applied."""
    scale = min(1.0, max_side / max(image.size))
    if scale < 1.0:
        image = image.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.LANCZOS
        )
    rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
    return np.ascontiguousarray(rgb[:, :, ::-1]), scale


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


def _respace(crop: NDArray[np.uint8], info: Any, gap: float, spread: float, ink_share: float) -> str | None:
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


def read_text(image: Image.Image, settings: OcrSettings | None = None) -> OcrResult:
    """Read the printed text in ``image``; raises :class:`OcrUnavailable` when the engine cannot run."""
    settings = settings or OcrSettings()
    started = time.perf_counter()
    engine = load_engine()
    pixels, scale = _as_rgb_array(image, settings.max_side)
    notes: list[str] = []
    if scale < 1.0:
        notes.append(f"downscaled to {pixels.shape[1]}x{pixels.shape[0]} px for text reading")
    try:
        with _LOCK:
            found, _ = engine(pixels, use_cls=False, use_rec=False)
            if not found:
                return OcrResult(seconds=round(time.perf_counter() - started, 3), scale=scale, notes=notes)
            boxes = [np.asarray(b, dtype=np.float32) for b in found]
            if len(boxes) > settings.max_lines:
                notes.append(f"{len(boxes)} text lines found; only the first {settings.max_lines} were read")
                boxes = boxes[: settings.max_lines]
            flips: list[bool] = []
            lines = _recognise(engine, pixels, boxes, settings, started, notes, flips)
    except OcrUnavailable:
        raise
    except Exception as exc:  # onnxruntime and OpenCV raise many types; the user needs one readable reason
        raise OcrUnavailable(f"text reading failed: {type(exc).__name__}: {exc}") from exc
    for line in lines:
        line.box = [[round(x / scale), round(y / scale)] for x, y in line.box]
    upside_down = sum(flips) > len(flips) / 2
    if upside_down:
        lines.reverse()  # detected top to bottom in the image: the reader's order is the reverse
        notes.append("the text is upside down in the image; it was read turned the right way up")
    return OcrResult(
        lines=lines,
        seconds=round(time.perf_counter() - started, 3),
        scale=scale,
        notes=notes,
        upside_down=upside_down,
    )


def _recognise(
    engine: Any,
    pixels: NDArray[np.uint8],
    boxes: list[NDArray[np.float32]],
    settings: OcrSettings,
    started: float,
    notes: list[str],
    flips: list[bool],
) -> list[OcrLine]:
    """Orientation, recognition and character boxes, batch by batch until the time budget is spent."""
    lines: list[OcrLine] = []
    for first in range(0, len(boxes), settings.batch):
        if first and time.perf_counter() - started > settings.budget_s:  # the first batch is always read
            notes.append(
                f"time budget of {settings.budget_s:.0f} s reached: {first} of {len(boxes)} text lines were read"
            )
            break
        batch = boxes[first : first + settings.batch]
        crops = engine.get_crop_img_list(pixels, batch)
        crops, turned, _ = engine.text_cls(crops)  # turns upside-down lines the right way up
        flips.extend(str(label) == "180" for label, _score in turned)
        recognised, _ = engine.text_rec(crops, True)
        for box, crop, (raw, confidence, info) in zip(batch, crops, recognised, strict=True):
            if float(confidence) < settings.min_confidence or not str(raw).strip():
                continue
            text = _respace(crop, info, settings.space_gap, settings.space_spread, settings.ink_share)
            lines.append(
                OcrLine(
                    text=text or str(raw).strip(),
                    box=[[round(float(x)), round(float(y))] for x, y in box],
                    confidence=round(float(confidence), 3),
                )
            )
    return lines
