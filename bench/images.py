"""Image benchmark: the 1955x1841 JPEG 2000 chest CR to a 1024-px PNG, decode included (target median < 400 ms);
OCR of a 1-megapixel label photo (target median < 1.5 s, engine loaded once); key frames of a 60 s 720p clip
(target < 10 s)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pydicom
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.machine import summary
from tools.images import render_image
from tools.images.ocr import load_engine, read_text
from tools.images.video import key_frames

CHEST_CR = Path(__file__).resolve().parents[1] / "samples" / "dicom" / "RG1_J2KI.dcm"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LABEL = ["CITY PHARMACY", "Rx# 4591092", "WARFARIN SODIUM 5 mg", "Take 1 tablet by mouth daily",
         "Qty: 30  Refills: 2", "E-27 OCCLUSION DOWNSTREAM", "Asset IP-0121"]


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


def run(repeats: int = 15) -> dict[str, object]:
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
    ocr_times, lines = [], 0
    for _ in range(max(5, repeats // 3)):
        started = time.perf_counter()
        lines = len(read_text(photo).lines)
        ocr_times.append(time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        clip = clip_60s_720p(Path(tmp) / "clip.mp4")
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            found = key_frames(clip)
            runs.append(time.perf_counter() - started)
    return {
        "j2k_decode_only": decode_ms,
        "j2k_cr_to_1024px_png": full_ms,
        "render_vs_decode_ratio": round(full_ms["median_ms"] / decode_ms["median_ms"], 2),
        "output": f"{rendered.size[0]}x{rendered.size[1]} -> "
        f"{rendered.display.shape[1]}x{rendered.display.shape[0]} PNG, {len(rendered.png) // 1024} KiB",
        "ocr_engine_load_s": round(engine_load, 3),
        "ocr_1mp_label": {**summary(ocr_times), "lines": lines},
        "key_frames_60s_720p": {
            "median_s": round(statistics.median(runs), 2), "max_s": round(max(runs), 2),
            "frames_decoded": found.decoded, "key_frames": len(found.frames),
        },
        "targets": "render median < 400 ms (decode, windowing, MONOCHROME1 inversion, resize, PNG, preview, de-id); "
        "OCR of a 1 MP photo median < 1.5 s; key frames of a 60 s 720p clip < 10 s",
    }


if __name__ == "__main__":
    print(run())
