"""Split the blind paraphrase sets once into tune and test files beside them (seeded, stratified by style).

Run once: the split files are committed and never redrawn, so nothing is tuned on the test half.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "evaluation" / "data"
SEED = 26  # the issue number
TUNE_SHARE = 0.5


def split(name: str) -> dict[str, int]:
    source = DATA / f"{name}.csv"
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    by_style: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_style[row.get("style", "")].append(row)
    rng = random.Random(SEED)
    parts: dict[str, list[dict[str, str]]] = {"tune": [], "test": []}
    for style in sorted(by_style):
        group = by_style[style]
        rng.shuffle(group)
        cut = round(len(group) * TUNE_SHARE)
        parts["tune"] += group[:cut]
        parts["test"] += group[cut:]
    for part, chosen in parts.items():
        target = DATA / f"{name}_{part}.csv"
        if target.exists():
            raise SystemExit(f"{target} exists: the split is made once")
        with target.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(sorted(chosen, key=rows.index))
    return {part: len(chosen) for part, chosen in parts.items()}


if __name__ == "__main__":
    for name in ("log_paraphrases", "doc_paraphrases"):
        print(name, split(name))
