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

from tools.images.spacing import respace


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
        """Lines side by side on the same row, joined in reading order (see :meth:`row_boxes`)."""
        return [text for text, _ in self.row_boxes()]

    def row_boxes(self) -> list[tuple[str, list[list[int]]]]:
        """Each row's joined text, in reading order, with the upright rectangle around its boxes (source pixels).

        The detector splits a row at wide spaces ("ALARM" | "07 APNEA"), and codes, names and strengths must be
        read across that split. Rows are found along the text's own slant, so a photo taken at an angle groups
        like a level one.
        """
        if not self.lines:
            return []
        angles = [np.arctan2(ln.box[1][1] - ln.box[0][1], ln.box[1][0] - ln.box[0][0]) for ln in self.lines]
        angle = float(np.median(angles))
        cos, sin = np.cos(angle), np.sin(angle)
        placed: list[_Placed] = []
        for index, line in enumerate(self.lines):
            along = [cos * x + sin * y for x, y in line.box]
            across = sum(-sin * x + cos * y for x, y in line.box) / 4
            placed.append((across, min(along), max(along), _height(line.box, angle), line.text, index))
        placed.sort()
        rows: list[list[_Placed]] = []
        for item in placed:
            if rows and abs(item[0] - rows[-1][0][0]) < 0.5 * min(item[3], rows[-1][0][3]):
                rows[-1].append(item)
            else:
                rows.append([item])
        out: list[tuple[str, list[list[int]]]] = []
        for row in (sorted(row, key=lambda i: i[1]) for row in rows):
            texts = _join(row)
            xs = [x for item in row for x, _ in self.lines[item[5]].box]
            ys = [y for item in row for _, y in self.lines[item[5]].box]
            box = [[min(xs), min(ys)], [max(xs), min(ys)], [max(xs), max(ys)], [min(xs), max(ys)]]
            out.append((" ".join(reversed(texts) if self.upside_down else texts), box))
        return out[::-1] if self.upside_down else out


_Placed = tuple[float, float, float, float, str, int]  # across, start and end along, height, text, line index


def _join(row: list[_Placed]) -> list[str]:
    """Texts of one row left to right, without the character two overlapping boxes both read.

    The detector sometimes cuts a row at a word space with boxes that overlap, so the letter at the cut is
    read twice ("WARFARIN S" + "SODIUM", "ERROR" + "R 661").
    """
    texts = [row[0][4]]
    for (_, prev_start, prev_end, _, _, _), (_, start, _, _, text, _) in zip(row, row[1:], strict=False):
        previous = texts[-1]
        if start < prev_end and previous and text:
            if len(previous) > 2 and previous[-2] == " " and text.startswith(previous[-1]):
                texts[-1] = previous[:-2]
            elif len(text) > 2 and text[1] == " " and previous.endswith(text[0]):
                text = text[2:]
            elif _stem_read_twice(previous, text, prev_end - start, (prev_end - prev_start) / len(previous)):
                texts[-1] = previous[:-1]
        texts.append(text)
    return texts


_THIN = frozenset("1lI|!")  # what the left edge of a letter cut off at a box's end is read as
_STEMMED = frozenset("BDEFHIKLMNPRTU")  # capitals whose left edge is a vertical stroke


def _stem_read_twice(previous: str, text: str, overlap: float, char_width: float) -> bool:
    """The next word's first stroke also read as a thin last glyph of the box before ("A36" + "TEMP" -> "A361").

    Only when the boxes overlap by at least half a character of the box before, so a real trailing "1" that
    ends before the next box starts is kept.
    """
    return (
        len(previous) > 1
        and previous[-1] in _THIN
        and previous[-2] != " "
        and text[0] in _STEMMED
        and overlap >= 0.5 * char_width
    )


def _height(box: list[list[int]], angle: float) -> float:
    """The box's extent across the text direction."""
    across = [-np.sin(angle) * x + np.cos(angle) * y for x, y in box]
    return float(max(1.0, max(across) - min(across)))


class OcrUnavailable(RuntimeError):
    """The OCR engine cannot be loaded or failed on this image; the message says why."""


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
            text = respace(crop, info, settings.space_gap, settings.space_spread, settings.ink_share)
            lines.append(
                OcrLine(
                    text=text or str(raw).strip(),
                    box=[[round(float(x)), round(float(y))] for x, y in box],
                    confidence=round(float(confidence), 3),
                )
            )
    return lines
