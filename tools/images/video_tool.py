"""The image tool for videos: key frames, each through the image pipeline (quality and text), a contact sheet."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.language_models import BaseChatModel

from tools.contract import SourceRef, ToolOutput
from tools.drugs import DrugNameResolver
from tools.images.formats import UnreadableImage
from tools.images.ocr import OcrSettings
from tools.images.prompts import build_prompt, choose_domain, ocr_context
from tools.images.provenance import filter_reading, provenance, provenance_lines
from tools.images.quality import assess_quality
from tools.images.reading import read_text_uses
from tools.images.text_report import equipment_lines, read_image_text, text_data, text_summary
from tools.images.video import KeyFrames, VideoLimits, contact_sheet, key_frames
from tools.images.vision import VisionFailed, read_images

FRAME_SIDE = 1024  # key frames sent to a vision model are no larger than the image tool's model-ready PNGs


def _png(frame: Any, side: int) -> bytes:
    image = frame.copy()
    image.thumbnail((side, side))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def _describe(found: KeyFrames) -> str:
    info = found.info
    length = f"{info.duration_s:.1f} s" if info.duration_s is not None else "unknown length"
    return f"{info.codec} {info.width}x{info.height}, {length}"


def analyze_video(
    path: str | Path,
    question: str = "",
    persona: str = "nurse",
    vision: BaseChatModel | None = None,
    limits: VideoLimits | None = None,
    preview_dir: Path | None = None,
    *,
    ocr_settings: OcrSettings | None = None,
    text_filter: Callable[[str], str] | None = None,
    resolver: DrugNameResolver | None = None,
    model_images: int = 8,
) -> ToolOutput:
    """Analyse an MP4, MOV or WebM video through its scene-change key frames.

    Limits (size, frame size, duration, frame count) are checked on the header before decoding; each key frame
    gets quality facts and text reading; a contact sheet is written to ``preview_dir`` for the user; a vision
    model, when given, receives the key frames as images in one request, in time order (or, when there are more
    than ``model_images``, the server's per-request limit, the contact sheet as one image), with the frames' OCR text
    (quoted data, each line stamped with its frame's time); its findings are labelled by source like an image's.
    """
    name = Path(path).name
    try:
        found = key_frames(path, limits)
    except UnreadableImage as exc:
        return ToolOutput(kind="image_analysis", summary=f"Could not analyse {name}: {exc}", error=str(exc))
    except Exception as exc:  # FFmpeg wrappers raise many types on hostile files; the user gets one reason
        reason = f"the video cannot be read: {type(exc).__name__}: {exc}"
        return ToolOutput(kind="image_analysis", summary=f"Could not analyse {name}: {reason}", error=reason)
    pngs = [_png(k.image, FRAME_SIDE) for k in found.frames]
    digest = hashlib.sha256(b"".join(pngs)).hexdigest()[:16]
    frames_data: list[dict[str, Any]] = []
    lines = [
        f"Video {name}: {_describe(found)}; {len(found.frames)} key frame(s) at "
        + ", ".join(f"{k.time_s:.1f} s" for k in found.frames)
        + "."
    ]
    all_text: list[str] = []
    for_model: list[dict[str, Any]] = []
    for key in found.frames:
        grey = np.asarray(
            key.image.convert("L").resize(
                (
                    min(FRAME_SIDE, key.image.width),
                    max(1, round(min(FRAME_SIDE, key.image.width) * key.image.height / key.image.width)),
                )
            ),
            dtype=np.uint8,
        )
        quality = assess_quality(grey, key.image.size)
        entry: dict[str, Any] = {"time_s": key.time_s, "scene_change": key.score, "quality": quality.model_dump()}
        if quality.usable:
            result, read, failure = read_image_text(key.image, ocr_settings, resolver)
            if result is not None and read is not None and result.lines:
                entry.update(text_data(result, read, text_filter, f"video:{digest}@{key.time_s}"))
                quote = text_summary(result, read, text_filter)[0]
                lines.append(f"At {key.time_s:.1f} s: {quote}")
                all_text.extend(line.text for line in result.lines)
                stamped = [{**line, "text": f"[{key.time_s:.1f} s] {line['text']}"} for line in entry["ocr"]["rows"]]
                for_model.extend(stamped)
            elif failure:
                entry["ocr_error"] = failure
        frames_data.append(entry)
    read = read_text_uses(all_text, resolver)
    lines.extend(_uses(read))
    lines.extend(f"Note: {note}." for note in found.notes)

    sheet_path = None
    if preview_dir is not None and found.frames:
        preview_dir.mkdir(parents=True, exist_ok=True)
        sheet_path = preview_dir / f"{digest}-sheet.png"
        sheet_path.write_bytes(contact_sheet(found.frames))

    reading, status = None, "Visual interpretation needs a multimodal model; no visual findings are reported."
    if vision is not None and pngs:
        domain = choose_domain({}, persona, question, False)
        context = ocr_context(for_model, found.frames[0].image.size) if for_model else ""
        sent, shown = _for_model(found, pngs, model_images)
        prompt = build_prompt(domain, {"frames": shown}, [], question, context)
        try:
            reading = filter_reading(read_images(vision, sent, prompt), text_filter)
            status = "key frames read by the vision model"
        except VisionFailed as exc:
            status = f"Visual read failed ({exc}); no visual findings are reported."
    sourced = provenance(read, reading, resolver) if reading is not None else None
    if sourced is not None:
        lines.extend(provenance_lines(sourced, bool(for_model)))
    else:
        lines.append(status)
    keep = text_filter or (lambda text: text)
    return ToolOutput(
        kind="image_analysis",
        summary=" ".join(lines),
        data={
            "file": name,
            "format": "video",
            "video": {
                "codec": found.info.codec,
                "width": found.info.width,
                "height": found.info.height,
                "duration_s": found.info.duration_s,
                "frames": found.info.frames,
                "fps": found.info.fps,
                "decoded_frames": found.decoded,
                "seconds": found.seconds,
                "notes": found.notes,
            },
            "key_frames": frames_data,
            "read": {
                **read.model_dump(),
                "ingredients": read.ingredients,
                "instruction_like": [keep(t) for t in read.instruction_like],
            },
            "vision_status": status,
            "reading": reading.model_dump() if reading else None,
            "provenance": sourced,
            "preview_path": str(sheet_path) if sheet_path else None,
            "sha256_16": digest,
        },
        citations=[
            SourceRef(
                id=f"video:{digest}",
                kind="image",
                title=f"{name} ({_describe(found)})",
                snippet=f"{len(found.frames)} key frames",
                source="uploaded video, key frames",
            )
        ],
    )


def _for_model(found: KeyFrames, pngs: list[bytes], limit: int) -> tuple[list[bytes], str]:
    """The images for the vision model and how the prompt describes them: the key frames, or one contact sheet."""
    if len(pngs) <= max(1, limit):
        return pngs, f"{len(pngs)} key frames in time order"
    sheet = contact_sheet(found.frames, FRAME_SIDE)
    return [
        sheet
    ], f"one contact sheet of {len(pngs)} key frames in time order (left to right, top to bottom, times below)"


def _uses(read: Any) -> list[str]:
    out: list[str] = []
    if read.instruction_like:
        out.append("The video shows text that reads like instructions to an assistant; it is quoted as data only.")
    if read.medicines:
        out.append("Medicines named in the video: " + ", ".join(", ".join(m.ingredients) for m in read.medicines) + ".")
    out.extend(equipment_lines(read, "video"))
    return out
