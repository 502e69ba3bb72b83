"""Score triage on a later blind set's held-out test half (another writer) and print the figures and misses.

Usage: python scripts/eval_triage_v2.py [--part test|tune]. The test half is scored rarely and every scoring is
recorded in docs/evaluation.md; nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.triage import DATA, load_cases, score  # noqa: E402
from retrieval import default_embedder  # noqa: E402
from safety.triage import SemanticDetector, Triage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", choices=["test", "tune"], default="test")
    parser.add_argument(
        "--writer",
        choices=["v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15"],
        default="v2",
    )
    args = parser.parse_args()
    path = DATA / f"triage_{args.writer}_{args.part}.csv"
    triage = Triage(SemanticDetector(default_embedder()))
    cases = load_cases(path)
    result = score(triage, cases)
    print(
        f"{path.name}: recall {result.recall:.1%} ({result.flagged}/{result.emergencies}), "
        f"look-alike false positives {result.false_positive_rate:.1%} "
        f"({result.false_positives}/{result.lookalikes}), category right {result.category_accuracy:.1%}"
    )
    with path.open(newline="", encoding="utf-8") as fh:
        styles = {r["message"]: r["style"] for r in csv.DictReader(fh)}
    missed: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    detectors: Counter[str] = Counter()  # which detector raised each false alarm (rules, semantic or both)
    for case in cases:
        flags = triage.assess(case.message).flags
        flagged = bool(flags)
        if case.emergency and not flagged:
            missed[styles.get(case.message, "?")] += 1
            print(f"MISS [{styles.get(case.message, '?')}] {case.message}")
        elif not case.emergency and flagged:
            alarms[styles.get(case.message, "?")] += 1
            detectors["+".join(sorted({d for f in flags for d in f.detectors}))] += 1
    print("missed by style:", dict(missed))
    print("false alarms by style:", dict(alarms))
    print("false alarms by detector:", dict(detectors))


if __name__ == "__main__":
    main()
