"""Evaluate text reading on the rendered OCR set and write docs/ocr-evaluation.md.

    .venv/bin/python scripts/ocr_eval.py [--set evaluation/ocr/fresh-2612] [--split test|tune] [--out ...]

Per image: character error rate (Levenshtein distance over the ground-truth length, case and runs of spaces
ignored, also with all spaces ignored), whether every medicine name was recalled (as ingredients, through the
reading step), whether every error/alarm code and equipment identifier was recalled, and medicines read that are
not on the image. Tune settings on --split tune only; the document reports the test split.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from PIL import Image
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.make_ocr_eval import LEVELS, build_specs, write_image  # noqa: E402
from tools.images.codes import code_key  # noqa: E402
from tools.images.ocr import read_text  # noqa: E402
from tools.images.reading import read_text_uses  # noqa: E402

SET = ROOT / "evaluation" / "ocr"
FRESH = SET / "fresh-2612"  # the blind set: seed 2612, 200 images, all test, scored once
# Kept with every regeneration so no earlier figure is lost.
HISTORY = [
    "First set (seed 25, `evaluation/ocr`), first and blind run on its test split (160 images), 2026-11-24: on "
    "clean and mild images medicine names 100.0% (38/38), alarm codes 90.6% (29/32), below target. Two of the three "
    "misses were a letter read twice where the detector cut a row into overlapping boxes ('ERROR' + 'R 661'); a "
    "unit test showed the same on a fresh label ('WARFARIN S' + 'SODIUM'), and `OcrResult.rows()` now drops the "
    "doubled letter.",
    "Same test split after that fix (no longer blind): medicine names 100.0% (38/38), alarm codes 96.9% (31/32) on "
    "clean and mild; over all 160 images CER 4.1%, names 96.2%, codes 93.1%. Its misses then led to two more "
    "changes before the fresh set was drawn: 'LITHIUM CARBONATE' had been resolved to an ingredient 'lithium "
    "carbonate' (the evaluation expected 'lithium'; the resolver was wrong, and the drug knowledge base now maps the "
    "salt to lithium), and a code cut from the next word by overlapping boxes read 'A361' for 'A36' (the next "
    "word's first stroke read as a '1'; `OcrResult.rows()` now drops it when the boxes overlap by half a "
    "character). On the tune split after both: names 100.0% (80/80), codes 98.2% (56/57) over all levels.",
    "Fresh set (seed 2612, 200 images, all test), scored once on 2026-11-24: the figures at the top. One change "
    "came after it, in strengths only: the drug resolver's fuzzy match had started taking the strength's number "
    "into the name ('WARFARINSODIUM 5', strength lost), and `read_medicines` now gives the trailing number back. "
    "It changes no ingredient, code or identifier, so none of the figures above. Seen on the fresh set and not "
    "fixed, so that the figure stays blind: a letter O for zero at the end of a code ('W-6O', clean) and 'EIr 358' "
    "for 'Err 358'.",
]


VISION = [
    "With a vision model configured, the image goes to it with the OCR rows and their boxes (percent of the "
    "image) as a fenced block of JSON strings announced as data, never instructions. The model labels each finding "
    "'text' or 'image'; the tool output (`data.provenance`) labels every finding, medicine name and code 'read "
    "from the image text (OCR)' or 'seen by the vision model' (or both), and the summary says the same. Only names "
    "OCR read feed the interaction check; a name only the model reports is shown as not checked. These labels are "
    "tested with a scripted model; no vision model's accuracy is measured here.",
    "",
    "Videos go to a vision model as key frames, several images in one request, in time order, each frame's OCR "
    "text stamped with its time. Three shipped vLLM profiles allow two images per request "
    "(`--limit-mm-per-prompt '{\"image\": 2}'` for qwen2.5-vl-7b, medgemma-4b and the embedded test VLM; the "
    "Qwen3-VL profiles keep vLLM's default); a video with more key frames than `ImageLimits.model_images` (default "
    "2, the smallest profile limit; raise both together) sends its contact sheet as one image instead. Video as video is not used: the Qwen3-VL profiles switch video input off "
    "(`--limit-mm-per-prompt.video 0`) and no other profile declares it.",
]


def _norm(text: str, spaces: bool = True) -> str:
    text = re.sub(r"\s+", " ", text.lower()).strip()
    return text if spaces else text.replace(" ", "")


def evaluate(spec: dict[str, Any], root: Path = SET) -> dict[str, Any]:
    """Read one image of the set in ``root`` and compare with its ground truth."""
    path = root / spec["file"]
    if not path.exists():
        write_image(spec, root)
    result = read_text(Image.open(path))
    read = read_text_uses(result.rows())
    truth, got = " ".join(spec["lines"]), " ".join(line.text for line in result.lines)
    cer = Levenshtein.distance(_norm(truth), _norm(got)) / max(1, len(_norm(truth)))
    cer_nospace = Levenshtein.distance(_norm(truth, False), _norm(got, False)) / max(1, len(_norm(truth, False)))
    found_codes = {code_key(c) for c in read.codes}
    found_ids = {code_key(c) for c in [*read.asset_ids, *read.serials, *read.models]}
    return {
        "id": spec["id"], "kind": spec["kind"], "level": spec["level"], "seconds": result.seconds,
        "cer": cer, "cer_nospace": cer_nospace, "text": got,
        "missed_medicines": [m for m in spec["medicines"] if m not in read.ingredients],
        "extra_medicines": [m for m in read.ingredients if m not in spec["medicines"]],
        "missed_codes": [c for c in spec["codes"] if code_key(c) not in found_codes],
        "missed_ids": [c for c in spec["ids"] if code_key(c) not in found_ids],
        "has_medicines": bool(spec["medicines"]), "has_codes": bool(spec["codes"]), "has_ids": bool(spec["ids"]),
    }


def _rate(rows: list[dict[str, Any]], has: str, missed: str) -> str:
    relevant = [r for r in rows if r[has]]
    if not relevant:
        return "-"
    ok = sum(1 for r in relevant if not r[missed])
    return f"{100 * ok / len(relevant):.1f}% ({ok}/{len(relevant)})"


def _table(rows: list[dict[str, Any]], key: str, keys: list[str]) -> list[str]:
    out = [f"| {key} | images | CER | CER without spaces | medicine names | alarm codes | equipment ids | "
           "images with a wrong extra medicine |", "|---|---|---|---|---|---|---|---|"]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    for name in [*keys, "all"]:
        group = rows if name == "all" else groups.get(name, [])
        if not group:
            continue
        extra = sum(1 for r in group if r["extra_medicines"])
        out.append(
            f"| {name} | {len(group)} | {100 * statistics.mean(r['cer'] for r in group):.1f}% | "
            f"{100 * statistics.mean(r['cer_nospace'] for r in group):.1f}% | "
            f"{_rate(group, 'has_medicines', 'missed_medicines')} | {_rate(group, 'has_codes', 'missed_codes')} | "
            f"{_rate(group, 'has_ids', 'missed_ids')} | {extra} |"
        )
    return out


def report(rows: list[dict[str, Any]], split: str, seconds: float, root: Path = FRESH) -> str:
    """The Markdown document."""
    easy = [r for r in rows if r["level"] in ("clean", "mild")]
    times = sorted(r["seconds"] for r in rows)
    where = root.relative_to(ROOT) if root.is_relative_to(ROOT) else root
    lines = [
        "# OCR evaluation",
        "",
        f"Generated by `scripts/ocr_eval.py --set {where} --split {split}` on {len(rows)} images of the {split} "
        f"split of `{where}`, rendered by `scripts/make_ocr_eval.py` (medication labels, prescriptions, "
        "infusion-pump and monitor alarm "
        "screens, equipment nameplates; 10 DejaVu faces, 24-40 px text; levels add rotation up to 5/10/15 degrees, "
        "Gaussian blur, noise, JPEG quality 75/50/30 and glare). Engine: RapidOCR PP-OCRv4 on ONNX Runtime "
        "(`tools/images/ocr.py`), then the reading step (`tools/images/reading.py`, `tools/images/codes.py`). "
        "Settings were chosen on the tune split of the first set only. The fresh set (seed 2612) was drawn after "
        "the last change to the reading code and scored once; nothing was changed after seeing it. It uses the same "
        "generator, so it tests new renderings (fonts, sizes, rotations, noise, names and codes drawn anew) of the "
        "same vocabulary of medicines, code forms and layouts, not unseen vocabulary. "
        f"Run {dt.date.today().isoformat()}.",
        "",
        "A name or code counts as recalled from an image when every one on it is found (names as knowledge-base "
        "ingredients, so 'COUMADIN' counts when warfarin is read; codes compared as letters and digits). "
        "CER is the Levenshtein distance over the ground-truth length, case and repeated spaces ignored.",
        "",
        f"**Targets (clean and mildly degraded images, {len(easy)}):** medicine names "
        f"{_rate(easy, 'has_medicines', 'missed_medicines')}, alarm codes {_rate(easy, 'has_codes', 'missed_codes')}"
        " (target 95% each).",
        "",
        "## By degradation level",
        *_table(rows, "level", list(LEVELS)),
        "",
        "## By kind of image",
        *_table(rows, "kind", ["medication_label", "prescription", "alarm_screen", "nameplate"]),
        "",
        f"Time per image: median {statistics.median(times):.2f} s, max {times[-1]:.2f} s "
        f"(whole run {seconds:.0f} s on this 2-core machine, shared).",
        "",
        "## Misses",
        "",
    ]
    misses = [r for r in rows if r["missed_medicines"] or r["missed_codes"] or r["missed_ids"] or r["extra_medicines"]]
    for r in misses:
        parts = [f"{k.replace('_', ' ')}: {', '.join(r[k])}" for k in
                 ("missed_medicines", "missed_codes", "missed_ids", "extra_medicines") if r[k]]
        lines.append(f"- `{r['id']}` ({r['kind']}, {r['level']}): {'; '.join(parts)}. Read: \"{r['text'][:160]}\"")
    if not misses:
        lines.append("None.")
    lines += ["", "## History", "", *[f"- {item}" for item in HISTORY]]
    lines += ["", "## With a vision model, and video", "", *VISION]
    lines += ["", "## Not covered", "",
              "No real photographs: this session had no camera or printer, so every image is rendered. Real labels "
              "add curved bottles, reflections, small print and handwriting (handwritten prescriptions are not "
              "expected to read well with a printed-text model)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=FRESH, help="a directory with ground_truth.jsonl")
    parser.add_argument("--split", choices=["tune", "test"], default="test")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "ocr-evaluation.md")
    parser.add_argument("--limit", type=int, default=0, help="evaluate only the first N images (quick checks)")
    args = parser.parse_args()
    root = args.set.resolve()
    truth = root / "ground_truth.jsonl"
    specs = [json.loads(line) for line in truth.open()] if truth.exists() else build_specs(320)
    chosen = [s for s in specs if s["split"] == args.split][: args.limit or None]
    started = time.perf_counter()
    rows = [evaluate(spec, root) for spec in chosen]
    text = report(rows, args.split, time.perf_counter() - started, root)
    if args.split == "test" and root == FRESH and not args.limit:
        args.out.write_text(text)
        print(f"wrote {args.out}")
    print(text)


if __name__ == "__main__":
    main()
