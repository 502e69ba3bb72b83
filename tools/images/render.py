"""Any accepted file to a model-ready PNG and a UI preview, with its de-identified metadata.

Photos are re-encoded from pixels, so EXIF (GPS, camera serial, capture time) never leaves the process.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pydicom
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError
from pydicom.dataset import FileMetaDataset
from pydicom.errors import InvalidDicomError
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

from tools.images.deid import burned_in_annotation, deidentify, kept_metadata
from tools.images.dicom_pixels import display_pixels
from tools.images.formats import ImageKind, ImageLimits, UnreadableImage, check_dimensions, open_checked


@dataclass(slots=True)
class RenderedImage:
    """What the analysis and the UI need from a file; nothing in it identifies the patient."""

    kind: ImageKind
    png: bytes  # model-ready, longest side <= limits.max_side
    preview: bytes  # smaller PNG for the UI
    size: tuple[int, int]  # source width, height
    display: NDArray[np.uint8]  # the model-ready pixels, for quality checks
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: Image.Image | None = None  # the decoded, upright picture at full size, for text reading
    text_document: bool = False  # a DICOM secondary capture or scanned document: printed text is expected


def _encode(image: Image.Image, side: int) -> tuple[bytes, Image.Image]:
    shown = image.copy()
    shown.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=2.0)
    buffer = io.BytesIO()
    shown.save(buffer, format="PNG", compress_level=1)  # speed over size: the PNG lives for one request
    return buffer.getvalue(), shown


def _assume_transfer_syntax(ds: pydicom.Dataset) -> None:
    """Files without file meta: decode with the encoding the dataset was read in."""
    meta = ds.get("file_meta") or FileMetaDataset()
    if "TransferSyntaxUID" not in meta:
        implicit, little = ds.original_encoding
        meta.TransferSyntaxUID = (
            ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian if little else ExplicitVRBigEndian
        )
        ds.file_meta = meta


def _read_dicom(
    path: Path, limits: ImageLimits, question: str
) -> tuple[Image.Image, dict[str, Any], list[str], list[str]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pydicom warns on many harmless deviations from the standard
            header = pydicom.dcmread(path, stop_before_pixels=True, force=True)
    except (InvalidDicomError, OSError, ValueError, EOFError) as exc:
        raise UnreadableImage(f"the DICOM file cannot be read: {exc}") from exc
    if "PixelData" not in header and "Rows" not in header:
        raise UnreadableImage(
            "the DICOM file has no image (no pixel data): it may be a report or a structured document"
        )
    frames = int(header.get("NumberOfFrames", 1) or 1)
    check_dimensions(int(header.get("Columns", 0)), int(header.get("Rows", 0)), frames, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, force=True)
            _ = ds.PixelData
    except (InvalidDicomError, OSError, ValueError, EOFError, AttributeError) as exc:
        raise UnreadableImage(f"the DICOM pixel data is missing or truncated: {exc}") from exc
    _assume_transfer_syntax(ds)
    clean = deidentify(ds)
    shown = display_pixels(ds, frames, question)
    pixels = np.rint(shown.pixels * 255).astype(np.uint8)
    image = Image.fromarray(pixels, mode="RGB" if pixels.ndim == 3 else "L")
    metadata = kept_metadata(clean)
    metadata["window"] = shown.window
    metadata["frames_shown"] = [i + 1 for i in shown.frames_used]
    cautions = [w for w in [burned_in_annotation(ds)] if w]
    if is_text_document(header):
        metadata["text_document"] = True
    return image, metadata, shown.notes, cautions


# Secondary capture SOP classes (screenshots, scanned pages) and the modalities used for documents and photos.
_SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"
_DOCUMENT_MODALITIES = frozenset({"OT", "SC", "DOC", "XC"})


def is_text_document(header: pydicom.Dataset) -> bool:
    """Whether a DICOM object is a secondary capture or a scanned document, where printed text is expected."""
    sop_class = str(header.get("SOPClassUID", ""))
    conversion = str(header.get("ConversionType", "")).upper()
    return (
        sop_class.startswith(_SECONDARY_CAPTURE)
        or str(header.get("Modality", "")).upper() in _DOCUMENT_MODALITIES
        or conversion in {"DF", "SD", "WSD", "SYN"}
    )


def _read_photo(path: Path, limits: ImageLimits) -> tuple[Image.Image, dict[str, Any], list[str]]:
    with path.open("rb") as handle:
        head = handle.read(24)
    if head.startswith(b"\x89PNG") and head[12:16] == b"IHDR":
        # Check the declared size even when the rest of the file is missing or malformed.
        check_dimensions(int.from_bytes(head[16:20]), int.from_bytes(head[20:24]), 1, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            check_dimensions(image.width, image.height, getattr(image, "n_frames", 1), limits)
            image.load()
    except UnreadableImage:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(f"the image cannot be decoded (corrupt or truncated?): {exc}") from exc
    notes: list[str] = []
    frames = int(getattr(image, "n_frames", 1))
    if frames > 1:
        notes.append(f"first of {frames} frames shown")
    if image.getexif():
        notes.append("EXIF metadata removed")
    facts: dict[str, Any] = {"format": str(image.format or "").lower() or None, "mode": image.mode}
    upright = ImageOps.exif_transpose(image)
    mode = "L" if upright.mode in ("L", "I;16", "I", "1", "LA") else "RGB"
    return upright.convert(mode), facts, notes


def render_image(path: str | Path, limits: ImageLimits | None = None, question: str = "") -> RenderedImage:
    """Read, check and render ``path``; raises :class:`UnreadableImage` with a user-readable reason."""
    limits = limits or ImageLimits()
    file = Path(path)
    kind, _size = open_checked(file, limits)
    if kind.is_video:
        raise UnreadableImage(
            f"{file.name} is a {kind.value.upper()} video: read it with analyze_image or analyze_video"
        )
    cautions: list[str] = []
    if kind is ImageKind.DICOM:
        image, metadata, notes, cautions = _read_dicom(file, limits, question)
    else:
        image, metadata, notes = _read_photo(file, limits)
    source_size = image.size
    png, shown = _encode(image, limits.max_side)
    preview, _ = _encode(shown, limits.preview_side)
    display = np.asarray(shown.convert("L"), dtype=np.uint8)
    return RenderedImage(
        kind=kind,
        png=png,
        preview=preview,
        size=source_size,
        display=display,
        metadata=metadata,
        notes=notes,
        warnings=cautions,
        source=image,
        text_document=bool(metadata.pop("text_document", False)),
    )
