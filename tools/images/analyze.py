"""The image tool: deterministic facts always, a visual read only from a model that can see."""

from __future__ import annotations

import hashlib
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from tools.contract import SourceRef, ToolOutput
from tools.images.formats import ImageKind, ImageLimits, UnreadableImage
from tools.images.prompts import build_prompt, choose_domain
from tools.images.quality import assess_quality
from tools.images.render import render_image
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


def analyze_image(
    path: str | Path,
    question: str = "",
    persona: str = "nurse",
    vision: BaseChatModel | None = None,
    limits: ImageLimits | None = None,
    preview_dir: Path | None = None,
) -> ToolOutput:
    """Analyse one DICOM, PNG, JPEG or WebP file.

    The file is checked (type from content, size, pixel and frame limits), rendered (DICOM windowing and colour),
    de-identified and assessed for quality in code. Only when ``vision`` is given (a model whose image reading is
    trusted) is the image sent to it for a structured preliminary read. Unreadable files give an ``error``.
    """
    name = Path(path).name
    try:
        rendered = render_image(path, limits, question)
    except UnreadableImage as exc:
        return ToolOutput(kind="image_analysis", summary=f"Could not analyse {name}: {exc}", error=str(exc))
    quality = assess_quality(rendered.display, rendered.size)
    domain = choose_domain(rendered.metadata, persona, question, rendered.kind is ImageKind.DICOM)
    digest = hashlib.sha256(rendered.png).hexdigest()[:16]
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
            prompt = build_prompt(domain, rendered.metadata, quality.issues, question)
            reading = read_image(vision, rendered.png, prompt)
            status = "read by the vision model"
        except VisionFailed as exc:
            status = f"Visual read failed ({exc}); no visual findings are reported."

    described = _describe(rendered.metadata, rendered.kind, rendered.size)
    lines = [f"Image {name}: {described}; domain {domain.value}."]
    lines.append("Quality: " + ("; ".join(quality.issues) if quality.issues else "no problems detected") + ".")
    lines.extend(f"Caution: {w}." for w in rendered.warnings)
    if reading is not None:
        lines.append("Findings (preliminary): " + ("; ".join(reading.findings) or "none stated") + ".")
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
            "framing": FRAMING,
            "preview_path": str(preview_path) if preview_path else None,
            "sha256_16": digest,
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
