"""Image benchmark: the 1955x1841 JPEG 2000 chest CR to a 1024-px PNG, decode included (target median < 400 ms)."""

from __future__ import annotations

import time
from pathlib import Path

import pydicom

from bench.machine import summary
from tools.images import render_image

CHEST_CR = Path(__file__).resolve().parents[1] / "samples" / "dicom" / "RG1_J2KI.dcm"


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
    return {
        "j2k_decode_only": decode_ms,
        "j2k_cr_to_1024px_png": full_ms,
        "render_vs_decode_ratio": round(full_ms["median_ms"] / decode_ms["median_ms"], 2),
        "output": f"{rendered.size[0]}x{rendered.size[1]} -> "
        f"{rendered.display.shape[1]}x{rendered.display.shape[0]} PNG, {len(rendered.png) // 1024} KiB",
        "targets": "render median < 400 ms (decode, windowing, MONOCHROME1 inversion, resize, PNG, preview, de-id)",
    }


if __name__ == "__main__":
    print(run())
