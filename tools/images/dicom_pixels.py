"""DICOM pixels to display values the way a viewer shows them.

Modality LUT, VOI LUT or window, MONOCHROME1 inversion, palette colour, RGB/YBR, bit depth, multi-frame selection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from pydicom import Dataset
from pydicom.multival import MultiValue
from pydicom.pixels.processing import apply_color_lut, apply_modality_lut, apply_voi_lut
from pydicom.pixels.utils import pixel_array

from tools.images.formats import UnreadableImage

# Default CT windows (centre, width in HU) when the file carries none, by body part; a question about lungs or bone
# selects the lung or bone window instead.
_CT_WINDOWS: dict[str, tuple[float, float]] = {
    "HEAD": (40, 80),
    "BRAIN": (40, 80),
    "CHEST": (40, 400),
    "ABDOMEN": (50, 400),
    "PELVIS": (50, 400),
    "SPINE": (400, 1800),
}
_LUNG_WINDOW = (-600.0, 1500.0)
_BONE_WINDOW = (400.0, 1800.0)
_SOFT_TISSUE_WINDOW = (40.0, 400.0)
_LUNG_WORDS = re.compile(r"\b(lung|pneumothorax|nodule|emphysema|pulmonary|airway)", re.I)
_BONE_WORDS = re.compile(r"\b(bone|fracture|skull|vertebra|spine|osseous)", re.I)
_CROSS_SECTIONAL = {"CT", "MR", "PT", "NM"}
MONTAGE_TILES = 9


@dataclass(slots=True)
class DisplayImage:
    """Display-ready pixels in 0..1 (H x W, or H x W x 3) and how they were obtained."""

    pixels: NDArray[np.float32]
    frames_used: list[int]
    window: str
    notes: list[str] = field(default_factory=list)


def _first(value: object) -> float:
    if isinstance(value, MultiValue | list | tuple):
        return float(value[0])
    return float(value)  # type: ignore[arg-type]


def linear_window(values: NDArray[np.floating], centre: float, width: float) -> NDArray[np.float32]:
    """DICOM PS3.3 C.11.2.1.2.1 LINEAR windowing, scaled to 0..1."""
    width = max(width, 1.0)
    out = (values - (centre - 0.5)) / (width - 1.0) + 0.5 if width > 1 else values - centre
    clipped: NDArray[np.float32] = np.clip(out, 0.0, 1.0).astype(np.float32)
    return clipped


def _sigmoid_window(values: NDArray[np.floating], centre: float, width: float) -> NDArray[np.float32]:
    shown: NDArray[np.float32] = (1.0 / (1.0 + np.exp(-4.0 * (values - centre) / max(width, 1.0)))).astype(np.float32)
    return shown


def default_ct_window(body_part: str, question: str) -> tuple[float, float, str]:
    """The window a radiologist would start from for this body part and question."""
    if _LUNG_WORDS.search(question):
        return (*_LUNG_WINDOW, "lung window (default)")
    if _BONE_WORDS.search(question):
        return (*_BONE_WINDOW, "bone window (default)")
    centre, width = _CT_WINDOWS.get(body_part.upper(), _SOFT_TISSUE_WINDOW)
    return centre, width, f"{body_part.lower() or 'soft-tissue'} window (default)"


def _monochrome(frame: NDArray[np.generic], ds: Dataset, question: str) -> tuple[NDArray[np.float32], str]:
    values = apply_modality_lut(frame, ds).astype(np.float32)
    if "VOILUTSequence" in ds and "WindowCenter" not in ds:
        lut = ds.VOILUTSequence[0]
        bits = int(lut.LUTDescriptor[2]) if "LUTDescriptor" in lut else 16
        shown = apply_voi_lut(values, ds, prefer_lut=True).astype(np.float32) / float(2**bits - 1)
        label = f"VOI LUT from file ({lut.get('LUTExplanation', 'unnamed')})"
        return np.clip(shown, 0, 1), label
    if "WindowCenter" in ds and "WindowWidth" in ds:
        centre, width = _first(ds.WindowCenter), _first(ds.WindowWidth)
        if str(ds.get("VOILUTFunction", "LINEAR")).upper() == "SIGMOID":
            return _sigmoid_window(values, centre, width), f"sigmoid window {centre:g}/{width:g} from file"
        return linear_window(values, centre, width), f"window {centre:g}/{width:g} from file"
    if str(ds.get("Modality", "")) == "CT":
        centre, width, label = default_ct_window(str(ds.get("BodyPartExamined", "")), question)
        return linear_window(values, centre, width), f"{label} {centre:g}/{width:g}"
    # No window in the file and no standard one for the modality: stretch the central 99% of values.
    low, high = np.percentile(values, [0.5, 99.5])
    if high <= low:
        return np.zeros_like(values), "flat image (no contrast)"
    return np.clip((values - low) / (high - low), 0, 1).astype(np.float32), "auto window (0.5-99.5 percentile)"


def _colour(frame: NDArray[np.generic], ds: Dataset) -> NDArray[np.float32]:
    photometric = str(ds.PhotometricInterpretation)
    if photometric == "PALETTE COLOR":
        rgb = apply_color_lut(frame, ds)
        top = 255.0 if rgb.dtype == np.uint8 else 65535.0
        return (rgb.astype(np.float32) / top).clip(0, 1)
    # pydicom converts YBR to RGB while decoding; scale by the stored bit depth.
    top = float(2 ** int(ds.get("BitsStored", 8)) - 1)
    return (frame.astype(np.float32) / top).clip(0, 1)


def frame_indices(ds: Dataset, frames: int) -> list[int]:
    """Which frames to show: a montage of up to nine for cross-sectional series, else the middle frame."""
    if frames <= 1:
        return [0]
    if str(ds.get("Modality", "")) in _CROSS_SECTIONAL:
        count = min(frames, MONTAGE_TILES)
        return sorted({round(i * (frames - 1) / max(count - 1, 1)) for i in range(count)})
    return [frames // 2]


def _montage(tiles: list[NDArray[np.float32]]) -> NDArray[np.float32]:
    columns = int(np.ceil(np.sqrt(len(tiles))))
    rows = int(np.ceil(len(tiles) / columns))
    height, width = tiles[0].shape[:2]
    sheet = np.zeros((rows * height, columns * width, *tiles[0].shape[2:]), dtype=np.float32)
    for i, tile in enumerate(tiles):
        r, c = divmod(i, columns)
        sheet[r * height : (r + 1) * height, c * width : (c + 1) * width] = tile
    return sheet


def display_pixels(ds: Dataset, frames: int, question: str = "") -> DisplayImage:
    """Decode the chosen frames of ``ds`` (read with pixel data) and map them to display values."""
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2"))
    indices = frame_indices(ds, frames)
    notes: list[str] = []
    shown: list[NDArray[np.float32]] = []
    window = ""
    for index in indices:
        try:
            frame = pixel_array(ds, index=index if frames > 1 else None)
        except Exception as exc:  # decoders raise many types; all mean "cannot decode this file"
            raise UnreadableImage(f"the DICOM pixel data cannot be decoded: {exc}") from exc
        if photometric.startswith("MONOCHROME"):
            values, window = _monochrome(frame, ds, question)
            if photometric == "MONOCHROME1":
                values = 1.0 - values  # MONOCHROME1 stores white as the minimum
        else:
            values, window = _colour(frame, ds), f"{photometric.lower()} colour"
        shown.append(values)
    if photometric == "MONOCHROME1":
        notes.append("MONOCHROME1 inverted for display")
    if len(indices) > 1:
        notes.append(f"montage of frames {', '.join(str(i + 1) for i in indices)} of {frames}")
    elif frames > 1:
        notes.append(f"frame {indices[0] + 1} of {frames} shown")
    if any(0x6000 <= tag.group <= 0x60FF for tag in ds.keys()):
        notes.append("overlay planes present, not drawn")
    pixels = _montage(shown) if len(shown) > 1 else shown[0]
    return DisplayImage(pixels=pixels, frames_used=indices, window=window, notes=notes)
