"""File-type detection from content, and the size limits every image must pass before it is decoded."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class UnreadableImage(ValueError):
    """The file cannot be analysed; the message says why in words a user can act on."""


class ImageKind(StrEnum):
    """Formats the tool accepts."""

    DICOM = "dicom"
    PNG = "png"
    JPEG = "jpeg"
    WEBP = "webp"
    MP4 = "mp4"
    MOV = "mov"
    WEBM = "webm"

    @property
    def is_video(self) -> bool:
        """Whether the file is a video (read as key frames, not as one picture)."""
        return self in (ImageKind.MP4, ImageKind.MOV, ImageKind.WEBM)


# ISO base media brands: QuickTime is MOV, HEIF/AVIF are still photos we do not decode, the rest is MP4.
_QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_STILL_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"avif", b"avis")


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """Guards against huge uploads and decompression bombs; checked before pixels are decoded."""

    max_bytes: int = 200 * 1024 * 1024
    max_pixels: int = 60_000_000  # per frame: a 7,700 x 7,700 image
    max_frames: int = 1_000
    max_side: int = 1024  # longest side of the model-ready PNG
    preview_side: int = 512
    # Images one request to the vision model may carry: the shipped vLLM profiles serve with
    # --limit-mm-per-prompt '{"image": 2}'. A video with more key frames sends its contact sheet instead.
    model_images: int = 2


def detect_kind(head: bytes) -> ImageKind:
    """The format from the first bytes of the file (at least 132), never from its name."""
    if len(head) >= 132 and head[128:132] == b"DICM":
        return ImageKind.DICOM
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ImageKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return ImageKind.JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ImageKind.WEBP
    video = _video_kind(head)
    if video is not None:
        return video
    # DICOM written without the 128-byte preamble starts with a group 0x0002 or 0x0008 tag.
    if head[:2] in (b"\x02\x00", b"\x08\x00") and head[2:4] in (b"\x00\x00", b"\x01\x00", b"\x05\x00", b"\x08\x00"):
        return ImageKind.DICOM
    raise UnreadableImage(
        f"unsupported file type ({_describe(head)}); send DICOM, PNG, JPEG or WebP, or an MP4, WebM or MOV video"
    )


def _video_kind(head: bytes) -> ImageKind | None:
    """MP4 and MOV from their first box, WebM from its EBML header; HEIC and Matroska get a clear refusal."""
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _STILL_BRANDS:
            raise UnreadableImage("HEIC and AVIF photos are not supported; send JPEG or PNG")
        return ImageKind.MOV if brand == b"qt  " else ImageKind.MP4
    if head[4:8] in _QUICKTIME_ATOMS and int.from_bytes(head[:4]) >= 8:
        return ImageKind.MOV
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:64]:
            return ImageKind.WEBM
        raise UnreadableImage("Matroska (MKV) video is not supported; send MP4, WebM or MOV")
    return None


def _describe(head: bytes) -> str:
    if not head:
        return "the file is empty"
    if head.startswith(b"%PDF"):
        return "it is a PDF"
    if head[:4] in (b"GIF8", b"II*\x00", b"MM\x00*"):
        return "GIF and TIFF are not supported"
    try:
        head[:512].decode("utf-8")
    except UnicodeDecodeError:
        return "unrecognised binary content"
    return "it looks like text"


def open_checked(path: str | Path, limits: ImageLimits) -> tuple[ImageKind, int]:
    """Check existence, size and type of the file; returns its kind and size in bytes."""
    file = Path(path)
    if not file.is_file():
        raise UnreadableImage(f"no such file: {file.name}")
    size = file.stat().st_size
    if size == 0:
        raise UnreadableImage(f"{file.name} is empty (0 bytes)")
    if size > limits.max_bytes:
        raise UnreadableImage(f"{file.name} is {size / 1e6:.0f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB")
    with file.open("rb") as handle:
        head = handle.read(512)
    try:
        return detect_kind(head), size
    except UnreadableImage:
        if _parses_as_bare_dicom(file):
            return ImageKind.DICOM, size
        raise


def is_video_file(path: str | Path) -> bool:
    """Whether the file's first bytes say MP4, MOV or WebM; False for anything unreadable (checked later)."""
    try:
        with Path(path).open("rb") as handle:
            return detect_kind(handle.read(512)).is_video
    except (OSError, UnreadableImage):
        return False


def _parses_as_bare_dicom(file: Path) -> bool:
    """DICOM written with neither preamble nor file meta: accept it only if it parses to image attributes."""
    import pydicom  # deferred: only this rare path needs it here

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(file, force=True, stop_before_pixels=True)
        return "SOPClassUID" in ds and "Rows" in ds
    except Exception:  # any parse failure means "not DICOM"
        return False


def check_dimensions(width: int, height: int, frames: int, limits: ImageLimits) -> None:
    """Reject zero-sized images, decompression bombs and very long multi-frame series before decoding."""
    if width <= 0 or height <= 0:
        raise UnreadableImage(f"the image declares a size of {width}x{height} pixels")
    if width * height > limits.max_pixels:
        raise UnreadableImage(
            f"the image declares {width}x{height} pixels ({width * height / 1e6:.0f} MP); "
            f"the limit is {limits.max_pixels / 1e6:.0f} MP per frame"
        )
    if frames > limits.max_frames:
        raise UnreadableImage(f"the file declares {frames} frames; the limit is {limits.max_frames}")
