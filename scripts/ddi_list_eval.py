"""Score the knowledge base on an independent high-priority pair list (evaluation/data/ddi_pairs_v1.csv).

The list was written by a helper blind to the product and its sources, from public reference families (CredibleMeds,
FDA's CYP table and labels, boxed warnings, ONC, BNF, Stockley); it is a stand-in for the list issue 18 is measured
on. Split once (``--split``, seeded, stratified by severity) into tune and test halves; classes are tuned on tune.

    python scripts/ddi_list_eval.py --split           # once
    python scripts/ddi_list_eval.py --part tune       # figures and every miss
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from split_eval_sets import split_csv  # noqa: E402

from tools.drugs import DrugNameResolver, check_drug_interactions, load_knowledge_base  # noqa: E402

DATA = ROOT / "evaluation" / "data"
SOURCE = DATA / "ddi_pairs_v1.csv"
SEED = 20261125


def split() -> None:
    """Split the list once into tune and test halves by severity."""
    split_csv(SOURCE.stem, "severity", SEED)


def score(part: str, quiet: bool) -> None:
    """Flagged pairs found major or above; negative controls found major or above; unknown names."""
    kb = load_knowledge_base()
    resolver = DrugNameResolver(kb)
    with (DATA / f"ddi_pairs_v1_{part}.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    flagged = hit = controls = alarms = 0
    misses: list[str] = []
    unknown: Counter[str] = Counter()
    missed_drugs: Counter[str] = Counter()
    for r in rows:
        report = check_drug_interactions([r["drug_a"], r["drug_b"]], kb, resolver)
        top = max((i.severity.rank for i in report.interactions), default=0)
        for name in report.unknown:
            unknown[name] += 1
        if r["severity"] == "none":
            controls += 1
            if top >= 3:
                alarms += 1
                misses.append(f"ALARM {r['drug_a']} + {r['drug_b']} ({r['mechanism']})")
            continue
        flagged += 1
        if top >= 3:
            hit += 1
        else:
            missed_drugs.update((r["drug_a"], r["drug_b"]))
            misses.append(f"MISS {r['drug_a']} + {r['drug_b']}: {top} ({r['mechanism']}; {r['reference']})")
    print(f"{part}: major-or-above {hit}/{flagged} = {hit / max(1, flagged):.1%}; "  # noqa: T201
          f"negative controls flagged major+ {alarms}/{controls} = {alarms / max(1, controls):.1%}; "
          f"unknown names {len(unknown)} ({sum(unknown.values())} mentions)")
    if not quiet:
        print("unknown:", dict(unknown.most_common()))  # noqa: T201
        print("drugs in most misses:", missed_drugs.most_common(40))  # noqa: T201
        print("\n".join(misses))  # noqa: T201


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", action="store_true")
    parser.add_argument("--part", choices=["tune", "test"], default="tune")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.split:
        split()
    else:
        score(args.part, args.quiet)
