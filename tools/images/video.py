"""Video uploads (MP4, MOV, WebM) with PyAV: limits checked on the container header, scene-change key frames.

PyAV decodes in process with FFmpeg's libraries from its wheel, reports duration, frame count and frame size
before any frame is decoded, and can write the clips the tests and the benchmark need. Frames are compared on
small grey thumbnails sampled a few times a second; a frame that differs strongly from the previous sample starts
a new scene and becomes a key frame (a bounded number of them, the strongest changes first).
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from tools.images.formats import UnreadableImage


@dataclass(frozen=True, slots=True)
class VideoLimits:
    """What a video may be; everything here is checked before frames are decoded (decoding re-checks as it goes)."""

    max_bytes: int = 500 * 1024 * 1024
    max_duration_s: float = 300.0  # five minutes
    max_pixels: int = 1920 * 1080  # per frame: full HD; 4K footage must be downscaled first
    max_frames: int = 18_000  # five minutes at 60 frames per second
    max_key_frames: int = 8
    sample_fps: float = 10.0  # thumbnails compared per second of video (a cut is placed within 0.1 s)
    scene_change: float = 0.12  # mean absolute thumbnail difference (0-1) that starts a new scene
    decode_budget_s: float = 20.0
    sheet_side: int = 1024  # contact sheet width


@dataclass(slots=True)
class VideoInfo:
    """What the container header says."""

    codec: str
    width: int
    height: int
    duration_s: float | None
    frames: int | None
    fps: float | None


@dataclass(slots=True)
class KeyFrame:
    """One key frame: where it is and its pixels."""

    time_s: float
    score: float  # scene-change strength; 1.0 for the first frame
    image: Image.Image


@dataclass(slots=True)
class KeyFrames:
    """The key frames of a video and what limited their extraction."""

    info: VideoInfo
    frames: list[KeyFrame] = field(default_factory=list)
    decoded: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def _open(path: Path) -> Any:
    import av  # deferred: only videos need FFmpeg

    try:
        return av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise UnreadableImage(f"the video cannot be opened (corrupt or truncated?): {exc}") from exc


def probe(path: str | Path, limits: VideoLimits | None = None) -> VideoInfo:
    """Read the container header and enforce the limits; raises :class:`UnreadableImage` with the reason."""
    limits = limits or VideoLimits()
    file = Path(path)
    size = file.stat().st_size
    if size > limits.max_bytes:
        raise UnreadableImage(
            f"{file.name} is {size / 1e6:.0f} MB; the limit for videos is {limits.max_bytes / 1e6:.0f} MB"
        )
    with _open(file) as container:
        if not container.streams.video:
            raise UnreadableImage(f"{file.name} has no video stream (audio only or empty container)")
        stream = container.streams.video[0]
        ctx = stream.codec_context
        duration = None
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        fps = float(stream.average_rate) if stream.average_rate else None
        info = VideoInfo(
            codec=ctx.name or "unknown",
            width=int(ctx.width or 0),
            height=int(ctx.height or 0),
            duration_s=duration,
            frames=int(stream.frames) or None,
            fps=fps,
        )
    _check(info, limits)
    return info


def _check(info: VideoInfo, limits: VideoLimits) -> None:
    if info.width <= 0 or info.height <= 0:
        raise UnreadableImage("the video declares no frame size; it may be truncated or have no frames")
    if info.width * info.height > limits.max_pixels:
        raise UnreadableImage(
            f"the video is {info.width}x{info.height} pixels; the limit is {limits.max_pixels / 1e6:.1f} MP per frame "
            "(full HD): send a downscaled copy"
        )
    if info.duration_s is not None and info.duration_s > limits.max_duration_s:
        raise UnreadableImage(
            f"the video lasts {info.duration_s / 60:.1f} minutes; the limit is {limits.max_duration_s / 60:.0f} "
            "minutes: send the part that matters"
        )
    if info.frames is not None and info.frames > limits.max_frames:
        raise UnreadableImage(f"the video declares {info.frames} frames; the limit is {limits.max_frames}")


def _thumb(frame: Any) -> NDArray[np.float32]:
    grey = frame.reformat(width=64, height=36, format="gray").to_ndarray()
    return np.asarray(grey, dtype=np.float32) / 255.0


def key_frames(path: str | Path, limits: VideoLimits | None = None) -> KeyFrames:
    """Probe, then decode once, keeping the first frame and the strongest scene changes (at most the limit)."""
    import av

    limits = limits or VideoLimits()
    info = probe(path, limits)
    started = time.perf_counter()
    result = KeyFrames(info=info)
    candidates: list[KeyFrame] = []
    previous: NDArray[np.float32] | None = None
    next_sample = 0.0
    with _open(Path(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"  # frame threads: decoding is most of the time
        try:
            for frame in container.decode(stream):
                result.decoded += 1
                at = float(frame.time) if frame.time is not None else result.decoded / (info.fps or 25.0)
                if at > limits.max_duration_s or result.decoded > limits.max_frames:
                    result.notes.append("stopped at the duration or frame limit (the header understated the length)")
                    break
                if time.perf_counter() - started > limits.decode_budget_s:
                    result.notes.append(f"time budget reached after {at:.0f} s of video; later scenes not examined")
                    break
                if at + 1e-6 < next_sample:
                    continue
                next_sample = at + 1.0 / limits.sample_fps
                thumb = _thumb(frame)
                score = 1.0 if previous is None else float(np.abs(thumb - previous).mean())
                previous = thumb
                if score >= limits.scene_change or not candidates:
                    candidates.append(KeyFrame(time_s=round(at, 2), score=round(score, 3), image=frame.to_image()))
                    candidates = _strongest(candidates, limits.max_key_frames)
        except av.FFmpegError as exc:
            result.notes.append(f"decoding stopped early: the file is damaged after {result.decoded} frames ({exc})")
    if result.decoded == 0:
        raise UnreadableImage("the video has no decodable frames (empty or truncated)")
    result.frames = sorted(candidates, key=lambda k: k.time_s)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _strongest(frames: list[KeyFrame], limit: int) -> list[KeyFrame]:
    """The first frame plus the strongest scene changes, so memory holds at most ``limit`` full frames."""
    if len(frames) <= limit:
        return frames
    first, rest = frames[0], sorted(frames[1:], key=lambda k: k.score, reverse=True)
    return [first, *rest[: limit - 1]]


def contact_sheet(frames: list[KeyFrame], width: int = 1024) -> bytes:
    """A PNG grid of the key frames with their times, for the user to see what was read."""
    if not frames:
        return b""
    columns = min(4, len(frames))
    rows = -(-len(frames) // columns)
    tile_w = width // columns
    aspect = frames[0].image.height / max(1, frames[0].image.width)
    tile_h = max(1, round(tile_w * aspect))
    sheet = Image.new("RGB", (tile_w * columns, (tile_h + 18) * rows), "white")
    draw = ImageDraw.Draw(sheet)
    for i, key in enumerate(frames):
        x, y = (i % columns) * tile_w, (i // columns) * (tile_h + 18)
        tile = key.image.convert("RGB").resize((tile_w, tile_h), Image.Resampling.BILINEAR)
        sheet.paste(tile, (x, y))
        draw.text((x + 4, y + tile_h + 3), f"{key.time_s:.1f} s", fill="black")
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
