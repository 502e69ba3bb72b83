"""Image benchmark: the 1955x1841 JPEG 2000 chest CR to a 1024-px PNG, decode included (target median < 400 ms);
OCR of a 1-megapixel label photo (target median < 1.5 s, engine loaded once); key frames of a 60 s 720p clip
(target < 10 s). Baselines in the same run: pydicom's decode alone, RapidOCR's own default pipeline on the same
pixels, and PyAV decoding every frame of the clip with nothing else."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pydicom
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.machine import summary
from tools.images import render_image
from tools.images.ocr import OcrSettings, _as_rgb_array, load_engine, read_text
from tools.images.video import key_frames

CHEST_CR = Path(__file__).resolve().parents[1] / "samples" / "dicom" / "RG1_J2KI.dcm"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LABEL = [
    "CITY PHARMACY",
    "Rx# 4591092",
    "WARFARIN SODIUM 5 mg",
    "Take 1 tablet by mouth daily",
    "Qty: 30  Refills: 2",
    "E-27 OCCLUSION DOWNSTREAM",
    "Asset IP-0121",
]


def label_photo() -> Image.Image:
    """A 1155x866 (1.0 MP) photo-like label: text on a textured background, slightly rotated and blurred."""
    rng = np.random.default_rng(7)
    background = rng.normal(200, 12, (866, 1155, 3)).clip(0, 255).astype(np.uint8)
    image = Image.fromarray(background)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for i, line in enumerate(LABEL):
        draw.text((120, 120 + i * 85), line, font=font, fill=(25, 25, 25))
    return image.rotate(4, fillcolor=(200, 200, 200)).filter(ImageFilter.GaussianBlur(0.6))


def clip_60s_720p(path: Path) -> Path:
    """A 60 s, 30 fps, 1280x720 H.264 clip with a scene change every 10 s (made once per run)."""
    import av

    rng = np.random.default_rng(3)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        base = np.zeros((720, 1280, 3), np.uint8)
        for i in range(1800):
            if i % 300 == 0:
                base = np.full((720, 1280, 3), rng.integers(0, 255, 3), np.uint8)
                base[200:500, 300:900] = rng.integers(0, 255, 3)
            frame = base.copy()
            frame[600:650, (i * 7) % 1100 : (i * 7) % 1100 + 100] = 255  # something moves within each scene
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


NOTES = """
OCR and video (issue 25): `ocr_1mp_label` is `tools.images.ocr.read_text` on a 1155x866 label photo (7 lines,
textured background, 4 degree tilt, slight blur), engine loaded once per process (`ocr_engine_load_s`, RapidOCR
PP-OCRv4 from the `rapidocr-onnxruntime` wheel) and warmed by one run; target median < 1.5 s. Its baseline
`ocr_rapidocr_default_pipeline` is the engine's own call (detection, angle classifier, recognition) on the same
pixels; the product adds the per-line angle classifier in batches, space restoration from the pixels and the time
budget. The angle classifier (it turns upside-down lines; tested on an upside-down label) cost 19 ms of a 1.3 s
read of the 7-line label in a separate measurement, so it stays on.
`key_frames_60s_720p` is `tools.images.video.key_frames` (PyAV decode of every frame, 10 thumbnails a
second compared for scene changes, at most 8 key frames) on a generated 60 s, 30 fps, 1280x720 H.264 clip with a cut
every 10 s; target < 10 s. Its baseline `decode_only_60s_720p` decodes every frame with PyAV and does nothing else.
The synthetic clip is flat colour and decodes far faster than camera footage (expect several times this on real
720p video; the decode budget of 20 s stops long decodes with a note). OCR accuracy: `docs/ocr-evaluation.md`.
The machine is shared with other jobs: `load_average_1min` says how busy it was, and the ratios (measured
interleaved in the same run) are what compare across runs. At a 1-minute load of 6-7 on 2 cores (2026-11-24 23:12)
the OCR median was 2.1 s, over target, with the engine's own pipeline at the same 2.1 s; on a quieter run the same
day (21:24) it was 0.41 s, and key frames 0.69 s.
"""


def decode_only(path: Path) -> int:
    """Every frame decoded with PyAV and dropped: the floor under key-frame extraction."""
    import av

    frames = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for _ in container.decode(stream):
            frames += 1
    return frames


def run(repeats: int = 15) -> dict[str, object]:
    load_before = os.getloadavg()[0]  # the machine is shared: say how busy it was
    render_image(CHEST_CR)  # warm-up: imports and decoder plugin discovery
    decode, full = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        _ = pydicom.dcmread(CHEST_CR).pixel_array
        decode.append(time.perf_counter() - started)
        started = time.perf_counter()
        rendered = render_image(CHEST_CR)
        full.append(time.perf_counter() - started)
    decode_ms, full_ms = summary(decode), summary(full)

    started = time.perf_counter()
    load_engine()
    engine_load = time.perf_counter() - started
    photo = label_photo()
    read_text(photo)  # warm-up: ONNX Runtime allocates its arenas on the first run
    engine = load_engine()
    pixels, _ = _as_rgb_array(photo, OcrSettings().max_side)
    engine(pixels)  # warm-up of the baseline
    ocr_times, base_times, lines = [], [], 0
    for _ in range(9):  # interleaved, so machine load hits both alike
        started = time.perf_counter()
        lines = len(read_text(photo).lines)
        ocr_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine(pixels)
        base_times.append(time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        clip = clip_60s_720p(Path(tmp) / "clip.mp4")
        runs, decode_runs = [], []
        for _ in range(3):
            started = time.perf_counter()
            found = key_frames(clip)
            runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            decode_only(clip)
            decode_runs.append(time.perf_counter() - started)
    return {
        "j2k_decode_only": decode_ms,
        "j2k_cr_to_1024px_png": full_ms,
        "render_vs_decode_ratio": round(full_ms["median_ms"] / decode_ms["median_ms"], 2),
        "output": f"{rendered.size[0]}x{rendered.size[1]} -> "
        f"{rendered.display.shape[1]}x{rendered.display.shape[0]} PNG, {len(rendered.png) // 1024} KiB",
        "ocr_engine_load_s": round(engine_load, 3),
        "ocr_1mp_label": {**summary(ocr_times), "lines": lines},
        "ocr_rapidocr_default_pipeline": summary(base_times),
        "ocr_vs_rapidocr_default_ratio": round(statistics.median(ocr_times) / statistics.median(base_times), 2),
        "key_frames_60s_720p": {
            "median_s": round(statistics.median(runs), 2),
            "min_s": round(min(runs), 2),
            "max_s": round(max(runs), 2),
            "runs": len(runs),
            "frames_decoded": found.decoded,
            "key_frames": len(found.frames),
        },
        "decode_only_60s_720p": {
            "median_s": round(statistics.median(decode_runs), 2),
            "min_s": round(min(decode_runs), 2),
            "max_s": round(max(decode_runs), 2),
        },
        "key_frames_vs_decode_only_ratio": round(statistics.median(runs) / statistics.median(decode_runs), 2),
        "load_average_1min": {"before": round(load_before, 1), "after": round(os.getloadavg()[0], 1)},
        "targets": "render median < 400 ms (decode, windowing, MONOCHROME1 inversion, resize, PNG, preview, de-id); "
        "OCR of a 1 MP photo median < 1.5 s; key frames of a 60 s 720p clip < 10 s",
    }


if __name__ == "__main__":
    print(run())
