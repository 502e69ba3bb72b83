"""Redaction evaluation: recall per identifier kind and over-redaction, written to docs/privacy-evaluation.md.

The set (``evaluation/data/redaction_set.jsonl``, written blind to the code) is split once, by a fixed seed and
stratified by style, into a tune part (rules were adjusted on it) and a test part (looked at only through this
report). ``--split`` makes the split and refuses to make it again.

An identifier counts as redacted when its value no longer appears in the output (case- and spacing-insensitive);
a keep item counts as destroyed when it no longer appears.

    .venv/bin/python scripts/redaction_eval.py --split            # once
    .venv/bin/python scripts/redaction_eval.py --part tune        # while tuning: prints misses
    .venv/bin/python scripts/redaction_eval.py                    # test part -> docs/privacy-evaluation.md
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agent.privacy import redact  # noqa: E402

DATA = ROOT / "evaluation" / "data"
SET = DATA / "redaction_set.jsonl"
SEED = 19  # the number; fixed so the split never moves
TUNE_SHARE = 0.4


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def split() -> None:
    """Split the set into tune and test files, stratified by style; never overwrites an existing split."""
    tune_path, test_path = DATA / "redaction_set_tune.jsonl", DATA / "redaction_set_test.jsonl"
    if tune_path.exists() or test_path.exists():
        raise SystemExit("the split exists already; it is made once")
    by_style: dict[str, list[str]] = defaultdict(list)
    for line in SET.read_text().splitlines():
        if line.strip():
            by_style[json.loads(line)["style"]].append(line)
    rng, tune, test = random.Random(SEED), [], []
    for style in sorted(by_style):
        lines = by_style[style]
        rng.shuffle(lines)
        cut = round(len(lines) * TUNE_SHARE)
        tune += lines[:cut]
        test += lines[cut:]
    tune_path.write_text("\n".join(tune) + "\n")
    test_path.write_text("\n".join(test) + "\n")
    print(f"tune {len(tune)} rows, test {len(test)} rows (seed {SEED})")


def evaluate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall per kind, destroyed keep items, misses, timing."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kept, misses, destroyed, elapsed = [0, 0], [], [], 0.0
    for row in rows:
        start = time.perf_counter()
        out = redact(row["text"])
        elapsed += time.perf_counter() - start
        low = _norm(out)
        for ident in row["identifiers"]:
            gone = _norm(ident["value"]) not in low
            found[ident["kind"]][0] += gone
            found[ident["kind"]][1] += 1
            if not gone:
                misses.append({"kind": ident["kind"], "value": ident["value"], "style": row["style"], "output": out})
        for item in row.get("keep", []):
            survived = _norm(item) in low
            kept[0] += survived
            kept[1] += 1
            if not survived:
                destroyed.append({"keep": item, "style": row["style"], "output": out})
    return {"rows": len(rows), "found": dict(found), "kept": kept, "misses": misses, "destroyed": destroyed,
            "ms_per_row": 1000 * elapsed / max(1, len(rows))}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def markdown(test: dict[str, Any], tune: dict[str, Any]) -> str:
    """The report: headline on the test part, the tune part for comparison, every miss and destroyed keep item."""
    found, total = sum(v[0] for v in test["found"].values()), sum(v[1] for v in test["found"].values())
    lines = [
        "# Redaction evaluation",
        "",
        "Written by `scripts/redaction_eval.py` from `evaluation/data/redaction_set.jsonl` (written blind to the",
        f"redactor), split once with seed {SEED}, stratified by style: {tune['rows']} tune rows (rules were adjusted",
        f"on these) and {test['rows']} test rows (reported here, never tuned on). An identifier is redacted when its",
        "value no longer appears in the output; a keep item (a clinical fact) is destroyed when it no longer appears.",
        "",
        f"**Test: {found}/{total} identifiers redacted ({_pct(found, total)}); "
        f"{test['kept'][1] - test['kept'][0]} of {test['kept'][1]} keep items destroyed "
        f"({_pct(test['kept'][1] - test['kept'][0], test['kept'][1])}); {test['ms_per_row']:.2f} ms per row.**",
        "",
        "| kind | test recall | tune recall |",
        "| --- | --- | --- |",
    ]
    for kind in sorted(set(test["found"]) | set(tune["found"])):
        t, u = test["found"].get(kind, [0, 0]), tune["found"].get(kind, [0, 0])
        lines.append(f"| {kind} | {t[0]}/{t[1]} ({_pct(*t)}) | {u[0]}/{u[1]} ({_pct(*u)}) |")
    tf, tt = sum(v[0] for v in tune["found"].values()), sum(v[1] for v in tune["found"].values())
    lines += [f"| **all** | {found}/{total} ({_pct(found, total)}) | {tf}/{tt} ({_pct(tf, tt)}) |", "",
              "## Missed identifiers (test)", ""]
    lines += [f"- {m['kind']} `{m['value']}` ({m['style']}): `{m['output']}`" for m in test["misses"]] or ["None."]
    lines += ["", "## Over-redaction: keep items destroyed (test)", ""]
    lines += [f"- `{d['keep']}` ({d['style']}): `{d['output']}`" for d in test["destroyed"]] or ["None."]
    return "\n".join(lines) + "\n"


def _load(part: str) -> list[dict[str, Any]]:
    path = DATA / f"redaction_set_{part}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run with --split once first")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def main() -> None:
    """Command line: --split, --part tune (prints misses), or the report on the test part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="store_true", help="make the tune/test split (once)")
    parser.add_argument("--part", choices=["tune", "test"], help="print one part's numbers and misses only")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "privacy-evaluation.md")
    args = parser.parse_args()
    if args.split:
        split()
        return
    if args.part:
        result = evaluate(_load(args.part))
        print(json.dumps({k: v for k, v in result.items()}, indent=1, ensure_ascii=False))
        return
    report = markdown(evaluate(_load("test")), evaluate(_load("tune")))
    args.out.write_text(report + _appendix())
    print(report)


def _appendix() -> str:
    path = ROOT / "docs" / "privacy-evaluation-notes.md"
    return "\n" + path.read_text() if path.exists() else ""


if __name__ == "__main__":
    main()
