"""Split the blind evaluation sets ONCE into tune and test files (seeded, stratified by category and kind).

Run once when a set arrives; the split is committed and never redone, so thresholds chosen on tune are reported on
a test split they never saw. Usage: python scripts/split_eval_sets.py triage|triage_v2
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "evaluation" / "data"
SEED = 20261124


def split_triage(
    sources: tuple[str, ...] = ("triage_set_clinical.csv", "triage_set_workplace.csv"), prefix: str = "triage"
) -> None:
    rows: list[dict[str, str]] = []
    for name in sources:
        with (DATA / name).open(newline="", encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh))
    strata: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        strata[(r["category"].split("|")[0], "emergency" if r["kind"] == "emergency" else "lookalike")].append(r)
    rng = random.Random(SEED)
    tune: list[dict[str, str]] = []
    test: list[dict[str, str]] = []
    for key in sorted(strata):
        group = strata[key]
        rng.shuffle(group)
        half = len(group) // 2
        tune.extend(group[:half])
        test.extend(group[half:])
    fields = ["persona", "category", "kind", "style", "reference", "message"]
    for name, part in ((f"{prefix}_tune.csv", tune), (f"{prefix}_test.csv", test)):
        if (DATA / name).exists():
            sys.exit(f"{name} exists: the split is made once")
        with (DATA / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(part)
    print(f"{prefix}: {len(tune)} tune, {len(test)} test")


def split_triage_v2() -> None:
    """The second blind set (944 messages, a different writer's phrasings), split the same way."""
    split_triage(("triage_set_v2.csv",), "triage_v2")


def _halves(
    rows: list[dict[str, str]], key: str, seed: int = SEED
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    strata: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        strata[str(r.get(key, ""))].append(r)
    rng = random.Random(seed)
    tune: list[dict[str, str]] = []
    test: list[dict[str, str]] = []
    for k in sorted(strata):
        group = strata[k]
        rng.shuffle(group)
        tune.extend(group[: len(group) // 2])
        test.extend(group[len(group) // 2 :])
    return tune, test


def split_jsonl(name: str, key: str) -> None:
    """A blind redaction or injection set, split once by `key` (style for redaction, label for injections)."""
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for part, chosen in zip(("tune", "test"), _halves(rows, key), strict=True):
        out = DATA / f"{name}_{part}.jsonl"
        if out.exists():
            sys.exit(f"{out.name} exists: the split is made once")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    print(f"{name}: split")


def split_csv(name: str, key: str, seed: int = SEED) -> None:
    """A blind CSV set (``DATA/<name>.csv``), split once by ``key`` into ``<name>_tune.csv`` and ``<name>_test.csv``."""
    with (DATA / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for part, chosen in zip(("tune", "test"), _halves(rows, key, seed), strict=True):
        out = DATA / f"{name}_{part}.csv"
        if out.exists():
            sys.exit(f"{out.name} exists: the split is made once")
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(chosen)
    print(f"{name}: split")


def split_drug_questions(version: str) -> None:
    """A blind drug-question set, split once by style."""
    split_csv(f"drug_questions_{version}", "style")


def split_v2(version: str = "v2") -> None:
    """A later blind redaction, injection and drug-question set, split once by style (injections by label)."""
    split_jsonl(f"redaction_set_{version}", "style")
    split_jsonl(f"injection_set_{version}", "label")
    split_drug_questions(version)


if __name__ == "__main__":
    {
        "triage": split_triage,
        "triage_v2": split_triage_v2,
        "v2": split_v2,
        "v3": lambda: split_v2("v3"),
        "triage_v3": lambda: split_triage(("triage_set_v3.csv",), "triage_v3"),
        "triage_v4": lambda: split_triage(("triage_set_v4.csv",), "triage_v4"),
        "v4": lambda: split_v2("v4"),
        "triage_v5": lambda: split_triage(("triage_set_v5.csv",), "triage_v5"),
        # Session 9's writers arrived one at a time, so each set is split on arrival.
        "triage_v6": lambda: split_triage(("triage_set_v6.csv",), "triage_v6"),
        "redaction_v5": lambda: split_jsonl("redaction_set_v5", "style"),
        "injection_v5": lambda: split_jsonl("injection_set_v5", "label"),
        "drugs_v5": lambda: split_drug_questions("v5"),
        "triage_v7": lambda: split_triage(("triage_set_v7.csv",), "triage_v7"),
        "redaction_v6": lambda: split_jsonl("redaction_set_v6", "style"),
        "injection_v6": lambda: split_jsonl("injection_set_v6", "label"),
        "drugs_v6": lambda: split_drug_questions("v6"),
        "triage_v8": lambda: split_triage(("triage_set_v8.csv",), "triage_v8"),
        "redaction_v7": lambda: split_jsonl("redaction_set_v7", "style"),
        "injection_v7": lambda: split_jsonl("injection_set_v7", "label"),
        "drugs_v7": lambda: split_drug_questions("v7"),
        "triage_v9": lambda: split_triage(("triage_set_v9.csv",), "triage_v9"),
        "redaction_v8": lambda: split_jsonl("redaction_set_v8", "style"),
        "injection_v8": lambda: split_jsonl("injection_set_v8", "label"),
        "drugs_v8": lambda: split_drug_questions("v8"),
        "triage_v10": lambda: split_triage(("triage_set_v10.csv",), "triage_v10"),
        "redaction_v9": lambda: split_jsonl("redaction_set_v9", "style"),
        "injection_v9": lambda: split_jsonl("injection_set_v9", "label"),
        "drugs_v9": lambda: split_drug_questions("v9"),
        "triage_v11": lambda: split_triage(("triage_set_v11.csv",), "triage_v11"),
        "injection_v10": lambda: split_jsonl("injection_set_v10", "label"),
        "redaction_v10": lambda: split_jsonl("redaction_set_v10", "style"),
        "drugs_v10": lambda: split_drug_questions("v10"),
        "triage_v12": lambda: split_triage(("triage_set_v12.csv",), "triage_v12"),
        "injection_v11": lambda: split_jsonl("injection_set_v11", "label"),
        "redaction_v11": lambda: split_jsonl("redaction_set_v11", "style"),
        "drugs_v11": lambda: split_drug_questions("v11"),
        "triage_v13": lambda: split_triage(("triage_set_v13.csv",), "triage_v13"),
        "injection_v12": lambda: split_jsonl("injection_set_v12", "label"),
        "redaction_v12": lambda: split_jsonl("redaction_set_v12", "style"),
        "drugs_v12": lambda: split_drug_questions("v12"),
        "triage_v14": lambda: split_triage(("triage_set_v14.csv",), "triage_v14"),
        "injection_v13": lambda: split_jsonl("injection_set_v13", "label"),
        "redaction_v13": lambda: split_jsonl("redaction_set_v13", "style"),
        "drugs_v13": lambda: split_drug_questions("v13"),
        "triage_v15": lambda: split_triage(("triage_set_v15.csv",), "triage_v15"),
        "injection_v14": lambda: split_jsonl("injection_set_v14", "label"),
        "redaction_v14": lambda: split_jsonl("redaction_set_v14", "style"),
        "drugs_v14": lambda: split_drug_questions("v14"),
    }[sys.argv[1]]()
