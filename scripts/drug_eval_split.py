"""Split evaluation/data/drug_questions.csv once into tune (50%) and test (50%) halves with a fixed seed.

Run once; refuses to overwrite existing halves so the test half stays unseen while names are tuned.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "evaluation" / "data"
SEED = 20261124


def split(source: Path = DATA / "drug_questions.csv") -> tuple[Path, Path]:
    """Write ``*_tune.csv`` and ``*_test.csv`` next to ``source``; returns their paths."""
    tune, test = source.with_name(source.stem + "_tune.csv"), source.with_name(source.stem + "_test.csv")
    if tune.exists() or test.exists():
        sys.exit(f"{tune.name} / {test.name} exist already: the split is made once")
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    half = len(rows) // 2
    for path, idx in ((tune, sorted(order[:half])), (test, sorted(order[half:]))):
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows[i] for i in idx)
    return tune, test


if __name__ == "__main__":
    print(split())  # noqa: T201
