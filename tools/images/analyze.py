"""The image tool: deterministic facts always, a visual read only from a model that can see."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from tools.contract import SourceRef, ToolOutput
from tools.drugs import DrugNameResolver
from tools.images.formats import ImageKind, ImageLimits, UnreadableImage, is_video_file
from tools.images.ocr import OcrSettings
from tools.images.prompts import build_prompt, choose_domain, ocr_context
from tools.images.provenance import filter_reading, provenance, provenance_lines
from tools.images.quality import assess_quality
from tools.images.reading import TextRead
from tools.images.render import RenderedImage, render_image
from tools.images.text_report import read_image_text, text_data, text_summary
from tools.images.vision import VisionFailed, read_image

FRAMING = "Preliminary read for a clinician or engineer to confirm; not a diagnosis."
NO_VISION = (
    "Visual interpretation needs a multimodal model; the configured model cannot read images, "
    "so no visual findings are reported."
)


def _describe(metadata: dict[str, object], kind: ImageKind, size: tuple[int, int]) -> str:
    parts = [str(metadata[k]) for k in ("Modality", "BodyPartExamined", "ViewPosition") if metadata.get(k)]
    label = " ".join(parts) if parts else kind.value.upper()
    return f"{label}, {size[0]}x{size[1]} px"


def wants_text_reading(rendered: RenderedImage) -> bool:
    """OCR by default for photos and for DICOM secondary captures and scanned documents, not for radiographs."""
    return rendered.kind is not ImageKind.DICOM or rendered.text_document


def analyze_image(
    path: str | Path,
    question: str = "",
    persona: str = "nurse",
    vision: BaseChatModel | None = None,
    limits: ImageLimits | None = None,
    preview_dir: Path | None = None,
    *,
    ocr: bool | None = None,
    ocr_settings: OcrSettings | None = None,
    text_filter: Callable[[str], str] | None = None,
    resolver: DrugNameResolver | None = None,
) -> ToolOutput:
    """Analyse one DICOM, PNG, JPEG or WebP file, or an MP4, WebM or MOV video (as key frames).

    The file is checked (type from content, size, pixel and frame limits), rendered (DICOM windowing and colour),
    de-identified and assessed for quality in code. Printed text is read (``ocr``: None means by kind) and turned
    into medicine names, codes and identifiers; ``text_filter`` (identifier redaction) is applied to every piece of
    read text before it enters the summary or the artifact. Only when ``vision`` is given (a model whose image
    reading is trusted) is the image sent to it for a structured preliminary read, with the OCR text as context.
    The OCR lines and boxes go with the image as quoted data, and the result labels each finding, medicine name
    and code with where it came from (``data["provenance"]``). Unreadable files give an ``error``.
    """
    name = Path(path).name
    if is_video_file(path):
        from tools.images.video_tool import analyze_video  # deferred: PyAV is only needed for videos

        return analyze_video(
            path,
            question,
            persona,
            vision=vision,
            preview_dir=preview_dir,
            model_images=(limits or ImageLimits()).model_images,
            ocr_settings=ocr_settings,
            text_filter=text_filter,
            resolver=resolver,
        )
    try:
        rendered = render_image(path, limits, question)
    except UnreadableImage as exc:
        return ToolOutput(kind="image_analysis", summary=f"Could not analyse {name}: {exc}", error=str(exc))
    quality = assess_quality(rendered.display, rendered.size)
    domain = choose_domain(rendered.metadata, persona, question, rendered.kind is ImageKind.DICOM)
    digest = hashlib.sha256(rendered.png).hexdigest()[:16]
    text_lines: list[str] = []
    text_entries: dict[str, Any] = {"ocr": None, "read": None}
    read_for_model = ""
    read: TextRead | None = None
    if (wants_text_reading(rendered) if ocr is None else ocr) and quality.usable and rendered.source is not None:
        result, read, failure = read_image_text(rendered.source, ocr_settings, resolver)
        if result is None or read is None:
            text_lines.append(f"Text reading was not possible ({failure}).")
        else:
            text_lines = text_summary(result, read, text_filter)
            text_entries = text_data(result, read, text_filter, f"image:{digest}")
            if result.lines:  # filtered text and boxes, as quoted data
                read_for_model = ocr_context(text_entries["ocr"]["rows"], rendered.source.size)
    preview_path = None
    if preview_dir is not None:
        preview_dir.mkdir(parents=True, exist_ok=True)
        preview_path = preview_dir / f"{digest}.png"
        preview_path.write_bytes(rendered.preview)

    reading = None
    if vision is None:
        status = NO_VISION
    elif not quality.usable:
        status = "Not sent for a visual read: the image is blank."
    else:
        try:
            prompt = build_prompt(domain, rendered.metadata, quality.issues, question, read_for_model)
            reading = filter_reading(read_image(vision, rendered.png, prompt), text_filter)
            status = "read by the vision model"
        except VisionFailed as exc:
            status = f"Visual read failed ({exc}); no visual findings are reported."

    described = _describe(rendered.metadata, rendered.kind, rendered.size)
    lines = [f"Image {name}: {described}; domain {domain.value}."]
    lines.append("Quality: " + ("; ".join(quality.issues) if quality.issues else "no problems detected") + ".")
    lines.extend(f"Caution: {w}." for w in rendered.warnings)
    lines.extend(text_lines)
    found = provenance(read, reading, resolver) if reading is not None else None
    if reading is not None and found is not None:
        lines.extend(provenance_lines(found, bool(read_for_model)))
        lines.append(f"Impression: {reading.impression or 'not stated'} (confidence {reading.confidence}).")
        if reading.next_step:
            lines.append(f"Suggested next step: {reading.next_step}.")
        lines.append(FRAMING)
    else:
        lines.append(status)
    return ToolOutput(
        kind="image_analysis",
        summary=" ".join(lines),
        data={
            "file": name,
            "format": rendered.kind.value,
            "size": list(rendered.size),
            "domain": domain.value,
            "metadata": rendered.metadata,
            "quality": quality.model_dump(),
            "notes": rendered.notes,
            "warnings": rendered.warnings,
            "vision_status": status,
            "reading": reading.model_dump() if reading else None,
            "provenance": found,
            "framing": FRAMING,
            "preview_path": str(preview_path) if preview_path else None,
            "sha256_16": digest,
            **text_entries,
        },
        citations=[
            SourceRef(
                id=f"image:{digest}",
                kind="image",
                title=f"{name} ({described})",
                snippet="; ".join(quality.issues) or "quality ok",
                source="uploaded image, de-identified",
            )
        ],
    )
